"""Outside opening hours (setting `opening_hours`): a dark screen, and the display may sleep.

Checked every 30 seconds against an injected clock. The screen only goes dark when nobody is
using the kiosk (no visit, no staff mode). A touch on the dark screen wakes it to the attract
screen and keeps it lit for five minutes even if the clinic is still closed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.settings.config import Settings
from kiosk.settings.hours import parse_hours
from kiosk.ui.look.widgets import CoverLayer
from kiosk.ui.machine.awake import KeepAwake

CHECK_MS = 30_000
WAKE_MS = 5 * 60_000



class DarkenedKiosk(Protocol):
    """What the dark screen needs of the kiosk it covers."""

    settings: Settings  # opening_hours

    def surface(self) -> QWidget: ...

    def stop_attract(self) -> None: ...

    def go_attract(self) -> None: ...


class DarkScreen(CoverLayer):
    """Black over the whole window; lifting a finger from it emits `touched`."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, takes_touch=True)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)


class AfterHours(QObject):
    def __init__(self, kiosk: DarkenedKiosk, awake: KeepAwake, busy: Callable[[], bool], *,
                 now: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(kiosk.surface())
        self.kiosk = kiosk
        self.awake = awake
        self.busy = busy
        self.now = now
        self.screen = DarkScreen(kiosk.surface())
        self.screen.touched.connect(self.wake)
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(CHECK_MS)
        self.check_timer.timeout.connect(self.check)
        self.wake_timer = QTimer(self)
        self.wake_timer.setSingleShot(True)
        self.wake_timer.setInterval(WAKE_MS)
        self.wake_timer.timeout.connect(self._wake_over)
        self.woken = False  # lit by a touch while closed
        self.check_timer.start()

    @property
    def dark(self) -> bool:
        return self.screen.isVisible()

    def check(self) -> None:
        hours = parse_hours(self.kiosk.settings.opening_hours)
        if hours.is_open(self.now()):
            self.woken = False
            self.wake_timer.stop()
            if self.dark:
                self._light()
            return
        if self.dark or self.busy() or self.woken:
            return
        self.kiosk.stop_attract()
        self.screen.fill_parent()
        self.screen.show()
        self.screen.raise_()
        self.awake.release()

    def wake(self) -> None:
        self._light()
        self.woken = True
        self.wake_timer.start()

    def _wake_over(self) -> None:
        self.woken = False
        self.check()

    def _light(self) -> None:
        self.screen.hide()
        self.awake.hold()
        self.kiosk.go_attract()
