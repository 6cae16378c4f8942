from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.settings.config import (
    MAX_NESTING,
    Settings,
    SettingsProblem,
    load_settings,
    save_settings,
)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings, problems = load_settings(tmp_path / "none.toml")
    assert settings == Settings()
    assert problems == []


def test_bad_values_are_reported_by_key_and_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_timeout = "soon"\ntext_size = "huge"\nlanguages = ["en", "es"]\n'
                    'colour = 3\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.idle_timeout == 90
    assert settings.text_size == "normal"
    assert settings.languages == ("en", "es")
    messages = [str(p) for p in problems]
    assert any("idle_timeout" in m and "default 90" in m for m in messages)
    assert any("text_size" in m and '"largest"' in m for m in messages)
    assert any("colour" in m and "not a known setting" in m for m in messages)


def test_malformed_file_uses_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = = 3\n[", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1 and "cannot be read" in problems[0].message


def test_round_trip_writes_only_changed_values(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "kiosk.toml"
    wanted = Settings(idle_timeout=120, languages=("es",), hide_cursor=False, kiosk_id="lobby-1")
    save_settings(wanted, path)
    text = path.read_text(encoding="utf-8")
    assert "idle_warning" not in text
    assert 'kiosk_id = "lobby-1"' in text
    assert load_settings(path) == (wanted, [])


DEEP_FILES = {
    "arrays": "languages = " + "[" * 5000 + "]" * 5000 + "\n",
    "inline tables": "kiosk_id = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    "unclosed arrays": "opening_hours = " + "[" * 60_000 + "\n",
}


@pytest.mark.parametrize("name", DEEP_FILES)
def test_deeply_nested_file_gives_defaults_and_names_the_problem(tmp_path: Path,
                                                                name: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = 60\n" + DEEP_FILES[name], encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1
    assert "nested" in problems[0].message and str(path) in str(problems[0])


def test_brackets_inside_strings_and_comments_do_not_count_as_nesting(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    deep = "[" * (MAX_NESTING + 5)
    path.write_text(f'content_dir = "{deep}"  # {deep}\nkiosk_id = \'\'\'\n{deep}\'\'\'\n'
                    f'data_dir = """{deep}\\""""\nidle_timeout = 60\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert problems == [SettingsProblem(path, "kiosk_id", problems[0].message)]
    assert (settings.content_dir, settings.data_dir, settings.idle_timeout) == (
        deep, deep + '"', 60)


def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("# padding\n" * 10_000, encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings() and "too large" in problems[0].message


def test_a_file_that_is_not_utf8_is_a_named_problem(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b'kiosk_id = "\xff"\n')
    assert "not UTF-8" in load_settings(path)[1][0].message


def test_a_number_thousands_of_digits_long_is_a_named_problem(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = " + "9" * 5000 + "\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings() and "number too long" in problems[0].message


def test_a_file_this_account_may_not_read_names_who_may(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a settings file in a data folder not given to this account cannot even be
    looked at (Path.exists raises): defaults, and a problem saying whom to run as."""
    path = tmp_path / "kiosk.toml"
    path.write_text('kiosk_id = "lobby-1"\n', encoding="utf-8")
    real_stat = Path.stat

    def stat(self: Path, **kwargs: object) -> os.stat_result:
        if self == path:
            raise PermissionError(13, "Access is denied", str(self))
        return real_stat(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", stat)
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert "cannot be read by this account (Access is denied)" in problems[0].message
    assert "kiosk account and administrators" in problems[0].message
    assert "fix or delete" not in problems[0].message
