"""Touch input for tests, through Qt's own test touch device."""

from __future__ import annotations

from PySide6.QtCore import QPoint
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
