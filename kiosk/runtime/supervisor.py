"""`rls-kiosk supervise`: keep the kiosk running on a PC nobody watches.

Starts the kiosk as a child process and starts it again when it exits abnormally (a crash, a
native fault, being killed) or when it stops rewriting its heartbeat file (a frozen event loop).
Each restart waits longer than the one before (back-off); after `max_restarts` restarts within
`window_seconds` the supervisor gives up, logs why and exits 1, so a kiosk that cannot start does
not flash on and off all day. A kiosk that exits normally (exit code 0) is not restarted.

On Linux systemd does the same job for the whole session (packaging/linux/rls-kiosk.service);
this supervisor runs inside it for the frozen-window case. On Windows it is what the logon task
starts. No Qt here: the supervisor must keep working when Qt itself is what fails.

Clock, sleep and the wait on the child are injected (`Timing`) so tests run in milliseconds.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.runtime.crash import EXIT_CRASH
from kiosk.runtime.heartbeat import read_beat
from kiosk.runtime.logs import setup_logging
from kiosk.settings import paths
from kiosk.settings.config import load_settings

if TYPE_CHECKING:
    from ctypes import CDLL

log = logging.getLogger(__name__)

# SetErrorMode flags: no "program has stopped working" or "insert a disk" dialog that would sit
# on the screen, unseen, and keep a crashed kiosk from being restarted.
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
SEM_NOOPENFILEERRORBOX = 0x8000
QUIET_ERROR_MODE = SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX


@dataclass(frozen=True)
class Policy:
    """When to call the kiosk dead, and how often to try again."""

    poll_seconds: float = 2.0       # how often the child and its heartbeat are checked
    startup_seconds: float = 120.0  # the first heartbeat must come within this
    hang_seconds: float = 60.0      # then it must change at least this often
    stop_seconds: float = 10.0      # from "please stop" to "kill"
    backoff_first: float = 2.0      # wait before the first restart; doubles each time
    backoff_max: float = 60.0
    max_restarts: int = 5           # ...within window_seconds, then give up
    window_seconds: float = 600.0


class Timing(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    def wait(self, process: subprocess.Popen[bytes], seconds: float) -> int | None:
        """Wait up to `seconds` for `process` to end; its exit code, or None if it runs on."""
        ...


class SystemTiming:
    """The real clock (monotonic, so a clock change at night is no hang)."""

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def wait(self, process: subprocess.Popen[bytes], seconds: float) -> int | None:
        try:
            return process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return None


class StopRequested(Exception):
    """Raised from a signal handler: stop the kiosk and the supervisor."""


@dataclass(frozen=True)
class Outcome:
    """How one run of the kiosk ended."""

    exit_code: int | None  # None: it was stopped because it hung
    reason: str

    @property
    def normal(self) -> bool:
        return self.exit_code == 0


def kiosk_command(kiosk_args: Sequence[str]) -> list[str]:
    """The command that runs the kiosk itself: the same program (frozen) or Python module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "run", *kiosk_args]
    return [sys.executable, "-m", "kiosk", "run", *kiosk_args]


def suppress_error_dialogs(kernel32: CDLL | None = None) -> bool:
    """Windows: let a crash end the process at once instead of showing a dialog.

    The error mode is inherited by child processes; the kiosk calls this too, for the case that
    it was started without the supervisor. Returns False (and does nothing) elsewhere.
    """
    if kernel32 is None:
        if sys.platform != "win32":
            return False
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")
    previous = kernel32.GetErrorMode()
    kernel32.SetErrorMode(previous | QUIET_ERROR_MODE)
    return True


class Supervisor:
    def __init__(self, command: Sequence[str], heartbeat: Path, *, policy: Policy | None = None,
                 timing: Timing | None = None) -> None:
        self.command = list(command)
        self.heartbeat = heartbeat
        self.policy = policy or Policy()
        self.timing = timing or SystemTiming()
        self.restarts: deque[float] = deque()
        self.runs = 0

    def run(self) -> int:
        """Supervise until the kiosk exits normally (0) or restarts too often (1)."""
        while True:
            outcome = self.run_once()
            if outcome.normal:
                log.info("The kiosk exited normally; the supervisor stops too")
                return 0
            now = self.timing.now()
            while self.restarts and now - self.restarts[0] > self.policy.window_seconds:
                self.restarts.popleft()
            if len(self.restarts) >= self.policy.max_restarts:
                log.error(
                    "The kiosk %s; it was restarted %d times in %d minutes and keeps failing, "
                    "so the supervisor stops. Run `rls-kiosk doctor` and read the crash log in "
                    "the data folder's logs/.", outcome.reason, len(self.restarts),
                    round(self.policy.window_seconds / 60))
                return 1
            delay = min(self.policy.backoff_first * 2 ** len(self.restarts),
                        self.policy.backoff_max)
            log.warning("The kiosk %s; starting it again in %g s", outcome.reason, delay)
            self.timing.sleep(delay)
            self.restarts.append(self.timing.now())

    def run_once(self) -> Outcome:
        """Start the kiosk and watch it until it ends or hangs."""
        self.runs += 1
        last_beat = read_beat(self.heartbeat)
        started = last_change = self.timing.now()
        seen_beat = False
        try:
            process = subprocess.Popen(self.command)
        except OSError as exc:
            return Outcome(127, f"could not be started ({exc.strerror or exc})")
        log.info("Kiosk started (process %d): %s", process.pid, " ".join(self.command))
        try:
            while True:
                code = self.timing.wait(process, self.policy.poll_seconds)
                if code is not None:
                    return Outcome(code, _describe_exit(code))
                now = self.timing.now()
                beat = read_beat(self.heartbeat)
                if beat is not None and beat != last_beat:
                    last_beat, last_change, seen_beat = beat, now, True
                limit = self.policy.hang_seconds if seen_beat else self.policy.startup_seconds
                if now - (last_change if seen_beat else started) > limit:
                    self.stop(process)
                    what = "heartbeat stopped" if seen_beat else "never wrote a heartbeat"
                    return Outcome(None, f"{what} for {limit:g} s (frozen) and was stopped")
        except StopRequested:
            self.stop(process)
            raise

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        """Ask the kiosk to end, then kill it if it does not."""
        process.terminate()
        if self.timing.wait(process, self.policy.stop_seconds) is None:
            process.kill()
            process.wait()


def _describe_exit(code: int) -> str:
    if code < 0:
        return f"was ended by signal {-code}"
    if code == EXIT_CRASH:
        return f"stopped after an unexpected error (exit code {code}, see crash.log)"
    return f"exited with code {code}"


def supervise(kiosk_args: Sequence[str], *, config: str | None, data_dir: str | None) -> int:
    """`rls-kiosk supervise [-- kiosk args]`: the kiosk's options decide the data folder."""
    settings, _ = load_settings(paths.config_file(config))
    data = paths.resolve_data_dir(data_dir, settings.data_dir)
    setup_logging(data, log_file=paths.supervisor_log_file(data))
    suppress_error_dialogs()
    supervisor = Supervisor(kiosk_command(kiosk_args), paths.heartbeat_file(data))

    def request_stop(signum: int, frame: object) -> None:
        raise StopRequested

    for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), request_stop)
    try:
        return supervisor.run()
    except StopRequested:
        log.info("The supervisor was asked to stop; the kiosk was stopped with it")
        return 0
