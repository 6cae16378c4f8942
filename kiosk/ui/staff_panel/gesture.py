"""The hidden way in: press and hold the clinic's name or logo on the home screen for 3 seconds.

A hold is hard to do by accident and needs no corner of the screen that a bezel might hide. It
works by finger (touch events, which the watched labels accept) and by mouse (for installers).
Moving the finger more than a little, or lifting it, cancels the hold. The timer is a plain
attribute so tests fire it instead of waiting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPointerEvent
from PySide6.QtWidgets import QWidget

HOLD_MS = 3000
MAX_DRIFT_PX = 40  # a finger that slides further is scrolling or swiping, not holding


class HoldGesture(QObject):
    held = Signal()

    def __init__(self, targets: list[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(HOLD_MS)
        self.hold_timer.timeout.connect(self.held.emit)
        self._start: QPointF | None = None
        for target in targets:
            target.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
            target.installEventFilter(self)

    def _begin(self, event: QPointerEvent) -> None:
        self._start = event.points()[0].globalPosition() if event.points() else None
        self.hold_timer.start()

    def _cancel(self) -> None:
        self._start = None
        self.hold_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not isinstance(event, QPointerEvent):  # touch and mouse events only
            return False
        kind = event.type()
        if kind == QEvent.Type.TouchBegin or (
                kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton):
            self._begin(event)
            event.accept()
            return True  # the label has no use for it; accepting keeps the touch coming here
        if kind in (QEvent.Type.TouchUpdate, QEvent.Type.MouseMove):
            points = event.points()
            if self._start is not None and points:
                drift = points[0].globalPosition() - self._start
                if abs(drift.x()) + abs(drift.y()) > MAX_DRIFT_PX:
                    self._cancel()
            return kind == QEvent.Type.TouchUpdate
        if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
                    QEvent.Type.MouseButtonRelease):
            self._cancel()
            return kind != QEvent.Type.MouseButtonRelease
        return False
