"""What staff mode sees and does of the patients' kiosk it opens over.

The window implements it (kiosk/ui/window.py); staff mode needs nothing else of the window, so
nothing on the staff panel's side imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QWidget

from kiosk.content.model import Library
from kiosk.settings.config import Settings
from kiosk.ui.visit import Look


class KioskView(Protocol):
    settings: Settings  # as saved now
    library: Library  # the content on screen
    today: Callable[[], date]

    def surface(self) -> QWidget:
        """The window the PIN pad and the panel cover."""
        ...

    def staff_door(self) -> list[QWidget]:
        """What staff hold for 3 seconds to get in: the clinic's name and logo on home."""
        ...

    def at_home(self) -> bool: ...

    def visit_look(self) -> Look:
        """The patient's language (for the names of topics in the panel) and colours (the
        panel's too)."""
        ...

    def set_library(self, library: Library) -> None: ...

    def reset_visit(self, reason: str) -> None: ...

    def go_attract(self) -> None: ...

    def apply_settings(self, settings: Settings) -> None: ...
