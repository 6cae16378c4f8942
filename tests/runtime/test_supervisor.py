"""The supervisor restarts a crashing or frozen kiosk with back-off, and gives up after its cap.

The kiosk is a tiny real process (fake_kiosk.py); the supervisor's clock and sleep are fake, so
a ten-minute restart history runs in well under a second.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.runtime import supervisor
from kiosk.runtime.supervisor import Policy, StopRequested, Supervisor

FAKE_KIOSK = Path(__file__).with_name("fake_kiosk.py")
REAL_WAIT = 0.05  # how long a fake poll really waits for the child, in seconds


class FakeTiming:
    """Fake clock; `wait` still really waits (briefly) for the child process."""

    def __init__(self) -> None:
        self.clock = 1000.0
        self.sleeps: list[float] = []
        self.stop_on_wait: int | None = None
        self.waits = 0

    def now(self) -> float:
        return self.clock

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.clock += seconds

    def wait(self, process: subprocess.Popen[bytes], seconds: float) -> int | None:
        self.waits += 1
        if self.waits == self.stop_on_wait:
            raise StopRequested
        try:
            return process.wait(timeout=REAL_WAIT if seconds < 5 else 5)
        except subprocess.TimeoutExpired:
            self.clock += seconds
            return None


class Kiosk:
    def __init__(self, folder: Path) -> None:
        self.plan = folder / "plan"
        self.heartbeat = folder / "heartbeat"
        self.pids = folder / "pids"
        self.plan.write_text("")
        self.pids.write_text("")

    def command(self) -> list[str]:
        return [sys.executable, str(FAKE_KIOSK), str(self.plan), str(self.heartbeat),
                str(self.pids)]

    def supervisor(self, plan: str, **policy: float) -> tuple[Supervisor, FakeTiming]:
        self.plan.write_text(plan.replace(" ", "\n"))
        timing = FakeTiming()
        return Supervisor(self.command(), self.heartbeat, policy=Policy(**policy),
                          timing=timing), timing

    def all_ended(self) -> bool:
        for pid in (int(p) for p in self.pids.read_text().split()):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                continue
            return False
        return True


@pytest.fixture
def kiosk(tmp_path: Path) -> Kiosk:
    return Kiosk(tmp_path)


def test_crashing_kiosk_is_restarted_with_backoff_then_given_up(
        kiosk: Kiosk, caplog: pytest.LogCaptureFixture) -> None:
    sup, timing = kiosk.supervisor("crash " * 10)
    with caplog.at_level(logging.INFO, logger="kiosk.runtime.supervisor"):
        assert sup.run() == 1
    assert sup.runs == 6  # the first start and five restarts
    assert timing.sleeps == [2, 4, 8, 16, 32]
    assert "exited with code 3" in caplog.text
    assert "restarted 5 times in 10 minutes and keeps failing" in caplog.records[-1].message
    assert kiosk.all_ended()


def test_kiosk_that_recovers_is_kept_and_normal_exit_ends_supervision(kiosk: Kiosk) -> None:
    sup, timing = kiosk.supervisor("crash abort ok")
    assert sup.run() == 0
    assert sup.runs == 3
    assert timing.sleeps == [2, 4]


def test_normal_exit_is_not_restarted(kiosk: Kiosk) -> None:
    sup, timing = kiosk.supervisor("ok crash")
    assert sup.run() == 0
    assert sup.runs == 1 and timing.sleeps == []


def test_restarts_outside_the_window_are_forgiven(kiosk: Kiosk) -> None:
    # Each restart waits 400 s, so no more than two fall in any 600 s window: never given up.
    sup, _ = kiosk.supervisor("crash " * 8 + "ok", backoff_first=400, backoff_max=400,
                              max_restarts=3)
    assert sup.run() == 0
    assert sup.runs == 9


def test_frozen_kiosk_is_stopped_and_restarted(kiosk: Kiosk,
                                               caplog: pytest.LogCaptureFixture) -> None:
    sup, _ = kiosk.supervisor("hang ok", hang_seconds=10, startup_seconds=600)
    assert sup.run() == 0
    assert sup.runs == 2
    assert "heartbeat stopped for 10 s (frozen) and was stopped" in caplog.text
    assert kiosk.all_ended()


def test_kiosk_that_never_beats_is_stopped_after_the_startup_time(
        kiosk: Kiosk, caplog: pytest.LogCaptureFixture) -> None:
    sup, _ = kiosk.supervisor("silent ok", startup_seconds=20)
    assert sup.run() == 0
    assert "never wrote a heartbeat for 20 s" in caplog.text
    assert kiosk.all_ended()


def test_old_heartbeat_from_a_previous_run_does_not_count(kiosk: Kiosk,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    kiosk.heartbeat.write_text("123 99\n")
    sup, _ = kiosk.supervisor("silent ok", startup_seconds=20, hang_seconds=4)
    assert sup.run() == 0
    assert "never wrote a heartbeat" in caplog.text


def test_stop_request_stops_the_kiosk_too(kiosk: Kiosk) -> None:
    sup, timing = kiosk.supervisor("silent")
    timing.stop_on_wait = 3
    with pytest.raises(StopRequested):
        sup.run()
    assert kiosk.all_ended()


def test_kiosk_that_cannot_be_started_is_given_up(tmp_path: Path) -> None:
    timing = FakeTiming()
    sup = Supervisor([str(tmp_path / "missing-program")], tmp_path / "hb", timing=timing)
    assert sup.run() == 1
    assert sup.runs == 6


def test_kiosk_command_runs_the_same_program(monkeypatch: pytest.MonkeyPatch) -> None:
    assert supervisor.kiosk_command(["--windowed"]) == [sys.executable, "-m", "kiosk", "run",
                                                        "--windowed"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert supervisor.kiosk_command([]) == [sys.executable, "run"]


class FakeKernel32:
    def __init__(self) -> None:
        self.mode = 0x0004

    def GetErrorMode(self) -> int:  # noqa: N802 - Windows API name
        return self.mode

    def SetErrorMode(self, mode: int) -> int:  # noqa: N802 - Windows API name
        previous, self.mode = self.mode, mode
        return previous


def test_windows_error_dialogs_are_switched_off() -> None:
    kernel32 = FakeKernel32()
    assert supervisor.suppress_error_dialogs(kernel32)
    assert kernel32.mode == 0x0004 | 0x0001 | 0x0002 | 0x8000  # keeps what was set before


@pytest.mark.skipif(sys.platform == "win32", reason="the no-op case is for other systems")
def test_error_mode_is_left_alone_elsewhere() -> None:
    assert not supervisor.suppress_error_dialogs()
