"""The "Still there?" overlay that counts down before the kiosk resets for the next patient."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.ui.look.i18n import PLURAL, tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import CardLayer, role_label


class IdleOverlay(CardLayer):
    """Covers the whole window; a touch on it dismisses it when the finger lifts (the idle
    watcher sees the touch go down and stops the countdown)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, takes_touch=True)
        self.touched.connect(self.hide)
        self.title = role_label(role="h1")
        self.text = role_label()
        self.countdown = role_label(role="h2")
        for label in (self.title, self.text, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.title, self.text, self.countdown):
            self.card_layout.addWidget(label)
        self.seconds = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(tr("Idle", "Still there?"))
        self.text.setText(tr("Idle", "Tap anywhere to keep reading."))
        self.set_seconds(self.seconds)

    def set_seconds(self, seconds: int) -> None:
        self.seconds = seconds
        self.countdown.setText(tr("Idle", "Starting over in %n seconds", None, PLURAL, seconds))

    def apply_theme(self, theme: Theme) -> None:
        pad = theme.px("margin") * 2
        self.card_layout.setContentsMargins(pad, pad, pad, pad)
        self.card_layout.setSpacing(theme.px("spacing"))
        parent = self.parentWidget()
        if parent is not None:
            self.card.setFixedWidth(min(parent.width() - 2 * theme.px("margin"),
                                        round(theme.font_px("body") * 26)))

    def show_over(self, parent: QWidget, seconds: int) -> None:
        self.fill_parent()
        self.set_seconds(seconds)
        self.show()
        self.raise_()
