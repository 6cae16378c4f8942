"""Doctor lines for Windows only: the logon task setup creates and the account it runs as.

Setup (packaging/windows/rls-kiosk.iss) creates the Task Scheduler task "RLS kiosk", which runs
`rls-kiosk-w.exe supervise` when the kiosk account logs on. Without the task, or with a task for
an account that does not exist, the kiosk never starts by itself. The commands are run through
an injected runner, so the checks are tested on any system.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

from kiosk.doctor import FAIL, INFO, OK, WARN, Check

TASK_NAME = "RLS kiosk"  # the same name as TaskName in packaging/windows/rls-kiosk.iss

Runner = Callable[[list[str]], tuple[int, str]]
"""Runs a command; returns its exit code and its output (stdout and stderr)."""

_USER_ID_RE = re.compile(r"<UserId>\s*([^<]+?)\s*</UserId>")


def run_command(command: list[str]) -> tuple[int, str]:
    """Run a Windows command without a console window popping up; (exit code, output)."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        result = subprocess.run(command, capture_output=True, text=True, errors="replace",
                                timeout=30, creationflags=flags, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return -1, str(exc)
    return result.returncode, result.stdout + result.stderr


def windows_checks(run: Runner = run_command) -> list[Check]:
    task, account = check_logon_task(run)
    return [task, check_kiosk_account(account, run)]


def check_logon_task(run: Runner) -> tuple[Check, str | None]:
    """The logon task, and the account it starts the kiosk for (None when there is no task)."""
    # The task's XML names the account the same way in every Windows language.
    code, output = run(["schtasks", "/Query", "/TN", TASK_NAME, "/XML"])
    if code != 0 or "<Task" not in output:  # (wine's schtasks answers 0 with nothing)
        return Check(WARN, "logon task", f'no task "{TASK_NAME}" (schtasks exit code {code}), so '
                     "the kiosk will not start by itself when the kiosk account logs on; run "
                     "setup again with \"Start the kiosk when the kiosk account logs on\" ticked "
                     "(fine where Shell Launcher starts the kiosk instead)"), None
    found = _USER_ID_RE.search(output)
    account = found.group(1) if found else None
    runs_as = f"when {account} logs on" if account else "for no named account"
    return Check(OK, "logon task", f'"{TASK_NAME}" starts rls-kiosk-w.exe supervise {runs_as}'), \
        account


def check_kiosk_account(account: str | None, run: Runner) -> Check:
    """Whether the account the logon task runs as exists on this PC."""
    if account is None:
        return Check(INFO, "kiosk account", "not checked: no logon task names one")
    if account.upper().startswith("S-1-"):
        return Check(INFO, "kiosk account", f"the logon task names the account by its SID "
                     f"{account}; check it in Computer Management > Local Users and Groups")
    name = account.rsplit("\\", 1)[-1]
    code, _ = run(["net", "user", name])
    if code != 0:
        return Check(FAIL, "kiosk account", f'the logon task runs as "{account}", but there is '
                     f'no local account "{name}" (net user exit code {code}): create it '
                     "(INSTALL.md, Windows step 1) or run setup again with the right name")
    return Check(OK, "kiosk account", f'"{name}" exists')
