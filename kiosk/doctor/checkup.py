"""`rls-kiosk doctor`: one readable report for whoever installs or looks after a kiosk PC.

Each line is OK, WARN (works, but look at it), FAIL (the kiosk is not ready) or INFO. The exit
code is 1 when any line is FAIL, so scripts and remote checks can rely on it.

The doctor only reads: it never creates the data folder or writes logs there, because it is
often run as root or an administrator, and a file it made could lock the kiosk account out.
This module runs every check in the report's order; the checks live beside it, by what they
look at: system (program, settings, PIN, crashes), content, data, display, windows.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from kiosk.doctor.content import check_content_changed, checked_content, content_checks
from kiosk.doctor.data import check_data, check_share
from kiosk.doctor.display import qt_checks
from kiosk.doctor.report import FAIL, Check, write_report
from kiosk.doctor.system import check_last_crash, check_pin, check_settings, check_version
from kiosk.settings import paths
from kiosk.settings.config import load_settings


def run_doctor(*, config: str | None, data_dir: str | None, content: str | None,
               out: TextIO | None = None) -> int:
    checks = gather(config=config, data_dir=data_dir, content=content)
    write_report(checks, out or sys.stdout)
    return 1 if any(check.status == FAIL for check in checks) else 0


def gather(*, config: str | None, data_dir: str | None, content: str | None) -> list[Check]:
    config_path = paths.config_file(config)
    settings, problems = load_settings(config_path)
    data = paths.resolve_data_dir(data_dir, settings.data_dir)
    content_dir = Path(content or settings.content_dir or paths.shipped_content_dir())
    library = checked_content(content_dir, None)
    checks = [check_version(), check_settings(config_path, problems),
              check_pin(settings, config_path),
              *content_checks(content_dir, library=library), check_content_changed(content_dir),
              check_data(data), check_share(settings)]
    if sys.platform == "win32":
        from kiosk.doctor.windows import windows_checks

        checks += windows_checks()
    checks += qt_checks(tuple(library.languages))
    checks.append(check_last_crash(data))
    return checks
