"""The doctor's lines about the program itself: its version, the settings file, the staff PIN
and the last crash."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.doctor.report import FAIL, INFO, MAX_LISTED, OK, WARN, Check
from kiosk.settings import paths
from kiosk.settings.config import Settings, SettingsProblem


def check_version() -> Check:
    root = paths.program_root()
    where = (f"installed bundle in {Path(sys.executable).parent}" if getattr(sys, "frozen", False)
             else f"installed package in {root.parent}" if root.name == paths.SHIPPED_DIR
             else f"from source in {root}")
    return Check(INFO, "version", f"rls-kiosk {__version__}, {where}; Python "
                 f"{platform.python_version()} on {platform.system()} {platform.release()}")


def check_settings(path: Path, problems: list[SettingsProblem]) -> Check:
    if problems:
        return Check(FAIL, "settings", f"{path}: {len(problems)} problem(s); the defaults are "
                     "used for these until the file is fixed",
                     tuple(str(p) for p in problems[:MAX_LISTED]))
    if not path.exists():
        return Check(WARN, "settings", f"no settings file at {path}; every setting is at its "
                     "default (the installer normally writes one)")
    return Check(OK, "settings", f"{path} is valid")


def check_pin(settings: Settings, config_path: Path) -> Check:
    from kiosk.access.pin import PinHashError, check_hash

    if not settings.staff_pin_hash:
        try:
            config_path.open("rb").close()
        except PermissionError:
            return Check(FAIL, "staff PIN", "not checked: this account may not read "
                         f"{config_path} (see the settings line)")
        except OSError:
            pass
        return Check(FAIL, "staff PIN", "not set, so staff cannot open staff mode; run "
                     "`rls-kiosk set-pin`")
    try:
        check_hash(settings.staff_pin_hash)
    except PinHashError as exc:
        return Check(FAIL, "staff PIN", str(exc))
    if sys.platform == "win32":
        from kiosk.doctor.windows import check_pin_file

        return check_pin_file(config_path)
    try:
        everyone_reads = os.name == "posix" and config_path.stat().st_mode & 0o004
    except OSError:
        everyone_reads = False
    if everyone_reads:
        return Check(WARN, "staff PIN", f"set, but {config_path} (which holds its hash) is "
                     "readable by every local account, and a short PIN's hash is cracked in "
                     f"minutes; run `chmod o-rwx {config_path}` (the installer does)")
    return Check(OK, "staff PIN", "set")


def check_last_crash(data: Path) -> Check:
    from kiosk.runtime.crash import last_crash

    report = last_crash(data)
    if report is None:
        return Check(INFO, "last crash", "none recorded")
    return Check(INFO, "last crash", f"{report.when:%Y-%m-%d %H:%M}: {report.summary} (see "
                 f"{paths.crash_log_file(data)})")
