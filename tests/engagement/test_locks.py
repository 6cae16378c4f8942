"""A database held by another program: events wait in memory, tries back off, nothing is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.engagement import recorder as recorder_module
from kiosk.engagement import store, store_errors
from kiosk.engagement.recorder import Recorder

from .conftest import FakeClock
from .helpers import record_visit, rows

EVENTS_PER_VISIT = 7  # record_visit's events


class Ticks:
    """The recorder's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def tries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows each write attempt carried."""
    made: list[int] = []
    insert = store.insert_events

    def counted(conn: sqlite3.Connection, batch: list[Any], *args: Any) -> None:
        made.append(len(batch))
        insert(conn, batch, *args)

    monkeypatch.setattr(store, "insert_events", counted)
    return made


@pytest.fixture
def recorder(db_path: Path, clock: FakeClock, ticks: Ticks) -> Iterator[Recorder]:
    made = Recorder(db_path, clock=clock, busy_timeout=0.01, monotonic=ticks,
                    flush_interval=3600)
    made.record("idle_reset")
    made.flush()
    assert made.status.kind == "recording"
    yield made
    made.close()


def hold(db: Path) -> sqlite3.Connection:
    """A second program takes the write lock and keeps it."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_held_database_keeps_events_in_memory_and_writes_them_when_free(
        recorder: Recorder, clock: FakeClock, ticks: Ticks, db_path: Path,
        tries: list[int]) -> None:
    other = hold(db_path)
    record_visit(recorder, clock)
    recorder.flush()
    assert recorder.status.kind == "busy" and not recorder.status.ok
    assert "is busy: another program is using it" in recorder.status.message
    assert str(db_path) in recorder.status.message
    assert tries == [EVENTS_PER_VISIT]

    record_visit(recorder, clock)  # the next visit while it is still held
    ticks.now += 0.9
    recorder.flush()
    assert tries == [EVENTS_PER_VISIT]  # not yet: the next try is a second after the first
    other.execute("ROLLBACK")
    other.close()
    ticks.now += 0.1
    recorder.flush()
    assert tries == [EVENTS_PER_VISIT, 2 * EVENTS_PER_VISIT]
    assert recorder.status.kind == "recording" and recorder.status.ok
    assert rows(db_path, "SELECT count(*) FROM events") == [(1 + 2 * EVENTS_PER_VISIT,)]


def test_tries_back_off_to_fifteen_seconds(recorder: Recorder, ticks: Ticks, db_path: Path,
                                          tries: list[int]) -> None:
    other = hold(db_path)
    recorder.record("idle_reset")
    recorder.flush()
    waits = []
    for _ in range(6):
        waited = 0.0
        before = len(tries)
        while len(tries) == before:
            ticks.now += 0.5
            waited += 0.5
            recorder.flush()
        waits.append(waited)
    assert waits == [1.0, 2.0, 4.0, 8.0, 15.0, 15.0]
    other.execute("ROLLBACK")
    other.close()
    ticks.now += 15
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(2,)]


def test_events_kept_while_held_are_bounded(recorder: Recorder, db_path: Path, ticks: Ticks,
                                            monkeypatch: pytest.MonkeyPatch,
                                            caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(recorder_module, "MAX_QUEUED", 10)
    other = hold(db_path)
    for _ in range(15):
        recorder.record("idle_reset")
    recorder.flush()
    assert "5 events dropped because the queue was full" in caplog.text
    other.execute("ROLLBACK")
    other.close()
    ticks.now += 1
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(11,)]


def test_closing_while_held_tries_once_more(recorder: Recorder, clock: FakeClock,
                                            db_path: Path) -> None:
    other = hold(db_path)
    record_visit(recorder, clock)
    recorder.flush()
    assert recorder.status.kind == "busy"
    other.execute("ROLLBACK")
    other.close()
    recorder.close()  # no time has passed, but the kiosk is closing: one more try
    assert rows(db_path, "SELECT count(*) FROM events") == [(1 + EVENTS_PER_VISIT,)]


def test_a_database_held_at_start_is_opened_when_free(tmp_path: Path, clock: FakeClock,
                                                     ticks: Ticks) -> None:
    db = tmp_path / "engagement.sqlite3"
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("BEGIN EXCLUSIVE")  # even reading is refused
    other.execute("CREATE TABLE held (x)")
    recorder = Recorder(db, clock=clock, busy_timeout=0.01, monotonic=ticks, flush_interval=3600)
    try:
        record_visit(recorder, clock)
        recorder.flush()
        assert recorder.status.kind == "busy"
        other.execute("ROLLBACK")
        other.close()
        ticks.now += 1
        recorder.flush()
        assert recorder.status.kind == "recording"
    finally:
        recorder.close()
    assert rows(db, "SELECT count(*) FROM events") == [(EVENTS_PER_VISIT,)]


def test_each_cause_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "engagement.sqlite3"
    database.mkdir()
    with pytest.raises(store_errors.StoreUnavailable, match="is a folder, not a file"):
        store.open_store(database, store_stamp())
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(store_errors.StoreUnavailable,
                       match=f"Data folder {blocker / 'data'} cannot be made: {blocker} is a "
                             "file, not a folder"):
        store.open_store(blocker / "data" / "engagement.sqlite3", store_stamp())
    with pytest.raises(store_errors.StoreUnavailable, match=f"Data folder {blocker} is a file"):
        store.open_store(blocker / "engagement.sqlite3", store_stamp())


def store_stamp() -> Any:
    from datetime import datetime

    return datetime(2025, 3, 3, 9, 0)
