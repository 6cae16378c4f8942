"""When the kiosk writes its daily snapshot to the clinic group's shared report folder.

The work (kiosk/engagement/snapshot.py) runs in a background thread: a network share that hangs
must never freeze the screen. An hourly check writes a snapshot when the last one in the share
is a day old or missing; staff can ask for one at once from the System page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.refresh import in_background
from kiosk.engagement.snapshot import (
    SnapshotResult,
    last_snapshot,
    snapshot_due,
    write_snapshot,
)

log = logging.getLogger(__name__)
CHECK_MS = 60 * 60 * 1000  # hourly: a kiosk switched off at night still writes once a day


class ShareSnapshots(QObject):
    """`finished` carries the SnapshotResult of a write, on the UI thread."""

    finished = Signal(object)
    _done = Signal(object, object)  # (result or None, last snapshot time): from the worker

    def __init__(self, database: Path, share_dir: Path, kiosk_id: str, *,
                 before: Callable[[], None] = lambda: None,
                 run_in_background: Callable[[Callable[[], None]], None] = in_background,
                 now: Callable[[], datetime] = datetime.now, check_ms: int = CHECK_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.share_dir = share_dir
        self.kiosk_id = kiosk_id
        self._before = before  # flush the recorder, so the snapshot holds the latest visits
        self._run = run_in_background
        self._now = now
        self.busy = False
        self.last_written: datetime | None = None
        self.last_result: SnapshotResult | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self._done.connect(self._finish)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def check(self) -> None:
        """Write a snapshot when the last one is a day old (looked up off the UI thread)."""
        self._launch(only_when_due=True)

    def write_now(self) -> None:
        self._launch(only_when_due=False)

    def _launch(self, *, only_when_due: bool) -> None:
        if self.busy:
            return
        self.busy = True
        now = self._now()

        def job() -> None:
            result: SnapshotResult | None = None
            last: datetime | None = None
            try:
                last = last_snapshot(self.share_dir, self.kiosk_id)
                if not only_when_due or snapshot_due(last, now):
                    self._before()
                    result = write_snapshot(self.database, self.share_dir, self.kiosk_id)
                    last = result.written or last
            except Exception as exc:  # never let a share's surprise end the thread silently
                log.exception("Snapshot failed")
                result = SnapshotResult(False, f"No snapshot: {exc}.")
            self._done.emit(result, last)

        self._run(job)

    def _finish(self, result: SnapshotResult | None, last: datetime | None) -> None:
        self.busy = False
        self.last_written = last
        if result is not None:
            self.last_result = result
            if not result.ok:
                log.warning("%s", result.message)
            self.finished.emit(result)
