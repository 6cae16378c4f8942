"""Read one or more engagement databases into a plain `Report` of numbers.

Nothing here formats, hides small counts or draws: `report_tables` does that, once, for the HTML
page, the CSV files and the text summary alike. Several databases (several kiosks) are merged by
adding their totals; a visit never spans two databases, so the sums are exact.

A database may be a copy from anywhere, so every total read from it is checked before it counts:
a value of the wrong type or out of range (a day that is no date, text where a number belongs,
a score of 500%) is skipped and counted in `Report.skipped`, never a crash.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeGuard

from kiosk.engagement import rollup, store, store_errors, store_reader
from kiosk.engagement.events import MAX_NUMBER

# Metrics read per day; everything else is summed over the whole period by SQLite.
_DAILY_METRICS = ("visits",)
_PERIOD_METRICS = tuple(m for m in rollup.METRICS if m not in _DAILY_METRICS)
# The numbers each metric can hold (see rollup._METRICS); every other metric's number is 0.
_NUM_RANGES: dict[str, tuple[int, int]] = {
    "visit_hour": (0, 23),
    "visit_seconds": (0, MAX_NUMBER),
    "page_dwell": (0, MAX_NUMBER),
    "quiz_seconds": (0, MAX_NUMBER),
    "quiz_score": (0, 100),
    "quiz_answer": (0, 1),
    "staff_login": (0, 1),
}
_MAX_KEY = 200  # characters: "setting:value", two slugs of at most 64
_MAX_COUNT = 10**12


@dataclass(frozen=True)
class SourceSummary:
    """One database (one kiosk) of the report, for the "by kiosk" table."""

    path: Path
    kiosk_ids: tuple[str, ...]
    visits: int
    first_day: date | None
    last_day: date | None
    written: datetime | None = None  # when the file was last written (a snapshot's date)
    visit_seconds: Counter[int] = field(default_factory=Counter)  # visit length -> visits
    quizzes: int = 0  # quizzes finished


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
    skipped: int = 0  # records of the wrong type or out of range, not counted anywhere
    read_at: datetime | None = None  # when the databases were read: a snapshot's age is to this

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
    report: Report,
    *,
    per_day: bool,
    metrics: Iterable[str],
) -> Iterable[rollup.Total]:
    """The totals stored and not yet rolled up; a row of the wrong type or out of range is left
    out and counted in `report.skipped`."""
    metrics = tuple(metrics)
    rows = itertools.chain(
        rollup.stored_totals(conn, since, until, per_day=per_day, metrics=metrics),
        rollup.not_rolled_up(conn, since, until, store.rolled_up(conn), per_day=per_day,
                             metrics=metrics),
    )
    for row in rows:
        total = _checked_total(row, per_day=per_day)
        if total is None:
            report.skipped += _skipped_weight(row)
        else:
            yield total


def _checked_total(row: tuple[object, ...], *, per_day: bool) -> rollup.Total | None:
    """`row` as a total, or None when any value has the wrong type or is out of range."""
    if len(row) != 6:
        return None
    day, kiosk, metric, key, num, count = row
    if not (isinstance(day, str) and isinstance(kiosk, str) and isinstance(metric, str)
            and isinstance(key, str) and _is_int(num) and _is_int(count)):
        return None
    low, high = _NUM_RANGES.get(metric, (0, 0))
    if (metric not in rollup.METRICS or not low <= num <= high or not 0 < count <= _MAX_COUNT
            or len(key) > _MAX_KEY or len(kiosk) > _MAX_KEY
            or not (_is_day(day) if per_day else day == "")):
        return None
    return day, kiosk, metric, key, num, count


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _skipped_weight(row: tuple[object, ...]) -> int:
    """How many records a rejected total stands for: its count when that is sane, else one."""
    count = row[-1] if row else None
    return count if isinstance(count, int) and 0 < count <= _MAX_COUNT else 1


def build_report(
    paths: Sequence[Path], since: date | None = None, until: date | None = None, *,
    now: datetime | None = None,
) -> Report:
    """Merge the databases at `paths` for the days `since`..`until` (both included).

    Raises store_errors.ReadError with a sentence for the user if a file cannot be read.
    """
    report = Report(since=since, until=until, read_at=now or datetime.now())
    low, high = _day_bounds(since, until)
    seen: set[Path] = set()
    for path in paths:
        resolved = Path(path).resolve()
        if resolved in seen:  # the same file named twice must not count twice
            continue
        seen.add(resolved)
        conn = store_reader.open_for_reading(Path(path))
        try:
            written = datetime.fromtimestamp(Path(path).stat().st_mtime)
        except OSError:
            written = None
        try:
            per_day: Counter[date] = Counter()
            seconds: Counter[int] = Counter()
            quizzes = 0
            kiosks: set[str] = set()
            for day, kiosk, _m, _k, _n, c in _read_totals(conn, low, high, report, per_day=True,
                                                           metrics=_DAILY_METRICS):
                per_day[date.fromisoformat(day)] += c
                kiosks.add(kiosk)
            for _day, _kiosk, m, k, n, c in _read_totals(conn, low, high, report, per_day=False,
                                                          metrics=_PERIOD_METRICS):
                report.totals[(m, k, n)] += c
                if m == "visit_seconds":
                    seconds[n] += c
                elif m == "quiz_complete":
                    quizzes += c
        except (sqlite3.DatabaseError, store_errors.StoreDamaged) as exc:
            raise store_errors.read_failure(Path(path), exc) from exc
        finally:
            conn.close()
        for visit_day, c in per_day.items():
            report.visits_per_day[visit_day] = report.visits_per_day.get(visit_day, 0) + c
        report.sources.append(
            SourceSummary(
                path=Path(path),
                kiosk_ids=tuple(sorted(k for k in kiosks if k)),
                visits=sum(per_day.values()),
                first_day=min(per_day, default=None),
                last_day=max(per_day, default=None),
                written=written,
                visit_seconds=seconds,
                quizzes=quizzes,
            )
        )
    report.visits_per_day = dict(sorted(report.visits_per_day.items()))
    return report
