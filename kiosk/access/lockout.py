"""Checking a typed PIN, and locking the pad after wrong ones: longer each time, then for good.

Every fifth wrong PIN in a row locks the pad: 5 minutes the first time, twice as long each next
time, at most a day. After 100 wrong PINs since the last right one the pad is blocked until
clinic IT sets the PIN again (`rls-kiosk set-pin`), as NIST SP 800-63B (5.2.2) asks of a
verifier: at most 100 failed tries. Reaching 100 takes about twelve days of constant guessing,
and 100 tries find a 6-digit PIN one time in 10,000 (a 4-digit one time in 100).

The count, the end of a lock and which stored PIN they count against are kept in a small JSON
file in the data folder (paths.staff_lockout_file), so pulling the plug does not buy fresh tries;
a new PIN (another stored hash) starts a fresh count. A file that cannot be understood is treated
as a lock: the pad stays locked until five minutes after the file was last changed, then the
file is reset (with a warning in the log). That way a damaged file never opens the pad early and
never locks it for good. If the file cannot be read or written at all (a broken data folder),
the count is kept in memory and the log says so.

Wall-clock time is used (a lock must survive a restart); a lock that seems to end later than its
own length from now (the clock was set back) is cut to that length.

Checking is split for the screen: `state` and `record` run on the screen's thread, `verify`
(the costly hash) anywhere, touching nothing here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.access.pin import PinHashError, check_hash, verify_pin

log = logging.getLogger(__name__)

MAX_TRIES = 5  # wrong PINs in a row before each lock
LOCK_SECONDS = 300  # the first lock; each next one lasts twice as long
MAX_LOCK_SECONDS = 24 * 3600
BLOCK_AFTER = 100  # wrong PINs since the last right one: blocked until the PIN is set again
MAX_FILE_BYTES = 4096  # the file holds three short values


def lock_seconds(failures: int) -> int:
    """How long the lock after `failures` wrong PINs in a row lasts (a multiple of MAX_TRIES)."""
    locks = max(failures // MAX_TRIES, 1)
    return min(LOCK_SECONDS << min(locks - 1, 20), MAX_LOCK_SECONDS)  # doubled for each lock


def _fingerprint(stored: str) -> str:
    """Which stored PIN a count belongs to, without keeping the hash itself in the data folder."""
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class GateState:
    """What the pad should show. `state` is one of:
    "ready" (type a PIN), "checking" (a typed PIN is being checked), "ok" (right PIN),
    "wrong" (`tries_left` more before a lock of `next_lock` seconds), "locked" (`seconds_left`),
    "blocked" (100 wrong PINs: only `set-pin` helps), "no_pin" (none set) or "damaged" (the
    stored hash is not one `set-pin` wrote). The pad says each in the interface language.
    `failures` is the count of wrong PINs since the last right one."""

    state: str
    tries_left: int = MAX_TRIES
    seconds_left: int = 0
    next_lock: int = LOCK_SECONDS
    failures: int = 0


class PinGate:
    def __init__(self, lockout_file: Path, pin_hash: Callable[[], str], *,
                 clock: Callable[[], float] = time.time,
                 verify: Callable[[str, str], bool] = verify_pin) -> None:
        self._file = lockout_file
        self._pin_hash = pin_hash
        self._clock = clock
        self._verify = verify
        self._failures = 0
        self._locked_until = 0.0
        self._pin = ""  # fingerprint of the stored PIN the count is for; "": the current one
        self._can_write = True
        self.wrong_before_login = 0  # wrong PINs typed before the last right one
        self._load()

    # -- the file ------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            if self._file.stat().st_size > MAX_FILE_BYTES:
                self._damaged("is far larger than a lockout file")
                return
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
            pin = data.get("pin", "")
            if (isinstance(failures, bool) or not isinstance(failures, int)
                    or not 0 <= failures <= BLOCK_AFTER
                    or isinstance(until, bool) or not isinstance(until, int | float)
                    or not 0 <= until < math.inf or not isinstance(pin, str) or len(pin) > 64):
                raise ValueError("values out of range")
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            self._damaged(f"is not in the expected form ({type(exc).__name__})")
            return
        self._failures, self._pin = failures, pin
        self._locked_until = min(float(until), self._clock() + lock_seconds(failures))

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
        data = json.dumps({"failures": self._failures, "locked_until": self._locked_until,
                           "pin": self._pin})
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
            if self._locked_until:  # a lock just ran out: the next round of tries
                self._locked_until = 0.0
                self._save()
            return 0
        return int(left + 0.999)

    def _for_current_pin(self, stored: str) -> None:
        """A PIN set again (another hash) starts a fresh count; an old file's count is kept."""
        current = _fingerprint(stored)
        if self._pin and self._pin != current:
            log.info("Staff PIN was set again; the count of wrong PINs starts afresh")
            self._failures, self._locked_until = 0, 0.0
        if self._pin != current:
            self._pin = current
            self._save()

    def state(self) -> GateState:
        """The pad's state before anything is typed."""
        stored = self._pin_hash()
        if not stored:
            return GateState("no_pin")
        try:
            check_hash(stored)
        except PinHashError:
            return GateState("damaged")
        self._for_current_pin(stored)
        if self._failures >= BLOCK_AFTER:
            return GateState("blocked", 0, failures=self._failures)
        locked = self.seconds_locked()
        if locked:
            return GateState("locked", 0, locked, failures=self._failures)
        left = MAX_TRIES - self._failures % MAX_TRIES
        return GateState("ready", left, 0, self._next_lock(left), self._failures)

    def _next_lock(self, tries_left: int) -> int:
        """The lock that follows `tries_left` more wrong PINs (0: blocked for good)."""
        after = self._failures + tries_left
        return 0 if after >= BLOCK_AFTER else lock_seconds(after)

    def verify(self, pin: str, stored: str) -> bool:
        """Whether `pin` matches `stored`: the costly part, safe on any thread (changes
        nothing here). Raises PinHashError for a damaged hash."""
        return self._verify(pin, stored)

    def record(self, ok: bool) -> GateState:
        """Count one checked PIN (on the screen's thread) and say what the pad shows now."""
        if ok:
            self.wrong_before_login = self._failures
            if self._failures or self._locked_until:
                self._failures, self._locked_until = 0, 0.0
                self._save()
            return GateState("ok", failures=self.wrong_before_login)
        self._failures = min(self._failures + 1, BLOCK_AFTER)
        if self._failures >= BLOCK_AFTER:
            self._save()
            log.warning("Staff PIN pad blocked after %d wrong PINs; `rls-kiosk set-pin` sets "
                        "the PIN again and opens it", BLOCK_AFTER)
            return GateState("blocked", 0, failures=self._failures)
        if self._failures % MAX_TRIES == 0:
            seconds = lock_seconds(self._failures)
            self._locked_until = self._clock() + seconds
            self._save()
            log.warning("Staff PIN pad locked for %d minutes after %d wrong PINs (%d since the "
                        "last right one)", seconds // 60, MAX_TRIES, self._failures)
            return GateState("locked", 0, seconds, failures=self._failures)
        self._save()
        left = MAX_TRIES - self._failures % MAX_TRIES
        return GateState("wrong", left, 0, self._next_lock(left), self._failures)

    def check(self, pin: str) -> GateState:
        """Check one typed PIN where waiting for the hash is fine (no screen to keep moving).
        While locked or blocked, nothing is checked (and nothing is hashed)."""
        before = self.state()
        if before.state != "ready":
            return before
        return self.record(self.verify(pin, self._pin_hash()))
