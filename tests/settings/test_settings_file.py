"""Changing a few settings keeps the rest of the file, and refuses to touch a broken one."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
import tomlkit

from kiosk.settings.config import (
    Settings,
    SettingsFileError,
    load_settings,
    save_settings,
    update_settings_file,
)


def test_update_round_trips_and_keeps_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    save_settings(Settings(kiosk_id="lobby-1", opening_hours=("mon-fri 08:00-17:00",)), path)
    updated = update_settings_file(path, idle_timeout=180, languages=("es",), text_size="large",
                                   quiz_enabled=False)
    assert load_settings(path) == (updated, [])
    assert updated.kiosk_id == "lobby-1"
    assert updated.opening_hours == ("mon-fri 08:00-17:00",)
    assert (updated.idle_timeout, updated.languages, updated.text_size,
            updated.quiz_enabled) == (180, ("es",), "large", False)


@pytest.mark.parametrize("text", ["idle_timeout = = 3\n", 'idle_timeout = "soon"\n',
                                  "colour = 3\n"])
def test_a_file_with_problems_is_not_rewritten(tmp_path: Path, text: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsFileError, match="fix it first"):
        update_settings_file(path, idle_timeout=120)
    assert path.read_text(encoding="utf-8") == text


def test_an_unwritable_path_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(SettingsFileError, match="cannot be written"):
        update_settings_file(blocker / "kiosk.toml", idle_timeout=120)


INSTALLER_FILE = """\
# RLS kiosk settings. Written by install.sh.
content_dir = "/var/lib/rls-kiosk/content"  # staff edit the content there

# Lobby kiosk
kiosk_id = "lobby-1"
idle_timeout = 60 # seconds
"""


def test_saving_edits_the_file_keeping_comments_order_and_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(INSTALLER_FILE, encoding="utf-8")
    update_settings_file(path, idle_timeout=120, text_size="large")
    assert path.read_text(encoding="utf-8") == INSTALLER_FILE.replace(
        "idle_timeout = 60", "idle_timeout = 120") + 'text_size = "large"\n'
    assert (tmp_path / "kiosk.toml.bak").read_text(encoding="utf-8") == INSTALLER_FILE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.toml", "kiosk.toml.bak"]


@pytest.mark.parametrize("value", ["C:\\Clinic\nkiosk_id = 3", 'a "quoted"\r\nline\\',
                                   "\u2028\x00"])
def test_a_value_with_a_line_break_reads_back_as_saved(tmp_path: Path, value: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(INSTALLER_FILE, encoding="utf-8")
    updated = update_settings_file(path, content_dir=value)
    assert load_settings(path) == (updated, []) and updated.content_dir == value


def test_a_save_that_would_not_read_back_leaves_the_file_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(INSTALLER_FILE, encoding="utf-8")
    monkeypatch.setattr(tomlkit, "dumps", lambda document: 'idle_timeout = "120\n')
    with pytest.raises(SettingsFileError, match="did not read back"):
        update_settings_file(path, idle_timeout=120)
    assert path.read_text(encoding="utf-8") == INSTALLER_FILE
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.toml"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o660])
def test_the_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(INSTALLER_FILE, encoding="utf-8")
    path.chmod(mode)
    update_settings_file(path, staff_pin_hash="scrypt$16$8$1$c2FsdHNhbHQ=$" + "A" * 44)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "kiosk.toml.bak").stat().st_mode) == mode


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_new_file_is_not_readable_by_every_account(tmp_path: Path) -> None:
    path = tmp_path / "new" / "kiosk.toml"
    update_settings_file(path, idle_timeout=120)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load_settings(path)[0] == Settings(idle_timeout=120)
    assert not (tmp_path / "new" / "kiosk.toml.bak").exists()
