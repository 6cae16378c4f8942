"""The only motion the kiosk makes by itself: a short fade as a new screen comes in.

It lasts FADE_MS (well under the 200 ms that still feels instant, long enough to show that the
screen changed). With `reduce_motion` set there is no fade, and lists stop where the finger
leaves them instead of bouncing at their ends.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEasingCurve, QObject, QPropertyAnimation
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QGraphicsOpacityEffect,
    QScroller,
    QScrollerProperties,
    QStackedWidget,
    QWidget,
)

FADE_MS = 150
# A new screen starts a third visible, not blank: it is drawn at once (at 0 % its first frame
# waits for the animation's first tick, about 16 ms) and no frame shows an empty screen.
FADE_FROM = 0.3


class ScreenFader(QObject):
    """Fades in whichever screen a stacked widget switches to.

    Each screen keeps one opacity effect, switched off between fades (a disabled effect costs
    nothing when drawing), and one animation: a kiosk changes screens all day long.
    """

    def __init__(self, stack: QStackedWidget, *, enabled: bool = True) -> None:
        super().__init__(stack)
        self.stack = stack
        self.enabled = enabled
        self._fades: dict[QWidget, QPropertyAnimation] = {}
        self.running: QPropertyAnimation | None = None
        stack.currentChanged.connect(self._fade_in)

    def _fade_in(self, index: int) -> None:
        self.finish()
        screen = self.stack.widget(index)
        if not self.enabled or screen is None or not self.stack.isVisible():
            return
        animation = self._fades.get(screen) or self._prepare(screen)
        effect = cast(QGraphicsOpacityEffect, animation.targetObject())  # made by _prepare
        effect.setOpacity(FADE_FROM)
        effect.setEnabled(True)
        self.running = animation
        animation.start()

    def _prepare(self, screen: QWidget) -> QPropertyAnimation:
        effect = QGraphicsOpacityEffect(screen)
        effect.setEnabled(False)
        screen.setGraphicsEffect(effect)
        animation = QPropertyAnimation(effect, b"opacity", self)
        animation.setDuration(FADE_MS)
        animation.setStartValue(FADE_FROM)
        animation.setEndValue(1.0)
        animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        animation.finished.connect(self.finish)
        self._fades[screen] = animation
        return animation

    def finish(self) -> None:
        """End a running fade at once: the screen is drawn plainly again."""
        animation, self.running = self.running, None
        if animation is not None:
            animation.stop()
            cast(QGraphicsOpacityEffect, animation.targetObject()).setEnabled(False)


def calm_scrolling(root: QWidget, calm: bool) -> None:
    """No bounce at the ends of scrolled lists and pages when `calm` (reduce motion)."""
    policy = (QScrollerProperties.OvershootPolicy.OvershootAlwaysOff if calm
              else QScrollerProperties.OvershootPolicy.OvershootWhenScrollable)
    for area in root.findChildren(QAbstractScrollArea):
        if not QScroller.hasScroller(area.viewport()):
            continue
        scroller = QScroller.scroller(area.viewport())
        props = scroller.scrollerProperties()
        props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, policy)
        scroller.setScrollerProperties(props)
