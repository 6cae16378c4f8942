"""The bar along the bottom of every patient screen: disclaimer, language and text size.

It sits in the lower part of the screen so it can be reached from a wheelchair.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kiosk.config import TEXT_SIZES
from kiosk.ui.i18n import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import WrappingButton, touch_button

_SIZE_LABELS = {"normal": "A", "large": "A+", "largest": "A++"}


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

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
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
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.disclaimer, 1)
        self._languages_row = QHBoxLayout()
        self._row.addLayout(self._languages_row)
        for button in self.size_buttons.values():
            self._row.addWidget(button)
        self.retranslate()

    def set_languages(self, languages: list[str]) -> None:
        for button in self.language_buttons.values():
            self._languages_row.removeWidget(button)
            button.deleteLater()
        self.language_buttons = {}
        if len(languages) < 2:
            return
        for lang in languages:
            button = touch_button(language_name(lang), role="segment")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, code=lang: self.language_chosen.emit(code))
            self._languages_row.addWidget(button)
            self.language_buttons[lang] = button

    def set_state(self, language: str, text_size: str, disclaimer: str) -> None:
        for lang, button in self.language_buttons.items():
            button.setChecked(lang == language)
        for size, button in self.size_buttons.items():
            button.setChecked(size == text_size)
        self.disclaimer.setText(disclaimer)

    def retranslate(self) -> None:
        names = {"normal": tr("Footer", "Normal text size"),
                 "large": tr("Footer", "Large text size"),
                 "largest": tr("Footer", "Largest text size")}
        for size, button in self.size_buttons.items():
            button.setAccessibleName(names[size])
        self.disclaimer.setAccessibleName(tr("Footer", "About this information"))

    def apply_theme(self, theme: Theme) -> None:
        spacing = theme.px("spacing")
        self._row.setContentsMargins(theme.px("margin"), spacing // 2, theme.px("margin"),
                                     spacing // 2)
        self._row.setSpacing(spacing)
        self._languages_row.setSpacing(spacing // 2)
