"""The bar along the bottom of every patient screen: disclaimer, language, text size, contrast.

It sits in the lower part of the screen so it can be reached from a wheelchair. When the
controls do not fit beside the disclaimer (portrait screens, the largest text, longer Spanish
words) the disclaimer gets its own line and the control groups wrap, never shrinking a button.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.settings.config import TEXT_SIZES
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import WrappingButton, touch_button

_SIZE_LABELS = {"normal": "A", "large": "A+", "largest": "A++"}
HIGH_CONTRAST = "high-contrast"
CONTRAST_GLYPH = "◐"  # half-filled circle: the usual sign for a contrast setting


_NATIVE_NAMES = {"en": "English", "es": "Español"}


def language_name(lang: str) -> str:
    """A language's own name for itself ("Español"), never a flag or a country."""
    if lang in _NATIVE_NAMES:
        return _NATIVE_NAMES[lang]
    locale = QLocale(lang)
    name = QLocale.languageToString(locale.language()) if locale.nativeLanguageName() == "" \
        else locale.nativeLanguageName()
    return name[:1].upper() + name[1:]


class Footer(QWidget):
    disclaimer_requested = Signal()
    language_chosen = Signal(str)
    text_size_chosen = Signal(str)
    contrast_toggled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._theme: Theme | None = None
        self.disclaimer = WrappingButton(name="DisclaimerButton")
        self.disclaimer.clicked.connect(self.disclaimer_requested.emit)
        self.language_buttons: dict[str, QPushButton] = {}
        self.size_buttons: dict[str, QPushButton] = {}
        self._size_group = QButtonGroup(self)
        for size in TEXT_SIZES:
            button = touch_button(_SIZE_LABELS[size], role="segment")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, s=size: self.text_size_chosen.emit(s))
            self._size_group.addButton(button)
            self.size_buttons[size] = button
        self.contrast_button = touch_button(role="segment", name="ContrastButton")
        self.contrast_button.setCheckable(True)
        self.contrast_button.clicked.connect(lambda _=False: self.contrast_toggled.emit())
        self._languages = _Group([])
        self._sizes = _Group(list(self.size_buttons.values()))
        self._contrast = _Group([self.contrast_button])
        self._rows = QVBoxLayout(self)
        # Up to four lines: the disclaimer (with the controls when they fit beside it), then
        # one line per control group that had to wrap.
        self._lines = [QHBoxLayout() for _ in range(4)]
        for number, line in enumerate(self._lines):
            if number:
                line.addStretch(1)
            self._rows.addLayout(line)
        self.retranslate()

    def set_languages(self, languages: list[str]) -> None:
        for button in self.language_buttons.values():
            button.hide()  # gone at once, not only when the event loop deletes it
            button.deleteLater()
        self.language_buttons = {}
        if len(languages) >= 2:
            for lang in languages:
                button = touch_button(language_name(lang), role="segment")
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
                button.setAccessibleName(language_name(lang))
                self.language_buttons[lang] = button
        self._languages.set_buttons(list(self.language_buttons.values()))
        self._arrange()

    def set_state(self, language: str, text_size: str, disclaimer: str,
                  theme: str = "standard") -> None:
        for lang, button in self.language_buttons.items():
            button.setChecked(lang == language)
        for size, button in self.size_buttons.items():
            button.setChecked(size == text_size)
        self.contrast_button.setChecked(theme == HIGH_CONTRAST)
        self.disclaimer.setText(disclaimer)
        self._arrange()

    def retranslate(self) -> None:
        names = {"normal": tr("Footer", "Normal text size"),
                 "large": tr("Footer", "Large text size"),
                 "largest": tr("Footer", "Largest text size")}
        for size, button in self.size_buttons.items():
            button.setAccessibleName(names[size])
        self.disclaimer.setAccessibleName(tr("Footer", "About this information"))
        self._name_contrast(compact=False)
        self.contrast_button.setAccessibleName(tr("Footer", "High contrast"))
        self.contrast_button.setAccessibleDescription(
            tr("Footer", "Light text on a black background. Tap again for the usual colors."))
        self._arrange()

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Lay the disclaimer and the control groups out in as few lines as fit the width."""
        if self._theme is None:
            return
        theme = self._theme
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._rows.setContentsMargins(margin, spacing // 2, margin, spacing // 2)
        self._rows.setSpacing(spacing // 2)
        for group in (self._languages, self._sizes, self._contrast):
            group.row.setSpacing(spacing // 2)
        for line in self._lines:
            line.setSpacing(spacing)
            for widget in (self.disclaimer, self._languages, self._sizes, self._contrast):
                line.removeWidget(widget)
        groups = [g for g in (self._languages, self._sizes, self._contrast) if g.buttons]
        self._languages.setVisible(bool(self._languages.buttons))
        # The footer spans its window. Until it is first shown it still has Qt's default
        # 640 px width, and lines wrapped to that would make a full-screen window taller
        # than the screen the moment the footer appears.
        available = self.window().width() - 2 * margin
        self._name_contrast(compact=False)
        lines = _wrap(groups, available, spacing)
        if len(lines) > 1 and lines[-1] == [self._contrast]:
            # A line of its own for one button: the contrast sign alone (its spoken name
            # stays "High contrast") keeps the footer a line shorter if that fits.
            self._name_contrast(compact=True)
            shorter = _wrap(groups, available, spacing)
            if len(shorter) < len(lines):
                lines = shorter
            else:
                self._name_contrast(compact=False)
        widths = [g.sizeHint().width() for g in groups]
        beside = sum(widths) + spacing * len(groups) + theme.font_px("small") * 14 <= available
        self._lines[0].addWidget(self.disclaimer, 1)
        if not beside:
            lines.insert(0, [])  # the disclaimer alone on the first line
        for line, members in zip(self._lines, lines, strict=False):
            for group in members:
                line.addWidget(group)


    def _name_contrast(self, *, compact: bool) -> None:
        self.contrast_button.setText(
            CONTRAST_GLYPH if compact else f"{CONTRAST_GLYPH}  " + tr("Footer", "High contrast"))


def _wrap(groups: list[_Group], available: int, spacing: int) -> list[list[_Group]]:
    """The groups in lines of at most `available` px, in order, a group never split."""
    lines: list[list[_Group]] = []
    used = 0  # width taken on the last line, with a gap after each group
    for group in groups:
        width = group.sizeHint().width()
        if lines and used + width <= available:
            lines[-1].append(group)
            used += width + spacing
        else:
            lines.append([group])
            used = width + spacing
    return lines


class _Group(QWidget):
    """Buttons that belong together (the languages, the text sizes) and wrap as one."""

    def __init__(self, buttons: list[QPushButton]) -> None:
        super().__init__()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self.set_buttons(buttons)

    def set_buttons(self, buttons: list[QPushButton]) -> None:
        for old in self.buttons:
            self.row.removeWidget(old)
        self.buttons = buttons
        for button in buttons:
            self.row.addWidget(button)
