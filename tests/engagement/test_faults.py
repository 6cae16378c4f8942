"""Faults: a killed process, a damaged file, a read-only or full data folder.

In every case the kiosk keeps running, the caller of record() never sees an exception, and
the staff panel gets a status that says what happened.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import kiosk
from kiosk.engagement import recorder as recorder_module
from kiosk.engagement import schema, store, store_errors
from kiosk.engagement.reports.build import build_report
from kiosk.engagement.store_errors import ReadError

from .helpers import record_visit, rows

REPO = Path(kiosk.__file__).resolve().parent.parent


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


# --- killed in the middle of a busy visit ---------------------------------------------------

BUSY_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kiosk.engagement.recorder import Recorder

    recorder = Recorder(Path(sys.argv[1]))  # the default flush interval, 0.5 s
    recorded = 0
    while True:
        recorder.record("visit_start", language="en", text_size="normal")
        for page in range(20):
            recorder.record("screen_view", screen="reader", section="symptoms", page=page)
            recorder.record("page_dwell", section="symptoms", page=page, seconds=page + 5)
        recorder.record("visit_end", reason="idle", seconds=300)
        recorded += 42
        print(recorded, time.monotonic(), flush=True)
        time.sleep(0.005)  # a very busy kiosk: thousands of events a second
    """
)


def test_sigkill_during_a_busy_visit_loses_at_most_the_last_second(tmp_path: Path) -> None:
    db = tmp_path / "engagement.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-c", BUSY_CHILD, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert proc.stdout is not None
    progress: list[tuple[int, float]] = []
    try:
        for line in proc.stdout:
            count, stamp = line.split()
            progress.append((int(count), float(stamp)))
            if progress[-1][1] - progress[0][1] >= 2.0:
                break
        killed_at = time.monotonic()
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, err
    for line in rest.splitlines():
        count, stamp = line.split()
        progress.append((int(count), float(stamp)))

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()
    recorded = progress[-1][0] + 42  # the child may have queued one more visit unprinted
    safe = max((c for c, t in progress if t <= killed_at - 1.0), default=0)
    assert safe > 0, "the child should have printed a count more than a second before the kill"
    assert safe <= stored <= recorded

    # and the kiosk starts again on the same file as if nothing happened
    again = recorder_module.Recorder(db)
    again.record("idle_reset")
    again.close()
    assert again.status.ok and again.status.recording
    assert rows(db, "SELECT count(*) FROM events") == [(stored + 1,)]


# --- a damaged database ---------------------------------------------------------------------


def _damaged_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".damaged-" in p.name)


