"""What the kiosk imports to start must not bring the heavy, rarely needed libraries: textstat
(with NLTK and the CMU dictionary: a second and 100 MB) scores reading levels for validate and
content reloads, segno draws QR codes on pages with web addresses. Each was measured at start-up
(docs/PERFORMANCE.md); they are imported when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STARTUP = ("kiosk.cli", "kiosk.app", "kiosk.ui.window", "kiosk.ui.preview",
           "kiosk.content.refresh", "kiosk.ui.content_watch", "kiosk.ui.kiosk_mode")
LATER = ("textstat", "nltk", "segno")


def test_start_up_leaves_heavy_libraries_for_later() -> None:
    code = (f"import sys\nfor m in {STARTUP!r}: __import__(m)\n"
            f"print(' '.join(m for m in {LATER!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=Path(__file__).parents[1])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
