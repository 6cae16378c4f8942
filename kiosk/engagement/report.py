"""Read one or more engagement databases into a plain `Report` of numbers.

Nothing here formats, hides small counts or draws: `report_tables` does that, once, for the HTML
page, the CSV files and the text summary alike. Several databases (several kiosks) are merged by
adding their totals; a visit never spans two databases, so the sums are exact.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kiosk.engagement import rollup, store

# Metrics read per day; everything else is summed over the whole period by SQLite.
_DAILY_METRICS = ("visits",)
_PERIOD_METRICS = tuple(m for m in rollup.METRICS if m not in _DAILY_METRICS)


@dataclass(frozen=True)
class SourceSummary:
    path: Path
    kiosk_ids: tuple[str, ...]
    visits: int
    first_day: date | None
    last_day: date | None


@dataclass(frozen=True)
class SectionStats:
    section: str
    visits: int  # visits that opened the section at least once
    views: int  # screens shown from the section (pages, counted each time)
    dwell: Counter[int]  # seconds on a page -> how many times


@dataclass(frozen=True)
class QuestionStats:
    question: str
    answers: int
    right: int


@dataclass
class Report:
    since: date | None
    until: date | None
    sources: list[SourceSummary] = field(default_factory=list)
    visits_per_day: dict[date, int] = field(default_factory=dict)
    totals: Counter[tuple[str, str, int]] = field(default_factory=Counter)  # (metric, key, num)

    # --- derived views, in the order the report shows them --------------------------------

    @property
    def has_data(self) -> bool:
        return bool(self.visits_per_day) or any(self.totals.values())

    @property
    def visits(self) -> int:
        return sum(self.visits_per_day.values())

    @property
    def first_day(self) -> date | None:
        return min(self.visits_per_day, default=None)

    @property
    def last_day(self) -> date | None:
        return max(self.visits_per_day, default=None)

    def days(self) -> list[date]:
        """Every day of the period shown, including days without visits."""
        start = self.since or self.first_day
        end = self.until or self.last_day
        if start is None or end is None or end < start:
            return []
        return [start + timedelta(days=n) for n in range((end - start).days + 1)]

    def by_num(self, metric: str, key: str = "") -> Counter[int]:
        return Counter(
            {n: c for (m, k, n), c in self.totals.items() if m == metric and k == key and c}
        )

    def by_key(self, metric: str) -> Counter[str]:
        result: Counter[str] = Counter()
        for (m, k, _n), c in self.totals.items():
            if m == metric:
                result[k] += c
        return result

    def count(self, metric: str) -> int:
        return sum(c for (m, _k, _n), c in self.totals.items() if m == metric)

    def visits_by_hour(self) -> list[int]:
        hours = self.by_num("visit_hour")
        return [hours.get(h, 0) for h in range(24)]

    def visits_by_weekday(self) -> list[int]:
        """Monday first."""
        days = [0] * 7
        for day, n in self.visits_per_day.items():
            days[day.weekday()] += n
        return days

    def visit_seconds(self) -> Counter[int]:
        return self.by_num("visit_seconds")

    def sections(self) -> list[SectionStats]:
        """Most-visited first."""
        visits = self.by_key("section_visits")
        views = self.by_key("section_views")
        dwell: dict[str, Counter[int]] = {}
        for (m, k, n), c in self.totals.items():
            if m == "page_dwell" and k:
                dwell.setdefault(k, Counter())[n] += c
        names = set(visits) | set(views) | set(dwell)
        stats = [
            SectionStats(s, visits.get(s, 0), views.get(s, 0), dwell.get(s, Counter()))
            for s in names
        ]
        return sorted(stats, key=lambda s: (-s.visits, -s.views, s.section))

    def questions(self) -> list[QuestionStats]:
        """Fewest right answers (as a share) first: the messages that do not land."""
        answers: dict[str, list[int]] = {}
        for (m, k, n), c in self.totals.items():
            if m == "quiz_answer":
                entry = answers.setdefault(k, [0, 0])
                entry[0] += c
                if n:
                    entry[1] += c
        stats = [QuestionStats(q, a, r) for q, (a, r) in answers.items()]
        return sorted(stats, key=lambda q: (q.right / q.answers if q.answers else 1, q.question))

    def setting_changes(self) -> Counter[tuple[str, str]]:
        result: Counter[tuple[str, str]] = Counter()
        for key, c in self.by_key("setting_change").items():
            setting, _, value = key.partition(":")
            result[(setting, value)] += c
        return result


def median_of(counts: Counter[int]) -> float | None:
    """Median of a value -> frequency table, without expanding it."""
    total = sum(counts.values())
    if not total:
        return None
    return (_nth(counts, (total - 1) // 2) + _nth(counts, total // 2)) / 2


def _nth(counts: Counter[int], index: int) -> int:
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen > index:
            return value
    raise IndexError(index)


def _day_bounds(since: date | None, until: date | None) -> tuple[str | None, str | None]:
    return (
        since.isoformat() if since else None,
        (until + timedelta(days=1)).isoformat() if until else None,
    )


def _read_totals(
    conn: sqlite3.Connection,
    since: str | None,
    until: str | None,
    *,
    per_day: bool,
    metrics: Iterable[str],
) -> Iterable[rollup.Total]:
    metrics = tuple(metrics)
    yield from rollup.stored_totals(conn, since, until, per_day=per_day, metrics=metrics)
    yield from rollup.not_rolled_up(conn, since, until, store.rolled_up(conn), per_day=per_day,
                                    metrics=metrics)


def build_report(
    paths: Sequence[Path], since: date | None = None, until: date | None = None
) -> Report:
    """Merge the databases at `paths` for the days `since`..`until` (both included).

    Raises store.ReadError with a sentence for the user if a file cannot be read.
    """
    report = Report(since=since, until=until)
    low, high = _day_bounds(since, until)
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:  # the same file named twice must not count twice
            continue
        seen.add(resolved)
        conn = store.open_for_reading(Path(path))
        try:
            per_day: Counter[date] = Counter()
            kiosks: set[str] = set()
            for day, kiosk, _m, _k, _n, c in _read_totals(
                conn, low, high, per_day=True, metrics=_DAILY_METRICS
            ):
                per_day[date.fromisoformat(day)] += c
                kiosks.add(kiosk)
            for _day, _kiosk, m, k, n, c in _read_totals(
                conn, low, high, per_day=False, metrics=_PERIOD_METRICS
            ):
                report.totals[(m, k, int(n))] += c
        finally:
            conn.close()
        for day, c in per_day.items():
            report.visits_per_day[day] = report.visits_per_day.get(day, 0) + c
        report.sources.append(
            SourceSummary(
                path=Path(path),
                kiosk_ids=tuple(sorted(k for k in kiosks if k)),
                visits=sum(per_day.values()),
                first_day=min(per_day, default=None),
                last_day=max(per_day, default=None),
            )
        )
    report.visits_per_day = dict(sorted(report.visits_per_day.items()))
    return report
