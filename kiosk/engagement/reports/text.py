"""A short plain-text summary of a report, for the terminal."""

from __future__ import annotations

from kiosk.engagement.reports.build import Report
from kiosk.engagement.reports.small_counts import Cell
from kiosk.engagement.reports.tables import Names, all_tables, skipped_note


def _show(value: Cell) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def summary_text(report: Report, threshold: int = 5, names: Names | None = None) -> str:
    """Key figures, the most read sections and the questions most often wrong."""
    tables = {t.name: t for t in all_tables(report, threshold, names)}
    sources = ", ".join(str(s.path) for s in report.sources) or "no database"
    if not report.has_data:
        return (
            f"No visits recorded yet ({sources}). The kiosk records visits as soon as patients "
            "use it; run the report again later.\n"
        )
    lines = [f"Kiosk use from {report.days()[0]} to {report.days()[-1]} ({sources})", ""]
    if report.skipped:
        lines[1:1] = [skipped_note(report), ""]
    for measure, value in tables["summary"].rows:
        lines.append(f"  {measure}: {_show(value)}")
    sections = tables["sections"].rows[:5]
    if sections:
        lines += ["", "Most read sections (visits that opened them):"]
        lines += [f"  {row[0]}: {_show(row[1])}" for row in sections]
    questions = [row for row in tables["questions"].rows if isinstance(row[3], int)][:3]
    if questions:
        lines += ["", "Questions most often answered wrong (% right):"]
        lines += [f"  {row[0]}: {row[3]}%" for row in questions]
    lines += ["", "Use --html FILE for the full report with charts, or --csv DIR for spreadsheets."]
    return "\n".join(lines) + "\n"
