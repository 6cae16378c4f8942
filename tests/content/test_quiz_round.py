"""A quiz round without a window: the draw, shuffled answers, scoring and missed questions."""

from __future__ import annotations

import random

import pytest

from kiosk.content.model import QuizQuestion
from kiosk.content.quiz_round import QuizRound, score_band


def question(n: int, answers: int = 3, correct: int = 0) -> QuizQuestion:
    return QuizQuestion(id=f"q{n}", text=f"Question {n}?",
                        answers=tuple(f"Answer {n}.{a}" for a in range(answers)),
                        correct=correct, explanation=f"Because {n}.", section=f"topic-{n}",
                        line=n)


POOL = tuple(question(n, answers=2 + n % 3, correct=n % 2) for n in range(1, 9))


def test_draw_has_no_repeats_and_the_asked_size() -> None:
    for seed in range(30):
        round_ = QuizRound(POOL, 5, random.Random(seed))
        ids = [d.question.id for d in round_.questions]
        assert len(ids) == 5 == round_.total
        assert len(set(ids)) == 5


def test_same_seed_same_round_other_seed_other_round() -> None:
    def ids(seed: int) -> list[tuple[str, tuple[int, ...]]]:
        return [(d.question.id, d.order) for d in QuizRound(POOL, 5, random.Random(seed)).questions]

    assert ids(7) == ids(7)
    assert len({tuple(ids(seed)) for seed in range(10)}) > 1


def test_fewer_questions_than_the_round_size_uses_them_all() -> None:
    round_ = QuizRound(POOL[:3], 5, random.Random(1))
    assert sorted(d.question.id for d in round_.questions) == ["q1", "q2", "q3"]
    assert QuizRound((), 5, random.Random(1)).finished


def test_shuffled_answers_keep_track_of_the_right_one() -> None:
    seen_orders = set()
    for seed in range(40):
        for drawn in QuizRound(POOL, 8, random.Random(seed)).questions:
            q = drawn.question
            assert sorted(drawn.answers) == sorted(q.answers)
            assert drawn.answers[drawn.correct] == q.answers[q.correct]
            seen_orders.add(drawn.order)
    assert len(seen_orders) > 3


def test_no_shuffle_keeps_the_written_order() -> None:
    round_ = QuizRound(POOL, 8, random.Random(3), shuffle_answers=False)
    for drawn in round_.questions:
        assert drawn.answers == drawn.question.answers
        assert drawn.correct == drawn.question.correct


def test_scoring_and_missed_questions_with_their_sections() -> None:
    round_ = QuizRound(POOL, 4, random.Random(5))
    plan = [True, False, True, False]
    for right in plan:
        drawn = round_.current
        assert drawn is not None
        position = drawn.correct if right else (drawn.correct + 1) % len(drawn.answers)
        assert round_.answer(position) is right
        assert round_.advance()
    assert round_.finished and round_.current is None
    assert (round_.score, round_.total, round_.answered) == (2, 4, 4)
    missed = [round_.questions[1].question, round_.questions[3].question]
    assert round_.missed == tuple(missed)
    assert [q.section for q in round_.missed] == [q.section for q in missed]


def test_an_answer_cannot_be_changed_or_skipped() -> None:
    round_ = QuizRound(POOL, 2, random.Random(2))
    drawn = round_.current
    assert drawn is not None
    assert not round_.advance()  # Next before answering does nothing
    wrong = (drawn.correct + 1) % len(drawn.answers)
    assert round_.answer(wrong) is False
    assert round_.answer(drawn.correct) is None
    assert round_.answer(-1) is None
    assert round_.score == 0 and round_.missed == (drawn.question,)
    assert round_.advance()
    assert round_.answer(99) is None
    assert round_.answered == 1


@pytest.mark.parametrize(("score", "total", "band"), [
    (5, 5, "all"), (4, 5, "most"), (3, 5, "most"), (2, 5, "some"), (1, 5, "some"),
    (0, 5, "start"), (1, 1, "all"), (0, 0, "start"), (1, 2, "some"),
])
def test_score_bands(score: int, total: int, band: str) -> None:
    assert score_band(score, total) == band


def test_translate_keeps_the_round_and_swaps_only_matching_questions() -> None:
    from dataclasses import replace

    round_ = QuizRound(POOL, 4, random.Random(3))
    round_.answer(round_.current.correct)
    round_.advance()
    before = [(d.question.id, d.order) for d in round_.questions]
    spanish = [replace(q, text=q.text.replace("Question", "Pregunta")) for q in POOL]
    odd_one = round_.questions[2].question
    spanish = [replace(q, correct=(q.correct + 1) % len(q.answers)) if q.id == odd_one.id
               else q for q in spanish]  # answers in another order: cannot be matched
    round_.translate(spanish)
    assert [(d.question.id, d.order) for d in round_.questions] == before
    assert (round_.index, round_.answered, round_.score) == (1, 1, 1)
    texts = [d.question.text for d in round_.questions]
    assert texts[2] == odd_one.text  # kept as it was
    assert all(t.startswith("Pregunta") for i, t in enumerate(texts) if i != 2)
