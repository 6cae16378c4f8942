"""Checking a typed PIN, and locking the pad after five wrong ones for five minutes.

The count of wrong tries and the end of a lock are kept in a small JSON file in the data folder
(paths.staff_lockout_file), so pulling the plug does not buy fresh tries. A file that cannot be
understood is treated as a lock: the pad stays locked until five minutes after the file was last
changed, then the file is reset (with a warning in the log). That way a damaged file never opens
the pad early and never locks it for good. If the file cannot be read or written at all (a
broken data folder), the count is kept in memory and the log says so.

Wall-clock time is used (a lock must survive a restart); a lock that seems to end more than five
minutes from now (the clock was set back) is cut to five minutes.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.staff.pin import PinHashError, check_hash, verify_pin

log = logging.getLogger(__name__)

MAX_TRIES = 5
LOCK_SECONDS = 300


@dataclass(frozen=True)
class GateState:
    """What the pad should show. `state` is one of:
    "ready" (type a PIN), "ok" (right PIN), "wrong" (`tries_left` more), "locked"
    (`seconds_left`), "no_pin" (none set) or "damaged" (the stored hash is not one `set-pin`
    wrote). The pad says each in the interface language."""

    state: str
    tries_left: int = MAX_TRIES
    seconds_left: int = 0


class PinGate:
    def __init__(self, lockout_file: Path, pin_hash: Callable[[], str], *,
                 clock: Callable[[], float] = time.time) -> None:
        self._file = lockout_file
        self._pin_hash = pin_hash
        self._clock = clock
        self._failures = 0
        self._locked_until = 0.0
        self._can_write = True
        self._load()

    # -- the file ------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            text = self._file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except UnicodeDecodeError:
            self._damaged("is not text")
            return
        except OSError as exc:
            self._can_write = False
            log.warning("Staff lockout file %s cannot be read (%s); wrong PINs are counted "
                        "until the kiosk restarts only", self._file, exc.strerror or exc)
            return
        try:
            data = json.loads(text)
            failures, until = data["failures"], data["locked_until"]
            if (isinstance(failures, bool) or not isinstance(failures, int)
                    or not 0 <= failures <= MAX_TRIES
                    or isinstance(until, bool) or not isinstance(until, int | float)
                    or until < 0):
                raise ValueError("values out of range")
        except (ValueError, KeyError, TypeError) as exc:
            self._damaged(f"is not in the expected form ({exc})")
            return
        self._failures = failures
        self._locked_until = min(float(until), self._clock() + LOCK_SECONDS)

    def _damaged(self, why: str) -> None:
        try:
            changed = self._file.stat().st_mtime
        except OSError:
            changed = self._clock()
        self._failures = MAX_TRIES
        self._locked_until = min(changed + LOCK_SECONDS, self._clock() + LOCK_SECONDS)
        log.warning("Staff lockout file %s %s; the PIN pad is locked until %s, then the file is "
                    "reset", self._file, why,
                    time.strftime("%H:%M:%S", time.localtime(self._locked_until)))

    def _save(self) -> None:
        if not self._can_write:
            return
        data = json.dumps({"failures": self._failures, "locked_until": self._locked_until})
        tmp = self._file.with_suffix(".tmp")
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(data, encoding="utf-8")
            os.replace(tmp, self._file)
        except OSError as exc:
            self._can_write = False
            log.warning("Staff lockout file %s cannot be written (%s); wrong PINs are counted "
                        "until the kiosk restarts only", self._file, exc.strerror or exc)

    # -- checking ------------------------------------------------------------------------
    def seconds_locked(self) -> int:
        left = self._locked_until - self._clock()
        if left <= 0:
            if self._locked_until:  # a lock just ran out: fresh tries
                self._failures, self._locked_until = 0, 0.0
                self._save()
            return 0
        return int(left + 0.999)

    def state(self) -> GateState:
        """The pad's state before anything is typed."""
        stored = self._pin_hash()
        if not stored:
            return GateState("no_pin")
        try:
            check_hash(stored)
        except PinHashError:
            return GateState("damaged")
        locked = self.seconds_locked()
        if locked:
            return GateState("locked", 0, locked)
        return GateState("ready", MAX_TRIES - self._failures)

    def check(self, pin: str) -> GateState:
        """Check one typed PIN. While locked, nothing is checked (and nothing is hashed)."""
        before = self.state()
        if before.state != "ready":
            return before
        if verify_pin(pin, self._pin_hash()):
            if self._failures:
                self._failures = 0
                self._save()
            return GateState("ok")
        self._failures += 1
        if self._failures >= MAX_TRIES:
            self._locked_until = self._clock() + LOCK_SECONDS
            self._save()
            log.warning("Staff PIN pad locked for %d minutes after %d wrong PINs",
                        LOCK_SECONDS // 60, MAX_TRIES)
            return GateState("locked", 0, LOCK_SECONDS)
        self._save()
        return GateState("wrong", MAX_TRIES - self._failures)
