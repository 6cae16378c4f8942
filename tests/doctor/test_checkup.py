"""`rls-kiosk doctor`: FAIL lines and exit 1 for what stops a kiosk, OK and exit 0 when ready."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.access.pin import hash_pin
from kiosk.doctor import checkup, data, display, report
from tests.helpers.content import write_content

ROOT = Path(__file__).parents[2]


class Site:
    def __init__(self, root: Path) -> None:
        self.content = write_content(root / "content")
        self.data = root / "data"
        self.data.mkdir()
        self.config = root / "kiosk.toml"
        self.settings(f'staff_pin_hash = "{hash_pin("2468", n=16)}"\n')

    def settings(self, text: str) -> None:
        self.config.write_text(text, encoding="utf-8")
        self.config.chmod(0o660)  # as the installers leave it: not for every local account

    def run(self) -> tuple[int, str]:
        out = io.StringIO()
        code = checkup.run_doctor(config=str(self.config), data_dir=str(self.data),
                                 content=str(self.content), out=out)
        return code, out.getvalue()


@pytest.fixture
def site(tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Site:
    # A real speech engine takes a second or two to answer; it has its own test below.
    monkeypatch.setattr(display, "check_read_aloud",
                        lambda languages=(): report.Check(report.WARN, "read-aloud",
                                                          "not checked here"))
    return Site(tmp_path)


def line(report: str, name: str) -> str:
    return next(row for row in report.splitlines() if f" {name} " in row)


def test_ready_kiosk_exits_zero(site: Site) -> None:
    code, report = site.run()
    assert code == 0, report
    assert "Ready: yes" in report
    for name in ("staff PIN", "content", "data folder", "settings", "fonts"):
        assert line(report, name).lstrip().startswith("OK"), line(report, name)
    assert "Atkinson Hyperlegible loaded" in report
    assert line(report, "display").lstrip().startswith("WARN")  # offscreen is no real display


def test_missing_pin_is_not_ready(site: Site) -> None:
    site.settings("")
    code, report = site.run()
    assert code == 1
    assert "FAIL  staff PIN" in report and "rls-kiosk set-pin" in report
    assert "Ready: NO" in report


def test_damaged_pin_hash_is_not_ready(site: Site) -> None:
    site.settings('staff_pin_hash = "1234"\n')
    code, report = site.run()
    assert code == 1
    assert "damaged" in line(report, "staff PIN")


def test_content_errors_are_listed_with_file_and_line(site: Site) -> None:
    (site.content / "en" / "01-topic-1.md").write_text("---\ntitle x\n---\n", encoding="utf-8")
    code, report = site.run()
    assert code == 1
    assert line(report, "content").lstrip().startswith("FAIL")
    assert "01-topic-1.md:2: error:" in report


def test_bad_setting_is_named(site: Site) -> None:
    site.settings(site.config.read_text() + "idle_timeout = 2\n")
    code, report = site.run()
    assert code == 1
    assert "idle_timeout" in report and "FAIL  settings" in report


def test_settings_nested_thousands_deep_are_a_finding_not_a_crash(site: Site) -> None:
    site.settings("languages = " + "[" * 5000 + "]" * 5000 + "\n")
    code, report = site.run()
    assert code == 1
    assert "FAIL  settings" in report and "nested 5000 deep" in report


def test_missing_data_folder_the_kiosk_can_make_is_a_warning(site: Site) -> None:
    site.data.rmdir()
    code, report = site.run()
    assert code == 0, report
    assert line(report, "data folder").lstrip().startswith("WARN")
    assert "the kiosk creates it when it first starts" in line(report, "data folder")
    assert not site.data.exists()  # the doctor only looks


def test_missing_data_folder_that_cannot_be_made_fails(site: Site) -> None:
    site.data.rmdir()
    site.data.write_text("a file where the folder should be", encoding="utf-8")
    site.data = site.data / "kiosk"
    code, report = site.run()
    assert code == 1
    assert line(report, "data folder").lstrip().startswith("FAIL")
    assert "cannot be made" in line(report, "data folder")


def test_unwritable_data_folder(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    code, report = site.run()
    assert code == 1
    assert "cannot be written by" in report and "Permission denied" in report


def test_read_aloud_without_qt_speech_is_a_warning(qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    check = display.check_read_aloud()
    assert check.status == "WARN" and "not installed" in check.detail


class FakeBus:
    def __init__(self, connected: bool, services: set[str]) -> None:
        self.connected, self.services = connected, services

    def isConnected(self) -> bool:  # noqa: N802 - Qt name
        return self.connected

    def interface(self) -> FakeBus:
        return self

    def isServiceRegistered(self, name: str) -> FakeReply:  # noqa: N802 - Qt name
        return FakeReply(name in self.services)


class FakeReply:
    def __init__(self, value: bool) -> None:
        self._value = value

    def isValid(self) -> bool:  # noqa: N802 - Qt name
        return True

    def value(self) -> bool:
        return self._value


class FakeKernel32:
    def SetThreadExecutionState(self, flags: int) -> int:  # noqa: N802 - Windows name
        return flags


@pytest.mark.parametrize(("bus", "status"), [
    (FakeBus(False, set()), "INFO"),
    (FakeBus(True, set()), "WARN"),
    (FakeBus(True, {display.SCREENSAVER}), "OK"),
])
def test_screen_awake_on_linux(bus: FakeBus, status: str) -> None:
    assert display.check_screen_awake(session_bus=lambda: bus).status == status


def test_screen_awake_on_windows() -> None:
    assert display.check_screen_awake(kernel32=FakeKernel32()).status == "OK"


def test_doctor_command_prints_a_report_not_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "main.py", "doctor", "--data-dir",
                             str(tmp_path / "none"), "--config", str(tmp_path / "k.toml")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "WARN  data folder" in result.stdout  # the kiosk makes it at its first start
    # No DISPLAY: the same sentence as the kiosk's, and the rest checked offscreen.
    assert "WARN  display" in result.stdout and "xvfb-run" in result.stdout
    assert "Atkinson Hyperlegible loaded" in result.stdout


def test_a_display_asked_for_and_not_there_fails(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "main.py", "doctor", "--data-dir", str(tmp_path),
                             "--config", str(tmp_path / "k.toml")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                 "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":64999"})
    assert result.returncode == 1
    assert "FAIL  display" in result.stdout and "DISPLAY=:64999" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(("free_mb", "status", "words"), [
    (5, report.FAIL, "(almost) full: 5 MB free"),
    (120, report.WARN, "low on space: 120 MB free"),
    (40_000, report.OK, "40,000 MB free"),
])
def test_free_space_in_the_data_folder_is_checked(tmp_path: Path, free_mb: int, status: str,
                                                 words: str) -> None:
    asked: list[Path] = []

    def free_bytes(folder: Path) -> int:
        asked.append(folder)
        return free_mb * 1024 * 1024

    check = data.check_data(tmp_path, free_bytes=free_bytes)
    assert asked == [tmp_path]
    assert check.status == status and words in check.detail


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_pin_hash_every_account_can_read_is_a_warning(site: Site) -> None:
    site.config.chmod(0o644)
    code, report = site.run()
    assert code == 0
    assert line(report, "staff PIN").lstrip().startswith("WARN")
    assert "readable by every local account" in report and "chmod o-rwx" in report


def deny_access(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Answer every look at `denied` as Windows answers an account the data folder is not
    given to (a standard user, or an administrator's session that is not elevated)."""
    real_stat, real_open = Path.stat, Path.open

    def refuse(path: Path) -> None:
        if path == denied:
            raise PermissionError(13, "Access is denied", str(path))

    def stat(self: Path, **kwargs: object) -> os.stat_result:
        refuse(self)
        return real_stat(self, **kwargs)  # type: ignore[arg-type]

    def open_(self: Path, *args: object, **kwargs: object) -> object:
        refuse(self)
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "stat", stat)
    monkeypatch.setattr(Path, "open", open_)


def test_an_account_that_may_not_read_the_settings_is_told_whom_to_run_as(
        site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    deny_access(monkeypatch, site.config)
    code, report = site.run()
    assert code == 1
    assert line(report, "settings").lstrip().startswith("FAIL")
    problem = line(report, "cannot be read by this account")
    assert "Run as administrator" in problem and "fix or delete" not in problem
    pin = line(report, "staff PIN")
    assert pin.lstrip().startswith("FAIL") and "not checked: this account may not read" in pin
    assert "set-pin" not in pin
