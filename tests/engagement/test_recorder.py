"""Recorder behaviour: visit ids, batching, flush and close, and never raising."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest

from kiosk.engagement import recorder as recorder_module
from kiosk.engagement.recorder import MemoryRecorder, Recorder

from .helpers import record_visit, rows


def visit_ids(db: Path) -> list[str | None]:
    return [r[0] for r in rows(db, "SELECT visit_id FROM events ORDER BY id")]


def test_each_visit_gets_a_new_random_id(make_recorder: Any, clock: Any, db_path: Path) -> None:
    recorder = make_recorder()
    recorder.record("screen_view", screen="attract")  # before any visit
    record_visit(recorder, clock)
    recorder.record("screen_view", screen="attract")  # between visits
    record_visit(recorder, clock)
    recorder.flush()

    ids = visit_ids(db_path)
    assert ids[0] is None and ids[8] is None
    first, second = set(ids[1:8]), set(ids[9:16])
    assert len(first) == 1 and len(second) == 1 and first != second
    for visit in first | second:
        assert re.fullmatch(r"[0-9a-f]{32}", visit)


def test_ids_are_never_reused_across_restarts(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    for _ in range(3):
        recorder = make_recorder()
        for _ in range(20):
            recorder.record("visit_start", language="en")
            recorder.record("visit_end", reason="idle")
        recorder.close()
    starts = [r[0] for r in rows(db_path, "SELECT visit_id FROM events WHERE kind='visit_start'")]
    assert len(starts) == 60 == len(set(starts))


def test_visit_end_seconds_come_from_the_clock_when_not_given(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    recorder = make_recorder()
    recorder.record("visit_start", language="en")
    clock.advance(minutes=2, seconds=5)
    recorder.record("visit_end", reason="idle")
    recorder.flush()
    assert rows(db_path, "SELECT seconds FROM events WHERE kind='visit_end'") == [(125,)]


def test_kiosk_id_is_stored_on_every_row(make_recorder: Any, clock: Any, db_path: Path) -> None:
    recorder = make_recorder(kiosk_id="front-desk")
    record_visit(recorder, clock)
    recorder.flush()
    assert rows(db_path, "SELECT DISTINCT kiosk_id FROM events") == [("front-desk",)]


def test_a_kiosk_id_that_is_not_a_slug_is_not_stored(
    make_recorder: Any, clock: Any, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        recorder = make_recorder(kiosk_id="Dr Smith's surgery")
    record_visit(recorder, clock)
    recorder.flush()
    assert rows(db_path, "SELECT DISTINCT kiosk_id FROM events") == [("",)]
    assert "Smith" not in caplog.text and "Kiosk id" in caplog.text


def test_bad_calls_never_raise_and_store_nothing(make_recorder: Any, db_path: Path) -> None:
    recorder = make_recorder()
    recorder.record("screen_view", screen="home", section="Free text typed by someone")
    recorder.record("nonsense")
    recorder.record(42)  # type: ignore[arg-type]
    recorder.record("screen_view", screen=object())
    recorder.record("page_dwell", seconds=float("inf"))
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(0,)]
    assert recorder.status.ok


def test_a_broken_clock_does_not_reach_the_caller(make_recorder: Any, db_path: Path) -> None:
    def clock() -> Any:
        raise RuntimeError("clock broke")

    recorder = make_recorder(clock=clock)
    recorder.record("idle_reset")  # must not raise
    recorder.close()


def test_flush_puts_everything_on_disk(make_recorder: Any, db_path: Path) -> None:
    recorder = make_recorder(flush_interval=60)  # only flush() can write
    for n in range(5000):
        recorder.record("page_dwell", section="symptoms", page=n % 7, seconds=n % 90)
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(5000,)]


def test_close_writes_the_queue_and_is_idempotent(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    recorder = make_recorder(flush_interval=60)
    record_visit(recorder, clock)
    recorder.close()
    recorder.close()
    recorder.record("idle_reset")  # after close: ignored, no error
    recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(7,)]
    # a clean exit leaves one self-contained file (the WAL was checkpointed)
    wal = Path(f"{db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_events_beyond_the_queue_limit_are_dropped_and_logged(
    make_recorder: Any,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(recorder_module, "MAX_QUEUED", 0)
    recorder = make_recorder()
    with caplog.at_level(logging.WARNING):
        recorder.record("idle_reset")
        recorder.flush()
    assert rows(db_path, "SELECT count(*) FROM events") == [(0,)]
    assert "dropped because the queue was full" in caplog.text


def test_status_says_recording(make_recorder: Any) -> None:
    recorder = make_recorder()
    recorder.flush()
    assert recorder.status.ok and recorder.status.recording
    assert recorder.status.kind == "recording"  # the staff panel says it in its language


def test_memory_recorder_validates_the_same_way_and_writes_nothing(
    clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    memory = MemoryRecorder(clock=clock)
    record_visit(memory, clock)
    memory.record("screen_view", screen="home", section="Not A Slug")
    memory.flush()
    memory.close()
    memory.record("idle_reset")
    assert [e.kind for e in memory.events] == [
        "visit_start",
        "screen_view",
        "page_dwell",
        "quiz_start",
        "quiz_answer",
        "quiz_complete",
        "visit_end",
    ]
    assert len({e.visit_id for e in memory.events}) == 1
    assert memory.events[1].fields == {"screen": "reader", "section": "symptoms", "page": "1"}
    assert memory.events[0].ts == "2025-03-03T09:15"
    assert list(tmp_path.iterdir()) == []


def test_recorder_and_memory_recorder_share_the_interface() -> None:
    for name in ("record", "flush", "close"):
        assert callable(getattr(Recorder, name)) and callable(getattr(MemoryRecorder, name))
