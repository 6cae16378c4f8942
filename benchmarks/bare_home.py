"""The floor for bench_preview.py: a bare PySide6 window that renders an HTML file.

    python benchmarks/bare_home.py PAGE.html OUT.png 1920x1080

No kiosk code is imported: a QApplication, the same fonts the kiosk loads, one QTextBrowser with
the page, one grab saved as PNG, exit. This is what any Qt program showing the same content pays.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QTextBrowser

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"


def main() -> int:
    page, out, size = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    width, height = (int(v) for v in size.split("x"))
    app = QApplication(sys.argv[:1])
    for font in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    app.setFont(QFont("Atkinson Hyperlegible"))
    view = QTextBrowser()
    view.setSearchPaths([str(page.parent)])
    view.setHtml(page.read_text(encoding="utf-8"))
    view.resize(width, height)
    view.show()
    app.processEvents()
    return 0 if view.grab().save(out) else 1


if __name__ == "__main__":
    raise SystemExit(main())
