"""The report's tables as CSV files, one per table, for a spreadsheet.

Written as UTF-8 with a byte-order mark so that Excel shows accents and dashes correctly.
Hidden small counts appear as the same words as in the HTML ("fewer than 5").

A text cell comes from a database that may be a copy from anywhere, so one that a spreadsheet
would run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading single
quote, as OWASP recommends against CSV injection; numbers stay numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from kiosk.engagement.reports.tables import Table

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: object) -> object:
    """`cell`, with a single quote in front when it is text a spreadsheet would run."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def write_csv(tables: Iterable[Table], folder: Path) -> list[Path]:
    """Write `<table name>.csv` for each table into `folder` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([neutralised(cell) for cell in table.columns])
            writer.writerows([neutralised(cell) for cell in row] for row in table.rows)
        written.append(path)
    return written
