"""The footer's controls: high contrast on and off, reset for the next patient, and wrapping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from kiosk.settings.config import Settings
from kiosk.ui.footer import CONTRAST_GLYPH
from kiosk.ui.look.theme import PALETTES
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import tap


def test_high_contrast_toggle_is_recorded_and_forgotten_at_idle(make_window, library) -> None:
    recorder = ListRecorder()
    window = make_window(library, recorder=recorder)
    tap(window.attract)
    button = window.footer.contrast_button
    assert button.text().endswith("High contrast") and button.accessibleName() == "High contrast"
    assert not button.isChecked()
    tap(button)
    assert window.visit.theme_name == "high-contrast" and button.isChecked()
    assert PALETTES["high-contrast"]["bg"] in window.styleSheet()
    assert ("setting_change", {"setting": "theme", "value": "high-contrast"}) in recorder.events
    tap(window.home.tiles[0])
    tap(window.footer.contrast_button)
    assert window.visit.theme_name == "standard" and not button.isChecked()
    tap(button)
    window.idle.idle_timer.timeout.emit()
    for _ in range(window.settings.idle_warning):
        window.idle.countdown_timer.timeout.emit()
    assert window.current_screen() is window.attract
    assert window.visit.theme_name == "standard" and not button.isChecked()
    assert PALETTES["standard"]["bg"] in window.styleSheet()


def test_a_clinic_that_starts_in_high_contrast_can_turn_it_off(make_window, library) -> None:
    window = make_window(library, Settings(theme="high-contrast"))
    tap(window.attract)
    assert window.footer.contrast_button.isChecked()
    tap(window.footer.contrast_button)
    assert window.visit.theme_name == "standard"


def _rect_in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize(("size", "lines", "compact"), [
    ((1920, 1080), 1, False), ((1080, 1920), 1, True), ((600, 1000), 2, True)])
def test_controls_wrap_instead_of_shrinking(make_window, library, size, lines,
                                            compact) -> None:
    """In portrait the contrast button shows only its sign when that saves a line."""
    window = make_window(library, size=size)
    tap(window.attract)
    tap(window.footer.size_buttons["largest"])
    tap(window.footer.language_buttons["es"])
    footer = window.footer
    buttons = [*footer.language_buttons.values(), *footer.size_buttons.values(),
               footer.contrast_button]
    rects = [_rect_in_window(b) for b in buttons]
    for button, rect in zip(buttons, rects, strict=True):
        assert button.isVisible()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert _rect_in_window(footer).contains(rect), button.text()
    for i, rect in enumerate(rects):
        assert not any(rect.intersects(other) for other in rects[i + 1:])
    tops = {rect.top() for rect in rects}
    assert len(tops) == lines
    assert (footer.contrast_button.text() == CONTRAST_GLYPH) == compact
    assert footer.contrast_button.accessibleName() == "Alto contraste"
    disclaimer = _rect_in_window(footer.disclaimer)
    assert not any(disclaimer.intersects(rect) for rect in rects)
