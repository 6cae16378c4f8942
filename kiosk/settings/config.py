"""Kiosk settings: defaults, the TOML file that overrides them, and per-key validation.

A bad value never stops the kiosk: it is reported by key (with the file) and the default is used
in its place. A file that cannot be read at all (too large, nested too deep, not TOML) means
every default plus one problem that names it; nothing read from the file can raise.

Saving edits the file instead of rewriting it (tomlkit keeps clinic IT's comments, order and
every untouched key), keeps the previous file as ``kiosk.toml.bak``, and replaces the file only
after the new text has been read back with `load_settings`, so a save can never leave a file
the next start cannot read. The file keeps its permissions (it holds the staff PIN's hash).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.settings import hours

if TYPE_CHECKING:
    import tomlkit

log = logging.getLogger(__name__)

TEXT_SIZES = ("normal", "large", "largest")
THEMES = ("standard", "high-contrast")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_KIOSK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
# A settings file is a few hundred bytes of flat keys and short lists. These bounds are checked
# before the TOML parser runs, whose recursion a file nested thousands deep would exhaust.
MAX_SETTINGS_BYTES = 64 * 1024
MAX_NESTING = 16
# Strings and comments (whose brackets do not nest), or one bracket or brace.
_NESTING_TOKEN_RE = re.compile(
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]',
    re.DOTALL)
BACKUP_SUFFIX = ".bak"
NEW_FILE_MODE = 0o640  # a new settings file: not readable by every local account


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
    share_dir: str = ""            # empty: no daily snapshot for a clinic group's report
    hide_cursor: bool = True
    staff_pin_hash: str = ""
    staff_idle_timeout: int = 120
    content_poll_seconds: int = 10
    opening_hours: tuple[str, ...] = ()  # empty: always on; see kiosk/settings/hours.py


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
    "share_dir": _string,
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


class SettingsFileError(Exception):
    """The settings file cannot be read or changed safely; the message says what to do."""


class SettingsAccessError(SettingsFileError):
    """This account may not read the settings file (which holds the staff PIN's hash): the file
    is fine, the command was run by the wrong account."""


def nesting_depth(text: str) -> int:
    """How deeply arrays and inline tables nest in TOML `text` (table headers count too)."""
    depth = deepest = 0
    for match in _NESTING_TOKEN_RE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """The text of `path` and its parsed values; SettingsFileError says why it cannot be used."""
    try:
        size = path.stat().st_size
        if size > MAX_SETTINGS_BYTES:
            raise SettingsFileError(f"is too large ({size:,} bytes; a settings file is a few "
                                    f"hundred, the limit is {MAX_SETTINGS_BYTES:,})")
        text = path.read_bytes().decode("utf-8-sig")
    except PermissionError as exc:
        raise SettingsAccessError(
            f"cannot be read by this account ({exc.strerror or exc}); only the kiosk account "
            "and administrators may read it: run this as one of them (on Windows: Run as "
            "administrator)") from None
    except OSError as exc:
        raise SettingsFileError(f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise SettingsFileError("is not UTF-8 text") from None
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise SettingsFileError(f"has lists nested {depth} deep (at most {MAX_NESTING} are "
                                "read; a setting needs one or two)")
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsFileError(f"cannot be read as TOML ({exc})") from None
    except ValueError:  # a number too long for Python to convert (over 4,300 digits)
        raise SettingsFileError("holds a number too long to read") from None
    except RecursionError:  # only if the scan above missed a way of nesting
        raise SettingsFileError("is nested too deeply to be read") from None


def load_settings(path: Path) -> tuple[Settings, list[SettingsProblem]]:
    """Read `path` if it exists. Returns the settings and every problem found (never raises)."""
    try:
        missing = not path.exists()
    except OSError:  # in a folder this account may not open: _read_toml says so
        missing = False
    if missing:
        return Settings(), []
    try:
        _, raw = _read_toml(path)
    except SettingsFileError as exc:
        advice = "" if isinstance(exc, SettingsAccessError) else "; fix or delete the file"
        return Settings(), [SettingsProblem(
            path, "", f"{exc} - all defaults are used{advice}")]
    return _checked(raw, path)


def _checked(raw: dict[str, Any], path: Path) -> tuple[Settings, list[SettingsProblem]]:
    problems: list[SettingsProblem] = []
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
    """Write `settings` into the file at `path`, editing what is there (see `_edit_file`).

    Keys already in the file take their new value; others are added only when they differ
    from the default, so a new file stays short. Raises SettingsFileError.
    """
    _edit_file(path, {f.name: getattr(settings, f.name) for f in fields(Settings)}, settings)


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
    _edit_file(path, changes, updated)
    return updated


def _edit_file(path: Path, changes: dict[str, Any], expected: Settings) -> None:
    """Apply `changes` to the file's TOML, check the result reads back as `expected`, replace."""
    import tomlkit  # staff edit settings long after start: not imported before the first frame

    defaults = Settings()
    try:
        document = _parse_for_editing(path)
        for key, value in changes.items():
            if key in document or value != getattr(defaults, key):
                document[key] = list(value) if isinstance(value, tuple) else value
        text = tomlkit.dumps(document)
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_checked(path, text, expected)
    except OSError as exc:
        raise SettingsFileError(
            f"The settings file {path} cannot be written ({exc.strerror or exc}); clinic IT "
            "must allow the kiosk account to change it.") from None


def _parse_for_editing(path: Path) -> tomlkit.TOMLDocument:
    import tomlkit
    import tomlkit.exceptions

    if not path.exists():
        document = tomlkit.document()
        document.add(tomlkit.comment("RLS kiosk settings (README.md lists every key)."))
        return document
    try:
        text, _ = _read_toml(path)
        return tomlkit.parse(text)
    except (SettingsFileError, tomlkit.exceptions.ParseError) as exc:
        raise SettingsFileError(f"The settings file {path} {exc}; fix it first so that nothing "
                                "in it is lost, then try again.") from None


def _replace_checked(path: Path, text: str, expected: Settings) -> None:
    """Write `text` beside `path`, read it back with the kiosk's loader, keep a backup, replace."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        _copy_permissions(path, temporary)
        written, problems = load_settings(temporary)
        if problems or written != expected:
            raise SettingsFileError(
                f"The settings for {path} did not read back as saved "
                f"({problems[0] if problems else 'a value changed'}); the file was not changed.")
        if path.exists():
            shutil.copy2(path, path.with_name(path.name + BACKUP_SUFFIX))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _copy_permissions(original: Path, new: Path) -> None:
    """Give `new` the mode (and, where allowed, the owner) of `original`, or a private mode."""
    try:
        info = original.stat()
    except FileNotFoundError:
        os.chmod(new, NEW_FILE_MODE)
        return
    os.chmod(new, info.st_mode & 0o7777)
    if hasattr(os, "chown"):
        with contextlib.suppress(PermissionError):  # only an administrator may give files away
            os.chown(new, info.st_uid, info.st_gid)


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
