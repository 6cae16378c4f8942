"""What can go wrong with an engagement database, told apart (damaged, busy, not writable), with
the one sentence staff read for each."""

from __future__ import annotations

import errno
from pathlib import Path

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


class ReadError(Exception):
    """A database given to a report cannot be read; the message is one sentence for the user."""


def read_failure(path: Path, exc: BaseException) -> ReadError:
    """The sentence for a database a report cannot read: damaged, or why not."""
    if is_damage(exc):
        return ReadError(f"{path} is damaged or not a database: check the file.")
    return ReadError(f"Cannot read {path} ({exc}): check the file and its permissions.")
