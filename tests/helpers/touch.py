"""Touch input for tests, through Qt's own test touch device."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_device = None


def device():
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def _window_point(widget: QWidget, pos: QPoint | None) -> tuple[QWidget, QPoint]:
    local = pos if pos is not None else widget.rect().center()
    window = widget.window()
    return window, widget.mapTo(window, local)


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """One finger down and up on `widget` (at its centre unless `pos` is given)."""
    window, point = _window_point(widget, pos)
    QTest.touchEvent(window, device()).press(0, point).commit()
    QTest.touchEvent(window, device()).release(0, point).commit()
    QApplication.processEvents()


def press(widget: QWidget, pos: QPoint | None = None) -> None:
    window, point = _window_point(widget, pos)
    QTest.touchEvent(window, device()).press(0, point).commit()
    QApplication.processEvents()


def release(widget: QWidget, pos: QPoint | None = None) -> None:
    window, point = _window_point(widget, pos)
    QTest.touchEvent(window, device()).release(0, point).commit()
    QApplication.processEvents()


def swipe(widget: QWidget, dx: int, steps: int = 6) -> None:
    """A one-finger horizontal swipe across `widget`, `dx` pixels (negative: to the left)."""
    window, start = _window_point(widget, None)
    start = start - QPoint(dx // 2, 0)
    QTest.touchEvent(window, device()).press(0, start).commit()
    for i in range(1, steps + 1):
        QTest.touchEvent(window, device()).move(0, start + QPoint(dx * i // steps, 0)).commit()
    QTest.touchEvent(window, device()).release(0, start + QPoint(dx, 0)).commit()
    QApplication.processEvents()


def tap_at(window: QWidget, point: QPoint) -> None:
    """One finger down and up at `point` of `window`, whatever lies there."""
    QTest.touchEvent(window, device()).press(0, point).commit()
    QTest.touchEvent(window, device()).release(0, point).commit()
    QApplication.processEvents()


def mouse_tap(window: QWidget, point: QPoint,
              source: Qt.MouseEventSource = Qt.MouseEventSource.MouseEventNotSynthesized
              ) -> None:
    """A left click at `point` of `window`, delivered to the window as the window system
    delivers it (Qt picks the widget under the point). `source` MouseEventSynthesizedBySystem
    is a touch that the system turned into mouse events, as some touch drivers do."""
    handle = window.windowHandle()
    local = QPointF(point)
    screen = QPointF(window.mapToGlobal(point))
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, local, local, screen, Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier, source)
        QApplication.sendEvent(handle, event)
    QApplication.processEvents()
