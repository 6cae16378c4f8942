"""Changing a few settings keeps the rest of the file, and refuses to touch a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import (
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
