"""The daily snapshot of a kiosk's visits into a clinic group's shared report folder."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.doctor.data import check_share
from kiosk.doctor.report import FAIL, INFO, OK, WARN
from kiosk.engagement.reports.build import build_report
from kiosk.engagement.reports.fleet import newest_per_kiosk
from kiosk.engagement.snapshot import (
    last_snapshot,
    snapshot_due,
    snapshot_path,
    write_snapshot,
)
from kiosk.settings.config import Settings

from .conftest import FakeClock
from .helpers import record_visit


def test_a_snapshot_of_a_live_database_is_whole_and_replaces_the_last(
        make_recorder: Any, clock: FakeClock, db_path: Path, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    recorder = make_recorder(kiosk_id="lobby")
    for _ in range(3):
        record_visit(recorder, clock)
    recorder.flush(5)
    result = write_snapshot(db_path, share, "lobby")  # the kiosk is still recording
    assert result.ok, result.message
    assert result.path == snapshot_path(share, "lobby") == share / "lobby" / "engagement.sqlite3"
    assert build_report([result.path]).visits == 3
    for _ in range(2):
        record_visit(recorder, clock)
    recorder.flush(5)
    assert write_snapshot(db_path, share, "lobby").ok
    assert sorted(p.name for p in (share / "lobby").iterdir()) == ["engagement.sqlite3"]
    assert build_report(newest_per_kiosk(share).databases).visits == 5
    assert last_snapshot(share, "lobby") is not None


def test_a_snapshot_that_cannot_be_written_says_why(
        make_recorder: Any, clock: FakeClock, db_path: Path, tmp_path: Path) -> None:
    recorder = make_recorder(kiosk_id="lobby")
    record_visit(recorder, clock)
    recorder.flush(5)
    gone = write_snapshot(db_path, tmp_path / "offline-share", "lobby")
    assert not gone.ok and "cannot be reached" in gone.message
    assert not (tmp_path / "offline-share").exists()  # never made on the kiosk's own disk
    unnamed = write_snapshot(db_path, tmp_path, "")
    assert not unnamed.ok and "kiosk_id" in unnamed.message
    nothing = write_snapshot(tmp_path / "none.sqlite3", tmp_path, "lobby")
    assert not nothing.ok and "no visits" in nothing.message


def test_once_a_day() -> None:
    now = datetime(2025, 3, 10, 12, 0)
    assert snapshot_due(None, now)
    assert not snapshot_due(now - timedelta(hours=23), now)
    assert snapshot_due(now - timedelta(hours=24), now)


def test_doctor_fails_when_share_dir_is_set_without_kiosk_id(tmp_path: Path) -> None:
    assert check_share(Settings()).status == INFO
    check = check_share(Settings(share_dir=str(tmp_path)))
    assert check.status == FAIL and "kiosk_id" in check.detail
    assert check_share(Settings(share_dir=str(tmp_path / "x"), kiosk_id="a")).status == WARN
    assert check_share(Settings(share_dir=str(tmp_path), kiosk_id="a")).status == INFO
    snapshot = snapshot_path(tmp_path, "a")
    snapshot.parent.mkdir()
    snapshot.write_bytes(b"")
    written = datetime(2025, 3, 10, 8, 0)
    os.utime(snapshot, (written.timestamp(), written.timestamp()))
    recent = check_share(Settings(share_dir=str(tmp_path), kiosk_id="a"),
                         now=written + timedelta(hours=5))
    assert recent.status == OK and "2025-03-10 08:00" in recent.detail
    stale = check_share(Settings(share_dir=str(tmp_path), kiosk_id="a"),
                        now=written + timedelta(days=3))
    assert stale.status == WARN


def test_doctor_says_when_content_last_changed(tmp_path: Path) -> None:
    from kiosk.doctor.content import check_content_changed

    (tmp_path / "en").mkdir()
    for name, day in (("en/01-a.md", 20), ("en/02-b.md", 21), ("site.toml", 19)):
        (tmp_path / name).write_text("x", encoding="utf-8")
        stamp = datetime(2026, 11, day, 9, 30).timestamp()
        os.utime(tmp_path / name, (stamp, stamp))
    check = check_content_changed(tmp_path)
    assert check.status == INFO and check.detail == "2026-11-21 09:30 (en/02-b.md)"
    assert "no content files" in check_content_changed(tmp_path / "gone").detail
