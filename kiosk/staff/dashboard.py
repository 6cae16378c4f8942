"""The staff dashboard's numbers and charts for today, the last 7 or the last 30 days.

Built from the same report and small-count rule as `rls-kiosk report`, so the panel never shows
a number the printed report would hide. Charts are SVG text from kiosk/engagement/svgchart.py;
the panel only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kiosk.engagement import svgchart
from kiosk.engagement.report import Report
from kiosk.engagement.report_tables import DEFAULT_THRESHOLD, Hider, summary_table
from kiosk.engagement.store import ReadError
from kiosk.engagement.svgchart import Bar
from kiosk.staff.export import read_report

PERIODS: dict[str, int] = {"today": 1, "7days": 7, "30days": 30}  # key -> days, today included
TOP_SECTIONS = 8


@dataclass(frozen=True)
class Dashboard:
    since: date
    until: date
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    charts: list[str] = field(default_factory=list)  # SVG documents
    problem: str = ""  # the database could not be read: what staff should know


def period_days(key: str, today: date) -> tuple[date, date]:
    return today - timedelta(days=PERIODS[key] - 1), today


def _bar(label: str, n: int, hide: Hider) -> Bar:
    if hide.hidden(n):
        return Bar(label, hide.threshold, f"<{hide.threshold}", approx=True)
    return Bar(label, n, f"{n:,}" if n else "")


def _shown(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _time_chart(report: Report, hide: Hider, one_day: bool) -> str:
    if one_day:
        hours = report.visits_by_hour()
        bars = [_bar(f"{h}" if h % 3 == 0 else "", n, hide) for h, n in enumerate(hours)]
        title = "Visits by hour today"
    else:
        days = report.days()
        bars = [_bar(f"{d.day} {d:%b}" if d == days[0] or d.weekday() == 0 else "",
                     report.visits_per_day.get(d, 0), hide) for d in days]
        title = "Visits per day"
    note = f"Dashed bars: {hide.phrase} (exact number hidden)." if any(
        b.approx for b in bars) else ""
    return svgchart.column_chart(bars, title=title, show_title=True, height=260,
                                 axis_label="visits", note=note,
                                 empty_message="No visits in this period yet")


def _sections_chart(report: Report, hide: Hider, titles: dict[str, str]) -> str:
    stats = report.sections()[:TOP_SECTIONS]
    bars = [_bar(titles.get(s.section, s.section), s.visits, hide) for s in stats]
    return svgchart.bar_chart(bars, title="Topics opened (visits)", show_title=True,
                              row_height=28, empty_message="No topics opened in this period")


def build_dashboard(db: Path, key: str, today: date, *, titles: dict[str, str] | None = None,
                    threshold: int = DEFAULT_THRESHOLD) -> Dashboard:
    since, until = period_days(key, today)
    try:
        report = read_report(db, since, until)
    except ReadError as exc:
        return Dashboard(since, until, problem=str(exc))
    hide = Hider(threshold)
    summary = dict(summary_table(report, hide).rows)
    right = summary["Quiz answers right, %"]
    figures = [
        ("Visits", _shown(summary["Visits"])),
        ("Median visit", _shown(summary["Median visit length"])),
        ("Quizzes finished", _shown(summary["Quizzes finished"])),
        ("Quiz answers right", f"{right}%" if isinstance(right, int) else str(right)),
    ]
    charts = [_time_chart(report, hide, key == "today"), _sections_chart(report, hide,
                                                                          titles or {})]
    return Dashboard(since, until, figures, charts)
