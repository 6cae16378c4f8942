"""Several kiosks in one folder: `report --db FOLDER` and the report's "by kiosk" part."""

from __future__ import annotations

import argparse
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.engagement.reports.build import build_report
from kiosk.engagement.reports.cli import add_report_arguments, run_report
from kiosk.engagement.reports.fleet import newest_per_kiosk, stored_kiosk_id
from kiosk.engagement.reports.html import render_html
from kiosk.engagement.reports.tables import all_tables

from ..conftest import FakeClock
from ..helpers import record_visit

NOW = datetime(2025, 3, 10, 12, 0)


def _visits(make_recorder: Any, clock: FakeClock, path: Path, kiosk: str, n: int) -> Path:
    recorder = make_recorder(path, kiosk_id=kiosk)
    for _ in range(n):
        record_visit(recorder, clock)
        clock.advance(minutes=5)
    recorder.close()
    return path


def _written(path: Path, when: datetime) -> None:
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


@pytest.fixture
def share(make_recorder: Any, clock: FakeClock, tmp_path: Path) -> Path:
    """A hub's report folder: lobby (an old and a new snapshot), east (few visits, stale),
    Syncthing's own files, and one damaged file."""
    root = tmp_path / "reports"
    old = _visits(make_recorder, clock, root / "lobby" / "old" / "engagement.sqlite3", "lobby", 6)
    new = _visits(make_recorder, clock, root / "lobby" / "engagement.sqlite3", "lobby", 0)
    shutil.copyfile(old, new)  # the newer snapshot holds the older one's visits and more
    recorder = make_recorder(new, kiosk_id="lobby")
    for _ in range(3):
        record_visit(recorder, clock)
    recorder.close()
    east = _visits(make_recorder, clock, root / "east" / "engagement.sqlite3", "east", 2)
    versions = root / ".stversions" / "lobby"
    versions.mkdir(parents=True)
    shutil.copyfile(old, versions / "engagement~20250301-101010.sqlite3")
    (root / "east" / "broken.sqlite3").write_bytes(b"not a database" * 100)
    _written(old, NOW - timedelta(days=5))
    _written(new, NOW - timedelta(hours=3))
    _written(east, NOW - timedelta(days=3))
    return root


def test_the_newest_database_of_each_kiosk_counts(share: Path) -> None:
    scan = newest_per_kiosk(share)
    assert scan.databases == [share / "east" / "engagement.sqlite3",
                              share / "lobby" / "engagement.sqlite3"]
    assert scan.older == [share / "lobby" / "old" / "engagement.sqlite3"]
    assert len(scan.problems) == 1 and "broken.sqlite3" in scan.problems[0]
    assert stored_kiosk_id(scan.databases[1]) == "lobby"


def test_by_kiosk_table_hides_small_counts_per_kiosk_and_marks_stale_snapshots(
        share: Path) -> None:
    report = build_report(newest_per_kiosk(share).databases, now=NOW)
    assert report.visits == 11
    table = {t.name: t for t in all_tables(report)}["kiosks"]
    rows = {row[0]: row for row in table.rows}
    assert rows["lobby"][1:4] == (9, "1 min 00 s", 9)
    assert rows["east"][1:4] == ("fewer than 5", "under 2 minutes", "fewer than 5")
    assert rows["east"][5] == (NOW - timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    assert rows["east"][6].startswith("Snapshot 3 days old")
    assert rows["lobby"][6] == ""
    page = render_html(report, generated=NOW)
    assert "<h2>By kiosk</h2>" in page and "Visits per kiosk" in page
    assert "No recent snapshot from east (written 2025-03-07)" in page


def test_one_kiosk_has_no_by_kiosk_section(share: Path) -> None:
    report = build_report([share / "lobby" / "engagement.sqlite3"], now=NOW)
    page = render_html(report, generated=NOW)
    assert "<h2>By kiosk</h2>" not in page and "Database written" in page


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rls-kiosk report")
    add_report_arguments(parser)
    return parser.parse_args(argv)


def test_report_db_folder(share: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "hub.html"
    assert run_report(_parse("--db", str(share), "--html", str(html))) == 0
    out, err = capsys.readouterr()
    assert "1 older copies of the same kiosks left out" in out
    assert "left out:" in err and "broken.sqlite3" in err and "Traceback" not in err
    page = html.read_text(encoding="utf-8")
    assert "<h2>By kiosk</h2>" in page and "11" in page
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_report(_parse("--db", str(empty))) == 1
    assert "no engagement database (*.sqlite3) found in" in capsys.readouterr().err
