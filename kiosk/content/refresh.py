"""Reloading content while the kiosk runs, without Qt: has the folder changed, and read it again.

The Qt side (kiosk/ui/machine/content_watch.py) decides *when*; this module does the work, in a
background thread, so a slow network share never freezes the screen.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.runtime.logs import FILE_ONLY
from kiosk.runtime.sync_names import is_sync_folder

log = logging.getLogger(__name__)
Fingerprint = tuple[tuple[str, int, int], ...]
MAX_ENTRIES = 20_000  # a content folder has dozens of files; stop counting somewhere sane


def fingerprint(root: Path) -> Fingerprint:
    """Every file and folder under `root` with its size and modification time.

    Two equal fingerprints mean nothing a staff member could have saved has changed. An
    unreadable or missing folder gives an empty fingerprint (and loading then reports why).
    Syncthing's own folders (.stfolder, .stversions) are not content and are left out; the
    files it is still writing are counted, so a folder mid-sync does not look settled.
    """
    entries: list[tuple[str, int, int]] = []
    for folder, dirs, files in os.walk(root, onerror=lambda _exc: None):
        dirs[:] = sorted(d for d in dirs if not is_sync_folder(d))
        for name in sorted(files) + dirs:
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            entries.append((os.path.relpath(path, root), info.st_size, info.st_mtime_ns))
            if len(entries) >= MAX_ENTRIES:
                return tuple(entries)
    return tuple(entries)


def in_background(job: Callable[[], object]) -> None:
    """Run a content read in a daemon thread: a hung network share must never hold up the
    screen or the kiosk's exit."""
    threading.Thread(target=job, name="content-reload", daemon=True).start()


def load_in_time(root: Path, seconds: float, *,
                 load: Callable[[Path], Library] = load_library,
                 ) -> tuple[Fingerprint, Library] | None:
    """`root`'s fingerprint and content, read in a daemon thread; None when that took longer
    than `seconds` or failed (logged). A hung network share or a folder the loader has never
    seen the like of must not keep the kiosk from starting: the thread is left to finish or
    hang on its own."""
    result: list[tuple[Fingerprint, Library]] = []
    done = threading.Event()

    def job() -> None:
        try:
            result.append((fingerprint(root), load(root)))
        except Exception:
            log.error("Reading the content folder %s failed", root, exc_info=True,
                      extra=FILE_ONLY)
        finally:
            done.set()

    in_background(job)
    done.wait(seconds)
    return result[0] if result else None


def load_checked(root: Path, today: date, *, reading_level: bool = False) -> Library:
    """Load `root` and run every check `rls-kiosk validate` runs; reading level only when
    asked (validate asks, the running kiosk never does)."""
    from kiosk.content.checks.validate import with_checks  # not needed for the first frame

    return with_checks(load_library(root), today, reading_level=reading_level)
