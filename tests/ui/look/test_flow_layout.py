"""FlowLayout: rows of buttons that wrap, and no layout items left behind when it goes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.ui.look.flow_layout import FlowLayout


def _row(width: int) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    layout = FlowLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    buttons = [QPushButton(f"Option {n}") for n in range(4)]
    for button in buttons:
        button.setFixedSize(100, 40)
        layout.addWidget(button)
    host.resize(width, layout.heightForWidth(width))
    layout.setGeometry(host.rect())
    return host, buttons


def test_buttons_wrap_to_the_width_and_keep_their_size(qtbot) -> None:
    host, buttons = _row(230)  # two buttons and a gap fit on a line
    qtbot.addWidget(host)
    assert [b.geometry().topLeft().toTuple() for b in buttons] == [
        (0, 0), (110, 0), (0, 50), (110, 50)]
    assert host.layout().heightForWidth(230) == 90
    assert host.layout().heightForWidth(500) == 40
    assert all(b.size().toTuple() == (100, 40) for b in buttons)


def test_its_items_are_deleted_with_it(qtbot) -> None:
    host, _ = _row(500)
    layout = host.layout()
    items = [layout.itemAt(n) for n in range(layout.count())]
    assert all(shiboken6.isValid(item) for item in items)
    host.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(shiboken6.isValid(item) for item in items)
