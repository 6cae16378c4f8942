"""What the staff panel needs from outside the window: folders, the recorder and the clocks.

Everything that touches time or the machine is a field, so tests pass fakes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from kiosk.access.pin import verify_pin
from kiosk.content.model import Library
from kiosk.content.refresh import in_background
from kiosk.content.status import ContentStatus
from kiosk.engagement.events import EventRecorder
from kiosk.engagement.recorder import RecorderStatus
from kiosk.engagement.reports.drives import removable_drives
from kiosk.settings.paths import DB_FILENAME
from kiosk.ui.look.i18n import tr
from kiosk.ui.machine.share_snapshots import ShareSnapshots


class ContentSource(Protocol):
    """What the content reload keeps (kiosk/ui/machine/content_watch.py's ContentUpdater): the
    status of the last load, and `take` for a newly loaded library (shown once nobody uses the
    kiosk)."""

    status: ContentStatus

    def take(self, library: Library) -> None: ...


def recorder_sentence(status: RecorderStatus) -> str:
    """The recorder's state in the interface language. A failure keeps the recorder's own
    sentence: it names the folder and the system's error for clinic IT, as the log does."""
    sentences = {
        "starting": tr("Staff", "Starting."),
        "recording": tr("Staff", "Recording visits."),
        "memory": tr("Staff", "Events are kept in memory only."),
        "busy": tr("Staff", "The database is busy: another program is using it. Visits are "
                   "kept in memory and written as soon as it is free."),
        "moved": tr("Staff", "Database was damaged and moved aside to %1; a new one was "
                    "started.").replace("%1", str(status.path)),
    }
    return sentences.get(status.kind, status.message)


@dataclass
class StaffContext:
    config_path: Path
    data_dir: Path
    content_dir: Path
    recorder: EventRecorder  # `status` and `flush` too when it is the real one
    content: ContentSource | None = None  # None: reloads go straight to the window
    run_in_background: Callable[[Callable[[], None]], None] = in_background
    wall_clock: Callable[[], float] = time.time  # the PIN lockout must survive a restart
    now: Callable[[], datetime] = datetime.now
    list_drives: Callable[[], list[Path]] = removable_drives
    snapshots: ShareSnapshots | None = None  # share_dir set: the daily snapshot to the share
    verify_pin: Callable[[str, str], bool] = verify_pin  # the costly hash, run in the background

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILENAME

    def record(self, kind: str, **fields: object) -> None:
        self.recorder.record(kind, **fields)

    def recorder_status(self) -> str:
        status = getattr(self.recorder, "status", None)
        return recorder_sentence(status) if isinstance(status, RecorderStatus) else ""

    def flush_events(self) -> None:
        """Let the dashboard see the latest visits (waits at most a second)."""
        flush = getattr(self.recorder, "flush", None)
        if flush is not None:
            flush(1.0)
