"""The report's tables as CSV files, one per table, for a spreadsheet.

Written as UTF-8 with a byte-order mark so that Excel shows accents and dashes correctly.
Hidden small counts appear as the same words as in the HTML ("fewer than 5").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from kiosk.engagement.report_tables import Table


def write_csv(tables: Iterable[Table], folder: Path) -> list[Path]:
    """Write `<table name>.csv` for each table into `folder` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows(table.rows)
        written.append(path)
    return written
