"""Kiosk mode: close requests and escape keys do nothing; only the panel's Exit closes it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.ui.machine.awake import ES_CONTINUOUS, ES_DISPLAY_REQUIRED
from tests.helpers.touch import tap

ESCAPES = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
]


class KeySpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.keys = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            self.keys += 1
        return False


def test_close_requests_are_refused(make_kiosk) -> None:
    kiosk = make_kiosk()
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()


def test_unlocked_window_closes_normally(make_kiosk) -> None:
    kiosk = make_kiosk(locked=False)
    assert kiosk.window.close() is True


@pytest.mark.parametrize(("key", "modifiers"), ESCAPES)
def test_escape_keys_do_nothing(make_kiosk, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    tap(window.attract)
    tap(window.home.tiles[0])
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence(key | modifiers), window)  # as if some widget had one
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append("shortcut"))
    spy = KeySpy()
    window.reader.browser.installEventFilter(spy)
    QTest.keyClick(window.reader.browser, key, modifiers)
    QApplication.processEvents()
    assert fired == [] and spy.keys == 0
    assert window.isVisible() and window.current_screen() is window.reader
    assert window.visit.position is not None and window.visit.position.page == 0


def test_context_menus_never_open(make_kiosk) -> None:
    kiosk = make_kiosk()
    tap(kiosk.window.attract)
    label = kiosk.window.home.heading
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # as if it had a menu
    asked: list[QPoint] = []
    label.customContextMenuRequested.connect(asked.append)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                              label.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(label, event)
    assert asked == []


def test_content_text_cannot_be_selected_or_dragged(make_kiosk) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    tap(window.attract)
    tap(window.home.tiles[0])
    viewport = window.reader.browser.viewport()
    flags = window.reader.browser.textInteractionFlags()
    assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    QTest.mouseMove(viewport, QPoint(viewport.width() - 10, 60))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(viewport.width() - 10,
                                                                       60))
    assert not window.reader.browser.textCursor().hasSelection()
    assert not viewport.acceptDrops()


def test_exit_only_from_the_panel(make_kiosk) -> None:
    kiosk = make_kiosk()
    assert kiosk.window.close() is False
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["system"])
    page = kiosk.staff.system_page
    assert not page.confirm_button.isVisible()
    tap(page.exit_button)
    tap(page.keep_button)  # changed their mind
    assert kiosk.window.isVisible() and not page.confirm_button.isVisible()
    tap(page.exit_button)
    tap(page.confirm_button)
    assert not kiosk.window.isVisible()
    assert kiosk.kernel32.calls[-1] == ES_CONTINUOUS  # the screen may sleep again


def test_cursor_hidden_except_in_staff_mode(make_kiosk) -> None:
    kiosk = make_kiosk()
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    kiosk.log_in()
    assert QApplication.overrideCursor() is None
    tap(kiosk.staff.panel.back_button)
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor


def test_screen_kept_awake_in_kiosk_mode(make_kiosk) -> None:
    kiosk = make_kiosk()
    assert kiosk.kernel32.calls[-1] & ES_DISPLAY_REQUIRED
    assert kiosk.kernel32.calls[-1] & ES_CONTINUOUS
