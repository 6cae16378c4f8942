"""The on-screen PIN pad: big digit buttons, dots for what was typed, no system keyboard.

It only collects digits and shows what the gate (kiosk/access/lockout.py) says; checking, counting
and locking happen there. The typed digits live in this widget until OK or Cancel, then they
are forgotten.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk.access.lockout import GateState
from kiosk.access.pin import PIN_MAX, PIN_MIN
from kiosk.ui.look.i18n import PLURAL, tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import CardLayer, restyle, role_label, touch_button


def minutes_seconds(seconds: int) -> str:
    """A countdown: "4:59", or "23:59:59" for a lock of hours."""
    hours, rest = divmod(seconds, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


def lock_length(seconds: int) -> str:
    """A lock's length: "5 min", "2 h", "1 h 20 min" (the units read the same in the kiosk's
    languages, as in the settings page's durations)."""
    hours, minutes = divmod(round(seconds / 60), 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"


class PinPad(CardLayer):
    """Covers the window; the card in the middle holds the pad."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = role_label(role="h2")
        self.message = role_label(name="PinMessage")
        self.dots = role_label(name="PinDots", wrap=False)
        for label in (self.title, self.message, self.dots):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        for index, digit in enumerate("123456789"):
            self.grid.addWidget(self._digit(digit), index // 3, index % 3)
        self.clear_button = touch_button(name="PinKey")
        self.ok_button = touch_button(role="primary", name="PinKey")
        self.grid.addWidget(self.clear_button, 3, 0)
        self.grid.addWidget(self._digit("0"), 3, 1)
        self.grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = touch_button()
        for label in (self.title, self.message, self.dots):
            self.card_layout.addWidget(label)
        self.card_layout.addLayout(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        self.card_layout.addLayout(row)

        self.typed = ""
        self.state = GateState("ready")
        self.clear_button.clicked.connect(self.clear)
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.retranslate()

    def _digit(self, digit: str) -> QPushButton:
        button = touch_button(digit, name="PinKey")
        button.setAccessibleName(digit)
        button.clicked.connect(lambda _=False, d=digit: self._press(d))
        self.digits[digit] = button
        return button

    def retranslate(self) -> None:
        self.title.setText(tr("Staff", "Staff PIN"))
        self.clear_button.setText(tr("Staff", "Clear"))
        self.ok_button.setText(tr("Staff", "OK"))
        self.cancel_button.setText(tr("Staff", "Cancel"))
        self.show_state(self.state)

    def apply_theme(self, theme: Theme) -> None:
        pad = theme.px("margin")
        self.card_layout.setContentsMargins(pad, pad, pad, pad)
        self.card_layout.setSpacing(theme.px("spacing"))
        self.grid.setSpacing(theme.px("spacing"))
        parent = self.parentWidget()
        key = max(theme.touch_px(), round(theme.touch_px() * 1.15))
        if parent is not None:  # the pad must fit a 1366x768 screen at the largest text size
            rows_room = (parent.height() - 2 * pad) // 7
            key = max(theme.touch_px(), min(key, rows_room))
        for button in (*self.digits.values(), self.clear_button, self.ok_button):
            button.setFixedSize(round(key * 1.6), key)
        self.card.setFixedWidth(round(key * 1.6) * 3 + theme.px("spacing") * 2 + pad * 2)
        self._fit_height()

    def _fit_height(self) -> None:
        """The card is centred, so its layout would use the wrapped message's one-line height;
        ask for the height the message really needs at this width."""
        height = self.card_layout.totalHeightForWidth(self.card.width())
        if height > 0:
            self.card.setFixedHeight(height)

    # -- typing --------------------------------------------------------------------------
    def _press(self, digit: str) -> None:
        if len(self.typed) < PIN_MAX:
            self.typed += digit
        self._refresh()

    def clear(self) -> None:
        self.typed = ""
        self._refresh()

    def _submit(self) -> None:
        pin, self.typed = self.typed, ""
        self._refresh()
        self.submitted.emit(pin)

    def _refresh(self) -> None:
        self.dots.setText("●" * len(self.typed) if self.typed else " ")
        ready = self.state.state in ("ready", "wrong")
        for button in self.digits.values():
            button.setEnabled(ready and len(self.typed) < PIN_MAX)
        self.clear_button.setEnabled(ready and bool(self.typed))
        self.ok_button.setEnabled(ready and len(self.typed) >= PIN_MIN)

    # -- what the gate says --------------------------------------------------------------
    def show_state(self, state: GateState) -> None:
        self.state = state
        tries = state.tries_left  # a plain name for lupdate (kiosk/ui/look/i18n.py)
        texts = {
            "ready": tr("Staff", "Type the staff PIN, then OK."),
            "wrong": (tr("Staff", "Wrong PIN. %n more tries before the pad locks for %1.", None,
                         PLURAL, tries).replace("%1", lock_length(state.next_lock))
                      if state.next_lock else
                      tr("Staff", "Wrong PIN. %n more tries before the pad is blocked until "
                         "clinic IT sets the PIN again.", None, PLURAL, tries)),
            "checking": tr("Staff", "Checking the PIN..."),
            "locked": tr("Staff", "Too many wrong PINs (%2 since the last right one). Try "
                         "again in %1.")
            .replace("%1", minutes_seconds(state.seconds_left))
            .replace("%2", str(state.failures)),
            "blocked": tr("Staff", "The pad is blocked after %1 wrong PINs. Clinic IT can set "
                          "the PIN again with this command:\nrls-kiosk set-pin")
            .replace("%1", str(state.failures)),
            "no_pin": tr("Staff", "No staff PIN is set on this kiosk. Clinic IT can set one "
                         "with this command:\nrls-kiosk set-pin"),
            "damaged": tr("Staff", "The stored staff PIN (staff_pin_hash in the settings file) "
                          "is damaged. Clinic IT can set it again with this command:\n"
                          "rls-kiosk set-pin"),
            "ok": "",
        }
        self.message.setText(texts.get(state.state, ""))
        self._fit_height()
        self.message.setProperty("state", state.state)
        restyle(self.message)
        if state.state not in ("ready", "wrong"):
            self.typed = ""
        self._refresh()

    def open_over(self, parent: QWidget, state: GateState) -> None:
        self.typed = ""
        self.fill_parent()
        self.show_state(state)
        self.show()
        self.raise_()
