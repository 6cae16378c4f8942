"""A visit's history: Back returns to where the patient came from, and a language change in
the middle of the quiz keeps the round and the question, translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import tap
from tests.ui.screens.quiz.test_quiz import answer, start, tap_visible, write_quiz


@pytest.fixture
def quiz_library(content_dir: Path) -> Library:
    for lang in ("en", "es"):
        write_quiz(content_dir, lang)
    return load_library(content_dir)


def test_back_after_read_about_it_returns_to_the_results(make_window, quiz_library) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, recorder=recorder)
    for number in range(5):
        answer(window, number % 2 == 1)
        tap(window.quiz.question_screen.next_button)
    results = window.quiz.results_screen
    score, missed = results.score.text(), len(results.missed_buttons)
    tap_visible(results.missed_buttons[1])
    assert window.current_screen() is window.reader
    assert window.reader.back_button.isEnabled()
    tap(window.reader.next_button)  # reading on, then all the way back
    tap(window.reader.back_button)
    assert window.visit.position is not None and window.visit.position.page == 0
    tap(window.reader.back_button)
    assert window.current_screen() is results
    assert results.score.text() == score and len(results.missed_buttons) == missed
    assert [f.get("screen") for k, f in recorder.events if k == "screen_view"][-1] == "results"
    tap_visible(results.missed_buttons[0])  # the results still lead to their topics
    assert window.current_screen() is window.reader
    tap(window.reader.home_button)
    assert window.quiz.round is None and results.score.text() == ""  # Home forgets them


def test_back_after_a_link_returns_to_the_page_that_held_it(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[0])
    tap(window.reader.next_button)
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-1", 1)
    window.reader.browser.anchorClicked.emit(QUrl("section:topic-3"))
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-3", 0)
    assert window.reader.back_button.isEnabled()
    tap(window.reader.back_button)
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-1", 1)
    tap(window.reader.back_button)
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-1", 0)
    assert not window.reader.back_button.isEnabled()  # home is one tap away on Home


def test_a_language_change_keeps_the_quiz_round_and_the_question(make_window,
                                                                 quiz_library) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, recorder=recorder)
    answer(window, True)
    tap(window.quiz.question_screen.next_button)
    answer(window, False)
    flow, screen = window.quiz, window.quiz.question_screen
    the_round, asked = flow.round, [d.question.id for d in flow.round.questions]
    order = [d.order for d in flow.round.questions]
    tap(window.footer.language_buttons["es"])
    assert flow.round is the_round and flow.round.index == 1 and flow.round.answered == 2
    assert [d.question.id for d in flow.round.questions] == asked
    assert [d.order for d in flow.round.questions] == order
    assert screen.question.text().endswith(" in es?")
    assert screen.progress.text().endswith("Pregunta 2 de 5")
    assert screen.explanation.isVisible() and screen.explanation.text().endswith("in es.")
    assert all(" es" in b.text() for b in screen.answer_buttons if b.isVisible())
    assert "quiz_abandoned" not in recorder.kinds()
    assert recorder.kinds().count("quiz_start") == 1
    tap(screen.next_button)
    assert screen.progress.text().endswith("Pregunta 3 de 5")
    for _ in range(3):
        answer(window, True)
        tap(screen.next_button)
    assert window.quiz.results_screen.score.text() == "4 de 5"
