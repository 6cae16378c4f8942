"""Opening an engagement database read-only for a report: this kiosk's, or another's copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.engagement.schema import SCHEMA_VERSION, migrate, user_version
from kiosk.engagement.store import connect
from kiosk.engagement.store_errors import ReadError, read_failure


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
            conn = connect(base + "?mode=ro", uri=True)
            version = user_version(conn)
        except sqlite3.OperationalError:
            # A WAL database in a folder we cannot write may refuse a normal read-only open.
            if conn is not None:
                conn.close()
            conn = connect(base + "?immutable=1", uri=True)
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
