"""Building blocks of the quiz screens: a scrolling column, a full-width button that wraps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.look.theme import FONT_FAMILY, Theme
from kiosk.ui.look.touch import enable_kinetic_scroll
from kiosk.ui.look.widgets import FitsItsWords, restyle, role_label
from kiosk.ui.screens.reader import limit_measure


class CardButton(FitsItsWords, QPushButton):
    """A full-width button with a main text that wraps and a second, shorter label (`mark`).

    `stacked` puts the mark above the text (a missed question over its topic); otherwise the
    mark sits in a column on the right (Right / Not quite beside an answer), so marking an
    answer never reflows its text. The height follows the wrapped text, never cutting it off.
    """

    def __init__(self, name: str, *, stacked: bool = False) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoRepeat(False)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.text_label = role_label(name=f"{name}Text")
        self.mark = role_label(name=f"{name}Mark", wrap=stacked)
        for label in (self.text_label, self.mark):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        direction = QBoxLayout.Direction.TopToBottom if stacked \
            else QBoxLayout.Direction.LeftToRight
        self._box = QBoxLayout(direction, self)
        if stacked:
            self._box.addWidget(self.mark)
            self._box.addWidget(self.text_label)
        else:
            self._box.addWidget(self.text_label, 1)
            self._box.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
            self.mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def set_texts(self, text: str, mark: str = "") -> None:
        self.text_label.setText(text)
        self.mark.setText(mark)
        self.setAccessibleName(f"{mark} {text}".strip())
        self.updateGeometry()

    def set_state(self, state: str) -> None:
        """"" (not answered), "right", "wrong" or "other": the look comes from theme.qss."""
        self.setProperty("state", state)
        self.mark.setProperty("state", state)
        self.text_label.setProperty("state", state)
        restyle(self, self.mark, self.text_label)

    def apply_theme(self, theme: Theme, mark_width: int = 0) -> None:
        pad, gap = round(theme.px("spacing") * 1.2), theme.px("spacing") // 2
        self._box.setContentsMargins(pad, gap, pad, gap)
        self._box.setSpacing(gap)
        if mark_width:
            self.mark.setFixedWidth(mark_width)
        self.updateGeometry()

    def text(self) -> str:
        return self.text_label.text()


def text_width(theme: Theme, font_key: str, texts: list[str], *, bold: bool = True) -> int:
    """Pixels the widest of `texts` needs in the theme's font at `font_key` size."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(theme.font_px(font_key))
    font.setBold(bold)
    metrics = QFontMetrics(font)
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    return widest + metrics.averageCharWidth()


class ScrollColumn(QScrollArea):
    """A centred column of readable width that scrolls by finger when it is taller than the screen.

    QScrollArea ignores height-for-width, so wrapped text would be squeezed and its end cut off
    instead of scrolled to: `fit` sets the column's height from the wrapped height after every
    change of text, size or look.
    """

    def __init__(self) -> None:
        super().__init__()
        self.column = QWidget()
        self.box = QVBoxLayout(self.column)
        self.box.setContentsMargins(0, 0, 0, 0)
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.column, 0, Qt.AlignmentFlag.AlignHCenter)
        self.setWidgetResizable(True)
        self.setWidget(host)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scroll(self)

    def fit(self, theme: Theme, available_width: int) -> None:
        """Lay the column out for `theme` within `available_width` (scroll bar included)."""
        spacing = theme.px("spacing")
        self.box.setSpacing(spacing)
        limit_measure(self.column, theme, available_width - spacing)
        self.column.ensurePolished()
        wrapped = self.box.totalHeightForWidth(self.column.minimumWidth())  # -1: nothing wraps
        self.column.setMinimumHeight(max(wrapped, self.box.totalMinimumSize().height()))

    def to_top(self) -> None:
        self.verticalScrollBar().setValue(0)
