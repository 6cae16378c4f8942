"""The engagement databases of several kiosks under one folder, for `report --db FOLDER`.

A clinic group collects each kiosk's snapshots in one shared folder (Syncthing or a network
share: `share_dir/<kiosk_id>/engagement.sqlite3`). Every `*.sqlite3` beneath the folder is read;
for each kiosk, by the kiosk_id stored in its database, only the newest file (by modification
time, which Syncthing and file copies keep) counts, so an older copy never counts twice.
Syncthing's own folders (`.stversions`, `.stfolder`) and files it is still writing are skipped.
A file that cannot be read costs only itself: it is named, and the rest make the report.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.engagement import store_errors, store_reader
from kiosk.runtime.sync_names import is_arriving, is_sync_folder

DATABASE_PATTERN = "*.sqlite3"


@dataclass(frozen=True)
class FolderScan:
    databases: list[Path] = field(default_factory=list)  # the newest per kiosk, by kiosk id
    older: list[Path] = field(default_factory=list)  # older copies of a kiosk already counted
    problems: list[str] = field(default_factory=list)  # one sentence per unreadable file


def stored_kiosk_id(path: Path) -> str:
    """The kiosk id of the latest event, or of the latest daily total ("" when none is set).

    Raises store_errors.ReadError (one sentence) when the file is not a readable engagement
    database."""
    conn = store_reader.open_for_reading(path)
    try:
        row = conn.execute("SELECT kiosk_id FROM events ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            row = conn.execute(
                "SELECT kiosk_id FROM daily_totals ORDER BY day DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError as exc:
        raise store_errors.ReadError(f"{path} cannot be read ({exc}): it may be damaged.") from None
    finally:
        conn.close()
    return str(row[0]) if row and isinstance(row[0], str) else ""


def _candidates(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob(DATABASE_PATTERN):
        parts = path.relative_to(folder).parts
        if any(is_sync_folder(part) or is_arriving(part) for part in parts):
            continue
        if path.is_file():
            found.append(path)
    return sorted(found)


def newest_per_kiosk(folder: Path) -> FolderScan:
    """Every engagement database beneath `folder`, the newest per kiosk."""
    newest: dict[str, tuple[float, Path]] = {}
    scan = FolderScan()
    for path in _candidates(folder):
        try:
            kiosk = stored_kiosk_id(path)
            modified = path.stat().st_mtime
        except store_errors.ReadError as exc:
            scan.problems.append(str(exc))
            continue
        except OSError as exc:
            scan.problems.append(f"{path} cannot be read ({exc.strerror or exc}).")
            continue
        key = kiosk or f"file:{path}"  # a database without a kiosk id stands for itself
        if key in newest:
            kept_time, kept = newest[key]
            if modified > kept_time:
                newest[key] = (modified, path)
                scan.older.append(kept)
            else:
                scan.older.append(path)
        else:
            newest[key] = (modified, path)
    scan.databases.extend(sorted(path for _, path in newest.values()))
    return scan
