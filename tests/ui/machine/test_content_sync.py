"""Content in a Syncthing folder or on a network share: never a half-synced folder on screen,
Syncthing's own files ignored, conflict copies named, a share that goes away changes nothing."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.content.reading.loader import load_library
from kiosk.content.refresh import fingerprint
from kiosk.content.status import ContentStatus
from kiosk.ui.machine.content_watch import ContentUpdater, ContentWatcher
from tests.helpers.content import section_text, write_content


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


def _watcher(root: Path, window, clock: Clock) -> tuple[ContentWatcher, ContentUpdater]:
    watcher = ContentWatcher(root, 10, today=lambda: date(2026, 11, 22), run=lambda job: job(),
                             clock=clock, quiet_seconds=3, parent=window)
    updater = ContentUpdater(window, watcher, ContentStatus.of(window.library,
                                                               datetime(2026, 1, 1)))
    watcher.start(fingerprint(root))
    return watcher, updater


def _title(window) -> str:
    return window.library.languages["en"].sections[0].title


def _look(watcher: ContentWatcher, clock: Clock, seconds: float) -> None:
    clock.now += seconds
    watcher.settle.timeout.emit()


def test_the_folder_must_be_quiet_for_3_seconds(make_window, root: Path) -> None:
    clock = Clock()
    window = make_window(load_library(root))
    watcher, _ = _watcher(root, window, clock)
    (root / "en" / "01-topic-1.md").write_text(section_text("Synced", ["New."]),
                                               encoding="utf-8")
    watcher.poll.timeout.emit()  # seen
    _look(watcher, clock, 1)
    _look(watcher, clock, 1)
    assert _title(window) == "Topic 1 en"  # unchanged for 2 s: not yet
    _look(watcher, clock, 1)
    assert _title(window) == "Synced"


def test_a_file_syncthing_is_still_writing_keeps_the_folder_from_loading(
        make_window, root: Path) -> None:
    clock = Clock()
    window = make_window(load_library(root))
    watcher, _ = _watcher(root, window, clock)
    arriving = root / "en" / ".syncthing.01-topic-1.md.tmp"
    text = section_text("Arrived whole", ["All of it."])
    (root / "en" / "02-topic-2.md").write_text(section_text("Second file first", ["x"]),
                                               encoding="utf-8")
    arriving.write_text(text[:40], encoding="utf-8")
    watcher.poll.timeout.emit()
    for part in (80, 120):  # the download goes on: the folder is never quiet
        arriving.write_text(text[:part], encoding="utf-8")
        _look(watcher, clock, 2)
        assert _title(window) == "Topic 1 en"
    arriving.write_text(text, encoding="utf-8")  # the last bytes arrive
    _look(watcher, clock, 2)
    assert _title(window) == "Topic 1 en"
    arriving.replace(root / "en" / "01-topic-1.md")  # Syncthing's rename: whole at once
    _look(watcher, clock, 1)
    _look(watcher, clock, 3)
    titles = [s.title for s in window.library.languages["en"].sections]
    assert titles[:2] == ["Arrived whole", "Second file first"]


def test_syncthing_folders_are_not_content(make_window, root: Path) -> None:
    window = make_window(load_library(root))
    watcher, _ = _watcher(root, window, Clock())
    versions = root / ".stversions" / "en"
    versions.mkdir(parents=True)
    (versions / "01-topic-1~20261122-093000.md").write_text("old", encoding="utf-8")
    (root / ".stfolder").mkdir()
    watcher.poll.timeout.emit()
    assert not watcher.settle.isActive()  # nothing that counts has changed


def test_a_share_that_goes_away_keeps_the_content_and_is_retried(
        make_window, root: Path, tmp_path: Path) -> None:
    clock = Clock()
    window = make_window(load_library(root))
    watcher, updater = _watcher(root, window, clock)
    library = window.library
    away = tmp_path / "away"
    root.rename(away)  # the share went offline
    watcher.poll.timeout.emit()
    _look(watcher, clock, 3)
    assert window.library is library and not updater.status.shown
    shutil.copytree(away, root)  # back, with a change made meanwhile
    (root / "en" / "01-topic-1.md").write_text(section_text("Back", ["x"]), encoding="utf-8")
    watcher.poll.timeout.emit()
    _look(watcher, clock, 3)
    assert _title(window) == "Back" and updater.status.shown


def test_a_conflict_copy_is_named_and_not_shown(root: Path) -> None:
    copy = root / "en" / "01-topic-1.sync-conflict-20261122-093000-ABCDEF7.md"
    copy.write_text(section_text("Other edit", ["x"]), encoding="utf-8")
    library = load_library(root)
    titles = [s.title for s in library.languages["en"].sections]
    assert titles == ["Topic 1 en", "Topic 2 en", "Topic 3 en"]
    found = [f for f in library.findings if f.path == copy]
    assert len(found) == 1 and found[0].severity == "warning"
    assert "conflict copy made by Syncthing (two edits of 01-topic-1.md met)" in found[0].message
