"""The take-home screen: a QR code of plain text (the patient's list, or a page's points) to read
with a phone camera, one line saying what it holds and that nothing is saved, and Back."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Site
from kiosk.content.qr import BORDER, text_matrix
from kiosk.content.take_home import TakeHome, clinic_lines, take_home
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import ScreenWidget, name_home_button, role_label, touch_button

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
MIN_MODULE_PX = 4  # at 1080 px: a phone at arm's length still resolves every module


class QrCodeView(QWidget):
    """A QR code drawn module by module, black on white inside its quiet zone, as large as
    the widget allows with every module the same whole number of pixels (never blurred),
    in both themes."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("TakeHomeCode")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._matrix: tuple[bytes, ...] = ()
        self._min_module = MIN_MODULE_PX

    def set_code(self, matrix: tuple[bytes, ...], text: str) -> None:
        self._matrix = matrix
        self.setAccessibleName(tr("TakeHome", "QR code"))
        self.setAccessibleDescription(text)
        self._update_minimum()
        self.update()

    def set_min_module(self, px: int) -> None:
        self._min_module = max(1, px)
        self._update_minimum()

    def _units(self) -> int:
        return len(self._matrix) + 2 * BORDER

    def _update_minimum(self) -> None:
        side = self._units() * self._min_module
        self.setMinimumSize(side, side)
        self.updateGeometry()

    def module_px(self) -> int:
        """Pixels a module is drawn with now."""
        return max(1, min(self.width(), self.height()) // self._units())

    def code_rect(self) -> QRect:
        """Where the code and its quiet zone are drawn, in the widget."""
        side = self._units() * self.module_px()
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        del event
        if not self._matrix:
            return
        module, area = self.module_px(), self.code_rect()
        painter = QPainter(self)
        painter.fillRect(area, QColor("#ffffff"))
        left, top = area.left() + BORDER * module, area.top() + BORDER * module
        dark = QColor("#000000")
        for y, row in enumerate(self._matrix):
            for x, on in enumerate(row):
                if on:
                    painter.fillRect(left + x * module, top + y * module, module, module, dark)
        painter.end()


class TakeHomeScreen(ScreenWidget):
    """Shows one code. The code sits beside its words on a landscape screen, above them on a
    portrait one."""

    back_requested = Signal()
    home_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("TakeHome")
        self.kicker = role_label(role="kicker")
        self.title = role_label(role="h1")
        self.code = QrCodeView()
        self.caption = role_label(name="TakeHomeCaption")
        self.note = role_label(name="TakeHomeNote")
        self.note.setVisible(False)
        self.back_button = touch_button(name="BackButton")
        self.home_button = touch_button(role="primary", name="HomeButton")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.home_button.clicked.connect(self.home_requested.emit)
        self._code_column = QVBoxLayout()
        self._code_column.addWidget(self.code, 1)
        self._code_column.addWidget(self.caption)  # the line under the code
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        words = self._words = QVBoxLayout()
        words.addStretch(1)
        for label in (self.kicker, self.title, self.note):
            words.addWidget(label)
        words.addStretch(1)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(self._code_column, 3)
        self._body.addLayout(words, 2)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.home_button)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self._body, 1)
        self._layout.addLayout(nav)
        self.retranslate()

    def retranslate(self) -> None:
        name_home_button(self.home_button)
        self.back_button.setText("‹  " + tr("TakeHome", "Back to the page"))
        self.back_button.setAccessibleName(tr("TakeHome", "Back to the page"))

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        self._body.setSpacing(margin)
        self._code_column.setSpacing(spacing)
        portrait = self.height() > self.width() * 1.1
        # Landscape: the code with its line under it, the title beside them. Portrait: the title
        # above, then the code in a square with its line right under it.
        self._body.setDirection(QBoxLayout.Direction.BottomToTop if portrait
                                else QBoxLayout.Direction.LeftToRight)
        self.code.setMaximumHeight(self.width() - 2 * margin if portrait else QWIDGETSIZE_MAX)
        for index in (0, self._words.count() - 1):
            self._words.setStretch(index, 0 if portrait else 1)
        self._body.setStretch(0, 1 if portrait else 3)
        self._body.setStretch(1, 0 if portrait else 2)
        for label in (self.kicker, self.title, self.note):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter if portrait
                               else Qt.AlignmentFlag.AlignLeft)
        self.code.set_min_module(round(MIN_MODULE_PX * theme.scale))

    def show_code(self, *, kicker: str, title: str, caption: str, note: str,
                  matrix: tuple[bytes, ...], text: str) -> None:
        self.kicker.setText(kicker)
        self.title.setText(title)
        self.caption.setText(caption)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.code.set_code(matrix, text)

    def show_items(self, kind: str, title: str, items: list[str], site: Site) -> TakeHome:
        """Show the code for `items` under `title`: "list" (the items the patient ticked) or
        "points" (the section's take-home points), ending with the clinic's name and phone
        (`site` in the visit's language). Returns what the code holds."""
        closing = clinic_lines(site, tr("TakeHome", "Phone: %1"))
        made = take_home(title, items, closing)
        if kind == "list":
            kicker = tr("TakeHome", "Your list")
            caption = tr("TakeHome", "Scan with your phone camera: the items you ticked and our "
                                     "phone number, as text. Nothing is saved.")
        else:
            kicker = tr("TakeHome", "Points to keep")
            caption = tr("TakeHome", "Scan with your phone camera: these points and our phone "
                                     "number, as text. Nothing is saved.")
        note = ""
        if not made.complete:
            note = (tr("TakeHome", "Only the first %1 of the %2 items fit in one code.")
                    .replace("%1", str(made.kept)).replace("%2", str(made.chosen)))
        self.show_code(kicker=kicker, title=title, caption=caption, note=note,
                       matrix=text_matrix(made.text), text=made.text)
        return made
