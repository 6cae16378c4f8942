"""The staff dashboard's numbers and charts for today, the last 7 or the last 30 days.

Built from the same report and small-count rule as `rls-kiosk report`, so the panel never shows a
number the printed report would hide. Charts are SVG text from kiosk/engagement/reports/svgchart.py;
the panel only draws them. The words come from the panel (`DashboardWords`, English by default):
this module has no Qt, so it cannot translate them itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kiosk.engagement.reports import svgchart
from kiosk.engagement.reports.build import Report
from kiosk.engagement.reports.export import read_report
from kiosk.engagement.reports.small_counts import DEFAULT_THRESHOLD, Cell, Hider, rough_duration
from kiosk.engagement.store_errors import ReadError

PERIODS: dict[str, int] = {"today": 1, "7days": 7, "30days": 30}  # key -> days, today included
TOP_SECTIONS = 8


def _english_day(day: date) -> str:
    return f"{day.day} {day:%b}"


@dataclass(frozen=True)
class DashboardWords:
    """Everything the dashboard writes, in the panel's language; `%1` is filled in."""

    visits: str = "Visits"
    median_visit: str = "Median visit"
    quizzes_finished: str = "Quizzes finished"
    answers_right: str = "Quiz answers right"
    fewer_than: str = "fewer than %1"  # %1: the smallest count shown
    not_shown: str = "not shown (%1)"  # %1: "fewer than 5 answers"
    of_answers: str = "answers"  # after "fewer than 5": a share of too few quiz answers
    rough: Callable[[int], str] = rough_duration  # "under 5 minutes": a median of few visits
    by_hour_title: str = "Visits by hour today"
    per_day_title: str = "Visits per day"
    axis: str = "visits"
    dashed_note: str = "Dashed bars: %1 (exact number hidden)."  # %1: "fewer than 5"
    no_visits: str = "No visits in this period yet"
    topics_title: str = "Topics opened (visits)"
    no_topics: str = "No topics opened in this period"
    skipped: str = ("Damaged records left out (a value of the wrong type or out of range): %1. "
                    "Everything else is counted.")  # %1: how many
    day: Callable[[date], str] = _english_day  # a day under the per-day chart, e.g. "2 Nov"


@dataclass(frozen=True)
class Dashboard:
    since: date
    until: date
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    charts: list[str] = field(default_factory=list)  # SVG documents
    problem: str = ""  # the database could not be read, wholly or in part: what staff should know


def period_days(key: str, today: date) -> tuple[date, date]:
    return today - timedelta(days=PERIODS[key] - 1), today


def _shown(value: Cell) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _figures(report: Report, hide: Hider, words: DashboardWords) -> list[tuple[str, str]]:
    """The summary table's first figures (kiosk/engagement/reports/tables.py), in `words`."""
    answers = report.questions()
    right = hide.percent(sum(q.right for q in answers), sum(q.answers for q in answers),
                         words.of_answers, hide_part=False)
    return [
        (words.visits, _shown(hide.count(report.visits))),
        (words.median_visit, hide.duration(report.visit_seconds())),
        (words.quizzes_finished, _shown(hide.count(report.count("quiz_complete")))),
        (words.answers_right, f"{right}%" if isinstance(right, int) else str(right)),
    ]


def _time_chart(report: Report, hide: Hider, one_day: bool, words: DashboardWords) -> str:
    if one_day:
        hours = report.visits_by_hour()
        bars = [hide.bar(f"{h}" if h % 3 == 0 else "", n) for h, n in enumerate(hours)]
        title = words.by_hour_title
    else:
        days = report.days()
        bars = [hide.bar(words.day(d) if d == days[0] or d.weekday() == 0 else "",
                         report.visits_per_day.get(d, 0)) for d in days]
        title = words.per_day_title
    note = words.dashed_note.replace("%1", hide.phrase) if any(b.approx for b in bars) else ""
    return svgchart.column_chart(bars, title=title, show_title=True, height=260,
                                 axis_label=words.axis, note=note,
                                 empty_message=words.no_visits)


def _sections_chart(report: Report, hide: Hider, titles: dict[str, str],
                    words: DashboardWords) -> str:
    stats = report.sections()[:TOP_SECTIONS]
    bars = [hide.bar(titles.get(s.section, s.section), s.visits) for s in stats]
    return svgchart.bar_chart(bars, title=words.topics_title, show_title=True,
                              row_height=28, empty_message=words.no_topics)


def build_dashboard(db: Path, key: str, today: date, *, titles: dict[str, str] | None = None,
                    threshold: int = DEFAULT_THRESHOLD,
                    words: DashboardWords | None = None) -> Dashboard:
    since, until = period_days(key, today)
    try:
        report = read_report(db, since, until)
    except ReadError as exc:
        return Dashboard(since, until, problem=str(exc))
    words = words or DashboardWords()
    hide = Hider(threshold, fewer_than=words.fewer_than, not_shown=words.not_shown,
                 rough=words.rough)
    charts = [_time_chart(report, hide, key == "today", words),
              _sections_chart(report, hide, titles or {}, words)]
    skipped = words.skipped.replace("%1", f"{report.skipped:,}") if report.skipped else ""
    return Dashboard(since, until, _figures(report, hide, words), charts, problem=skipped)
