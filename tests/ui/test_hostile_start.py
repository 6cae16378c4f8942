"""Whatever the content folder holds, the kiosk starts and serves every section that is not
broken: special files, loops of links, TOML nested past Python's limit, huge files, a folder
that does not answer in time, a folder with nothing to show."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk import app
from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.settings import paths
from tests.content.broken_cases import CASES, Case, apply, build
from tests.helpers.content import write_content
from tests.helpers.touch import tap

ROOT = Path(__file__).parents[2]


def _tile_keys(window) -> set[str]:
    tap(window.attract)
    return {tile.key for tile in window.home.tiles}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_kiosk_starts_and_serves_every_good_section(case: Case, tmp_path: Path,
                                                         make_window) -> None:
    root = build(case, tmp_path / "content")
    start = app.start_content(root)
    assert start.library.root == root and start.status.shown
    window = make_window(start.library)
    good = {slug for lang, slug in case.good if lang == "en"}
    assert good <= _tile_keys(window)
    assert start.status.skipped == load_library(root).errors  # for the staff panel and log


def test_a_folder_that_does_not_answer_in_time_gives_the_shipped_content(
        tmp_path: Path, make_window) -> None:
    root = build(CASES[0], tmp_path / "content")
    release = threading.Event()

    def hung(folder: Path) -> Library:
        release.wait()  # a network share that never answers
        return load_library(folder)

    try:
        start = app.start_content(root, seconds=0.05, load=hung)
    finally:
        release.set()
    assert start.library.root == paths.shipped_content_dir()
    assert not start.status.shown and start.shown == ()
    assert [(f.path, f.line) for f in start.status.skipped] == [(root, 0)]
    assert "could not be read within 0 seconds" in start.status.skipped[0].message
    assert "what-is-rls" in _tile_keys(make_window(start.library))


def test_a_folder_with_nothing_to_show_gives_the_shipped_content(tmp_path: Path) -> None:
    (tmp_path / "c" / "en").mkdir(parents=True)
    os.mkfifo(tmp_path / "c" / "en" / "01-pipe.md")
    start = app.start_content(tmp_path / "c")
    assert start.library.root == paths.shipped_content_dir()
    assert not start.status.shown
    assert any("01-pipe.md" in str(f.path) and "not a regular file" in f.message
               for f in start.status.skipped)


def test_the_kiosk_process_starts_on_a_hostile_folder(tmp_path: Path) -> None:
    """The real program, on a folder with a pipe, a loop of links and a site.toml nested past
    the recursion limit: it paints its first frame and serves the good sections."""
    root = write_content(tmp_path / "content")
    for name in ("special-file", "symlink-loop", "toml-nested-too-deep", "huge-file"):
        apply(next(c for c in CASES if c.name == name), root)
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data)}
    process = subprocess.Popen(
        [sys.executable, "main.py", "run", "--windowed", "--content", str(root)], cwd=ROOT,
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    log_file = paths.log_file(data)
    try:
        text = ""
        deadline = time.monotonic() + 60
        while "First frame painted" not in text and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.2)
            text = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "First frame painted" in text
    assert "en: 4 sections" in text and "es: 3 sections" in text  # 06-loop-picture, no picture
    assert "Traceback" not in stderr
    assert "04-pipe.md: error: is not a regular file" in text
    assert "is nested too deeply to read" in text


def test_a_folder_away_at_start_gives_the_copy_last_shown_not_the_shipped_content(
        tmp_path: Path, make_window) -> None:
    """A clinic's share offline at 7 am: the kiosk shows the clinic's own content, kept from
    its last good load, never the example clinic's."""
    root = write_content(tmp_path / "content")
    kept = tmp_path / "data" / "last-good-content"
    first = app.start_content(root, kept=kept, run=lambda job: job())
    assert first.status.shown and kept.is_dir()
    renamed = root.rename(tmp_path / "away")  # the share goes offline
    start = app.start_content(root, kept=kept)
    assert start.library.root == kept and not start.status.shown and start.shown == ()
    window = make_window(start.library)
    assert _tile_keys(window) == {"topic-1", "topic-2", "topic-3", "__quiz__"}
    assert renamed.exists()


def test_without_a_kept_copy_a_folder_away_at_start_gives_the_shipped_content(
        tmp_path: Path) -> None:
    start = app.start_content(tmp_path / "missing", kept=tmp_path / "data" / "last-good")
    assert start.library.root == paths.shipped_content_dir()
