"""The HTML report's style sheet (screen and A4 print) and the pieces every section of the page
is built from: escaped text, a table with its note, a figure around a chart."""

from __future__ import annotations

from html import escape

from kiosk.engagement.reports.small_counts import Cell
from kiosk.engagement.reports.tables import Table

CSS = """
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, 'DejaVu Sans', sans-serif; color: #1a202c; margin: 0;
  background: #f4f6f8; line-height: 1.45; }
main { max-width: 780px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 36px 0 6px; padding-top: 10px; border-top: 2px solid #2b6cb0; }
h3 { font-size: 1.05em; margin: 22px 0 4px; }
p.lead, p.meta { color: #4a5568; margin: 2px 0; }
p.explain { margin: 4px 0 10px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 20px 0 6px; }
.figure { flex: 1 1 150px; border: 1px solid #cbd5e0; border-radius: 6px; padding: 10px 12px; }
.figure .value { font-size: 1.6em; font-weight: bold; color: #2b6cb0; }
.figure .label { color: #4a5568; font-size: 0.9em; }
figure { margin: 6px 0 10px; }
figure svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e2e8f0; padding: 3px 10px 3px 0; text-align: left;
  vertical-align: top; }
th { color: #4a5568; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
.note { color: #4a5568; font-size: 0.88em; }
.warning { color: #9c4221; font-weight: bold; }
.empty { font-size: 1.2em; padding: 24px; border: 2px dashed #cbd5e0; border-radius: 6px; }
details summary { cursor: pointer; color: #2b6cb0; }
.keep { break-inside: avoid; page-break-inside: avoid; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, .figures { break-inside: avoid; page-break-inside: avoid; }
  details { display: none; }
  .figure { border-color: #718096; flex-basis: 100px; }
}
"""


def esc(text: object) -> str:
    """Text (or a figure) made safe to put in HTML, quotes included."""
    return escape(str(text), quote=True)


def _cell(value: Cell, numeric: bool) -> str:
    text = f"{value:,}" if isinstance(value, int | float) else esc(value)
    return f'<td class="num">{text}</td>' if numeric else f"<td>{text}</td>"


def table_html(table: Table, *, caption: bool = True) -> str:
    """A report table with its caption and note; "None in this period." when it has no rows."""
    # A column with any number in it is a number column: right-aligned, hidden counts too.
    numeric = [
        any(isinstance(row[i], int | float) for row in table.rows)
        for i in range(len(table.columns))
    ]
    head = "".join(
        f'<th class="num">{esc(c)}</th>' if num else f"<th>{esc(c)}</th>"
        for c, num in zip(table.columns, numeric, strict=True)
    )
    rows = "".join(
        "<tr>" + "".join(_cell(v, num) for v, num in zip(row, numeric, strict=True)) + "</tr>"
        for row in table.rows
    )
    if not table.rows:
        rows = f'<tr><td colspan="{len(table.columns)}">None in this period.</td></tr>'
    cap = f"<caption>{esc(table.title)}</caption>" if caption else ""
    note = f'<p class="note">{esc(table.note)}</p>' if table.note else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{note}"


def figure_html(svg: str) -> str:
    return f"<figure>{svg}</figure>"
