"""Touch helpers: kinetic scrolling and one-finger horizontal swipes.

Qt's own QSwipeGesture needs three fingers, so a one-finger swipe is recognised here from the
press and release positions (touch or mouse, whichever reaches the widget first).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties, QWidget

SWIPE_MIN_FRACTION = 0.12  # of the widget's width
SWIPE_MAX_SLOPE = 0.6  # |dy| / |dx| above this is a scroll, not a swipe


def enable_kinetic_scroll(area: QAbstractScrollArea) -> None:
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootWhenScrollable)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    # The scroller holds a press back for 0.25 s by default to see whether it becomes a drag;
    # a tap lifted sooner is then sometimes lost (seen on the home tiles after a language
    # switch had scrolled the list), and a pressed button shows nothing under the finger.
    # Passed on at once, a press that turns into a drag is cancelled by the scroller.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)


class SwipeDetector(QObject):
    """Emits `swiped(+1)` for a swipe to the left (next) and `swiped(-1)` to the right (back)."""

    swiped = Signal(int)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._target = target
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._start = _position(event)
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
            start, self._start = self._start, None
            end = _position(event)
            if start is not None and end is not None:
                self._judge(end - start)
        elif kind == QEvent.Type.TouchCancel:
            self._start = None
        return False

    def _judge(self, delta: QPointF) -> None:
        width = max(1, self._target.width())
        dx, dy = delta.x(), delta.y()
        if abs(dx) >= width * SWIPE_MIN_FRACTION and abs(dy) <= abs(dx) * SWIPE_MAX_SLOPE:
            self.swiped.emit(1 if dx < 0 else -1)


def _position(event: QEvent) -> QPointF | None:
    points = getattr(event, "points", None)
    if points is not None:
        found = points()
        return found[0].position() if found else None
    position = getattr(event, "position", None)
    return position() if position is not None else None
