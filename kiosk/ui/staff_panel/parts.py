"""Building blocks of the staff panel's pages: choice rows, cards and a finger-scrolled page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.look.flow_layout import FlowLayout
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.touch import enable_kinetic_scroll
from kiosk.ui.look.widgets import touch_button


class Choices(QWidget):
    """A row of big buttons of which one (or, with `several`, any number) is on.

    The row wraps onto more lines where it does not fit (a portrait screen, longer words in
    Spanish), so every button keeps its full words and its touch size.
    """

    chosen = Signal(str)

    def __init__(self, options: list[tuple[str, str]], *, several: bool = False) -> None:
        super().__init__()
        self.buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(not several)
        self._row = FlowLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        for key, text in options:
            button = touch_button(text, role="segment")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self._group.addButton(button)
            self._row.addWidget(button)
            self.buttons[key] = button

    def set_spacing(self, spacing: int) -> None:
        self._row.setSpacing(spacing)

    def checked(self) -> list[str]:
        return [key for key, button in self.buttons.items() if button.isChecked()]

    def set_checked(self, keys: list[str] | tuple[str, ...]) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key in keys)


def card() -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    box.setObjectName("StaffCard")
    box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(box)
    return box, layout


class StaffPage(QScrollArea):
    """A page that scrolls by finger; subclasses fill `column` and refresh in `refresh()`."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        host = QWidget()
        self.column = QVBoxLayout(host)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.setWidget(host)
        enable_kinetic_scroll(self)
        self._theme: Theme | None = None

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.column.setSpacing(theme.px("spacing"))
        pad = theme.px("spacing")
        for box in self.findChildren(QWidget, "StaffCard"):
            if (layout := box.layout()) is not None:
                layout.setContentsMargins(pad, pad, pad, pad)
                layout.setSpacing(round(pad * 0.6))
        for choices in self.findChildren(Choices):
            choices.set_spacing(round(theme.px("spacing") * 0.6))

    def refresh(self) -> None:
        """Read the current state again (the page is being shown)."""
