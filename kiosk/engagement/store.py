"""The engagement database as the kiosk writes it: opening with damage handling, writing
batches of events, rolling finished days up into daily totals, retention.

One SQLite file in the data folder, in WAL mode with `synchronous=FULL`: each batch the writer
commits is on disk before the next one starts, and a power cut or a killed process loses at most
the batch being written, never the file. The schema and its migrations are in schema.py, what
can go wrong in store_errors.py, reading for a report in store_reader.py.

No Qt here, and nothing that knows about screens: only SQL and files.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.engagement import rollup
from kiosk.engagement.events import FIELD_COLUMNS
from kiosk.engagement.schema import migrate
from kiosk.engagement.store_errors import (
    StoreDamaged,
    StoreUnavailable,
    describe_failure,
    is_damage,
)

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 5.0


def connect(
    path: Path | str, *, uri: bool = False, busy_timeout: float = BUSY_TIMEOUT_S
) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a batch is one transaction.
    return sqlite3.connect(
        path, timeout=busy_timeout, isolation_level=None, uri=uri, check_same_thread=False
    )


def _open_checked(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn = connect(path, busy_timeout=busy_timeout)
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            raise StoreDamaged(f"quick_check reported {len(result)} problem(s)")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def damaged_name(path: Path, stamp: datetime) -> Path:
    """Where a damaged database is moved: beside it, with the time in its name."""
    base = f"{path.stem}.damaged-{stamp:%Y%m%d-%H%M%S}"
    candidate = path.with_name(base + path.suffix)
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{base}-{n}{path.suffix}")
        n += 1
    return candidate


def move_aside(path: Path, stamp: datetime) -> Path:
    """Rename a damaged database (and its WAL) out of the way; returns the new name."""
    target = damaged_name(path, stamp)
    os.replace(path, target)
    wal = Path(f"{path}-wal")
    if wal.exists():
        os.replace(wal, Path(f"{target}-wal"))
    Path(f"{path}-shm").unlink(missing_ok=True)  # only an index of the WAL; rebuilt on open
    return target


def open_store(
    path: Path, stamp: datetime, *, busy_timeout: float = BUSY_TIMEOUT_S
) -> tuple[sqlite3.Connection, Path | None]:
    """Open (or create) the database for writing; a lock held elsewhere is waited for up to
    `busy_timeout` seconds.

    Returns the connection and, if the old file was damaged, where it was moved. Raises
    StoreUnavailable (with a sentence for staff, caused by the original error) when the folder
    cannot be used now.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            return _open_checked(path, busy_timeout), None
        except (sqlite3.DatabaseError, StoreDamaged) as exc:
            if not is_damage(exc):
                raise
            log.warning("Engagement database %s is damaged (%s)", path, exc)
        moved = move_aside(path, stamp)
        log.warning("Damaged engagement database moved aside to %s; starting a new one", moved)
        return _open_checked(path, busy_timeout), moved
    except StoreUnavailable:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise StoreUnavailable(describe_failure(exc, folder, path)) from exc


INSERT_COLUMNS = ("ts", "kind", "visit_id", "kiosk_id", *FIELD_COLUMNS)


def event_row(
    ts: str, kind: str, visit_id: str | None, kiosk_id: str, fields: dict[str, Any]
) -> tuple[Any, ...]:
    """One row for insert_events, in INSERT_COLUMNS order (missing fields are NULL)."""
    return (ts, kind, visit_id, kiosk_id, *map(fields.get, FIELD_COLUMNS))


def insert_events(
    conn: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    columns: Sequence[str] = INSERT_COLUMNS,
) -> None:
    """Write one batch of event rows in a single transaction."""
    sql = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def add_totals(conn: sqlite3.Connection, totals: Iterable[rollup.Total]) -> None:
    conn.executemany(
        "INSERT INTO daily_totals (day, kiosk_id, metric, key, num, count) "
        "VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (day, kiosk_id, metric, key, num) "
        "DO UPDATE SET count = count + excluded.count",
        totals,
    )


def rolled_up(conn: sqlite3.Connection) -> tuple[str, int]:
    """The roll-up watermark `(until, last_id)`: raw events from days before `until` with
    `id <= last_id` are counted in `daily_totals`; every other raw event is not."""
    row = conn.execute("SELECT until, last_id FROM rollup_state").fetchone()
    if row is None:
        return "", 0
    until, last_id = row
    if not isinstance(until, str) or isinstance(last_id, bool) or not isinstance(last_id, int):
        raise StoreDamaged("the roll-up watermark (table rollup_state) is damaged")
    return until, last_id


def _roll_up(conn: sqlite3.Connection, cutoff: str) -> None:
    """Fold every raw event from days before `cutoff` that is not folded in yet (inside the
    caller's transaction, so no event is written meanwhile)."""
    rolled = rolled_up(conn)
    until = max(rolled[0], cutoff)
    add_totals(conn, list(rollup.not_rolled_up(conn, None, until, rolled)))
    last_id = conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    conn.execute("UPDATE rollup_state SET until = ?, last_id = ?",
                 (until, max(last_id, rolled[1])))


def roll_up(conn: sqlite3.Connection, before: date) -> None:
    """Fold the raw events of the days before `before` into daily totals, keeping the events
    (the kiosk does this for each finished day, so reports need not read them again)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        _roll_up(conn, before.isoformat())
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def prune(conn: sqlite3.Connection, before: date) -> int:
    """Fold raw events from days before `before` into daily totals, then delete them.

    Both happen in one transaction, so an event is either raw or counted in a total, never both
    and never neither. Returns how many raw events were removed.
    """
    cutoff = before.isoformat()
    conn.execute("BEGIN IMMEDIATE")
    try:
        _roll_up(conn, cutoff)
        deleted = conn.execute("DELETE FROM events WHERE ts < ?", (cutoff,)).rowcount
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if deleted:
        log.info("Engagement: %d raw events before %s folded into daily totals", deleted, cutoff)
    return deleted


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy the WAL into the main file so the database is one self-contained file again."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
