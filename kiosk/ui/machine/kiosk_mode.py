"""Puts the staff mode, the lockdown, keep-awake and opening hours around a kiosk window.

`locked` is kiosk mode proper (full screen); without it (`--windowed`, for development) staff
mode still works but the window closes normally, keys work and the screen may sleep.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.ui.machine.awake import KeepAwake
from kiosk.ui.machine.lockdown import Lockdown
from kiosk.ui.screens.after_hours import AfterHours, DarkenedKiosk
from kiosk.ui.staff_panel.context import StaffContext
from kiosk.ui.staff_panel.kiosk_view import KioskView
from kiosk.ui.staff_panel.mode import StaffMode


class Kiosk(KioskView, DarkenedKiosk, Protocol):
    """The kiosk window as staff mode, the dark screen and the lockdown see it."""

    def in_visit(self) -> bool: ...


@dataclass
class KioskMode:
    staff: StaffMode
    lockdown: Lockdown | None = None
    awake: KeepAwake | None = None
    after_hours: AfterHours | None = None

    def exit(self) -> None:
        """Staff chose Exit kiosk: the only way the window closes in kiosk mode."""
        if self.lockdown is not None:
            self.lockdown.allow_exit()
        if self.awake is not None:
            self.awake.release()
        self.staff.kiosk.surface().close()


def attach_kiosk_mode(kiosk: Kiosk, context: StaffContext, *, locked: bool,
                      awake: KeepAwake | None = None) -> KioskMode:
    mode = KioskMode(StaffMode(kiosk, context))
    mode.staff.exit_requested.connect(mode.exit)
    if not locked:
        return mode
    mode.lockdown = Lockdown(kiosk.surface(), hide_cursor=kiosk.settings.hide_cursor)
    mode.staff.panel_shown.connect(mode.lockdown.show_cursor)
    mode.awake = awake or KeepAwake()
    mode.awake.hold()
    mode.after_hours = AfterHours(
        kiosk, mode.awake, busy=lambda: kiosk.in_visit() or mode.staff.active)
    return mode
