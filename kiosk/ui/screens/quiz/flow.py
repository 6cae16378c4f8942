"""The quiz from the first question to the results: the round, its screens and its events.

The window hands over the content and the section titles and shows the screen this flow asks
for; the flow keeps the round (kiosk/content/quiz_round.py) and records quiz_start, quiz_answer,
quiz_complete and, when a started quiz is left unfinished, quiz_abandoned.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.model import LanguageContent
from kiosk.content.quiz_round import QuizRound
from kiosk.ui.look.i18n import tr
from kiosk.ui.screens.quiz.question import Feedback, QuizScreen
from kiosk.ui.screens.quiz.results import MissedTopic, ResultsScreen

if TYPE_CHECKING:
    from kiosk.engagement.events import EventRecorder

log = logging.getLogger(__name__)


class QuizFlow(QObject):
    screen_requested = Signal(QWidget, str)  # the screen to show, and its name for screen_view
    section_requested = Signal(str)
    home_requested = Signal()

    def __init__(self, recorder: EventRecorder, clock: Callable[[], float],
                 rng: random.Random, content: Callable[[], LanguageContent],
                 section_title: Callable[[str], str | None]) -> None:
        super().__init__()
        self.recorder = recorder
        self.clock = clock
        self.rng = rng
        self._content = content
        self._section_title = section_title
        self.round: QuizRound | None = None
        self.started = 0.0
        self._size, self._shuffle = 5, True
        self.question_screen = QuizScreen()
        self.results_screen = ResultsScreen()
        self.question_screen.answer_chosen.connect(self.choose)
        self.question_screen.next_requested.connect(self.next)
        self.question_screen.home_requested.connect(self.home_requested.emit)
        self.results_screen.home_requested.connect(self.home_requested.emit)
        self.results_screen.section_requested.connect(self.section_requested.emit)
        self.results_screen.again_requested.connect(lambda: self.start(self._size, self._shuffle))

    @property
    def in_progress(self) -> bool:
        """A round was started and its results are not shown yet."""
        return self.round is not None and not self.round.finished

    def start(self, size: int, shuffle: bool) -> None:
        """A new round of `size` questions (fewer if the content has fewer)."""
        self.leave()
        self._size, self._shuffle = size, shuffle
        content = self._content()
        if not content.quiz:
            log.info("The quiz was asked for in %r, which has no usable questions", content.lang)
            self.home_requested.emit()
            return
        self.round = QuizRound(content.quiz, size, self.rng, shuffle_answers=shuffle)
        self.started = self.clock()
        self.recorder.record("quiz_start", questions=self.round.total)
        self._show_question()
        self.screen_requested.emit(self.question_screen, "quiz")

    def choose(self, position: int) -> None:
        """The patient tapped the answer shown at `position`."""
        if self.round is None or (drawn := self.round.current) is None:
            return
        right = self.round.answer(position)
        if right is None:
            return
        self.recorder.record("quiz_answer", question=drawn.question.id, correct=right)
        self.question_screen.show_feedback(
            Feedback(position, drawn.correct, drawn.question.explanation))

    def next(self) -> None:
        if self.round is None or not self.round.advance():
            return
        if not self.round.finished:
            self._show_question()
            return
        seconds = max(0, round(self.clock() - self.started))
        self.recorder.record("quiz_complete", score=self.round.score, total=self.round.total,
                             seconds=seconds)
        self._show_results()
        self.screen_requested.emit(self.results_screen, "results")

    def leave(self, *, keep_results: bool = False) -> None:
        """The patient left the quiz (Home, a topic, idle reset): forget the round, unless it
        is finished and `keep_results` (Back may still return to its results)."""
        if self.in_progress and self.round is not None:
            self.recorder.record("quiz_abandoned", answered=self.round.answered)
        elif keep_results and self.round is not None:
            return
        self.round = None
        self.question_screen.clear()
        self.results_screen.clear()

    def language_changed(self) -> None:
        """The round goes on in the new language: the same questions, answers and score; the
        current question (with its feedback, once answered) or the results, translated."""
        if self.round is None:
            return
        self.round.translate(self._content().quiz)
        if not self.in_progress:
            self._show_results()
            return
        self._show_question()
        drawn = self.round.current
        if self.round.current_answered and drawn is not None:
            self.question_screen.show_feedback(Feedback(
                self.round.chosen[self.round.index], drawn.correct, drawn.question.explanation))

    def show_results_again(self) -> None:
        """Back to the results of the finished round (after reading a missed topic)."""
        if self.round is not None and self.round.finished:
            self._show_results()
            self.screen_requested.emit(self.results_screen, "results")

    def _show_question(self) -> None:
        assert self.round is not None and self.round.current is not None
        drawn = self.round.current
        self.question_screen.show_question(
            title=self._content().quiz_title or tr("Home", "Quick quiz"),
            number=self.round.index + 1, total=self.round.total, text=drawn.question.text,
            answers=drawn.answers)

    def _show_results(self) -> None:
        assert self.round is not None
        content = self._content()
        by_id = {q.id: q for q in content.quiz}
        missed: list[MissedTopic] = []
        for asked in self.round.missed:
            question = by_id.get(asked.id, asked)
            title = self._section_title(question.section) if question.section else None
            if title is not None:
                missed.append(MissedTopic(question.text, question.section, title))
        self.results_screen.show_results(content.quiz_title or tr("Home", "Quick quiz"),
                                         self.round.score, self.round.total, tuple(missed))
