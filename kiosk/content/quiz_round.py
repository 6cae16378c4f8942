"""One round of the quiz: the draw, the shuffled answers, the score and what was missed. No Qt.

The random source is passed in, so a test (or a preview) gets the same round every time.
Answers are kept as indices into the question's own answers, so "which one is right" survives
any shuffle.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.content.model import QuizQuestion

BANDS = ("all", "most", "some", "start")  # best first; see score_band


@dataclass(frozen=True)
class DrawnQuestion:
    """A question as shown in this round: its answers in the order they appear on screen."""

    question: QuizQuestion
    order: tuple[int, ...]  # order[shown position] = index in question.answers

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(self.question.answers[i] for i in self.order)

    @property
    def correct(self) -> int:
        """Shown position of the right answer."""
        return self.order.index(self.question.correct)


class QuizRound:
    """Questions drawn without repeats; answered one at a time, in order, once each."""

    def __init__(self, pool: Sequence[QuizQuestion], size: int, rng: random.Random, *,
                 shuffle_answers: bool = True) -> None:
        count = max(0, min(size, len(pool)))
        drawn = rng.sample(list(pool), count)
        self.questions: tuple[DrawnQuestion, ...] = tuple(
            DrawnQuestion(q, _order(len(q.answers), rng, shuffle_answers)) for q in drawn)
        self.index = 0
        self.chosen: list[int] = []  # shown position chosen, per answered question

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered(self) -> int:
        return len(self.chosen)

    @property
    def current(self) -> DrawnQuestion | None:
        return self.questions[self.index] if self.index < self.total else None

    @property
    def current_answered(self) -> bool:
        return self.answered > self.index

    @property
    def finished(self) -> bool:
        return self.index >= self.total

    def answer(self, position: int) -> bool | None:
        """Answer the current question by shown position: True if right, None if not allowed.

        An answer cannot be changed: a second answer to the same question is refused.
        """
        current = self.current
        if current is None or self.current_answered or not 0 <= position < len(current.order):
            return None
        self.chosen.append(position)
        return position == current.correct

    def translate(self, pool: Sequence[QuizQuestion]) -> None:
        """Go on in another language: each question becomes the one with its id in `pool`
        when that has as many answers with the same one right (answers in the same order);
        the draw, the answers' order on screen, the answers given and the score stay."""
        by_id = {question.id: question for question in pool}
        self.questions = tuple(
            DrawnQuestion(other, drawn.order)
            if (other := by_id.get(drawn.question.id)) is not None
            and len(other.answers) == len(drawn.question.answers)
            and other.correct == drawn.question.correct else drawn
            for drawn in self.questions)

    def advance(self) -> bool:
        """Move past an answered question; False when it is not answered yet."""
        if not self.current_answered:
            return False
        self.index += 1
        return True

    def is_right(self, number: int) -> bool:
        return self.chosen[number] == self.questions[number].correct

    @property
    def score(self) -> int:
        return sum(self.is_right(n) for n in range(self.answered))

    @property
    def missed(self) -> tuple[QuizQuestion, ...]:
        """Questions answered wrongly, in the order they were asked."""
        return tuple(self.questions[n].question for n in range(self.answered)
                     if not self.is_right(n))


def score_band(score: int, total: int) -> str:
    """Which encouraging message fits: "all" right, "most" (60 % or more), "some", or "start"."""
    if total <= 0 or score <= 0:
        return "start"
    if score >= total:
        return "all"
    return "most" if score * 5 >= total * 3 else "some"


def _order(count: int, rng: random.Random, shuffle: bool) -> tuple[int, ...]:
    order = list(range(count))
    if shuffle:
        rng.shuffle(order)
    return tuple(order)
