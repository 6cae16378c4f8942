"""A finger on a tile or an answer shows it pressed at once, though both sit in kinetic-scroll
areas (a scroller may hold a press back to see whether it becomes a drag)."""

from __future__ import annotations

from kiosk.ui.home import QUIZ_KEY
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
