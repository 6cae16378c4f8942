"""Kiosk settings: defaults, the TOML file that overrides them, and per-key validation.

A bad value never stops the kiosk: it is reported by key (with the file) and the default is used
in its place. Only values that differ from the defaults are written back, so a settings file
stays short and readable for clinic IT.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from kiosk import hours

log = logging.getLogger(__name__)

TEXT_SIZES = ("normal", "large", "largest")
THEMES = ("standard", "high-contrast")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_KIOSK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class Settings:
    content_dir: str = ""          # empty: the content shipped with the program
    data_dir: str = ""             # empty: the per-machine data folder (paths.data_dir)
    idle_timeout: int = 90         # seconds without a touch before "Still there?"
    idle_warning: int = 15         # seconds the "Still there?" countdown lasts
    languages: tuple[str, ...] = ()  # empty: the languages listed in content/site.toml
    default_language: str = ""     # empty: the default in content/site.toml
    text_size: str = "normal"
    theme: str = "standard"
    reduce_motion: bool = False
    quiz_enabled: bool = True
    quiz_round_size: int = 5
    quiz_shuffle_answers: bool = True
    retention_days: int = 180
    kiosk_id: str = ""
    hide_cursor: bool = True
    staff_pin_hash: str = ""
    staff_idle_timeout: int = 120
    content_poll_seconds: int = 10
    opening_hours: tuple[str, ...] = ()  # empty: always on; see kiosk/hours.py


def _int_range(lo: int, hi: int) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise ValueError(f"must be a whole number from {lo} to {hi}")
        return value
    return check


def _choice(options: tuple[str, ...]) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if value not in options:
            raise ValueError("must be one of " + ", ".join(f'"{o}"' for o in options))
        return value
    return check


def _boolean(value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _string(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError('must be text in quotes, for example "value"')
    return value


def _language(value: Any) -> Any:
    if value != "" and (not isinstance(value, str) or not _LANG_RE.match(value)):
        raise ValueError('must be a language code such as "en" or "es"')
    return value


def _languages(value: Any) -> Any:
    if not isinstance(value, list) or not all(isinstance(v, str) and _LANG_RE.match(v)
                                              for v in value):
        raise ValueError('must be a list of language codes, for example ["en", "es"]')
    return tuple(value)


def _opening_hours(value: Any) -> Any:
    if not isinstance(value, list):
        raise ValueError(f"must be a list, for example {hours.EXAMPLE}")
    hours.parse_hours(value)
    return tuple(value)


def _kiosk_id(value: Any) -> Any:
    if value != "" and (not isinstance(value, str) or not _KIOSK_ID_RE.match(value)):
        raise ValueError('must be short lower-case letters, digits, "-" or "_", e.g. "lobby-1"')
    return value


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "content_dir": _string,
    "data_dir": _string,
    "idle_timeout": _int_range(15, 3600),
    "idle_warning": _int_range(3, 120),
    "languages": _languages,
    "default_language": _language,
    "text_size": _choice(TEXT_SIZES),
    "theme": _choice(THEMES),
    "reduce_motion": _boolean,
    "quiz_enabled": _boolean,
    "quiz_round_size": _int_range(1, 50),
    "quiz_shuffle_answers": _boolean,
    "retention_days": _int_range(1, 3650),
    "kiosk_id": _kiosk_id,
    "hide_cursor": _boolean,
    "staff_pin_hash": _string,
    "staff_idle_timeout": _int_range(30, 3600),
    "content_poll_seconds": _int_range(2, 3600),
    "opening_hours": _opening_hours,
}


@dataclass(frozen=True)
class SettingsProblem:
    path: Path
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: {self.key}" if self.key else str(self.path)
        return f"{where}: {self.message}"


def load_settings(path: Path) -> tuple[Settings, list[SettingsProblem]]:
    """Read `path` if it exists. Returns the settings and every problem found (never raises)."""
    problems: list[SettingsProblem] = []
    if not path.exists():
        return Settings(), problems
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(SettingsProblem(
            path, "", f"cannot be read ({exc}) - all defaults are used; fix or delete the file"))
        return Settings(), problems
    values: dict[str, Any] = {}
    for key, value in raw.items():
        check = _CHECKS.get(key)
        if check is None:
            problems.append(SettingsProblem(path, key, "is not a known setting - it is ignored"))
            continue
        try:
            values[key] = check(value)
        except ValueError as exc:
            default = getattr(Settings(), key)
            problems.append(SettingsProblem(
                path, key, f"{exc}; the default {_toml_value(default)} is used instead"))
    return replace(Settings(), **values), problems


def save_settings(settings: Settings, path: Path) -> None:
    """Write only the values that differ from the defaults (atomic replace)."""
    defaults = Settings()
    lines = ["# RLS kiosk settings. Only values that differ from the defaults are listed.\n"]
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if value != getattr(defaults, f.name):
            lines.append(f"{f.name} = {_toml_value(value)}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)


class SettingsFileError(Exception):
    """The settings file cannot be changed safely; the message says what to do."""


def update_settings_file(path: Path, **changes: Any) -> Settings:
    """Change some settings in the file at `path`, keeping the others as they are.

    Refuses (SettingsFileError) when the file has problems, because writing it back would drop
    whatever could not be read. Returns the settings now in the file.
    """
    current, problems = load_settings(path)
    if problems:
        raise SettingsFileError(
            f"The settings file has a problem ({problems[0]}); fix it first so that nothing in "
            "it is lost, then try again.")
    updated = replace(current, **changes)
    try:
        save_settings(updated, path)
    except OSError as exc:
        raise SettingsFileError(
            f"The settings file {path} cannot be written ({exc.strerror or exc}); clinic IT "
            "must allow the kiosk account to change it.") from None
    return updated


def settings_as_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
