"""Hot reload: notice that staff changed the content folder, read it in the background, hand it
to the window, which shows it when nobody is using the kiosk.

Two ways to notice a change: QFileSystemWatcher (instant on a local disk) and a poll every
`content_poll_seconds` (network shares often send no change events). Either only *asks* for a
check. A check runs in a background thread: it fingerprints the folder (sizes and times), and
only when the same new fingerprint is seen again after the folder has been quiet for
`quiet_seconds` (3 s in the kiosk) does it read and check the content, so a file still being
copied, or a Syncthing folder half way through a sync, is not read. Content with nothing to
show (a share gone offline) is never handed over: the last good content stays on screen, and
the folder is looked at again at every poll.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content import last_good
from kiosk.content.model import Library
from kiosk.content.refresh import Fingerprint, fingerprint, in_background, load_checked
from kiosk.content.status import ContentStatus, log_status

log = logging.getLogger(__name__)

DEBOUNCE_MS = 1000
QUIET_SECONDS = 3.0  # the kiosk's: a folder must be unchanged this long before it is read
MAX_WATCHED = 2000
RELOAD_LIMIT_SECONDS = 120.0  # a read still running after this is given up as hung
MAX_ABANDONED = 3  # hung reads left behind before the watcher stops starting new ones


class ContentWatcher(QObject):
    """Checks the content folder for changes; emits `loaded` with each new checked Library."""

    loaded = Signal(object)  # Library, with validation findings
    _checked = Signal(int, object, object)  # (read number, Fingerprint, Library | None)

    def __init__(self, root: Path, poll_seconds: int, *,
                 today: Callable[[], date] = date.today,
                 run: Callable[[Callable[[], None]], None] = in_background,
                 clock: Callable[[], float] = time.monotonic, quiet_seconds: float = 0.0,
                 kept: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.kept = kept  # where a copy of content that shows something is kept
        self.today = today
        self.run = run
        self.clock = clock
        self.quiet_seconds = quiet_seconds
        self.candidate_since = 0.0  # when the candidate was first seen
        self.shown: Fingerprint | None = None  # fingerprint of the content last loaded
        self.candidate: Fingerprint | None = None  # a change seen once, waiting to settle
        self.busy = False
        self.busy_since = 0.0
        self.again = False
        self.reads = 0  # numbers each read; a late answer from a read given up is ignored
        self.abandoned = 0  # reads given up as hung (each may still hold a thread)
        self.fs = QFileSystemWatcher(self)
        self.fs.directoryChanged.connect(self._changed)
        self.fs.fileChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(DEBOUNCE_MS)
        self.settle.timeout.connect(self.check)
        self.poll = QTimer(self)
        self.poll.setInterval(poll_seconds * 1000)
        self.poll.timeout.connect(self.check)
        self._checked.connect(self._on_checked)

    def start(self, shown: Fingerprint) -> None:
        """Watch for changes after content with fingerprint `shown` was loaded."""
        self.shown = shown
        self._watch()
        self.poll.start()

    def stop(self) -> None:
        self.poll.stop()
        self.settle.stop()

    def _changed(self, _path: str) -> None:
        self.settle.start()  # restarts: a burst of saves gives one check a second later

    def _watch(self) -> None:
        """Watch the folder, its sub-folders and files, as last seen by the worker (editors
        often replace a file on save, which drops it from the watch list, so this runs again
        after every load). Nothing here lists the folder: a slow share only slows the worker."""
        old = self.fs.files() + self.fs.directories()
        if old:
            self.fs.removePaths(old)
        if self.shown:
            paths = [self.root, *(self.root / rel for rel, _, _ in self.shown)]
            self.fs.addPaths([str(p) for p in paths[:MAX_WATCHED]])

    def check(self) -> None:
        """Look for a change in the background (at most one check at a time). A read that
        has hung longer than RELOAD_LIMIT_SECONDS (a network share that stopped answering) is
        given up, so later changes are still read; after MAX_ABANDONED such reads the watcher
        waits for one of them to finish rather than pile up threads."""
        if self.busy and not self._give_up_hung_read():
            self.again = True
            return
        self.busy, self.busy_since = True, self.clock()
        self.reads += 1
        number, shown, candidate = self.reads, self.shown, self.candidate
        quiet = self.clock() - self.candidate_since >= self.quiet_seconds
        self.run(lambda: self._work(number, shown, candidate, quiet))

    def _give_up_hung_read(self) -> bool:
        if self.clock() - self.busy_since < RELOAD_LIMIT_SECONDS:
            return False
        if self.abandoned >= MAX_ABANDONED:
            return False
        self.abandoned += 1
        log.warning("Reading the content folder %s has taken more than %d s (a network share "
                    "that stopped answering?); the kiosk keeps its content and reads the "
                    "folder again", self.root, RELOAD_LIMIT_SECONDS)
        return True

    def _work(self, number: int, shown: Fingerprint | None, candidate: Fingerprint | None,
              quiet: bool) -> None:
        """Worker thread: fingerprint, and load only a change that has settled."""
        library = None
        now: Fingerprint | None
        try:
            now = fingerprint(self.root)
            if now != shown and now == candidate and quiet:
                library = load_checked(self.root, self.today())
                if self.kept is not None and not library.is_empty:
                    last_good.keep(self.root, self.kept)
        except Exception as exc:  # never let a reload take the kiosk down; say what happened
            log.error("Reading the content folder %s failed (%s: %s); the kiosk keeps its "
                      "content and tries again at the next change", self.root,
                      type(exc).__name__, exc)
            now = shown
        with contextlib.suppress(RuntimeError):  # the watcher was deleted meanwhile
            self._checked.emit(number, now, library)

    def _on_checked(self, number: int, now: Fingerprint | None,
                    library: Library | None) -> None:
        if number != self.reads:  # a read given up as hung finished after all: too late
            self.abandoned -= 1
            return
        self.busy = False
        if library is not None:
            self.shown, self.candidate = now, None
            self._watch()
            self.loaded.emit(library)
        elif now == self.shown:
            self.candidate = None
        elif now == self.candidate:  # unchanged, but not quiet long enough yet
            self.settle.start()
        else:
            self.candidate, self.candidate_since = now, self.clock()
            self.settle.start()
        if self.again:
            self.again = False
            self.settle.start()


class ContentUpdater(QObject):
    """Connects a ContentWatcher to the window; keeps the latest ContentStatus for staff."""

    def __init__(self, window: object, watcher: ContentWatcher, status: ContentStatus, *,
                 now: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(watcher)
        self.window = window
        self.status = status
        self.now = now
        watcher.loaded.connect(self.take)

    def take(self, library: Library) -> None:
        shown = not library.is_empty
        self.status = ContentStatus.of(library, self.now(), shown=shown)
        log_status(self.status)
        if shown:
            self.window.offer_library(library)  # type: ignore[attr-defined]


def watch_content(window: object, root: Path, poll_seconds: int, status: ContentStatus,
                  shown: Fingerprint, *, kept: Path | None = None) -> ContentUpdater:
    """Start watching `root` (whose content with fingerprint `shown` the window shows)."""
    watcher = ContentWatcher(root, poll_seconds, quiet_seconds=QUIET_SECONDS, kept=kept,
                             parent=window)  # type: ignore[arg-type]
    updater = ContentUpdater(window, watcher, status)
    watcher.start(shown)
    return updater
