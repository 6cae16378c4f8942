"""The window never grows past its screen, whatever the text size, language or screen shown.

A full-screen window whose layout asks for more height than the screen has pushes the footer
off the bottom of the display.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.content.reading.loader import load_library
from kiosk.settings.config import Settings
from kiosk.ui.screens.home import QUIZ_KEY
from tests.helpers.screens import Shown, fit_problems
from tests.helpers.touch import tap


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1080, 1920), (3840, 2160)])
def test_a_visit_at_the_largest_text_keeps_the_window_size(make_window, size) -> None:
    shipped = load_library(Path(__file__).parents[2] / "content")  # its long facts and pages
    window = make_window(shipped, Settings(text_size="largest", reduce_motion=True), size=size)
    seen = []

    def look(step: str) -> None:
        seen.append((step, window.size().toTuple()))

    look("attract")
    tap(window.attract)
    look("home")
    tap(window.footer.language_buttons["es"])
    look("home in Spanish")
    tap(window.home.tiles[0])
    look("reader")
    tap(window.reader.next_button)
    look("next page")
    tap(window.reader.home_button)
    quiz_tile = next(tile for tile in window.home.tiles if tile.key == QUIZ_KEY)
    window.home.scroll_area.ensureWidgetVisible(quiz_tile)  # below the fold in portrait
    tap(quiz_tile)
    look("quiz")
    tap(next(b for b in window.quiz.question_screen.answer_buttons if b.isVisible()))
    look("quiz feedback")
    tap(window.footer.language_buttons["en"])
    look("quiz in English")
    assert seen == [(step, size) for step, _ in seen]


def test_the_window_follows_a_smaller_screen(make_window) -> None:
    """A kiosk moved from a 4K screen to a small one takes the small one's size and look."""
    shipped = load_library(Path(__file__).parents[2] / "content")
    window = make_window(shipped, Settings(text_size="largest", reduce_motion=True),
                         size=(3840, 2160))
    tap(window.attract)
    for size in [(1366, 768), (1080, 1920), (1920, 1080)]:
        window.resize(*size)
        QApplication.processEvents()
        assert window.size().toTuple() == size
        home = Shown(f"home at {size}", (window.home, window.footer))
        assert fit_problems(home) == []


def test_the_still_there_question_follows_the_window(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    window.idle.idle_timer.timeout.emit()  # the idle time is up: "Still there?"
    assert window.overlay.isVisible()
    window.resize(1080, 1920)
    QApplication.processEvents()
    assert window.overlay.geometry() == window.rect()
