"""Idle detection for the whole application, and the "Still there?" countdown.

The timers are plain attributes so tests can fire them (`idle_timer.timeout.emit()`) instead of
waiting. A finger held on the screen never times out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TabletPress,
}
MAX_HELD_ROUNDS = 10
_DOWN = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.TabletPress}
_UP = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
       QEvent.Type.TabletRelease}


class IdleWatcher(QObject):
    """Watches every input event; emits `warning` after the timeout, then `expired`."""

    warning = Signal(int)  # seconds left, when the countdown starts
    tick = Signal(int)  # seconds left, every second of the countdown
    resumed = Signal()  # a touch during the countdown
    expired = Signal()

    def __init__(self, timeout_s: int, warning_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._on_idle)
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self._on_tick)
        self.warning_s = warning_s
        self.remaining = 0
        self.finger_down = False
        self.active = False
        self.held = False  # something the patient asked for is still going on (reading aloud)
        self._held_rounds = 0
        self.set_timeout(timeout_s)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout(self, timeout_s: int) -> None:
        self.idle_timer.setInterval(timeout_s * 1000)

    @property
    def warning_shown(self) -> bool:
        return self.countdown_timer.isActive()

    def start(self) -> None:
        """Begin watching (a visit started)."""
        self.active = True
        self._restart()

    def stop(self) -> None:
        """Stop watching (back on the attract screen)."""
        self.active = False
        self.idle_timer.stop()
        self.countdown_timer.stop()

    def set_held(self, held: bool) -> None:
        """Hold the idle countdown off while `held` (e.g. a page is being read aloud).

        A hold outlasting MAX_HELD_ROUNDS idle timeouts is ignored, so a speech engine that
        never reports the end cannot keep one patient's visit on screen for the next.
        """
        self.held = held
        self._held_rounds = 0
        if not held and self.active and not self.countdown_timer.isActive():
            self._restart()  # a full timeout from the end of the reading

    def poke(self) -> None:
        """The patient did something."""
        if not self.active:
            return
        if self.countdown_timer.isActive():
            self.countdown_timer.stop()
            self.resumed.emit()
        self._restart()

    def _restart(self) -> None:
        self.idle_timer.start()

    def _on_idle(self) -> None:
        if not self.active:
            return
        if self.finger_down or (self.held and self._held_rounds < MAX_HELD_ROUNDS):
            if self.held:
                self._held_rounds += 1
            self._restart()
            return
        self.remaining = self.warning_s
        self.countdown_timer.start()
        self.warning.emit(self.remaining)

    def _on_tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.tick.emit(self.remaining)
            return
        self.countdown_timer.stop()
        self.active = False
        self.expired.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in _INPUT_EVENTS or kind in _UP:
            if kind in _DOWN:
                self.finger_down = True
            elif kind in _UP:
                self.finger_down = False
            if kind != QEvent.Type.MouseMove or self.finger_down:
                self.poke()
        return False
