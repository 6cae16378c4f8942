"""Keep the screen on while the kiosk shows something; let it sleep when it is dark after hours.

Windows: `SetThreadExecutionState` (display and system required, continuous) from the GUI
thread, which lives as long as the kiosk. Linux desktops: `org.freedesktop.ScreenSaver.Inhibit`
on the session D-Bus, ended with `UnInhibit`, and by itself when the kiosk process ends. Under
the `cage` kiosk session there is no screen saver to ask and nothing blanks the screen. This is
a second line only: INSTALL.md has clinic IT turn sleep and blanking off in the OS too.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

log = logging.getLogger(__name__)

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
SCREENSAVER = "org.freedesktop.ScreenSaver"
SCREENSAVER_PATH = "/org/freedesktop/ScreenSaver"

if TYPE_CHECKING:
    from ctypes import CDLL


def _kernel32() -> CDLL | None:
    if sys.platform != "win32":
        return None
    import ctypes

    return ctypes.WinDLL("kernel32")


class KeepAwake:
    """`hold()` asks the OS to keep the screen on; `release()` lets it blank again."""

    def __init__(self, kernel32: CDLL | None = None) -> None:
        self._kernel32 = kernel32 if kernel32 is not None else _kernel32()
        self._cookie: int | None = None
        self.held = False

    def hold(self) -> None:
        if self.held:
            return
        self.held = True
        if self._kernel32 is not None:
            state = ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED
            if not self._kernel32.SetThreadExecutionState(state):
                log.warning("Windows refused to keep the screen on; turn sleep and screen off "
                            "to Never in the power settings")
            return
        reply = self._screensaver("Inhibit", "rls-kiosk", "waiting-room kiosk on display")
        if reply:
            self._cookie = int(reply[0])
        else:
            log.info("No screen saver to ask to keep the screen on (fine under cage); on a "
                     "desktop turn screen blanking off in its settings")

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        if self._kernel32 is not None:
            self._kernel32.SetThreadExecutionState(ES_CONTINUOUS)
        elif self._cookie is not None:
            self._screensaver("UnInhibit", self._cookie)
            self._cookie = None

    def _screensaver(self, method: str, *args: object) -> list[Any]:  # D-Bus values
        """Call the session's screen saver; [] when there is none (no bus, no service)."""
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return []
        registered = bus.interface().isServiceRegistered(SCREENSAVER)
        if not registered.isValid() or not registered.value():
            return []
        reply = QDBusInterface(SCREENSAVER, SCREENSAVER_PATH, SCREENSAVER, bus).call(method,
                                                                                     *args)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            return []
        return list(reply.arguments()) or [0]
