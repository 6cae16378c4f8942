"""Plausible made-up engagement data, for benchmarks, report previews and tests.

Visits follow clinic hours (busier mornings and weekdays, closed on Sundays), read a few
sections with uneven popularity, sometimes change a setting, and a third take the quiz, where a
few questions are answered wrong far more often than others. Same seed, same data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.engagement import store
from kiosk.engagement.events import clean_event
from kiosk.engagement.recorder import minute_stamp, new_visit_id

SECTIONS = (
    ("what-is-rls", 10),
    ("symptoms", 8),
    ("causes", 6),
    ("treatment", 7),
    ("sleep-tips", 5),
    ("iron-and-diet", 4),
    ("medicines-to-check", 3),
    ("pregnancy", 2),
    ("when-to-see-a-doctor", 4),
)
QUESTIONS = (
    ("q-common", 0.85),
    ("q-evening", 0.80),
    ("q-iron", 0.45),
    ("q-movement", 0.75),
    ("q-caffeine", 0.62),
    ("q-antihistamines", 0.30),
)
LANGUAGES = (("en", 80), ("es", 11), ("pl", 5), ("ar", 4))
HOUR_WEIGHTS = {8: 3, 9: 8, 10: 9, 11: 8, 12: 4, 13: 5, 14: 7, 15: 7, 16: 5, 17: 2}
WEEKDAY_FACTOR = (1.15, 1.0, 1.05, 1.0, 0.95, 0.45, 0.0)  # Monday .. Sunday (closed)

Event = tuple[datetime, str, dict[str, Any]]


@dataclass(frozen=True)
class _Choice:
    values: tuple[Any, ...]
    weights: tuple[float, ...]

    def pick(self, rng: random.Random) -> Any:
        return rng.choices(self.values, self.weights)[0]


_SECTION = _Choice(tuple(s for s, _ in SECTIONS), tuple(w for _, w in SECTIONS))
_LANGUAGE = _Choice(tuple(s for s, _ in LANGUAGES), tuple(w for _, w in LANGUAGES))
_HOUR = _Choice(tuple(HOUR_WEIGHTS), tuple(HOUR_WEIGHTS.values()))


def _sections(slugs: Sequence[str] | None) -> _Choice:
    """The made-up sections, or the given slugs (a real content folder's, so a preview names
    its topics) with the same uneven popularity, in order."""
    if not slugs:
        return _SECTION
    weights = [w for _, w in SECTIONS]
    return _Choice(tuple(slugs), tuple(weights[i % len(weights)] for i in range(len(slugs))))


def visit_events(rng: random.Random, start: datetime, sections: _Choice = _SECTION) -> list[Event]:
    """One visit, as (time, kind, fields) in order; starts with visit_start, ends with visit_end."""
    t = start
    language = _LANGUAGE.pick(rng)
    text_size = "large" if rng.random() < 0.05 else "normal"
    events: list[Event] = [
        (t, "visit_start", {"language": language, "text_size": text_size, "theme": "standard"}),
        (t, "screen_view", {"screen": "home"}),
    ]

    def step(seconds: float) -> datetime:
        nonlocal t
        t += timedelta(seconds=seconds)
        return t

    if rng.random() < 0.09:
        events.append((step(4), "setting_change", {"setting": "text_size", "value": "large"}))
    if rng.random() < 0.05:
        events.append((step(3), "setting_change", {"setting": "read_aloud", "value": True}))
    if rng.random() < 0.03:
        other = _LANGUAGE.pick(rng)
        events.append((step(3), "setting_change", {"setting": "language", "value": other}))
    if rng.random() < 0.02:
        events.append((step(3), "setting_change", {"setting": "theme", "value": "high-contrast"}))
    for _ in range(rng.choices((1, 2, 3, 4), (40, 30, 20, 10))[0]):
        section = sections.pick(rng)
        for page in range(1, rng.choice((1, 1, 2, 2, 3, 4)) + 1):
            events.append(
                (step(2), "screen_view", {"screen": "reader", "section": section, "page": page})
            )
            dwell = max(2, round(rng.lognormvariate(3.2, 0.7)))
            events.append(
                (step(dwell), "page_dwell", {"section": section, "page": page, "seconds": dwell})
            )
        events.append((step(2), "screen_view", {"screen": "home"}))
    if rng.random() < 0.35:
        quiz_start = t
        events.append((step(2), "screen_view", {"screen": "quiz"}))
        events.append((t, "quiz_start", {"questions": len(QUESTIONS)}))
        score = 0
        finish = rng.random() < 0.8
        answered = len(QUESTIONS) if finish else rng.randint(0, len(QUESTIONS) - 1)
        for question, p_right in QUESTIONS[:answered]:
            correct = rng.random() < p_right
            score += correct
            events.append(
                (
                    step(rng.uniform(6, 25)),
                    "quiz_answer",
                    {"question": question, "correct": correct},
                )
            )
        if finish:
            seconds = round((t - quiz_start).total_seconds())
            events.append(
                (t, "quiz_complete", {"score": score, "total": len(QUESTIONS), "seconds": seconds})
            )
            events.append((step(2), "screen_view", {"screen": "results"}))
        else:
            events.append((t, "quiz_abandoned", {"answered": answered}))
    if rng.random() < 0.7:
        events.append((step(90), "idle_reset", {}))
        reason = "idle"
    else:
        step(3)
        reason = "attract"
    seconds = round((t - start).total_seconds())
    events.append((t, "visit_end", {"reason": reason, "seconds": seconds}))
    return events


def synthetic_events(
    first_day: date,
    days: int,
    *,
    seed: int = 1,
    visits_per_day: float = 30.0,
    sections: Sequence[str] | None = None,
) -> Iterator[Event]:
    """Visits for `days` days from `first_day`, each visit's events together, by start time."""
    rng = random.Random(seed)
    read = _sections(sections)
    for n in range(days):
        day = first_day + timedelta(days=n)
        mean = visits_per_day * WEEKDAY_FACTOR[day.weekday()]
        count = max(0, round(rng.gauss(mean, mean**0.5))) if mean else 0
        starts = sorted(
            datetime(day.year, day.month, day.day, _HOUR.pick(rng), rng.randrange(60))
            + timedelta(seconds=rng.randrange(60))
            for _ in range(count)
        )
        for start in starts:
            yield from visit_events(rng, start, read)


