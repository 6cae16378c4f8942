"""A database with rows of the wrong type or out of range: skipped and counted, never a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.engagement.reports.build import build_report
from kiosk.engagement.reports.cli import run_report
from kiosk.engagement.reports.csv import write_csv
from kiosk.engagement.reports.html import render_html
from kiosk.engagement.reports.tables import all_tables
from kiosk.engagement.reports.text import summary_text
from kiosk.engagement.store_errors import ReadError

from ..conftest import FakeClock
from .test_report import monday_visits, parse

# Each crafted record, and how many records the report must skip because of it.
BAD_EVENTS: list[tuple[dict[str, Any], int]] = [
    ({"kind": "visit_end", "reason": "idle", "seconds": "abc"}, 1),  # text for a number
    ({"kind": "visit_end", "reason": "idle", "seconds": -5}, 1),  # a negative duration
    ({"kind": "quiz_complete", "score": 500, "total": 1}, 1),  # a score of 50,000 %
    ({"kind": "page_dwell", "section": "symptoms", "seconds": 2.5}, 1),  # not a whole number
    ({"kind": "screen_view", "screen": "reader", "section": b"\x00\xff"}, 2),  # a blob as a name
]
BAD_TOTALS: list[tuple[tuple[Any, ...], int]] = [
    (("yesterday", "", "visits", "", 0, 3), 3),  # a day that is no date
    (("2025-03-02", "", "quiz_answer", "q-iron", 7, 2), 2),  # right or wrong as 7
    (("2025-03-02", "", "visit_seconds", "", 60, "lots"), 1),  # a count that is no number
    (("2025-03-02", b"\x01", "visits", "", 0, 1), 1),  # a kiosk name that is a blob
]


def damage(db: Path) -> int:
    """Write the crafted records into `db`; returns how many the report should skip."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            for fields, _ in BAD_EVENTS:
                columns = ["ts", "visit_id", *fields]
                conn.execute(
                    f"INSERT INTO events ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    ["2025-03-03T10:00", "v-crafted", *fields.values()])
            conn.executemany("INSERT INTO daily_totals VALUES (?, ?, ?, ?, ?, ?)",
                             [row for row, _ in BAD_TOTALS])
    finally:
        conn.close()
    return sum(n for _, n in BAD_EVENTS) + sum(n for _, n in BAD_TOTALS)


def test_bad_rows_are_skipped_and_counted_and_the_rest_is_reported(
        make_recorder: Any, clock: FakeClock, tmp_path: Path) -> None:
    clean = monday_visits(make_recorder, clock)
    good = build_report([clean])
    expected = damage(clean)

    report = build_report([clean])

    assert report.skipped == expected == 13
    assert good.skipped == 0
    assert report.visits == good.visits == 8
    assert report.visit_seconds() == good.visit_seconds()
    assert report.questions() == good.questions()
    assert [s.section for s in report.sections()] == [s.section for s in good.sections()]
    assert "13 records were skipped" in summary_text(report)
    assert "13 records were skipped" in render_html(report)
    write_csv(all_tables(report), tmp_path / "csv")


def test_the_report_command_finishes_on_a_damaged_database(
        make_recorder: Any, clock: FakeClock, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = monday_visits(make_recorder, clock)
    damage(db)
    assert run_report(parse("--db", str(db), "--html", str(tmp_path / "r.html"))) == 0
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("sql", ["UPDATE rollup_state SET until = X'00'",
                                 "UPDATE rollup_state SET last_id = 'x'",
                                 "DROP TABLE daily_totals"])
def test_damaged_bookkeeping_is_a_sentence_not_a_crash(
        make_recorder: Any, clock: FakeClock, sql: str) -> None:
    db = monday_visits(make_recorder, clock)
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()
    with pytest.raises(ReadError, match=r"is damaged|Cannot read"):
        build_report([db])

