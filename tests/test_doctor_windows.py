"""The Windows-only doctor lines, with the commands they run answered by a fake runner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import doctor
from kiosk.doctor_windows import TASK_NAME, check_kiosk_account, check_logon_task, windows_checks
from kiosk.ui.speech import pick_engine
from tests.helpers.speech import FakeEngine

ISS = Path(__file__).parents[1] / "packaging" / "windows" / "rls-kiosk.iss"
TASK_XML = """<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2"><Principals><Principal id="Author">
<UserId>CLINIC-PC\\kiosk</UserId><LogonType>InteractiveToken</LogonType>
</Principal></Principals></Task>"""


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
    check = doctor.check_voices(FakeEngine(("en_US", "es_ES")), "engine sapi", ("en", "es"))
    assert check.status == "OK"
    assert check.more == ("en: voice en_US", "es: voice es_ES")


def test_a_language_without_a_voice_is_named(qtbot: QtBot) -> None:
    check = doctor.check_voices(FakeEngine(("en_US",)), "engine sapi", ("en", "es"))
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
    check = doctor.check_read_aloud(("en", "es"))
    assert check.status == "WARN"
    assert check.detail.startswith(("turned off by KIOSK_SPEECH_ENGINE=none (engines here: ",
                                    "not available: Qt's text-to-speech module is not installed"))


def test_schtasks_answering_without_the_task_is_no_task() -> None:
    """Wine's schtasks exits 0 for /Query but prints no task: that is no task either."""
    task, account = check_logon_task(lambda command: (0, ""))
    assert task.status == "WARN" and account is None
