"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.

Written for a clinic manager: plain headings that say what each chart answers, every chart
followed by its numbers, and a print layout (A4, no split charts) for the monthly meeting.
"""

from __future__ import annotations

from datetime import date, datetime

from kiosk.engagement.reports import svgchart
from kiosk.engagement.reports.build import Report
from kiosk.engagement.reports.html_parts import CSS, esc, figure_html, table_html
from kiosk.engagement.reports.small_counts import Cell, Hider
from kiosk.engagement.reports.svgchart import Bar
from kiosk.engagement.reports.tables import (
    WEEKDAYS,
    Names,
    Table,
    all_tables,
    length_buckets,
    skipped_note,
    stale_days,
)


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _period_text(report: Report) -> str:
    start = report.since or report.first_day
    end = report.until or report.last_day
    if start and end:
        return f"{_long_date(start)} to {_long_date(end)}"
    if start:
        return f"from {_long_date(start)}"
    if end:
        return f"up to {_long_date(end)}"
    return "all recorded days"


def _summary(tables: dict[str, Table]) -> dict[Cell, Cell]:
    """The summary table's figures by measure ("Visits": 42)."""
    return {measure: value for measure, value in tables["summary"].rows}


def _figures(tables: dict[str, Table]) -> str:
    summary = _summary(tables)
    items = [
        ("Visits", summary["Visits"]),
        ("Median visit length", summary["Median visit length"]),
        ("Quizzes finished", summary["Quizzes finished"]),
        ("Quiz answers right", _percent(summary["Quiz answers right, %"])),
    ]
    cells = "".join(
        f'<div class="figure"><div class="value">{esc(_plain(v))}</div>'
        f'<div class="label">{esc(k)}</div></div>'
        for k, v in items
    )
    return f'<div class="figures">{cells}</div>'


def _plain(value: Cell) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _percent(value: Cell) -> str:
    return f"{value}%" if isinstance(value, int | float) else str(value)


def _day_chart(report: Report, hide: Hider) -> str:
    days = report.days()
    short = len(days) <= 45
    bars = []
    for d in days:
        if short:  # label the first day and each Monday
            label = f"{d.day} {d:%b}" if d == days[0] or d.weekday() == 0 else ""
        else:  # label the first day of each month
            label = f"{d:%b}" if d.day == 1 else ""
        bar = hide.bar(label, report.visits_per_day.get(d, 0))
        bars.append(Bar(bar.label, bar.value, bar.text if len(days) <= 31 else "", bar.approx))
    return svgchart.column_chart(
        bars,
        title="Visits per day",
        height=240,
        axis_label="visits",
        note=_approx_note(bars, hide),
    )


def _approx_note(bars: list[Bar], hide: Hider) -> str:
    if any(b.approx for b in bars):
        return f"Dashed bars: {hide.phrase} (exact number hidden)."
    return ""


def _when_section(report: Report, hide: Hider, tables: dict[str, Table]) -> str:
    hours = report.visits_by_hour()
    used = [h for h, n in enumerate(hours) if n] or [9, 17]
    first, last = min(min(used), 8), max(max(used), 17)
    hour_bars = [hide.bar(f"{h:02d}", hours[h]) for h in range(first, last + 1)]
    weekday_bars = [
        hide.bar(WEEKDAYS[i][:3], n) for i, n in enumerate(report.visits_by_weekday())
    ]
    return (
        "<h2>When patients use the kiosk</h2>"
        '<p class="explain">Each bar is one day of the period. Days at zero are days the kiosk was '
        "off or not touched.</p>"
        + figure_html(_day_chart(report, hide))
        + table_html(tables["visits_per_month"])
        + "<details><summary>Numbers for each day</summary>"
        + table_html(tables["visits_per_day"])
        + "</details>"
        + '<div class="keep"><h3>By hour of the day</h3>'
        + '<p class="explain">When visits started, in the kiosk\'s local time.</p>'
        + figure_html(
            svgchart.column_chart(
                hour_bars,
                title="Visits by hour of the day",
                height=220,
                axis_label="visits",
                note=_approx_note(hour_bars, hide),
            )
        )
        + "</div>"
        + '<div class="keep"><h3>By day of the week</h3>'
        + figure_html(
            svgchart.column_chart(
                weekday_bars,
                title="Visits by day of the week",
                width=520,
                height=220,
                axis_label="visits",
                note=_approx_note(weekday_bars, hide),
            )
        )
        + "</div>"
    )


