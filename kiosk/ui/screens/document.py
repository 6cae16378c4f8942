"""A one-page reading screen with a Home button: the full disclaimer and the sources list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import ScreenWidget, name_home_button, role_label, touch_button
from kiosk.ui.screens.reader import ContentBrowser, limit_measure


class DocumentScreen(ScreenWidget):
    home_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = role_label(role="h1")
        self.browser = ContentBrowser()
        self.home_button = touch_button(role="primary", name="HomeButton")
        self.home_button.clicked.connect(self.home_requested.emit)
        nav = QHBoxLayout()
        nav.addWidget(self.home_button)
        nav.addStretch(1)
        self.column = QWidget()
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.browser, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.column, 1, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addLayout(nav)
        self.retranslate()

    def retranslate(self) -> None:
        name_home_button(self.home_button)

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        limit_measure(self.column, theme, self.width() - 2 * margin)

    def show_document(self, title: str, html: str, images: dict[str, bytes],
                      theme: Theme) -> None:
        self.title.setText(title)
        self.browser.show_html(html, images, theme)


class UpdatingScreen(ScreenWidget):
    """Shown instead of everything else while no content can be shown."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Updating")
        self.title = role_label(role="h1")
        self.text = role_label(role="muted")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self._layout = layout
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Updating", "Information is being updated"))
        self.text.setText(tr("Updating", "Please ask our staff if you have questions. "
                                         "Thank you for your patience."))

    def apply_theme(self, theme: Theme) -> None:
        margin = theme.px("margin") * 3
        self._layout.setContentsMargins(margin, margin, margin, margin)
