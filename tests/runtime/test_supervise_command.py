"""End to end: `rls-kiosk supervise` runs the real kiosk (offscreen), which writes heartbeats."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.runtime.heartbeat import read_beat
from kiosk.settings import paths

ROOT = Path(__file__).parents[2]


# A settings file that once stopped the kiosk and the supervisor alike (RecursionError).
NESTED_SETTINGS = "languages = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is how systemd stops the service")
@pytest.mark.parametrize("settings", ["", NESTED_SETTINGS], ids=["no settings", "nested"])
def test_supervise_starts_the_kiosk_and_stops_it_on_sigterm(tmp_path: Path,
                                                            settings: str) -> None:
    if settings:
        (tmp_path / "kiosk.toml").write_text(settings, encoding="utf-8")
    data = tmp_path / "data"
    env = dict(os.environ, KIOSK_DATA_DIR=str(data), KIOSK_CONFIG=str(tmp_path / "kiosk.toml"),
               QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "main.py", "supervise", "--", "--windowed"],
                               cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    heartbeat = paths.heartbeat_file(data)
    try:
        deadline = time.monotonic() + 60
        # A beat is rewritten in place: wait for a whole one, not just for the file.
        while (not (read_beat(heartbeat) or "").endswith("\n") and process.poll() is None
               and time.monotonic() < deadline):
            time.sleep(0.05)
        beat = read_beat(heartbeat)
        assert beat and beat.endswith("\n"), "the kiosk never wrote its heartbeat"
        kiosk_pid = int(beat.split()[0])
        assert kiosk_pid != process.pid
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        process.wait()
        assert process.stderr is not None
        process.stderr.close()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    with pytest.raises(ProcessLookupError):
        os.kill(kiosk_pid, 0)
    log = paths.supervisor_log_file(data).read_text()
    assert "Kiosk started" in log and "asked to stop" in log
    assert "restart" not in log
    if settings:
        assert "nested 5000 deep" in paths.log_file(data).read_text()


def test_supervise_rejects_unknown_kiosk_options(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "main.py", "supervise", "--", "--bogus"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unrecognized arguments: --bogus" in result.stderr
    assert "Traceback" not in result.stderr
