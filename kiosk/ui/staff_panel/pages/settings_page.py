"""Staff page "Settings": the few settings staff may change, by tapping, saved to the file.

Only these four are offered; everything else is clinic IT's (the settings file). Saving keeps the
rest of the file as it is, and refuses, with a sentence, when the file has a problem that a
rewrite would lose (kiosk.settings.config.update_settings_file).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.settings.config import TEXT_SIZES, Settings, SettingsFileError, update_settings_file
from kiosk.ui.footer import language_name
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import restyle, role_label, touch_button
from kiosk.ui.staff_panel.parts import Choices, StaffPage

IDLE_CHOICES = (60, 90, 120, 180, 300)


def duration_text(seconds: int) -> str:
    """"90 s" as "1 min 30 s": the units read the same in the kiosk's languages."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


class SettingsPage(StaffPage):
    saved = Signal(object)  # the Settings now in the file

    def __init__(self, config_path: Path, current: Callable[[], Settings],
                 languages: Callable[[], list[str]]) -> None:
        super().__init__()
        self._config_path = config_path
        self._current = current
        self._languages = languages
        box = QWidget()
        box.setObjectName("StaffCard")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._grid = QGridLayout(box)
        self._grid.setColumnStretch(1, 1)
        self._names = [role_label(text, name="SettingName") for text in (
            tr("Staff", "Ask \"Still there?\" after no touch for"),
            tr("Staff", "Languages offered"),
            tr("Staff", "Text size for each new visitor"),
            tr("Staff", "Quiz"))]
        self._stacked: bool | None = None  # names above their buttons; None: not placed yet
        self.idle: Choices | None = None
        self.language_choices: Choices | None = None
        self.text_size = Choices([(s, n) for s, n in zip(TEXT_SIZES, (
            tr("Staff", "Standard"), tr("Staff", "Large"), tr("Staff", "Largest")), strict=True)])
        self.text_size.chosen.connect(lambda key: self.text_size.set_checked([key]))
        self.quiz = Choices([("on", tr("Staff", "Offered")), ("off", tr("Staff", "Hidden"))])
        self.quiz.chosen.connect(lambda key: self.quiz.set_checked([key]))
        self._place_rows()
        self.save_button = touch_button(tr("Staff", "Save settings"), role="primary")
        self.save_button.clicked.connect(self.save)
        self.result = role_label(name="StaffResult")
        self.result.hide()
        for widget in (box, self.save_button, self.result):
            self.column.addWidget(widget)
        self.column.addStretch(1)

    def _rows(self) -> list[tuple[QLabel, Choices | None]]:
        return list(zip(self._names, (self.idle, self.language_choices, self.text_size,
                                      self.quiz), strict=True))

    def _replace(self, old: Choices | None, new: Choices) -> Choices:
        if old is not None:
            self._grid.removeWidget(old)
            old.deleteLater()
        self._stacked = None  # the new row is placed by _place_rows()
        return new

    def _place_rows(self) -> None:
        """Each setting's name beside its buttons where both fit on one line (landscape), else
        above them (portrait, or long Spanish words): a name squeezed into a narrow column
        would leave its buttons a few words' width."""
        rows = self._rows()
        margins = self._grid.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right()
        need = (max(name.sizeHint().width() for name, _ in rows) + self._grid.horizontalSpacing()
                + max(choices.sizeHint().width() for _, choices in rows if choices is not None))
        stacked = need > room
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for row, (name, choices) in enumerate(rows):
            self._grid.removeWidget(name)
            if stacked:
                self._grid.addWidget(name, 2 * row, 0, 1, 2)
            else:
                self._grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignVCenter)
            if choices is not None:
                self._grid.removeWidget(choices)
                self._grid.addWidget(choices, *((2 * row + 1, 0, 1, 2) if stacked else (row, 1)))

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._stacked = None  # the words and buttons have new sizes
        self._place_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_rows()

    def refresh(self) -> None:
        """Show the settings in use now; unsaved taps from an earlier visit are dropped."""
        settings = self._current()
        seconds = sorted({*IDLE_CHOICES, settings.idle_timeout})
        idle = Choices([(str(s), duration_text(s)) for s in seconds])
        idle.chosen.connect(lambda key: idle.set_checked([key]))
        idle.set_checked([str(settings.idle_timeout)])
        self.idle = self._replace(self.idle, idle)
        offered = self._languages()
        choices = Choices([(lang, language_name(lang)) for lang in offered], several=True)
        choices.chosen.connect(self._keep_one_language)
        choices.set_checked(list(settings.languages) or offered)
        self.language_choices = self._replace(self.language_choices, choices)
        self.text_size.set_checked([settings.text_size])
        self.quiz.set_checked(["on" if settings.quiz_enabled else "off"])
        self.result.hide()
        self._place_rows()
        if self._theme is not None:
            self.apply_theme(self._theme)

    def _keep_one_language(self, key: str) -> None:
        assert self.language_choices is not None
        if not self.language_choices.checked():
            self.language_choices.set_checked([key])
            self._show(tr("Staff", "At least one language must stay on."), ok=False)

    def _show(self, text: str, *, ok: bool) -> None:
        self.result.setText(text)
        self.result.setProperty("state", "ok" if ok else "problem")
        restyle(self.result)
        self.result.show()

    def save(self) -> None:
        assert self.idle is not None and self.language_choices is not None
        chosen = self.language_choices.checked()
        languages = () if chosen == self._languages() else tuple(chosen)
        try:
            updated = update_settings_file(
                self._config_path, idle_timeout=int(self.idle.checked()[0]),
                languages=languages, text_size=self.text_size.checked()[0],
                quiz_enabled=self.quiz.checked() == ["on"])
        except SettingsFileError as exc:
            self._show(str(exc), ok=False)
            return
        self._show(tr("Staff", "Saved. The kiosk uses these settings from now on."), ok=True)
        self.saved.emit(updated)
