"""One kiosk per machine: a lock file in the data folder, held while the kiosk runs.

Two kiosks on one screen would fight over it and write the same database. QLockFile notices a
lock left by a kiosk that crashed (its process is gone) and takes it over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

from kiosk.settings import paths

log = logging.getLogger(__name__)


class AlreadyRunning(Exception):
    """Another kiosk holds the lock; the message is one sentence for the person starting it."""


def hold_instance_lock(data_dir: Path) -> QLockFile | None:
    """Take the lock, or raise AlreadyRunning. Returns the lock to keep alive (None when the
    data folder cannot hold a lock file: the kiosk still starts, with a warning)."""
    path = paths.instance_lock_file(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("Cannot make the data folder %s (%s); starting without the one-kiosk lock",
                    path.parent, exc.strerror or exc)
        return None
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # never age out a live kiosk's lock; a dead one's is detected
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()
        who = f" (process {info[0]})" if isinstance(info, tuple) and info and info[0] else ""
        raise AlreadyRunning(f"another kiosk is already running on this computer{who}; close "
                             f"it first, or delete {path} if you are sure none is running.")
    log.warning("Cannot write the lock file %s; starting without the one-kiosk lock", path)
    return None
