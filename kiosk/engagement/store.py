"""The engagement database: schema, migrations, opening with damage handling, retention.

One SQLite file in the data folder, in WAL mode with `synchronous=FULL`: each batch the writer
commits is on disk before the next one starts, and a power cut or a killed process loses at most
the batch being written, never the file. The schema version lives in `PRAGMA user_version`; a new
file is built by running every migration from version 0, so the upgrade path is the path every
kiosk takes and the tests exercise it.

No Qt here, and nothing that knows about screens: only SQL and files.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.engagement import rollup
from kiosk.engagement.events import FIELD_COLUMNS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 5.0

# Columns every event row has besides the allowed fields (see events.FIELD_COLUMNS).
# `ts` is local wall-clock time to the minute, "YYYY-MM-DDTHH:MM"; reports are about clinic hours.
BASE_COLUMNS = ("id", "ts", "kind", "visit_id", "kiosk_id")

# Version 1: raw events only. Version 2: kiosk_id (set by staff, for merging several kiosks),
# staff_login's `ok`, the daily totals that outlive pruned events, and an index by kind and day.
# Version 3: finished days are folded into the daily totals early (reports read those instead of
# a year of raw events); `rollup_state` is the watermark of what is folded in (see rolled_up).
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            kind TEXT NOT NULL,
            visit_id TEXT,
            language TEXT, text_size TEXT, theme TEXT, screen TEXT, section TEXT, page TEXT,
            question TEXT, setting TEXT, value TEXT, reason TEXT,
            seconds INTEGER, questions INTEGER, score INTEGER, total INTEGER, answered INTEGER,
            correct INTEGER
        )""",
        "CREATE INDEX events_ts ON events (ts)",
    ),
    (
        "ALTER TABLE events ADD COLUMN kiosk_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE events ADD COLUMN ok INTEGER",
        "DROP INDEX events_ts",
        "CREATE INDEX events_kind_ts ON events (kind, ts)",
        """CREATE TABLE daily_totals (
            day TEXT NOT NULL,
            kiosk_id TEXT NOT NULL,
            metric TEXT NOT NULL,
            key TEXT NOT NULL,
            num INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (day, kiosk_id, metric, key, num)
        ) WITHOUT ROWID""",
    ),
    (
        """CREATE TABLE rollup_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            until TEXT NOT NULL,
            last_id INTEGER NOT NULL
        )""",
        "INSERT INTO rollup_state (id, until, last_id) VALUES (1, '', 0)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# Primary SQLite result codes (the low byte of sqlite_errorcode).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 3, 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


class StoreDamaged(Exception):
    """The file is not a readable SQLite database or fails its integrity check."""


class StoreUnavailable(Exception):
    """The database cannot be written (read-only or full folder, newer schema, ...).

    The message is one sentence a member of staff can act on.
    """


def is_damage(exc: BaseException) -> bool:
    """True for errors that mean the file itself is broken, so moving it aside helps."""
    if isinstance(exc, StoreDamaged):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def is_busy(exc: BaseException | None) -> bool:
    """True when another connection holds the database: waiting helps, nothing is broken."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (_SQLITE_BUSY, _SQLITE_LOCKED)


def _is(check: str, path: Path) -> bool:
    try:
        return bool(getattr(path, check)())
    except OSError:
        return False


def describe_failure(exc: BaseException, folder: Path, database: Path | None = None) -> str:
    """One sentence for staff about why the data folder (or `database` in it) cannot be used.

    The paths are looked at first: SQLite calls a database that is a folder "unable to open"
    and a data folder that is a file "read-only" or worse."""
    if isinstance(exc, StoreUnavailable):
        return str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    err = getattr(exc, "errno", None)
    if is_busy(exc):
        return (
            f"The database {database or folder} is busy: another program is using it. Visits "
            "are kept in memory and written as soon as it is free."
        )
    if primary == _SQLITE_FULL or err in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"Data folder {folder} is full: logging is off until space is freed."
    blocker = next((p for p in (folder, *folder.parents) if _is("is_file", p)), None)
    if blocker is not None:
        where = f"Data folder {folder}" if blocker == folder else (
            f"Data folder {folder} cannot be made: {blocker}")
        return (
            f"{where} is a file, not a folder: logging is off until clinic IT moves that file "
            "away."
        )
    if database is not None and _is("is_dir", database):
        return (
            f"The database {database} is a folder, not a file: logging is off until clinic IT "
            "moves that folder away."
        )
    if primary in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN) or err in (
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
    ):
        return (
            f"Data folder {folder} is read-only: logging is off until the kiosk account "
            "may write there."
        )
    return (
        f"Cannot write to data folder {folder} ({exc}): logging is off; "
        "check that the disk works and has space."
    )


def _connect(
    path: Path | str, *, uri: bool = False, busy_timeout: float = BUSY_TIMEOUT_S
) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a batch is one transaction.
    return sqlite3.connect(
        path, timeout=busy_timeout, isolation_level=None, uri=uri, check_same_thread=False
    )


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION, one version per transaction."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreUnavailable(
            f"The engagement database has schema version {version}, newer than this kiosk "
            f"software understands ({SCHEMA_VERSION}): update the kiosk software."
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[target - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        log.info("Engagement database migrated to schema version %d", target)


def _open_checked(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn = _connect(path, busy_timeout=busy_timeout)
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


class ReadError(Exception):
    """A database given to a report cannot be read; the message is one sentence for the user."""


def open_for_reading(path: Path) -> sqlite3.Connection:
    """Open a database read-only for a report, upgrading an older schema in memory.

    The file itself is never changed: it may be a copy from another kiosk, on a read-only share,
    or in use by a running kiosk (WAL lets us read alongside the writer).
    """
    if not path.is_file():
        raise ReadError(f"No engagement database at {path}: check the path.")
    base = path.resolve().as_uri()
    conn: sqlite3.Connection | None = None
    try:
        try:
            conn = _connect(base + "?mode=ro", uri=True)
            version = user_version(conn)
        except sqlite3.OperationalError:
            # A WAL database in a folder we cannot write may refuse a normal read-only open.
            if conn is not None:
                conn.close()
            conn = _connect(base + "?immutable=1", uri=True)
            version = user_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "events" not in tables:
            raise ReadError(f"{path} is not a kiosk engagement database: check the path.")
        if version > SCHEMA_VERSION:
            raise ReadError(
                f"{path} was written by newer kiosk software (schema {version}): "
                "update this copy of the kiosk software to read it."
            )
        if version < SCHEMA_VERSION:
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.backup(memory)
            conn.close()
            conn = memory
            migrate(conn)
        return conn
    except ReadError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise read_failure(path, exc) from exc


def read_failure(path: Path, exc: BaseException) -> ReadError:
    """The sentence for a database a report cannot read: damaged, or why not."""
    if is_damage(exc):
        return ReadError(f"{path} is damaged or not a database: check the file.")
    return ReadError(f"Cannot read {path} ({exc}): check the file and its permissions.")
