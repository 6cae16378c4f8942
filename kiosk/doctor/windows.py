"""Doctor lines for Windows only: the logon task setup creates, the account it runs as, and who
may read the settings file that holds the staff PIN's hash.

Setup (packaging/windows/rls-kiosk.iss) creates the Task Scheduler task "RLS kiosk", which runs
`rls-kiosk-w.exe supervise` when the kiosk account logs on. Without the task, or with a task for
an account that does not exist, the kiosk never starts by itself. The commands are run through
an injected runner, so the checks are tested on any system. Setup also gives the data folder to
the kiosk account, Administrators and SYSTEM only; the settings file's access list is read as
SDDL (well-known groups by the same short names in every Windows language) through an
injected reader, so that check too is tested with canned lists.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.doctor.report import FAIL, INFO, OK, WARN, Check

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


DaclReader = Callable[[Path], str]
"""Returns a file's access list (DACL) as SDDL, e.g. ``D:PAI(A;OICI;FA;;;SY)(A;;FR;;;BU)``;
raises OSError when it cannot be read."""

# The groups every local account belongs to, by SDDL alias and by SID.
EVERY_ACCOUNT_GROUPS = {"WD": "Everyone", "S-1-1-0": "Everyone",
                        "AU": "Authenticated Users", "S-1-5-11": "Authenticated Users",
                        "BU": "Users", "S-1-5-32-545": "Users",
                        "IU": "INTERACTIVE", "S-1-5-4": "INTERACTIVE"}
# SDDL's two-letter access rights (those a file's ACE can hold), as access mask bits.
_RIGHTS = {"GA": 0x10000000, "GX": 0x20000000, "GW": 0x40000000, "GR": 0x80000000,
           "FA": 0x1F01FF, "FR": 0x120089, "FW": 0x120116, "FX": 0x1200A0,
           "CC": 0x1, "DC": 0x2, "LC": 0x4, "SW": 0x8, "RP": 0x10, "WP": 0x20, "DT": 0x40,
           "LO": 0x80, "CR": 0x100, "SD": 0x10000, "RC": 0x20000, "WD": 0x40000, "WO": 0x80000}
_READ_DATA = 0x1 | _RIGHTS["GR"] | _RIGHTS["GA"]  # FILE_READ_DATA, GENERIC_READ, GENERIC_ALL
_ACE_RE = re.compile(r"\((A|D);([A-Z]*);([^;()]*);[^;()]*;[^;()]*;([^;()]+)\)")


def _access_mask(rights: str) -> int:
    if rights[:1].isdigit():
        return int(rights, 0)
    return sum(_RIGHTS.get(rights[i:i + 2], 0) for i in range(0, len(rights), 2))


def every_account_readers(sddl: str) -> list[str]:
    """The groups of every local account that may read the file's data, by this access list.

    ACEs count in order, so a deny before an allow wins, as Windows checks them; inherit-only
    ACEs (IO) are for the folder's children, not for the object itself. No access list at all
    (NO_ACCESS_CONTROL) lets everyone in.
    """
    if "NO_ACCESS_CONTROL" in sddl:
        return ["Everyone"]
    allowed: dict[str, bool] = {}
    for kind, flags, rights, sid in _ACE_RE.findall(sddl):
        group = EVERY_ACCOUNT_GROUPS.get(sid.upper())
        if group is None or "IO" in (flags[i:i + 2] for i in range(0, len(flags), 2)):
            continue
        if _access_mask(rights) & _READ_DATA:
            allowed.setdefault(group, kind == "A")
    return [group for group, may in allowed.items() if may]


def file_dacl(path: Path) -> str:
    """The access list (DACL) of a file or folder as SDDL, from Windows itself."""
    import ctypes
    from ctypes import wintypes

    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]  # Windows-only in typeshed; CI checks on Linux
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]  # Windows-only in typeshed; CI checks on Linux
    get_info = advapi32.GetNamedSecurityInfoW
    get_info.argtypes = [wintypes.LPCWSTR, ctypes.c_int, wintypes.DWORD, ctypes.c_void_p,
                         ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                         ctypes.POINTER(ctypes.c_void_p)]
    get_info.restype = wintypes.DWORD
    to_text = advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW
    to_text.argtypes = [ctypes.c_void_p, wintypes.DWORD, wintypes.DWORD,
                        ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p]
    to_text.restype = wintypes.BOOL
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    se_file_object, dacl_information, sddl_revision_1 = 1, 4, 1
    descriptor = ctypes.c_void_p()
    error = get_info(str(path), se_file_object, dacl_information, None, None, None, None,
                     ctypes.byref(descriptor))
    if error:
        raise ctypes.WinError(error)  # type: ignore[attr-defined]  # Windows-only in typeshed; CI checks on Linux
    try:
        text = ctypes.c_void_p()
        if not to_text(descriptor, sddl_revision_1, dacl_information, ctypes.byref(text), None):
            raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]  # Windows-only in typeshed; CI checks on Linux
        if text.value is None:  # success without a text: never read from address 0
            raise OSError(f"Windows gave no access list for {path}")
        try:
            return ctypes.wstring_at(text.value)
        finally:
            kernel32.LocalFree(text)
    finally:
        kernel32.LocalFree(descriptor)


def check_pin_file(path: Path, read_dacl: DaclReader | None = None) -> Check:
    """The staff PIN line's last question on Windows: may every local account read the hash?"""
    try:
        readers = every_account_readers((read_dacl or file_dacl)(path))
    except OSError as exc:
        return Check(WARN, "staff PIN", f"set, but who may read {path} (which holds its hash) "
                     f"could not be checked ({exc}); `icacls \"{path}\"` should list only the "
                     "kiosk account, Administrators and SYSTEM")
    if readers:
        return Check(WARN, "staff PIN", f"set, but {path} (which holds its hash) is readable by "
                     f"{' and '.join(readers)}, so by every local account, and a short PIN's "
                     "hash is cracked in minutes; run setup again, which gives "
                     f"{path.parent} to the kiosk account, Administrators and SYSTEM only "
                     "(INSTALL.md, Windows)")
    return Check(OK, "staff PIN", f"set; {path} is not readable by Users, Everyone or "
                 "Authenticated Users")
