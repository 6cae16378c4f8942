"""check.sh: every preview PNG in FOLDER has the window's size and is drawn, not blank.

    python pngs_drawn.py 1366x768 FOLDER     (exit 1 and the names of the bad files otherwise)

"Drawn" means at least MIN_COLOURS colours on a grid of sample points: a blank or single-colour
window fails, any screen with text on it passes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage

GRID = 48
MIN_COLOURS = 3


def problem(path: Path, width: int, height: int) -> str | None:
    image = QImage(str(path))
    if image.isNull():
        return "not a readable PNG"
    if (image.width(), image.height()) != (width, height):
        return f"{image.width()}x{image.height()}, not {width}x{height}"
    colours = {image.pixel(x * (width - 1) // GRID, y * (height - 1) // GRID)
               for x in range(GRID + 1) for y in range(GRID + 1)}
    return None if len(colours) >= MIN_COLOURS else f"blank ({len(colours)} colour(s))"


def main(size: str, folder: str) -> int:
    width, height = (int(part) for part in size.split("x"))
    pngs = sorted(Path(folder).glob("*.png"))
    bad = [(p.name, why) for p in pngs if (why := problem(p, width, height))]
    for name, why in bad:
        print(f"{name}: {why}")
    print(f"{len(pngs) - len(bad)} of {len(pngs)} PNGs drawn at {size}")
    return 1 if bad or not pngs else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
