"""The database holds only the allowed columns, and older schema versions still work."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.engagement import schema
from kiosk.engagement.events import EVENT_FIELDS
from kiosk.engagement.reports.build import build_report

from .helpers import record_visit, rows

ALLOWED_EVENT_COLUMNS = {"id", "ts", "kind", "visit_id", "kiosk_id"} | set().union(
    *EVENT_FIELDS.values()
)
ALLOWED_TOTAL_COLUMNS = {"day", "kiosk_id", "metric", "key", "num", "count"}


def _columns(db: Path, table: str) -> set[str]:
    return {r[1] for r in rows(db, f"PRAGMA table_info({table})")}


def test_schema_holds_nothing_but_the_vocabulary(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    recorder = make_recorder()
    record_visit(recorder, clock)
    recorder.close()
    tables = {r[0] for r in rows(db_path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"events", "daily_totals", "rollup_state"}
    assert _columns(db_path, "events") == ALLOWED_EVENT_COLUMNS
    assert _columns(db_path, "rollup_state") == {"id", "until", "last_id"}  # a day, a row id
    assert _columns(db_path, "daily_totals") == ALLOWED_TOTAL_COLUMNS
    assert rows(db_path, "PRAGMA user_version") == [(schema.SCHEMA_VERSION,)]
    assert rows(db_path, "PRAGMA journal_mode") == [("wal",)]


def test_timestamps_are_kept_to_the_minute(make_recorder: Any, clock: Any, db_path: Path) -> None:
    recorder = make_recorder()
    record_visit(recorder, clock)
    recorder.close()
    stamps = [r[0] for r in rows(db_path, "SELECT ts FROM events ORDER BY id")]
    assert stamps and all(len(s) == 16 for s in stamps)  # YYYY-MM-DDTHH:MM
    assert stamps[0] == "2025-03-03T09:15"


# The version 1 layout, typed out here on purpose: a kiosk that ran the first release has
# exactly this file, whatever the code says today.
V1_SCHEMA = """
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    visit_id TEXT,
    language TEXT, text_size TEXT, theme TEXT, screen TEXT, section TEXT, page TEXT,
    question TEXT, setting TEXT, value TEXT, reason TEXT,
    seconds INTEGER, questions INTEGER, score INTEGER, total INTEGER, answered INTEGER,
    correct INTEGER
);
CREATE INDEX events_ts ON events (ts);
PRAGMA user_version = 1;
"""


def write_v1_fixture(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.executemany(
        "INSERT INTO events (ts, kind, visit_id, language, screen, section, page, question, "
        "correct, seconds, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            row
            for n in range(6)
            for row in (
                (
                    f"2024-11-04T10:0{n}",
                    "visit_start",
                    f"v{n}",
                    "en",
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ),
                (
                    f"2024-11-04T10:0{n}",
                    "screen_view",
                    f"v{n}",
                    None,
                    "reader",
                    "symptoms",
                    "1",
                    None,
                    None,
                    None,
                    None,
                ),
                (
                    f"2024-11-04T10:0{n}",
                    "quiz_answer",
                    f"v{n}",
                    None,
                    None,
                    None,
                    None,
                    "q-iron",
                    n % 2,
                    None,
                    None,
                ),
                (
                    f"2024-11-04T10:0{n}",
                    "visit_end",
                    f"v{n}",
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    120 + n,
                    "idle",
                ),
            )
        ],
    )
    conn.commit()
    conn.close()


def test_report_reads_a_version_1_database_without_changing_it(tmp_path: Path) -> None:
    old = tmp_path / "old-kiosk.sqlite3"
    write_v1_fixture(old)
    before = old.read_bytes()

    report = build_report([old])

    assert report.visits_per_day == {date(2024, 11, 4): 6}
    assert report.by_key("section_visits") == {"symptoms": 6}
    [question] = report.questions()
    assert (question.question, question.answers, question.right) == ("q-iron", 6, 3)
    assert report.sources[0].kiosk_ids == ()  # v1 had no kiosk id
    assert old.read_bytes() == before
    assert rows(old, "PRAGMA user_version") == [(1,)]


def test_recorder_migrates_a_version_1_database_and_keeps_its_events(
    tmp_path: Path, make_recorder: Any, clock: Any
) -> None:
    old = tmp_path / "engagement.sqlite3"
    write_v1_fixture(old)

    recorder = make_recorder(old, kiosk_id="front-desk")
    record_visit(recorder, clock)
    recorder.close()

    assert recorder.status.ok and recorder.status.recording
    assert rows(old, "PRAGMA user_version") == [(schema.SCHEMA_VERSION,)]
    assert _columns(old, "events") == ALLOWED_EVENT_COLUMNS
    assert rows(old, "SELECT kiosk_id, count(*) FROM events GROUP BY 1 ORDER BY 1") == [
        ("", 24),
        ("front-desk", 7),
    ]
    report = build_report([old])
    assert report.visits == 7


def test_migrations_build_the_same_schema_as_a_fresh_file(
    tmp_path: Path, make_recorder: Any
) -> None:
    old = tmp_path / "old.sqlite3"
    write_v1_fixture(old)
    conn = sqlite3.connect(old, isolation_level=None)
    schema.migrate(conn)
    conn.close()
    fresh = tmp_path / "fresh.sqlite3"
    make_recorder(fresh).close()

    def shape(db: Path) -> list[tuple[Any, ...]]:
        return sorted(
            (t, *r[1:3])
            for t in ("events", "daily_totals")
            for r in rows(db, f"PRAGMA table_info({t})")
        )

    assert shape(old) == shape(fresh)
