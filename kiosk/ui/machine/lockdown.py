"""Kiosk mode inside the program: nothing a patient presses gets them out or breaks the screen.

- Close requests (Alt+F4, a window manager's close button or message) are refused until staff
  choose Exit in the staff panel (`allow_exit`).
- Every key the program receives is dropped: a kiosk has no keyboard, so a plugged-in one can
  only be used to escape (Esc, Ctrl+Q, Ctrl+W, F11, Alt+Tab-style keys) - none of which may work.
- No context menus anywhere; the pointer is hidden (setting `hide_cursor`) except in staff mode.

What the operating system itself does with keys (Ctrl+Alt+Del, the Windows key, switching
virtual terminals) is out of a program's reach: the installer locks those down (kiosk user,
Shell Launcher or Assigned Access on Windows, a session without a desktop on Linux).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

_BLOCKED = {
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut, QEvent.Type.ContextMenu,
}


class Lockdown(QObject):
    def __init__(self, window: QWidget, *, hide_cursor: bool) -> None:
        super().__init__(window)
        self.window = window
        self.exit_allowed = False
        self.hide_cursor = hide_cursor
        self._cursor_hidden = False
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show_cursor(False)

    def allow_exit(self) -> None:
        """Staff chose Exit: the next close request is honoured."""
        self.exit_allowed = True

    def show_cursor(self, shown: bool) -> None:
        """The pointer: shown in staff mode, otherwise hidden when the setting says so."""
        hide = self.hide_cursor and not shown
        if hide and not self._cursor_hidden:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
        elif not hide and self._cursor_hidden:
            QApplication.restoreOverrideCursor()
        self._cursor_hidden = hide

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window:
            if not self.exit_allowed:
                event.ignore()
                return True
            self._stand_down()
            return False
        return kind in _BLOCKED

    def _stand_down(self) -> None:
        """The kiosk is closing for good: give the keyboard and the pointer back."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.hide_cursor = False
        self.show_cursor(True)
