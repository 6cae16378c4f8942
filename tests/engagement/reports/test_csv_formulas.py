"""CSV cells a spreadsheet would run as formulas are neutralised (OWASP: CSV injection)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.engagement.reports.build import build_report
from kiosk.engagement.reports.csv import neutralised, write_csv
from kiosk.engagement.reports.tables import all_tables

from ..conftest import FakeClock
from .test_report import monday_visits

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def test_text_that_starts_a_formula_gets_a_quote_and_numbers_stay_numbers() -> None:
    assert [neutralised(text) for text in HOSTILE] == ["'" + text for text in HOSTILE]
    assert neutralised("symptoms") == "symptoms"
    assert neutralised("fewer than 5") == "fewer than 5"
    assert neutralised(-3) == -3 and neutralised(42) == 42


def test_section_names_from_a_crafted_database_cannot_run_in_a_spreadsheet(
        make_recorder: Any, clock: FakeClock, tmp_path: Path) -> None:
    db = monday_visits(make_recorder, clock)
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            "INSERT INTO events (ts, kind, visit_id, screen, section, page) "
            "VALUES ('2025-03-03T10:00', 'screen_view', ?, 'reader', ?, '1')",
            [(f"v-{n}", name) for n, name in enumerate(HOSTILE)])
    conn.close()
    write_csv(all_tables(build_report([db])), tmp_path / "csv")
    with (tmp_path / "csv" / "sections.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert {"'" + text for text in HOSTILE} <= set(cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
