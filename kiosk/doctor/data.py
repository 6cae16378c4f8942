"""The doctor's lines about where the kiosk keeps its records: the data folder (writable, free
space) and the clinic group's shared report folder."""

from __future__ import annotations

import getpass
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.doctor.report import FAIL, INFO, OK, WARN, Check
from kiosk.settings.config import Settings

# Free space in the data folder: a year of visits is a few MB, logs are capped at a few MB,
# so under LOW_SPACE something else is filling the disk; under FULL the kiosk cannot record.
FULL_BYTES = 20 * 1024 * 1024
LOW_SPACE_BYTES = 200 * 1024 * 1024


def _free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def check_data(folder: Path, *, free_bytes: Callable[[Path], int] = _free_bytes) -> Check:
    who = _user()
    if not folder.is_dir():
        base = next((p for p in folder.parents if p.exists()), None)
        if base is not None and base.is_dir() and os.access(base, os.W_OK | os.X_OK):
            return Check(WARN, "data folder", f"{folder} does not exist yet; the kiosk creates "
                         f"it when it first starts ({base} can be written, checked as {who})")
        return Check(FAIL, "data folder", f"{folder} does not exist and cannot be made in "
                     f"{base}; the installer creates it (or create it and let the kiosk "
                     "account write to it)")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
        free = free_bytes(folder)
    except OSError as exc:
        return Check(FAIL, "data folder", f"{folder} cannot be written by {who} "
                     f"({exc.strerror or exc}); the kiosk account must be allowed to change it")
    space = f"{free / 1024 / 1024:,.0f} MB free"
    if free < FULL_BYTES:
        return Check(FAIL, "data folder", f"{folder} is (almost) full: {space}; visits cannot "
                     "be recorded. Free space on that disk")
    if free < LOW_SPACE_BYTES:
        return Check(WARN, "data folder", f"{folder} is writable but low on space: {space} "
                     f"(under {LOW_SPACE_BYTES // 1024 // 1024} MB); free space on that disk")
    return Check(OK, "data folder", f"{folder} is writable (checked as {who}), {space}")


def check_share(settings: Settings, now: datetime | None = None) -> Check:
    """The clinic group's shared report folder: needs kiosk_id; when was the last snapshot."""
    from kiosk.engagement.snapshot import EVERY, last_snapshot

    if not settings.share_dir:
        return Check(INFO, "shared reports", "share_dir not set: this kiosk's visits stay on "
                     "this PC (see INSTALL.md, Several kiosks)")
    share = Path(settings.share_dir)
    if not settings.kiosk_id:
        return Check(FAIL, "shared reports", f"share_dir is {share} but kiosk_id is not set, so "
                     "no snapshot can be written: set kiosk_id (e.g. \"lobby-1\") in the "
                     "settings file")
    if not share.is_dir():
        return Check(WARN, "shared reports", f"{share} cannot be reached; the kiosk keeps "
                     "trying once a day. Check the network share or the Syncthing folder")
    last = last_snapshot(share, settings.kiosk_id)
    if last is None:
        return Check(INFO, "shared reports", f"no snapshot in {share} yet; the kiosk writes "
                     "one within a day of starting")
    old = (now or datetime.now()) - last > 2 * EVERY
    return Check(WARN if old else OK, "shared reports",
                 f"last snapshot written {last:%Y-%m-%d %H:%M} to {share / settings.kiosk_id}")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "this account"