def write_synthetic_db(
    path: Path,
    first_day: date,
    days: int,
    *,
    kiosk_id: str = "",
    seed: int = 1,
    visits_per_day: float = 30.0,
    sections: Sequence[str] | None = None,
) -> int:
    """Write synthetic events straight into a database (faster than a Recorder); returns count.

    The days before the last one are rolled up into daily totals, as the kiosk does each day.
    """
    conn, _ = store.open_store(path, datetime.now())
    rows: list[tuple[Any, ...]] = []
    written = 0
    visit: str | None = None
    try:
        for when, kind, fields in synthetic_events(
            first_day, days, seed=seed, visits_per_day=visits_per_day, sections=sections
        ):
            clean = clean_event(kind, fields)
            if clean is None:
                raise ValueError(f"synthetic event not in the vocabulary: {kind}")
            if kind == "visit_start":
                visit = new_visit_id()
            rows.append(store.event_row(minute_stamp(when), kind, visit, kiosk_id, clean))
            if kind == "visit_end":
                visit = None
            if len(rows) >= 50_000:
                store.insert_events(conn, rows)
                written += len(rows)
                rows = []
        if rows:
            store.insert_events(conn, rows)
            written += len(rows)
        store.roll_up(conn, first_day + timedelta(days=max(0, days - 1)))
        store.checkpoint(conn)
    finally:
        conn.close()
    return written
