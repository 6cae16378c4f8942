"""`preview --screens` renders only the kinds of screen asked for (the start-up benchmark)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kiosk.settings.config import Settings
from kiosk.ui.preview.patient import render_previews


def test_only_the_kinds_asked_for(qapp, library, tmp_path: Path) -> None:
    written = render_previews(library, Settings(), tmp_path, width=1366, height=768,
                              languages=["en", "es"], text_size="normal", theme="standard",
                              screens=("home", "disclaimer"))
    assert sorted(p.name for p in written) == ["en-disclaimer.png", "en-home.png",
                                               "es-disclaimer.png", "es-home.png"]


def test_an_unknown_kind_is_one_sentence(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "preview", "--out", str(tmp_path), "--screens", "home,menu"],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[3])
    assert result.returncode == 2
    assert result.stderr.startswith('rls-kiosk: --screens "menu" is not a kind of screen')
    assert "Traceback" not in result.stderr
    assert not any(tmp_path.iterdir())
