"""Record engagement events without ever slowing or crashing the screen.

`Recorder.record()` runs on the UI thread: it checks the event against the vocabulary, reads the
clock, and appends a tuple to a deque (a few microseconds, no locks, no I/O). One background
writer thread wakes every `flush_interval` seconds, or when asked to flush, and writes everything
queued in one transaction. All failures (a damaged file, a read-only or full folder) are handled
on that thread and reported through `status`, which the staff panel shows; the caller never sees
an exception.

A database held by another program (a backup, a report tool, a sync client) is not a failure:
the events are kept in memory (at most MAX_QUEUED) and written as soon as it is free. Each try
waits up to `busy_timeout` seconds for the lock, the next one follows after 1, 2, 4... up to 15
seconds, and the status says "busy" meanwhile.

Visits: "visit_start" draws a fresh random id from `secrets`; every event until "visit_end"
carries it. The id is not derived from anything (no device, time or counter), is kept only in
memory and in the rows, and is forgotten at "visit_end".
"""

from __future__ import annotations

import atexit
import logging
import secrets
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.engagement import store, store_errors
from kiosk.engagement.events import SLUG_RE, clean_event

log = logging.getLogger(__name__)

MAX_QUEUED = 100_000  # events held in memory while the disk is slow; beyond that, new ones drop
RETRY_SECONDS = 300.0  # how often a switched-off recorder tries the data folder again
BUSY_FIRST_RETRY, BUSY_MAX_RETRY = 1.0, 15.0  # seconds between tries while the database is held

Row = tuple[Any, ...]


@dataclass(frozen=True)
class RecorderStatus:
    """What the staff panel shows. `ok` is False whenever staff should look at `message`;
    `recording` says whether events are reaching the database at all.

    `kind` names the usual states ("starting", "recording", "memory", "busy" while another
    program holds the database, and "moved" with the old file's new `path`), so the panel can
    say them in its own language; "" is a failure, which `message` explains."""

    ok: bool
    message: str
    recording: bool = True
    kind: str = ""
    path: Path | None = None


def _moved_aside(moved: Path) -> RecorderStatus:
    return RecorderStatus(False, f"Database was damaged and moved aside to {moved}; a new one "
                          "was started.", kind="moved", path=moved)


def local_now() -> datetime:
    return datetime.now()


def to_local_naive(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        return moment.astimezone().replace(tzinfo=None)
    return moment


def minute_stamp(moment: datetime) -> str:
    """Timestamps are kept to the minute, in local time."""
    m = to_local_naive(moment)
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}"


def new_visit_id() -> str:
    return secrets.token_hex(16)