def _length_section(report: Report, hide: Hider, tables: dict[str, Table]) -> str:
    seconds = report.visit_seconds()
    bars = [hide.bar(label, n) for label, n in length_buckets(seconds)]
    median = esc(_summary(tables)["Median visit length"])
    if hide.enough(sum(seconds.values())):
        typical = (f"Half the visits were shorter than <strong>{median}</strong> and half were "
                   "longer.")
    else:
        typical = (f"With {esc(hide.phrase)} visits the typical visit is given only roughly: "
                   f"<strong>{median}</strong>.")
    return (
        "<h2>How long visits last</h2>"
        f'<p class="explain">{typical} A visit ends when the screen is left alone until it '
        "resets, or when someone goes back to the start screen.</p>"
        + figure_html(
            svgchart.column_chart(
                bars,
                title="How long visits last",
                width=620,
                height=220,
                axis_label="visits",
                note=_approx_note(bars, hide),
            )
        )
        + table_html(tables["visit_end"])
    )


def _sections_section(report: Report, hide: Hider, tables: dict[str, Table],
                      names: Names) -> str:
    sections = report.sections()
    bars = [hide.bar(names.section(s.section), s.visits) for s in sections]
    return (
        "<h2>What patients read</h2>"
        '<p class="explain">How many visits opened each section, most read first, and how long '
        "a page of it stayed on screen (the median: half the pages were read for less).</p>"
        + figure_html(
            svgchart.bar_chart(
                bars,
                title="Visits that opened each section",
                note=_approx_note(bars, hide),
                empty_message="No section was opened in this period",
            )
        )
        + table_html(tables["sections"])
    )


def _quiz_section(report: Report, hide: Hider, tables: dict[str, Table], names: Names) -> str:
    bars = []
    for q in report.questions():
        label = names.question(q.question)
        if not hide.enough(q.answers):
            bars.append(Bar(label, 0, hide.too_few("answers")))
            continue
        share = 100 * q.right / q.answers
        bars.append(Bar(label, share, f"{share:.0f}% right", accent=share < 60))
    chart = svgchart.bar_chart(
        bars,
        title="Share of answers right, per question",
        top=100,
        tick_format=lambda v: f"{v:.0f}%",
        note="Orange: fewer than 60% right.",
        empty_message="No quiz answers in this period",
    )
    return (
        "<h2>Quiz</h2>"
        + table_html(tables["quiz"], caption=False)
        + '<div class="keep"><h3>Which messages don\'t land</h3>'
        '<p class="explain">The share of answers that were right for each question, lowest '
        "first. A low share means the content behind that question may need rewriting.</p>"
        + figure_html(chart)
        + "</div>"
        + table_html(tables["questions"])
    )


def _settings_section(report: Report, hide: Hider, tables: dict[str, Table]) -> str:
    languages = tables["languages"]
    bars = [
        hide.bar(str(row[0]), report.by_key("start_language").get(str(row[0]), 0))
        for row in languages.rows
    ]
    return (
        "<h2>Languages and accessibility</h2>"
        '<p class="explain">Which language visits started in, and how often patients changed '
        "the text size, colours, read-aloud or motion settings.</p>"
        + figure_html(
            svgchart.bar_chart(
                bars,
                title="Visits by starting language",
                note=_approx_note(bars, hide),
                empty_message="No language recorded in this period",
            )
        )
        + table_html(languages)
        + table_html(tables["settings"])
        + table_html(tables["start_settings"])
    )


