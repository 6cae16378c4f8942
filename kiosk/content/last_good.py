"""The content last shown, kept on the PC: what the kiosk starts on when its folder cannot be
read at start.

A clinic's content often lives on a network share or a synced folder. When that is away at
start (a file server rebooting at 7 am), the kiosk would otherwise start on the content it was
shipped with: the example clinic's name and phone number on a real clinic's screen. So after
every load that shows something, the folder is copied into the data folder
(`paths.last_good_content_dir`), whole or not at all: into a fresh folder first, which then
replaces the old copy. Only what the loader reads is copied (Markdown, site.toml, pictures), and
no more than `MAX_BYTES`. A copy that cannot be written (a full or read-only disk) is logged and
changes nothing on screen. No Qt here.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
from datetime import datetime
from pathlib import Path

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.runtime.sync_names import is_arriving, is_sync_folder

log = logging.getLogger(__name__)
COPIED_SUFFIXES = {".md", ".toml", ".svg", ".png", ".jpg", ".jpeg"}
MAX_BYTES = 200 * 1024 * 1024  # a content folder is a few MB; a bigger one is not copied
MAX_FILES = 5_000
_writing = threading.Lock()  # the start-up copy and a reload's copy never write at once


def keep(content_dir: Path, store: Path) -> bool:
    """Copy the files the loader reads from `content_dir` into `store`, replacing the copy there
    as a whole. False (and logged) when it could not be written."""
    with _writing:
        return _keep(content_dir, store)


def _keep(content_dir: Path, store: Path) -> bool:
    try:
        files = _content_files(content_dir)
    except OSError as exc:  # the folder went away while it was listed
        log.warning("Could not list %s to keep a copy of it (%s)", content_dir, exc)
        return False
    if files is None:
        log.warning("The content folder %s is too large to keep a copy of (more than %d files "
                    "or %d MB); the kiosk starts on the shipped content if the folder is away",
                    content_dir, MAX_FILES, MAX_BYTES // (1024 * 1024))
        return False
    fresh = store.with_name(store.name + ".new")
    old = store.with_name(store.name + ".old")
    try:
        for leftover in (fresh, old):
            if leftover.exists():
                shutil.rmtree(leftover)
        for relative in files:
            target = fresh / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content_dir / relative, target)
        if store.exists():
            os.replace(store, old)
        os.replace(fresh, store)
        if old.exists():
            shutil.rmtree(old)
    except OSError as exc:
        log.warning("Could not keep a copy of the content in %s (%s); the content on screen is "
                    "unchanged. Check the data folder's free space and permissions.", store,
                    exc.strerror or exc)
        shutil.rmtree(fresh, ignore_errors=True)
        return False
    return True


def _content_files(root: Path) -> list[Path] | None:
    """The files under `root` the loader may read, relative to it; None when over the limits."""
    found: list[Path] = []
    total = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not is_sync_folder(d) and not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if (path.suffix.lower() not in COPIED_SUFFIXES or is_arriving(name)
                    or not path.is_file() or path.is_symlink()):
                continue
            total += path.stat().st_size
            found.append(path.relative_to(root))
            if len(found) > MAX_FILES or total > MAX_BYTES:
                return None
    return found


def load_kept(store: Path) -> tuple[Library, datetime] | None:
    """The kept copy's content and when it was kept, or None when there is none that shows
    anything."""
    if not store.is_dir():
        return None
    library = load_library(store)
    if library.is_empty:
        return None
    return library, datetime.fromtimestamp(store.stat().st_mtime)
