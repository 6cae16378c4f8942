"""The kiosk's heartbeat: written at once, rewritten on every timer tick, failure logged once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.runtime.heartbeat import MAX_BEAT_BYTES, read_beat
from kiosk.ui.machine.heartbeat_timer import Heartbeat


def test_heartbeat_changes_on_every_tick(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "data" / "heartbeat"
    heartbeat = Heartbeat(path)
    heartbeat.start()
    first = read_beat(path)
    assert first is not None and heartbeat.timer.isActive()
    heartbeat.timer.timeout.emit()
    second = read_beat(path)
    assert second is not None and second != first
    assert second.split()[1] == "2"


def test_unwritable_heartbeat_is_logged_once(qtbot: QtBot, tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "heartbeat"
    path.mkdir()  # a folder where the file should be: every write fails
    heartbeat = Heartbeat(path)
    with caplog.at_level(logging.WARNING):
        heartbeat.start()
        heartbeat.timer.timeout.emit()
    assert len(caplog.records) == 1
    assert "cannot be written" in caplog.records[0].message


def test_a_huge_heartbeat_file_is_read_only_in_part(tmp_path: Path) -> None:
    path = tmp_path / "heartbeat"
    path.write_bytes(b"123 4 5\n" + b"\xff" * 10_000_000)
    beat = read_beat(path)
    assert beat is not None and beat.startswith("123 4 5") and len(beat) == MAX_BEAT_BYTES