def _kiosks_section(report: Report, hide: Hider, tables: dict[str, Table]) -> str:
    """Several kiosks: each one's visits as a chart and its figures, stale snapshots first."""
    bars = [hide.bar(", ".join(s.kiosk_ids) or s.path.name, s.visits) for s in report.sources]
    stale = [
        f"{', '.join(s.kiosk_ids) or s.path} (written {s.written:%Y-%m-%d})"
        for s in report.sources
        if s.written is not None and stale_days(report, s)
    ]
    warning = (
        f'<p class="warning">No recent snapshot from {esc("; ".join(stale))}: its numbers end '
        "there. Check that the kiosk is on and that its sharing (Syncthing or the network share) "
        "works.</p>"
        if stale else ""
    )
    return (
        "<h2>By kiosk</h2>"
        '<p class="explain">Each kiosk\'s own visits, with the same rule for small counts.</p>'
        + warning
        + figure_html(
            svgchart.bar_chart(
                bars,
                title="Visits per kiosk",
                note=_approx_note(bars, hide),
                empty_message="No kiosk database in this report",
            )
        )
        + table_html(tables["kiosks"], caption=False)
    )


def _about_section(report: Report, hide: Hider, tables: dict[str, Table]) -> str:
    return (
        "<h2>About these numbers</h2>"
        + (table_html(tables["kiosks"]) if len(report.sources) < 2 else "")
        + table_html(tables["screens"])
        + '<p class="note">The kiosk records what is touched, never who touches it: each visit '
        "gets a random number that is not linked to a person or a device, times are kept to the "
        "minute, and nobody can type anything into it. Counts from 1 to "
        f"{hide.threshold - 1} are shown as “{esc(hide.phrase)}”, and so are the right answers "
        f"of a question answered {esc(hide.phrase)} times; a share based on so few cases is "
        "not shown, and a typical length based on so few visits is given only roughly "
        "(“under 5 minutes”). Detailed records are kept for a limited time; older days are kept "
        "as daily totals.</p>"
    )


def render_html(
    report: Report, *, threshold: int = 5, generated: datetime | None = None, title: str = "",
    names: Names | None = None,
) -> str:
    """The whole report page as a string; sections and questions by their titles in `names`."""
    names = names or Names()
    hide = Hider(threshold)
    tables = {t.name: t for t in all_tables(report, threshold, names)}
    generated = generated or datetime.now()
    heading = title or "Kiosk use report"
    kiosks = len(report.sources)
    databases = (
        f"{kiosks} kiosk database{'s' if kiosks != 1 else ''}" if kiosks else "no database yet"
    )
    meta = f"{_period_text(report)} · {databases} · made {generated:%Y-%m-%d %H:%M}"
    if not report.has_data:
        body = (
            '<p class="empty">No visits recorded yet for this period. The kiosk records visits '
            "as soon as patients start using it; make the report again later, or check that "
            "the right database was chosen.</p>"
            + (table_html(tables["kiosks"]) if report.sources else "")
        )
    else:
        body = (
            _figures(tables)
            + (_kiosks_section(report, hide, tables) if len(report.sources) > 1 else "")
            + _when_section(report, hide, tables)
            + _length_section(report, hide, tables)
            + _sections_section(report, hide, tables, names)
            + _quiz_section(report, hide, tables, names)
            + _settings_section(report, hide, tables)
            + _about_section(report, hide, tables)
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(heading)}</title><style>{CSS}</style></head><body><main>"
        f'<h1>{esc(heading)}</h1><p class="meta">{esc(meta)}</p>'
        + (f'<p class="note">{esc(skipped_note(report))}</p>' if report.skipped else "")
        + f"{body}</main></body></html>\n"
    )
