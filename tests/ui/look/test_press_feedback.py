"""A finger on a tile or an answer shows it pressed at once, though both sit in kinetic-scroll
areas (a scroller may hold a press back to see whether it becomes a drag)."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.reading.loader import load_library
from kiosk.settings.config import Settings
from kiosk.ui.screens.home import QUIZ_KEY
from tests.helpers.touch import press, release, tap


def test_a_home_tile_is_pressed_as_the_finger_lands(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tile = window.home.tiles[0]
    press(tile)
    assert tile.isDown()
    release(tile)
    assert window.current_screen() is window.reader


def test_a_quiz_answer_is_pressed_as_the_finger_lands(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(next(tile for tile in window.home.tiles if tile.key == QUIZ_KEY))
    answer = next(b for b in window.quiz.question_screen.answer_buttons if b.isVisible())
    press(answer)
    assert answer.isDown()
    release(answer)
    assert window.quiz.question_screen.next_button.isVisible()


def test_a_quick_tap_on_a_scrolled_list_is_never_lost(make_window) -> None:
    """Shipped content in portrait at the largest text: the home list scrolls. After a language
    switch (which scrolled it) and a visit to a page, a held-back press was dropped and the
    tap opened nothing."""
    shipped = load_library(Path(__file__).parents[3] / "content")
    window = make_window(shipped, Settings(text_size="largest", reduce_motion=True),
                         size=(1080, 1920))
    tap(window.attract)
    tap(window.footer.language_buttons["es"])
    tap(window.home.tiles[0])
    tap(window.reader.next_button)
    tap(window.reader.home_button)
    quiz_tile = next(tile for tile in window.home.tiles if tile.key == QUIZ_KEY)
    window.home.scroll_area.ensureWidgetVisible(quiz_tile)
    tap(quiz_tile)
    assert window.current_screen() is window.quiz.question_screen
    tap(window.footer.language_buttons["en"])

