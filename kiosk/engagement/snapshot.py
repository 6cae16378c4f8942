"""A consistent copy of the engagement database for the clinic group's shared report folder.

With `share_dir` and `kiosk_id` set, the kiosk writes `share_dir/<kiosk_id>/engagement.sqlite3`
once a day (and when staff ask). The copy is made with SQLite's backup API from the live
database (never a file copy, which could catch it half-written), first into the kiosk's own
data folder, then copied to the share under a temporary name and renamed over the last one:
the share only ever holds the newest, whole snapshot, and a hub running `report --db FOLDER`
never reads half a file. The snapshot holds exactly what the database holds (the same anonymous
allow-list of events), nothing more.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.settings.paths import DB_FILENAME

log = logging.getLogger(__name__)

EVERY = timedelta(days=1)
PARTIAL_SUFFIX = ".partial"  # not *.sqlite3: a report never reads a snapshot being written


@dataclass(frozen=True)
class SnapshotResult:
    ok: bool
    message: str  # one sentence for staff and the log
    path: Path | None = None
    written: datetime | None = None


def snapshot_path(share_dir: Path, kiosk_id: str) -> Path:
    return share_dir / kiosk_id / DB_FILENAME


def last_snapshot(share_dir: Path, kiosk_id: str) -> datetime | None:
    """When this kiosk's snapshot in the share was last written; None when there is none (or
    the share cannot be reached)."""
    try:
        return datetime.fromtimestamp(snapshot_path(share_dir, kiosk_id).stat().st_mtime)
    except OSError:
        return None


def snapshot_due(last: datetime | None, now: datetime) -> bool:
    return last is None or now - last >= EVERY


def _backup(database: Path, target: Path) -> None:
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            # One self-contained file: a reader at the hub leaves no -wal or -shm beside it
            # for Syncthing to carry around.
            copy.execute("PRAGMA journal_mode=DELETE")
            # The hub's report reads every kiosk's totals grouped this way; the index lets
            # SQLite walk them in order instead of sorting (docs/PERFORMANCE.md, section 6).
            copy.execute("CREATE INDEX IF NOT EXISTS daily_totals_report "
                         "ON daily_totals (kiosk_id, metric, key, num, count)")
        finally:
            copy.close()
    finally:
        source.close()


def write_snapshot(database: Path, share_dir: Path, kiosk_id: str) -> SnapshotResult:
    """Write this kiosk's snapshot into the share; never raises (the result says what went
    wrong, in one sentence)."""
    if not kiosk_id:
        return SnapshotResult(False, "No snapshot: set kiosk_id in the settings file, so the "
                              "report can tell this kiosk from the others.")
    if not database.is_file():
        return SnapshotResult(False, "No snapshot yet: no visits have been recorded.")
    if not share_dir.is_dir():
        return SnapshotResult(False, f"No snapshot: the shared folder {share_dir} cannot be "
                              "reached (is the share or Syncthing folder there?). The kiosk "
                              "tries again later.")
    target = snapshot_path(share_dir, kiosk_id)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        with tempfile.TemporaryDirectory(prefix="snapshot-", dir=database.parent) as staging:
            staged = Path(staging) / DB_FILENAME
            _backup(database, staged)
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(staged, partial)
            os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        log.warning("Snapshot to %s failed: %s", target, exc)
        return SnapshotResult(False, f"No snapshot: {target} could not be written ({exc}). "
                              "The kiosk tries again later.")
    written = last_snapshot(share_dir, kiosk_id)
    log.info("Snapshot of the visits written to %s", target)
    return SnapshotResult(True, f"Snapshot written to {target}.", target, written)
