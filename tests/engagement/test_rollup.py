"""Finished days are folded into daily totals early, raw events kept: reports read the totals,
and no event is ever counted twice or lost."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.engagement import store
from kiosk.engagement.reports.build import build_report
from kiosk.engagement.synthetic import write_synthetic_db

from .helpers import record_visit, rows


def _connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db, isolation_level=None)


def test_rolling_up_keeps_events_and_every_report_number(tmp_path: Path) -> None:
    db = tmp_path / "engagement.sqlite3"
    write_synthetic_db(db, date(2025, 1, 6), 14, seed=3, visits_per_day=12)
    conn = _connect(db)
    conn.execute("DELETE FROM daily_totals")  # back to all raw, as an older kiosk left it
    conn.execute("UPDATE rollup_state SET until = '', last_id = 0")
    conn.close()
    events = rows(db, "SELECT count(*) FROM events")
    before = build_report([db])
    since_tuesday = build_report([db], since=date(2025, 1, 14))

    conn = _connect(db)
    store.roll_up(conn, date(2025, 1, 16))
    store.roll_up(conn, date(2025, 1, 12))  # an earlier day changes nothing
    conn.close()
    assert rows(db, "SELECT count(*) FROM events") == events
    assert rows(db, "SELECT until FROM rollup_state") == [("2025-01-16",)]
    after = build_report([db])
    assert after.visits_per_day == before.visits_per_day
    assert after.totals == before.totals
    assert build_report([db], since=date(2025, 1, 14)).totals == since_tuesday.totals

    conn = _connect(db)
    store.prune(conn, date(2025, 1, 13))
    conn.close()
    assert build_report([db]).totals == before.totals


def test_an_event_written_after_its_day_was_rolled_up_counts_once(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    recorder = make_recorder()
    record_visit(recorder, clock)  # 2025-03-03
    recorder.close()
    conn = _connect(db_path)
    store.roll_up(conn, date(2025, 3, 5))
    conn.close()
    clock.now = datetime(2025, 3, 3, 17, 0)  # the clock was set back: a late visit that day
    recorder = make_recorder()
    record_visit(recorder, clock)
    recorder.close()
    assert build_report([db_path]).visits_per_day == {date(2025, 3, 3): 2}

    conn = _connect(db_path)
    store.roll_up(conn, date(2025, 3, 5))  # folds the late visit in too
    conn.close()
    assert rows(db_path, "SELECT sum(count) FROM daily_totals WHERE metric = 'visits'") == [(2,)]
    assert build_report([db_path]).visits_per_day == {date(2025, 3, 3): 2}


def test_recorder_rolls_up_the_days_before_yesterday(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    recorder = make_recorder()
    record_visit(recorder, clock)
    recorder.flush()
    clock.advance(days=1)
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM daily_totals") == [(0,)]  # yesterday: still raw
    clock.advance(days=1)
    record_visit(recorder, clock)
    recorder.close()
    assert rows(db_path, "SELECT sum(count) FROM daily_totals WHERE metric = 'visits'") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM events WHERE kind = 'visit_start'") == [(2,)]
    day = date(2025, 3, 3)
    assert build_report([db_path]).visits_per_day == {day: 1, day + timedelta(days=2): 1}
