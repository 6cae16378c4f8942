from __future__ import annotations

from pathlib import Path

from kiosk.config import Settings, load_settings, save_settings


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