def test_a_file_that_is_not_a_database_is_moved_aside(
    make_recorder: Any, clock: Any, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database, it was overwritten by something else\n" * 200
    db_path.write_bytes(garbage)

    with caplog.at_level(logging.WARNING):
        recorder = make_recorder()
        record_visit(recorder, clock)
        recorder.flush()

    [moved] = _damaged_files(db_path.parent)
    assert moved.name == "engagement.damaged-20250303-091542.sqlite3"
    assert moved.read_bytes() == garbage
    assert not recorder.status.ok and recorder.status.recording
    assert "damaged and moved aside" in recorder.status.message
    assert str(moved) in recorder.status.message
    assert (recorder.status.kind, recorder.status.path) == ("moved", moved)  # for the panel
    assert "damaged" in caplog.text
    assert rows(db_path, "SELECT count(*) FROM events") == [(7,)]


def test_a_database_with_damaged_pages_is_moved_aside(
    make_recorder: Any, clock: Any, db_path: Path
) -> None:
    recorder = make_recorder()
    for _ in range(300):
        record_visit(recorder, clock)
    recorder.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for offset in range(2 * page, len(data) - page, 3 * page):  # trash every third page
        data[offset : offset + page] = b"\xa5" * page
    db_path.write_bytes(bytes(data))

    recorder = make_recorder()
    recorder.record("idle_reset")
    recorder.flush()
    assert len(_damaged_files(db_path.parent)) == 1
    assert "moved aside" in recorder.status.message and recorder.status.recording
    assert rows(db_path, "SELECT kind FROM events") == [("idle_reset",)]


def test_damage_found_while_writing_moves_the_file_and_keeps_the_batch(
    make_recorder: Any, clock: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = make_recorder(flush_interval=60)
    recorder.record("idle_reset")
    recorder.flush()
    real_insert = store.insert_events
    calls = []

    def insert_once_damaged(conn: sqlite3.Connection, batch: list[Any], *args: Any) -> None:
        calls.append(len(batch))
        if len(calls) == 1:
            exc = sqlite3.DatabaseError("database disk image is malformed")
            exc.sqlite_errorcode = 11  # SQLITE_CORRUPT
            raise exc
        real_insert(conn, batch, *args)

    monkeypatch.setattr(store, "insert_events", insert_once_damaged)
    record_visit(recorder, clock)
    recorder.flush()
    assert calls == [7, 7]
    assert len(_damaged_files(db_path.parent)) == 1
    assert "moved aside" in recorder.status.message
    assert rows(db_path, "SELECT count(*) FROM events") == [(7,)]


def test_a_database_from_newer_software_is_left_alone(make_recorder: Any, db_path: Path) -> None:
    make_recorder().close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    recorder = make_recorder()
    recorder.record("idle_reset")
    recorder.flush()
    assert not recorder.status.recording
    assert "update the kiosk software" in recorder.status.message
    assert _damaged_files(db_path.parent) == []
    with pytest.raises(ReadError, match="newer kiosk software"):
        build_report([db_path])


# --- a data folder that cannot be written -----------------------------------------------------

UNWRITABLE_CHILD = textwrap.dedent(
    """
    import json, logging, sys
    from pathlib import Path
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    from kiosk.engagement.recorder import Recorder

    recorder = Recorder(Path(sys.argv[1]))
    for n in range(100):
        recorder.record("screen_view", screen="reader", section="symptoms", page=n)
    recorder.flush()
    status = recorder.status
    recorder.close()
    print(json.dumps({"ok": status.ok, "recording": status.recording,
                      "message": status.message}))
    """
)


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def _drop_file_override() -> None:
    """In the child, before exec: root without the capabilities that ignore file permissions."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_unprivileged(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a Python child that file permissions apply to, even when the tests run as root."""
    try:
        return subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            text=True,
            env=child_env(),
            preexec_fn=_drop_file_override if os.geteuid() == 0 else None,
            timeout=60,
            check=False,
        )
    except subprocess.SubprocessError as exc:  # prctl refused: no CAP_SETPCAP here
        pytest.skip(f"cannot drop root's file-permission override here: {exc}")


def _child_status(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr  # no exception reached the caller
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_read_only_data_folder_switches_logging_off(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    try:
        result = run_unprivileged(UNWRITABLE_CHILD, str(data / "engagement.sqlite3"))
    finally:
        data.chmod(0o755)
    status = _child_status(result)
    assert status == {
        "ok": False,
        "recording": False,
        "message": f"Data folder {data} is read-only: logging is off until the kiosk account "
        "may write there.",
    }
    assert "WARNING Engagement logging is off" in result.stderr
    assert list(data.iterdir()) == []


def test_read_only_database_file_switches_logging_off(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "engagement.sqlite3"
    made = recorder_module.Recorder(db)
    made.record("idle_reset")
    made.close()
    db.chmod(0o444)
    data.chmod(0o555)
    try:
        result = run_unprivileged(UNWRITABLE_CHILD, str(db))
    finally:
        data.chmod(0o755)
    status = _child_status(result)
    assert not status["recording"] and "read-only" in status["message"]
    assert "WARNING" in result.stderr
    assert rows(db, "SELECT count(*) FROM events") == [(1,)]


FULL_CHILD = textwrap.dedent(
    """
    import json, logging, os, resource, signal, sys
    from pathlib import Path
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    from kiosk.engagement.recorder import Recorder

    db = Path(sys.argv[1])
    recorder = Recorder(db)
    recorder.record("idle_reset")
    recorder.flush()
    before = recorder.status
    # From here on no file may grow: the disk is full (EFBIG instead of ENOSPC).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    biggest = max(p.stat().st_size for p in db.parent.iterdir())
    resource.setrlimit(resource.RLIMIT_FSIZE, (biggest + 4096, resource.RLIM_INFINITY))
    for n in range(20000):
        recorder.record("page_dwell", section="symptoms", page=n % 9, seconds=n % 60)
    recorder.flush()
    after = recorder.status
    recorder.record("idle_reset")  # still no exception
    recorder.close()
    # Space again, for whatever this process writes at exit (coverage data under `--cov`).
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    print(json.dumps({"before": before.recording, "recording": after.recording,
                      "ok": after.ok, "message": after.message}))
    """
)


def test_full_data_folder_switches_logging_off(tmp_path: Path) -> None:
    db = tmp_path / "data" / "engagement.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", FULL_CHILD, str(db)],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=60,
        check=False,
    )
    status = _child_status(result)
    assert status["before"] is True
    assert status["recording"] is False and status["ok"] is False
    assert "logging is off" in status["message"] and str(db.parent) in status["message"]
    assert "WARNING Engagement logging is off" in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_full_disk_error_is_described_as_full(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "tiny.sqlite3")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    conn.close()
    message = store_errors.describe_failure(caught.value, tmp_path)
    assert message == f"Data folder {tmp_path} is full: logging is off until space is freed."


def test_data_folder_that_is_a_file_switches_logging_off_then_recovers(
    make_recorder: Any, clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    db = blocker / "engagement.sqlite3"
    monkeypatch.setattr(recorder_module, "RETRY_SECONDS", 0.0)
    recorder = make_recorder(db)
    record_visit(recorder, clock)  # never raises
    recorder.flush()
    assert not recorder.status.recording and not recorder.status.ok
    assert "logging is off" in recorder.status.message

    blocker.unlink()  # IT fixes the folder; the recorder tries again on its next batch
    recorder.record("idle_reset")
    recorder.flush()
    assert recorder.status.ok and recorder.status.recording
    assert rows(db, "SELECT kind FROM events") == [("idle_reset",)]