class _VisitTracker:
    """Validation and visit ids, shared by the real and the in-memory recorder."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock
        self._visit_id: str | None = None
        self._visit_started: datetime | None = None
        self._closed = False

    def record(self, kind: str, **fields: Any) -> None:
        """Queue one event; never raises. Unknown kinds, fields or values are dropped (logged)."""
        if self._closed:
            return
        try:
            clean = clean_event(kind, fields)
            if clean is None:
                return
            now = self._clock()
            if kind == "visit_start":
                self._visit_id = new_visit_id()
                self._visit_started = now
            visit = self._visit_id
            if kind == "visit_end":
                if "seconds" not in clean and self._visit_started is not None:
                    elapsed = (now - self._visit_started).total_seconds()
                    clean["seconds"] = max(0, round(elapsed))
                self._visit_id = None
                self._visit_started = None
            self._emit(now, kind, visit, clean)
        except Exception:  # the screen must never see a logging failure
            log.exception("Engagement event %r could not be recorded", kind)

    def _emit(self, now: datetime, kind: str, visit: str | None, clean: dict[str, Any]) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class RecordedEvent:
    ts: str
    kind: str
    visit_id: str | None
    fields: dict[str, Any] = field(default_factory=dict)


class MemoryRecorder(_VisitTracker):
    """Keeps events in a list and never touches the disk (preview command, UI tests)."""

    def __init__(self, *, clock: Callable[[], datetime] = local_now) -> None:
        super().__init__(clock)
        self.events: list[RecordedEvent] = []
        self.status = RecorderStatus(True, "Events are kept in memory only.", recording=False,
                                     kind="memory")

    def _emit(self, now: datetime, kind: str, visit: str | None, clean: dict[str, Any]) -> None:
        self.events.append(RecordedEvent(minute_stamp(now), kind, visit, clean))

    def flush(self, timeout: float = 5.0) -> None:
        pass

    def close(self) -> None:
        self._closed = True


class Recorder(_VisitTracker):
    """Writes events to the SQLite database on a background thread (see the module docstring)."""

    def __init__(
        self,
        db_path: Path,
        *,
        kiosk_id: str = "",
        clock: Callable[[], datetime] = local_now,
        flush_interval: float = 0.5,
        retention_days: int = 180,
        busy_timeout: float = store.BUSY_TIMEOUT_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(clock)
        self._db_path = Path(db_path)
        if kiosk_id and not (isinstance(kiosk_id, str) and SLUG_RE.fullmatch(kiosk_id)):
            log.warning(
                "Kiosk id is not a short lower-case name (letters, digits, - _ .); "
                "it is not recorded"
            )
            kiosk_id = ""
        self._kiosk_id = kiosk_id
        self._flush_interval = max(0.01, float(flush_interval))
        self._retention_days = max(1, int(retention_days))
        self._queue: deque[tuple[datetime, str, str | None, dict[str, Any]]] = deque()
        self._dropped = 0
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._waiters: list[threading.Event] = []
        self._stopping = False
        self._conn: Any = None
        self._busy_timeout = busy_timeout
        self._monotonic = monotonic
        self._pending: list[Row] = []  # rows taken from the queue, not written yet
        self._next_try = 0.0  # no write before this (monotonic): after a lock or a failure
        self._busy_tries = 0  # tries in a row that found the database held
        self._last_prune: date | None = None
        self.status = RecorderStatus(True, "Starting.", kind="starting")
        self._thread = threading.Thread(target=self._run, name="engagement-writer", daemon=True)
        self._thread.start()
        ref = weakref.ref(self)

        def close_at_exit() -> None:
            recorder = ref()
            if recorder is not None:
                recorder.close()

        self._atexit = close_at_exit
        atexit.register(close_at_exit)

    # --- UI thread -------------------------------------------------------------------------

    def _emit(self, now: datetime, kind: str, visit: str | None, clean: dict[str, Any]) -> None:
        if len(self._queue) >= MAX_QUEUED:
            self._dropped += 1
            return
        self._queue.append((now, kind, visit, clean))

    def flush(self, timeout: float = 5.0) -> None:
        """Wait until every event recorded so far is written (or known to be dropped)."""
        if not self._thread.is_alive():
            return
        done = threading.Event()
        with self._lock:
            self._waiters.append(done)
        self._wake.set()
        if not done.wait(timeout):
            log.warning("Engagement events were not written within %.1f s", timeout)

    def close(self) -> None:
        """Write what is queued, close the database and stop the thread. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=30)
        atexit.unregister(self._atexit)

    # --- writer thread ---------------------------------------------------------------------

    def _run(self) -> None:
        self._open()
        while True:
            self._wake.wait(self._flush_interval)
            self._wake.clear()
            with self._lock:
                waiters, self._waiters = self._waiters, []
            stopping = self._stopping  # read before draining: close() queued nothing after this
            try:
                self._write_queued(last=stopping)
                self._prune_if_new_day()
            except Exception:
                log.exception("Engagement writer failed; it carries on")
            for waiter in waiters:
                waiter.set()
            if stopping:
                break
        self._shutdown()

    def _set_status(self, status: RecorderStatus) -> None:
        if status != self.status:
            self.status = status

    def _open(self) -> None:
        try:
            conn, moved = store.open_store(self._db_path, to_local_naive(self._clock()),
                                           busy_timeout=self._busy_timeout)
        except Exception as exc:
            cause = exc.__cause__ if isinstance(exc, store_errors.StoreUnavailable) else exc
            if cause is not None and store_errors.is_busy(cause):
                self._wait_for_lock(cause)
                return
            message = store_errors.describe_failure(exc, self._db_path.parent, self._db_path)
            log.warning("Engagement logging is off: %s", message,
                        exc_info=not isinstance(exc, store_errors.StoreUnavailable))
            self._switch_off(message)
            return
        self._conn = conn
        if moved is not None:
            self._set_status(_moved_aside(moved))
        else:
            self._set_status(RecorderStatus(True, "Recording visits.", kind="recording"))
        self._prune_if_new_day()

    def _switch_off(self, message: str) -> None:
        """A failure that waiting a few seconds will not mend: events are not kept meanwhile."""
        self._set_status(RecorderStatus(False, message, recording=False))
        self._next_try = self._monotonic() + RETRY_SECONDS
        self._busy_tries = 0
        self._pending = []

    def _wait_for_lock(self, exc: BaseException) -> None:
        """Another program holds the database: keep the rows, try again a little later."""
        self._busy_tries += 1
        delay = min(BUSY_FIRST_RETRY * 2 ** min(self._busy_tries - 1, 10), BUSY_MAX_RETRY)
        self._next_try = self._monotonic() + delay
        if self._busy_tries == 1:
            log.warning("Engagement database %s is busy (another program holds it); events are "
                        "kept in memory until it is free", self._db_path)
        self._set_status(RecorderStatus(
            False, store_errors.describe_failure(exc, self._db_path.parent, self._db_path),
            kind="busy"))

    def _take_queue(self) -> None:
        """Move queued events into the pending rows, never more than MAX_QUEUED in all."""
        queue, room, kiosk = self._queue, MAX_QUEUED - len(self._pending), self._kiosk_id
        while queue and room > 0:
            now, kind, visit, clean = queue.popleft()
            self._pending.append(store.event_row(minute_stamp(now), kind, visit, kiosk, clean))
            room -= 1
        if queue and room <= 0:
            self._dropped += len(queue)
            queue.clear()
        if self._dropped:
            dropped, self._dropped = self._dropped, 0
            log.warning("Engagement: %d events dropped because the queue was full", dropped)

    def _write_queued(self, *, last: bool = False) -> None:
        """Write the pending rows; `last`: the kiosk is closing, so a lock is tried once more."""
        self._take_queue()
        if not self._pending:
            return
        waiting = self._monotonic() < self._next_try and not (last and self._busy_tries)
        if self._conn is None and not waiting:
            self._open()
        if self._conn is None or waiting:
            if not self._busy_tries:
                self._pending = []  # logging is off; the status says why
            return
        rows, self._pending = self._pending, []
        try:
            store.insert_events(self._conn, rows)
        except Exception as exc:
            if store_errors.is_busy(exc):
                self._pending = rows + self._pending
                self._wait_for_lock(exc)
                return
            self._handle_write_error(exc, rows)
            return
        if self._busy_tries:
            log.info("Engagement database %s is free again; %d events written", self._db_path,
                     len(rows))
            self._busy_tries, self._next_try = 0, 0.0
            self._set_status(RecorderStatus(True, "Recording visits.", kind="recording"))

    def _handle_write_error(
        self, exc: Exception, rows: list[Row], *, may_retry: bool = True
    ) -> None:
        self._close_conn()
        if may_retry and store_errors.is_damage(exc):
            log.warning("Engagement database became damaged while writing (%s)", exc)
            try:
                moved = store.move_aside(self._db_path, to_local_naive(self._clock()))
            except OSError as move_error:
                exc = move_error
            else:
                self._open()
                if self._conn is None:
                    return
                self._set_status(_moved_aside(moved))
                try:
                    store.insert_events(self._conn, rows)
                except Exception as again:
                    self._handle_write_error(again, rows, may_retry=False)
                return
        message = store_errors.describe_failure(exc, self._db_path.parent, self._db_path)
        log.warning("Engagement logging is off: %s", message)
        self._switch_off(message)

    def _prune_if_new_day(self) -> None:
        if self._conn is None:
            return
        today = to_local_naive(self._clock()).date()
        if today == self._last_prune:
            return
        self._last_prune = today
        try:
            store.prune(self._conn, today - timedelta(days=self._retention_days))
            # Days before yesterday are finished (a day of grace for a clock set back a little):
            # their daily totals are what reports read.
            store.roll_up(self._conn, today - timedelta(days=1))
        except Exception as exc:
            # Pruning can wait for tomorrow; a damaged or unwritable file shows up on next write.
            log.warning("Engagement: old events could not be pruned (%s)", exc)

    def _close_conn(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                log.debug("closing the engagement database failed", exc_info=True)
            self._conn = None

    def _shutdown(self) -> None:
        if self._conn is not None:
            try:
                store.checkpoint(self._conn)
            except Exception:
                log.debug("engagement checkpoint at exit failed", exc_info=True)
        self._close_conn()
