"""Old raw events are folded into daily totals, and reports over them do not change."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.engagement import store
from kiosk.engagement.reports.build import build_report
from kiosk.engagement.synthetic import write_synthetic_db

from .helpers import record_visit, rows


def test_pruning_keeps_every_report_number(tmp_path: Path) -> None:
    db = tmp_path / "engagement.sqlite3"
    write_synthetic_db(db, date(2025, 1, 6), 14, kiosk_id="k1", seed=3, visits_per_day=12)
    before = build_report([db])
    assert before.visits > 100

    conn = sqlite3.connect(db, isolation_level=None)
    deleted = store.prune(conn, date(2025, 1, 13))  # the first week goes
    conn.close()
    assert deleted > 0
    assert rows(db, "SELECT min(ts) >= '2025-01-13' FROM events") == [(1,)]

    after = build_report([db])
    assert after.visits_per_day == before.visits_per_day
    assert after.totals == before.totals
    assert after.sources[0].kiosk_ids == ("k1",)

    first_week = build_report([db], until=date(2025, 1, 12))
    assert first_week.visits == sum(
        n for d, n in before.visits_per_day.items() if d < date(2025, 1, 13)
    )


def test_pruning_twice_does_not_count_twice(tmp_path: Path) -> None:
    db = tmp_path / "engagement.sqlite3"
    write_synthetic_db(db, date(2025, 1, 6), 7, seed=4, visits_per_day=10)
    before = build_report([db])
    conn = sqlite3.connect(db, isolation_level=None)
    store.prune(conn, date(2025, 1, 10))
    store.prune(conn, date(2025, 1, 10))
    store.prune(conn, date(2025, 2, 1))
    conn.close()
    assert rows(db, "SELECT count(*) FROM events") == [(0,)]
    assert build_report([db]).totals == before.totals


def test_recorder_prunes_at_start_up(make_recorder: Any, clock: Any, db_path: Path) -> None:
    recorder = make_recorder(retention_days=180)
    record_visit(recorder, clock)
    recorder.close()
    clock.now = datetime(2025, 3, 3, 8, 0) + timedelta(days=179)
    make_recorder(retention_days=180).close()
    assert rows(db_path, "SELECT count(*) FROM events") == [(7,)]  # still within 180 days

    clock.now = datetime(2025, 3, 3, 8, 0) + timedelta(days=181)
    make_recorder(retention_days=180).close()
    assert rows(db_path, "SELECT count(*) FROM events") == [(0,)]
    assert build_report([db_path]).visits_per_day == {date(2025, 3, 3): 1}


def test_recorder_prunes_daily_while_running(make_recorder: Any, clock: Any, db_path: Path) -> None:
    recorder = make_recorder(retention_days=2)
    record_visit(recorder, clock)
    recorder.flush()
    clock.advance(days=1)
    recorder.record("idle_reset")
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(8,)]
    clock.advance(days=2)
    recorder.flush()  # a new day: yesterday's writer loop prunes
    assert rows(db_path, "SELECT count(*) FROM events") == [(1,)]
    assert rows(db_path, "SELECT sum(count) FROM daily_totals WHERE metric='visits'") == [(1,)]
