"""The quiz by touch: home -> questions -> results -> a missed topic, in both languages."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.content.checks.validate import with_checks
from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.settings.config import Settings
from kiosk.ui.screens.home import QUIZ_KEY
from kiosk.ui.window import KioskWindow
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import tap

WORDS = {"en": ("Question", "Right", "Not quite", "Right answer", "of"),
         "es": ("Pregunta", "Correcto", "No exactamente", "Respuesta correcta", "de")}


def write_quiz(folder: Path, lang: str, count: int = 6, *, broken_link: str = "") -> None:
    blocks = []
    for n in range(1, count + 1):
        section = broken_link if broken_link and n == 1 else f"topic-{(n - 1) % 3 + 1}"
        blocks.append(f"## Question {n} in {lang}?\nid: q{n}\nsection: {section}\n"
                      f"- [x] Right {n} {lang}\n- [ ] Wrong {n}a {lang}\n- [ ] Wrong {n}b {lang}\n"
                      f"explanation: Because {n} in {lang}.\n")
    (folder / lang / "quiz.md").write_text("---\ntitle: Quiz " + lang + "\n---\n\n"
                                           + "\n".join(blocks), encoding="utf-8")


@pytest.fixture
def quiz_library(content_dir: Path) -> Library:
    for lang in ("en", "es"):
        write_quiz(content_dir, lang)
    return load_library(content_dir)


def start(make_window, library: Library, lang: str = "en", **kwargs) -> KioskWindow:
    window = make_window(library, **kwargs)
    window.quiz.rng = random.Random(4)
    tap(window.attract)
    if lang != "en":
        tap(window.footer.language_buttons[lang])
    quiz_tile = next(t for t in window.home.tiles if t.key == QUIZ_KEY)
    tap_visible(quiz_tile)
    assert window.current_screen() is window.quiz.question_screen
    assert window.visit.language == lang
    return window


def answer(window: KioskWindow, right: bool) -> int:
    """Tap the right answer or a wrong one; returns the tapped position."""
    drawn = window.quiz.round.current
    position = drawn.correct if right else (drawn.correct + 1) % len(drawn.answers)
    tap_visible(window.quiz.question_screen.answer_buttons[position])
    return position


def tap_visible(widget: QWidget) -> None:
    """Scroll `widget` into view first, as a patient would, then tap it."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(widget)
        QApplication.processEvents()
    tap(widget)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_quiz_by_touch_to_results_and_back_to_a_missed_topic(make_window, quiz_library,
                                                               lang: str) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, lang, recorder=recorder)
    screen = window.quiz.question_screen
    question, right, not_quite, right_answer, of = WORDS[lang]
    plan = [False, True, True, False, True]
    missed_ids = []
    for number, correct in enumerate(plan, start=1):
        assert screen.progress.text().endswith(f"{question} {number} {of} 5")
        assert screen.question.text().endswith(f" in {lang}?")
        assert not screen.next_button.isVisible()
        drawn = window.quiz.round.current
        chosen = answer(window, correct)
        buttons = screen.answer_buttons
        assert all(not b.isEnabled() for b in buttons)
        if correct:
            assert buttons[chosen].mark.text() == f"✓  {right}"
        else:
            missed_ids.append(drawn.question.id)
            assert buttons[chosen].mark.text() == f"✗  {not_quite}"
            assert buttons[drawn.correct].mark.text() == f"✓  {right_answer}"
            assert buttons[chosen].property("state") == "wrong"
        assert buttons[drawn.correct].property("state") == "right"
        assert screen.explanation.isVisible()
        assert screen.explanation.text() == drawn.question.explanation
        other = next(b for i, b in enumerate(buttons[:3]) if i not in (chosen, drawn.correct))
        before = len(recorder.events)
        tap_visible(other)  # an answer cannot be changed
        assert len(recorder.events) == before and window.quiz.round.answered == number
        assert screen.next_button.isVisible() and window.visit.language == lang
        tap(screen.next_button)
    results = window.quiz.results_screen
    assert window.current_screen() is results
    assert results.score.text() == f"3 {of} 5"
    assert "3" in results.summary.text() and "5" in results.summary.text()
    assert results.message.text()
    assert results.staff.isVisible()
    assert len(results.missed_buttons) == 2
    first_missed = window.quiz.round.missed[0]
    tap_visible(results.missed_buttons[0])
    assert window.current_screen() is window.reader
    assert window.visit.position is not None and window.visit.position.slug == first_missed.section

    kinds = recorder.kinds()
    assert kinds.count("quiz_answer") == 5 and "quiz_abandoned" not in kinds
    assert ("quiz_start", {"questions": 5}) in recorder.events
    assert ("quiz_complete", {"score": 3, "total": 5, "seconds": 0}) in recorder.events
    wrong = [f["question"] for k, f in recorder.events if k == "quiz_answer" and not f["correct"]]
    assert wrong == missed_ids
    views = [f["screen"] for k, f in recorder.events if k == "screen_view"]
    assert views[-3:] == ["quiz", "results", "reader"]


