"""The Windows-only doctor lines, with the commands they run answered by a fake runner."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.access.pin import hash_pin
from kiosk.doctor import display, system
from kiosk.doctor.windows import (
    TASK_NAME,
    check_kiosk_account,
    check_logon_task,
    check_pin_file,
    every_account_readers,
    windows_checks,
)
from kiosk.settings.config import Settings
from kiosk.ui.machine.speech import pick_engine
from tests.helpers.speech import FakeEngine

ISS = Path(__file__).parents[2] / "packaging" / "windows" / "rls-kiosk.iss"
TASK_XML = """<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2"><Principals><Principal id="Author">
<UserId>CLINIC-PC\\kiosk</UserId><LogonType>InteractiveToken</LogonType>
</Principal></Principals></Task>"""


SETTINGS = Path("C:/ProgramData/rls-kiosk/kiosk.toml")
# kiosk.toml's access list (GetNamedSecurityInfo, as SDDL) under an older setup's users-modify
# folder, which also inherited ProgramData's Users read.
OLD_SETUP_SDDL = ("D:AI(A;ID;0x1301bf;;;BU)(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)"
                  "(A;ID;FA;;;S-1-5-21-1-2-3-500)")
# ... and once setup has run icacls: the kiosk account (modify), Administrators and SYSTEM.
RESTRICTED_SDDL = "D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1301bf;;;S-1-5-21-1-2-3-1001)"


class FakeWindows:
    """Answers schtasks and net user like a PC with (or without) the task and the account."""

    def __init__(self, task_xml: str | None, accounts: set[str]) -> None:
        self.task_xml, self.accounts = task_xml, accounts
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str]) -> tuple[int, str]:
        self.commands.append(command)
        if command[0] == "schtasks":
            assert command[1:4] == ["/Query", "/TN", TASK_NAME]
            return (0, self.task_xml) if self.task_xml else (1, "ERROR: not found")
        assert command[:2] == ["net", "user"]
        return (0, "User name ...") if command[2] in self.accounts else (2, "not found")


def test_task_and_account_present() -> None:
    task, account = windows_checks(FakeWindows(TASK_XML, {"kiosk"}))
    assert task.status == "OK" and "CLINIC-PC\\kiosk logs on" in task.detail
    assert account.status == "OK" and '"kiosk" exists' in account.detail


def test_task_for_a_missing_account_fails() -> None:
    fake = FakeWindows(TASK_XML, set())
    task, account = windows_checks(fake)
    assert task.status == "OK"
    assert account.status == "FAIL" and "no local account \"kiosk\"" in account.detail
    assert fake.commands[-1] == ["net", "user", "kiosk"]


def test_no_task_warns_and_checks_no_account() -> None:
    fake = FakeWindows(None, {"kiosk"})
    task, account = windows_checks(fake)
    assert task.status == "WARN" and "will not start by itself" in task.detail
    assert account.status == "INFO"
    assert len(fake.commands) == 1


def test_task_named_by_sid_is_left_to_the_installer() -> None:
    xml = TASK_XML.replace("CLINIC-PC\\kiosk", "S-1-5-21-1-2-3-1001")
    task, account = check_logon_task(FakeWindows(xml, set()))
    assert task.status == "OK"
    assert account == "S-1-5-21-1-2-3-1001"
    assert check_kiosk_account(account, FakeWindows(xml, set())).status == "INFO"


def test_task_name_is_the_one_setup_creates() -> None:
    assert re.search(rf'^#define TaskName "{TASK_NAME}"$', ISS.read_text(), re.MULTILINE)


def test_a_voice_per_content_language(qtbot: QtBot) -> None:
    check = display.check_voices(FakeEngine(("en_US", "es_ES")), "engine sapi", ("en", "es"))
    assert check.status == "OK"
    assert check.more == ("en: voice en_US", "es: voice es_ES")


def test_a_language_without_a_voice_is_named(qtbot: QtBot) -> None:
    check = display.check_voices(FakeEngine(("en_US",)), "engine sapi", ("en", "es"))
    assert check.status == "WARN" and "no voice for es" in check.detail
    assert check.more == ("en: voice en_US", "es: no voice")


def test_speech_engine_can_be_named_or_turned_off() -> None:
    """KIOSK_SPEECH_ENGINE: wine's SAPI and WinRT engines hang or crash, so check.sh says none."""
    available = ["mock", "winrt", "sapi"]
    assert pick_engine(available, "") == ("winrt", "")
    assert pick_engine(available, "sapi") == ("sapi", "")
    assert pick_engine(available, "none") == (
        None, "turned off by KIOSK_SPEECH_ENGINE=none (engines here: mock, winrt, sapi)")
    name, why = pick_engine(available, "speechd")
    assert name is None and "'speechd'" in why and "mock, winrt, sapi" in why
    assert pick_engine(["mock"], "") == (None, "no text-to-speech engine on this computer")


