"""The engagement database's schema: its columns, the migrations from version 0, and the
version kept in `PRAGMA user_version`.

A new file is built by running every migration from version 0, so the upgrade path is the path
every kiosk takes and the tests exercise it. No Qt here: only SQL.
"""

from __future__ import annotations

import logging
import sqlite3

from kiosk.engagement.store_errors import StoreUnavailable

log = logging.getLogger(__name__)

# Columns every event row has besides the allowed fields (see events.FIELD_COLUMNS).
# `ts` is local wall-clock time to the minute, "YYYY-MM-DDTHH:MM"; reports are about clinic hours.
BASE_COLUMNS = ("id", "ts", "kind", "visit_id", "kiosk_id")

# Version 1: raw events only. Version 2: kiosk_id (set by staff, for merging several kiosks),
# staff_login's `ok`, the daily totals that outlive pruned events, and an index by kind and day.
# Version 3: finished days are folded into the daily totals early (reports read those instead of
# a year of raw events); `rollup_state` is the watermark of what is folded in (see store.rolled_up).
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