def test_quiz_complete_counts_the_seconds(make_window, quiz_library, clock) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, recorder=recorder,
                   settings=Settings(quiz_round_size=2))
    for _ in range(2):
        clock.advance(20)
        answer(window, True)
        tap(window.quiz.question_screen.next_button)
    assert ("quiz_complete", {"score": 2, "total": 2, "seconds": 40}) in recorder.events
    results = window.quiz.results_screen
    assert results.missed_buttons == [] and not results.missed_heading.isVisible()
    assert "every question" in results.message.text()


def test_try_again_draws_a_new_round_and_home_leaves(make_window, quiz_library) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, recorder=recorder,
                   settings=Settings(quiz_round_size=3))
    first = [d.question.id for d in window.quiz.round.questions]
    for _ in range(3):
        answer(window, False)
        tap(window.quiz.question_screen.next_button)
    tap(window.quiz.results_screen.again_button)
    assert window.current_screen() is window.quiz.question_screen
    assert window.quiz.round.answered == 0
    second = [d.question.id for d in window.quiz.round.questions]
    assert len(set(second)) == 3 and second != first
    assert window.quiz.question_screen.progress.text().endswith("Question 1 of 3")
    answer(window, True)
    tap(window.quiz.question_screen.home_button)
    assert window.current_screen() is window.home
    assert recorder.kinds().count("quiz_start") == 2
    assert recorder.events[-2] == ("quiz_abandoned", {"answered": 1})


def test_fewer_questions_than_the_round_size(make_window, library) -> None:
    window = start(make_window, library)  # the test content has one question
    assert window.quiz.round.total == 1
    assert window.quiz.question_screen.progress.text().endswith("Question 1 of 1")
    answer(window, True)
    assert window.quiz.question_screen.next_button.text().startswith("See my score")


def test_idle_reset_clears_a_quiz_in_progress(make_window, quiz_library) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, recorder=recorder)
    answer(window, False)
    shown = window.quiz.question_screen.question.text()
    window.idle.expired.emit()
    assert window.current_screen() is window.attract
    assert window.quiz.round is None
    kinds = recorder.kinds()
    assert kinds[-3:] == ["quiz_abandoned", "idle_reset", "visit_end"]
    assert recorder.events[-3] == ("quiz_abandoned", {"answered": 1})
    screen = window.quiz.question_screen
    assert shown and screen.question.text() == "" and not screen.explanation.isVisible()
    assert all(b.text() == "" and b.mark.text() == "" for b in screen.answer_buttons)
    # The next patient starts a fresh round from question 1.
    tap(window.attract)
    tap(next(t for t in window.home.tiles if t.key == QUIZ_KEY))
    assert window.quiz.round.answered == 0
    assert all(b.isEnabled() for b in screen.answer_buttons if b.isVisible())


def test_idle_reset_on_the_results_forgets_them(make_window, quiz_library) -> None:
    window = start(make_window, quiz_library, settings=Settings(quiz_round_size=1))
    answer(window, False)
    tap(window.quiz.question_screen.next_button)
    results = window.quiz.results_screen
    assert results.missed_buttons
    window.reset_visit("idle")
    assert results.score.text() == "" and results.missed_buttons == []