def test_doctor_says_read_aloud_was_turned_off(qtbot: QtBot,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_SPEECH_ENGINE", "none")
    check = display.check_read_aloud(("en", "es"))
    assert check.status == "WARN"
    assert check.detail.startswith(("turned off by KIOSK_SPEECH_ENGINE=none (engines here: ",
                                    "not available: Qt's text-to-speech module is not installed"))


def test_schtasks_answering_without_the_task_is_no_task() -> None:
    """Wine's schtasks exits 0 for /Query but prints no task: that is no task either."""
    task, account = check_logon_task(lambda command: (0, ""))
    assert task.status == "WARN" and account is None


def test_settings_readable_by_users_is_a_warning() -> None:
    check = check_pin_file(SETTINGS, lambda path: OLD_SETUP_SDDL)
    assert check.status == "WARN"
    assert "readable by Users, so by every local account" in check.detail
    assert "run setup again" in check.detail


def test_settings_for_the_kiosk_account_and_administrators_only_is_ok() -> None:
    asked: list[Path] = []

    def read_dacl(path: Path) -> str:
        asked.append(path)
        return RESTRICTED_SDDL

    check = check_pin_file(SETTINGS, read_dacl)
    assert asked == [SETTINGS]
    assert check.status == "OK" and "not readable by Users, Everyone" in check.detail


@pytest.mark.parametrize(("sddl", "readers"), [
    ("D:(A;;FR;;;WD)(A;;GR;;;AU)(A;;FA;;;SY)", ["Everyone", "Authenticated Users"]),
    ("D:(A;;0x1;;;S-1-5-32-545)(A;;CCLCRC;;;S-1-5-4)", ["Users", "INTERACTIVE"]),
    ("D:(A;;GA;;;IU)", ["INTERACTIVE"]),
    # Inherit-only ACEs are for the folder's children, not the object itself.
    ("D:P(A;OICIIO;GR;;;BU)(A;OICI;FA;;;SY)", []),
    # Read permissions and synchronize, or write only: the data cannot be read.
    ("D:(A;;0x120000;;;WD)(A;;FW;;;BU)", []),
    # A deny before the allow wins; an allow before the deny wins.
    ("D:(D;;FR;;;BU)(A;;FA;;;BU)", []),
    ("D:(A;;FR;;;BU)(D;;FR;;;BU)", ["Users"]),
    ("D:NO_ACCESS_CONTROL", ["Everyone"]),
])
def test_groups_of_every_account_that_may_read(sddl: str, readers: list[str]) -> None:
    assert every_account_readers(sddl) == readers


def test_settings_access_that_cannot_be_read_is_a_warning_not_ok() -> None:
    def read_dacl(path: Path) -> str:
        raise PermissionError(13, "Access is denied")

    check = check_pin_file(SETTINGS, read_dacl)
    assert check.status == "WARN" and "could not be checked" in check.detail
    assert f'icacls "{SETTINGS}"' in check.detail


def test_doctor_asks_windows_who_may_read_the_pin_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows the staff PIN line looks at the settings file's access list, not its mode."""
    from kiosk.doctor import windows as doctor_windows

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(doctor_windows, "file_dacl", lambda path: OLD_SETUP_SDDL)
    check = system.check_pin(Settings(staff_pin_hash=hash_pin("2468", n=16)), SETTINGS)
    assert check.status == "WARN" and "readable by Users" in check.detail
