"""Hot reload: a change staff save is read in the background and shown at the next idle reset,
never under a patient's finger; content with nothing to show never replaces good content."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.content.reading.loader import load_library
from kiosk.content.refresh import fingerprint, load_checked
from kiosk.content.status import ContentStatus
from kiosk.ui.machine.content_watch import ContentUpdater, ContentWatcher
from tests.helpers.content import section_text, write_content
from tests.helpers.touch import tap


def inline(job: Callable[[], None]) -> None:
    job()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


def make_watcher(root: Path, window, run=inline) -> tuple[ContentWatcher, ContentUpdater]:
    watcher = ContentWatcher(root, 10, today=lambda: date(2026, 11, 22), run=run, parent=window)
    status = ContentStatus.of(window.library, datetime(2026, 1, 1))
    updater = ContentUpdater(window, watcher, status, now=lambda: datetime(2026, 11, 22, 9, 30))
    watcher.start(fingerprint(root))
    return watcher, updater


def retitle(root: Path, title: str) -> None:
    (root / "en" / "01-topic-1.md").write_text(section_text(title, ["New text."]),
                                               encoding="utf-8")


def poll_until_settled(watcher: ContentWatcher) -> None:
    """The poll sees the change; a second look a moment later finds it unchanged and loads."""
    watcher.poll.timeout.emit()
    assert watcher.settle.isActive()
    watcher.settle.timeout.emit()


def idle_reset(window) -> None:
    window.idle.idle_timer.timeout.emit()
    for _ in range(window.settings.idle_warning):
        window.idle.countdown_timer.timeout.emit()


def test_a_change_waits_for_the_idle_reset(make_window, root: Path) -> None:
    window = make_window(load_library(root))
    watcher, updater = make_watcher(root, window)
    tap(window.attract)
    tap(window.home.tiles[0])
    assert window.reader.section_label.text() == "Topic 1 en"
    retitle(root, "Restless legs today")
    poll_until_settled(watcher)
    assert window.pending_library is not None
    assert window.current_screen() is window.reader  # nothing moved under the finger
    assert window.reader.section_label.text() == "Topic 1 en"
    assert window.home.tiles[0].title_label.text() == "Topic 1 en"
    idle_reset(window)
    assert window.current_screen() is window.attract
    tap(window.attract)
    assert window.home.tiles[0].title_label.text() == "Restless legs today"
    assert updater.status.loaded_at == datetime(2026, 11, 22, 9, 30)
    assert updater.status.shown


def test_a_change_is_shown_at_once_on_the_attract_screen(make_window, root: Path) -> None:
    window = make_window(load_library(root))
    watcher, _ = make_watcher(root, window)
    (root / "notice.md").write_text("The clinic closes at noon on Friday.\n", encoding="utf-8")
    poll_until_settled(watcher)
    assert window.pending_library is None
    assert window.current_screen() is window.attract
    tap(window.attract)
    assert window.home.notice.isVisible()
    assert window.home.notice.text() == "The clinic closes at noon on Friday."


def test_a_file_still_being_written_is_not_read(make_window, root: Path) -> None:
    window = make_window(load_library(root))
    watcher, _ = make_watcher(root, window)
    retitle(root, "Half")
    watcher.poll.timeout.emit()  # seen once
    retitle(root, "Half written, now complete")
    watcher.settle.timeout.emit()  # changed again: not settled, nothing loaded
    assert window.library.languages["en"].sections[0].title == "Topic 1 en"
    watcher.settle.timeout.emit()
    assert window.library.languages["en"].sections[0].title == "Half written, now complete"


def test_no_change_reads_nothing(make_window, root: Path) -> None:
    window = make_window(load_library(root))
    watcher, _ = make_watcher(root, window)
    library = window.library
    watcher.poll.timeout.emit()
    assert not watcher.settle.isActive()
    assert window.library is library and window.pending_library is None


def test_a_broken_file_is_left_out_and_the_rest_shown(make_window, root: Path) -> None:
    window = make_window(load_library(root))
    watcher, updater = make_watcher(root, window)
    (root / "en" / "02-topic-2.md").write_text("---\ntitle: Oops\n", encoding="utf-8")
    poll_until_settled(watcher)
    tap(window.attract)
    assert [t.key for t in window.home.tiles][:3] == ["topic-1", "topic-3", "__quiz__"]
    assert [f.path.name for f in updater.status.skipped] == ["02-topic-2.md"]
    assert [s.sections for s in updater.status.languages if s.lang == "en"] == [
        ("topic-1", "topic-3")]


def test_nothing_valid_keeps_the_last_good_content(make_window, root: Path, caplog) -> None:
    window = make_window(load_library(root))
    watcher, updater = make_watcher(root, window)
    library = window.library
    for path in (root / "en").glob("0*.md"):
        path.write_text("---\nbroken\n", encoding="utf-8")
    for path in (root / "es").glob("0*.md"):
        path.unlink()
    poll_until_settled(watcher)
    assert window.library is library and window.pending_library is None
    assert not updater.status.shown
    assert "the last good content stays" in caplog.text
    tap(window.attract)
    assert [t.key for t in window.home.tiles][:3] == ["topic-1", "topic-2", "topic-3"]


def test_a_real_file_watcher_notices_a_save(make_window, root: Path, qtbot) -> None:
    """QFileSystemWatcher and the background thread for real; the settle timer is fired."""
    window = make_window(load_library(root))
    watcher = ContentWatcher(root, 10, today=lambda: date(2026, 11, 22), parent=window)
    ContentUpdater(window, watcher, ContentStatus.of(window.library, datetime(2026, 1, 1)))
    watcher.start(fingerprint(root))
    with qtbot.waitSignal(watcher.fs.fileChanged, timeout=5000):
        retitle(root, "Saved in Notepad")
    assert watcher.settle.isActive()
    watcher.settle.timeout.emit()  # first look: a change, not yet settled
    qtbot.waitUntil(lambda: not watcher.busy, timeout=5000)
    with qtbot.waitSignal(watcher.loaded, timeout=5000):
        watcher.settle.timeout.emit()  # second look: unchanged since, so it is read
    assert window.library.languages["en"].sections[0].title == "Saved in Notepad"
    assert str(root / "en" / "01-topic-1.md") in watcher.fs.files()  # watched again


def test_a_failing_read_keeps_the_content_and_is_logged(make_window, root: Path, caplog,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.ui.machine.content_watch as content_watch

    def fail(*_args: object) -> None:
        raise OSError("the network share went away")

    window = make_window(load_library(root))
    watcher, _ = make_watcher(root, window)
    library = window.library
    monkeypatch.setattr(content_watch, "load_checked", fail)
    retitle(root, "Never shown")
    poll_until_settled(watcher)
    assert window.library is library and not watcher.busy
    assert "the kiosk keeps its content" in caplog.text
    monkeypatch.setattr(content_watch, "load_checked", load_checked)
    watcher.poll.timeout.emit()  # the change is still there: the next look reads it
    watcher.settle.timeout.emit()
    assert window.library.languages["en"].sections[0].title == "Never shown"


def test_a_hung_read_is_given_up_and_the_next_change_still_shown(make_window, root: Path,
                                                                 caplog) -> None:
    """A read stuck on a share that stopped answering must not stop every later reload."""
    from kiosk.ui.machine.content_watch import RELOAD_LIMIT_SECONDS

    held: list[Callable[[], None]] = []  # reads started but not (yet) answered: hung
    now = [1000.0]
    window = make_window(load_library(root))
    window.go_attract()
    watcher = ContentWatcher(root, 10, today=lambda: date(2026, 11, 22), run=held.append,
                             clock=lambda: now[0], parent=window)
    ContentUpdater(window, watcher, ContentStatus.of(window.library, datetime(2026, 1, 1)))
    watcher.start(fingerprint(root))
    retitle(root, "After the hang")
    watcher.poll.timeout.emit()
    assert len(held) == 1  # the share hangs in this read
    now[0] += RELOAD_LIMIT_SECONDS - 1
    watcher.poll.timeout.emit()
    assert len(held) == 1  # not yet given up: one read at a time
    now[0] += 2
    watcher.poll.timeout.emit()
    assert len(held) == 2 and "has taken more than 120 s" in caplog.text
    held[1]()  # the share answers again: the change is seen...
    watcher.settle.timeout.emit()
    held[2]()  # ...and read once it has settled
    assert window.library.languages["en"].sections[0].title == "After the hang"
    held[0]()  # the hung read finally returns: its old answer changes nothing
    assert window.library.languages["en"].sections[0].title == "After the hang"
    assert watcher.abandoned == 0 and not watcher.busy


def test_hung_reads_are_not_piled_up_without_end(make_window, root: Path) -> None:
    from kiosk.ui.machine.content_watch import MAX_ABANDONED, RELOAD_LIMIT_SECONDS

    held: list[Callable[[], None]] = []
    now = [1000.0]
    window = make_window(load_library(root))
    watcher = ContentWatcher(root, 10, run=held.append, clock=lambda: now[0], parent=window)
    watcher.start(fingerprint(root))
    for _ in range(10):
        watcher.poll.timeout.emit()
        now[0] += RELOAD_LIMIT_SECONDS + 1
    assert len(held) == MAX_ABANDONED + 1  # every read hangs: a bounded number of threads
    held[0]()  # one hung read returns: room for one more try
    watcher.poll.timeout.emit()
    assert len(held) == MAX_ABANDONED + 2


def test_a_reload_that_shows_something_is_kept_for_the_next_start(make_window, root: Path,
                                                                 tmp_path: Path) -> None:
    kept = tmp_path / "data" / "last-good-content"
    window = make_window(load_library(root))
    window.go_attract()
    watcher = ContentWatcher(root, 10, today=lambda: date(2026, 11, 22), run=inline, kept=kept,
                             parent=window)
    ContentUpdater(window, watcher, ContentStatus.of(window.library, datetime(2026, 1, 1)))
    watcher.start(fingerprint(root))
    retitle(root, "Kept for tomorrow")
    poll_until_settled(watcher)
    assert window.library.languages["en"].sections[0].title == "Kept for tomorrow"
    copy = load_library(kept)
    assert copy.languages["en"].sections[0].title == "Kept for tomorrow"