def test_language_switch_on_the_results_keeps_them(make_window, quiz_library) -> None:
    recorder = ListRecorder()
    window = start(make_window, quiz_library, recorder=recorder,
                   settings=Settings(quiz_round_size=2))
    answer(window, False)
    tap(window.quiz.question_screen.next_button)
    answer(window, True)
    tap(window.quiz.question_screen.next_button)
    tap(window.footer.language_buttons["es"])
    results = window.quiz.results_screen
    assert window.current_screen() is results
    assert results.score.text() == "1 de 2"
    assert results.missed_buttons[0].mark.text().endswith(" in es?")
    assert "Topic" in results.missed_buttons[0].text() and " es" in \
        results.missed_buttons[0].text()
    assert "quiz_abandoned" not in recorder.kinds()


def test_a_link_to_no_section_shows_no_button(make_window, content_dir: Path) -> None:
    for lang in ("en", "es"):
        write_quiz(content_dir, lang, 1, broken_link="no-such-topic")
    library = load_library(content_dir)
    checked = with_checks(library, date(2026, 11, 22))
    assert any("no-such-topic" in f.message and f.line for f in checked.errors)
    window = start(make_window, library)
    answer(window, False)
    tap(window.quiz.question_screen.next_button)
    results = window.quiz.results_screen
    assert results.missed_buttons == []
    assert not results.missed_heading.isVisible()
    assert results.score.text() == "0 of 1"


@pytest.mark.parametrize("quiz_md", [
    None,  # no quiz file
    "",  # an empty one
    "---\ntitle: Quiz\n---\n\n## No answers?\nid: a\n\n## Two right?\nid: b\n- [x] A\n- [x] B\n",
])
def test_no_usable_quiz_hides_the_tile_and_says_why(make_window, content_dir: Path,
                                                    quiz_md: str | None) -> None:
    for lang in ("en", "es"):
        path = content_dir / lang / "quiz.md"
        if quiz_md is None:
            path.unlink()
        else:
            path.write_text(quiz_md, encoding="utf-8")
    library = load_library(content_dir)
    reasons = [f for f in library.findings
               if f.path.name == "quiz.md" and "quiz is not offered" in f.message]
    assert len(reasons) == 2
    window = make_window(library)
    tap(window.attract)
    assert QUIZ_KEY not in [t.key for t in window.home.tiles]


LONG = ("an answer long enough to wrap onto several lines even on a wide screen, because some "
        "clinics write whole sentences with every detail spelled out for their patients")


@pytest.mark.parametrize("size", [(1366, 768), (1080, 1920), (1920, 1080)])
def test_long_answers_wrap_and_are_never_cut_off(make_window, content_dir: Path,
                                                 size: tuple[int, int]) -> None:
    (content_dir / "en" / "quiz.md").write_text(
        "## " + LONG.capitalize() + "?\nid: long\nsection: topic-1\n"
        + "".join(f"- [{'x' if n == 0 else ' '}] {n}: {LONG}\n" for n in range(4))
        + f"explanation: {LONG.capitalize()}.\n", encoding="utf-8")
    library = load_library(content_dir)
    window = start(make_window, library, settings=Settings(text_size="largest"), size=size)
    assert window.quiz.round.current.question.id == "long"
    answer(window, False)
    assert window.visit.language == "en"
    screen = window.quiz.question_screen
    for button in screen.answer_buttons:
        label = button.text_label
        assert button.height() >= 64
        assert label.height() >= label.heightForWidth(label.width())
        assert button.rect().contains(label.geometry())
        assert label.geometry().right() < button.mark.geometry().left()
        assert button.mark.width() >= button.mark.sizeHint().width()
    column = screen.scroll_area.column
    for widget in (screen.question, screen.explanation):
        assert widget.height() >= widget.heightForWidth(widget.width())
        assert widget.geometry().bottom() <= column.height()
    assert column.height() >= column.layout().totalHeightForWidth(column.width())
