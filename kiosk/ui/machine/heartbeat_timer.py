"""Writes the heartbeat file from a timer on the event loop, so a frozen kiosk stops writing."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.runtime.heartbeat import INTERVAL_SECONDS, write_beat

log = logging.getLogger(__name__)


class Heartbeat(QObject):
    """Beats once at once, then every `interval_ms`; a failed write is logged once."""

    def __init__(self, path: Path, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_SECONDS * 1000) -> None:
        super().__init__(parent)
        self.path = path
        self.count = 0
        self._failed = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.beat)

    def start(self) -> None:
        self.beat()
        self.timer.start()

    def beat(self) -> None:
        self.count += 1
        if write_beat(self.path, self.count):
            self._failed = False
        elif not self._failed:
            self._failed = True
            log.warning("The heartbeat file %s cannot be written; a supervisor would restart "
                        "this kiosk. Let the kiosk account write to %s.", self.path,
                        self.path.parent)
