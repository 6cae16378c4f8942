"""The staff panel: a header with "Back to the kiosk", big page buttons on the left, one page.

It covers the whole kiosk window while open. The pages do the work; this class only lays them
out and switches between them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import CoverLayer, role_label, touch_button
from kiosk.ui.staff_panel.parts import StaffPage


class StaffPanel(CoverLayer):
    close_requested = Signal()

    def __init__(self, parent: QWidget, pages: list[tuple[str, str, StaffPage]]) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = role_label(tr("Staff", "Staff panel"), "h1")
        self.note = role_label(role="muted")
        self.back_button = touch_button(tr("Staff", "Back to the kiosk"), role="primary")
        self.back_button.clicked.connect(self.close_requested.emit)
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.note)
        self._head = QHBoxLayout()
        self._head.addLayout(titles, 1)
        self._head.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        self.pages: dict[str, StaffPage] = {}
        self.nav_buttons: dict[str, QPushButton] = {}
        self._nav = QVBoxLayout()
        group = QButtonGroup(self)
        for key, text, page in pages:
            button = touch_button(text, role="segment", name="StaffNav")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=key: self.show_page(k))
            group.addButton(button)
            self._nav.addWidget(button)
            self.nav_buttons[key] = button
            self.pages[key] = page
            self.stack.addWidget(page)
        self._nav.addStretch(1)
        self._body = QHBoxLayout()
        self._body.addLayout(self._nav)
        self._body.addWidget(self.stack, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._head)
        self._layout.addLayout(self._body, 1)

    def current_key(self) -> str:
        page = self.stack.currentWidget()
        return next(key for key, p in self.pages.items() if p is page)

    def show_page(self, key: str) -> None:
        self.nav_buttons[key].setChecked(True)
        self.stack.setCurrentWidget(self.pages[key])
        self.pages[key].verticalScrollBar().setValue(0)
        self.pages[key].refresh()
        # Lay the refreshed page out now, so it is right before the next touch arrives.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
        self._body.setSpacing(margin)
        self._nav.setSpacing(spacing)
        # One width for all, wide enough for the longest name ("Guardar informe" in Spanish).
        nav_width = max(round(theme.font_px("button") * 9),
                        *(button.sizeHint().width() for button in self.nav_buttons.values()))
        for button in self.nav_buttons.values():
            button.setFixedWidth(nav_width)
        for page in self.pages.values():
            page.apply_theme(theme)

    def open_over(self, parent: QWidget, key: str) -> None:
        self.fill_parent()
        self.show()
        self.raise_()
        self.show_page(key)
