"""Previews write one PNG per screen; missing or broken content shows a calm message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.content.reading.loader import load_library
from kiosk.settings.config import Settings
from kiosk.ui.preview.patient import render_previews
from tests.helpers.touch import tap


def test_preview_writes_one_png_per_screen(qapp, library, tmp_path: Path) -> None:
    written = render_previews(library, Settings(), tmp_path / "out", width=1366, height=768,
                              languages=["en"], text_size="largest", theme="standard")
    names = sorted(p.name for p in written)
    pages = [f"en-reader-0{s}-topic-{s}-p{p}.png" for s in (1, 2, 3) for p in (1, 2, 3)]
    quiz = ["en-quiz-question.png", "en-quiz-feedback.png", "en-quiz-results.png"]
    staff = [f"en-staff-{name}.png"
             for name in ("pin", "panel", "visits", "export", "settings", "system")]
    assert names == sorted(["en-attract.png", "en-home.png", *quiz,
                            "en-disclaimer.png", "en-sources.png", "en-idle.png", *pages,
                            *staff])
    image = QImage(str(tmp_path / "out" / "en-home.png"))
    assert (image.width(), image.height()) == (1366, 768)


def test_preview_command_runs_offscreen(tmp_path: Path, content_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "preview", "--out", str(tmp_path / "p"), "--lang", "es",
         "--size", "1080x1920", "--content", str(content_dir)],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[3])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (tmp_path / "p" / "es-home.png").exists()
    assert "screens written" in result.stdout


def test_missing_content_folder_shows_updating_screen(make_window, tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere")
    window = make_window(library)
    assert window.current_screen() is window.updating
    tap(window.updating)
    assert window.current_screen() is window.updating
    assert "being updated" in window.updating.title.text()


def test_empty_and_unreadable_content(make_window, tmp_path: Path) -> None:
    (tmp_path / "c" / "en").mkdir(parents=True)
    (tmp_path / "c" / "en" / "01-bad.md").write_bytes(b"\xff\xfe\x00garbage\x00\x01")
    library = load_library(tmp_path / "c")
    assert library.is_empty
    assert any("01-bad.md" in str(f) for f in library.errors)
    window = make_window(library)
    assert window.current_screen() is window.updating


def test_kiosk_reports_missing_content_on_stderr(tmp_path: Path) -> None:
    script = ("import sys; from kiosk.app import load_content, setup_logging;"
              "setup_logging(None); load_content(__import__('pathlib').Path(sys.argv[1]))")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "gone")],
                            capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).parents[3])
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert str(tmp_path / "gone") in result.stderr
    assert "starts on the content it was shipped with" in result.stderr


def test_a_bad_file_leaves_the_good_sections(make_window, content_dir: Path) -> None:
    (content_dir / "en" / "02-topic-2.md").write_text("---\ntitle: Broken\n", encoding="utf-8")
    library = load_library(content_dir)
    window = make_window(library)
    tap(window.attract)
    assert [t.key for t in window.home.tiles][:2] == ["topic-1", "topic-3"]
    assert any(f.line == 1 and "never closed" in f.message for f in library.errors)
