"""Read site.toml: the clinic's details, the languages and the brand colours.

The clinic's details may differ by language: `[clinic]` holds them for every language, and a
table such as `[clinic.es]` overrides only the keys it names for Spanish. That is the whole
design, so a clinic adds one short table in Notepad rather than copying every detail.

Every mistake becomes a finding with the file and line; the key (or table) with the mistake is
left out and the rest is used, so the kiosk keeps running on whatever is right.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from kiosk.content.model import CLINIC_KEYS, Site

# A language code is also the name of the language's folder.
LANGUAGE_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
PLACEHOLDER_KEYS = ("name", "phone", "website", "address", "hours")
PLACEHOLDER_RE = re.compile(r"\{clinic\.(" + "|".join(PLACEHOLDER_KEYS) + r")\}")
# What staff may have meant as a placeholder: any {clinic.word}, known or not.
ANY_PLACEHOLDER_RE = re.compile(r"\{\s*clinic\s*\.\s*([^{}\s]*)\s*\}", re.I)
SITE_KEYS = {
    "clinic": set(CLINIC_KEYS),
    "languages": {"available", "default"},
    "theme": {"primary", "accent"},
}
EXAMPLES = {  # shown in hints, so staff see how a value is written
    "name": "Lakeside Clinic", "phone": "(555) 010-0199", "website": "https://www.example.org",
    "address": "100 Example Street", "hours": "Monday to Friday, 8 a.m. to 5 p.m.",
    "logo": "images/logo.svg",
}


# The shipped site.toml describes an example clinic. Its details, and any phone number or web
# address reserved for examples (555-01xx, example.org), must not reach patients by mistake.
EXAMPLE_NAMES = {"lakeside vein & vascular clinic", EXAMPLES["name"].lower()}
EXAMPLE_MARK = "is still the example clinic's"
_EXAMPLE_PHONE_RE = re.compile(r"\(\s*555\s*\)|(?<!\d)555[\s.-]*01\d\d(?!\d)")
_EXAMPLE_WEB_RE = re.compile(r"^(?:[a-z]+://)?(?:[^/@]*@)?(?:[\w-]+\.)*example\.(?:org|com|net)"
                             r"(?:[:/]|$)|\.(?:example|test|invalid)(?:[:/]|$)", re.I)
_WHERE_SEEN = {"name": "on every screen", "phone": "on the clinic page",
               "website": "as a QR code", "address": "on the clinic page"}


class Reporter(Protocol):
    """What reading site.toml needs from the content loader."""

    def error(self, path: Path, line: int, message: str, hint: str = "") -> None: ...

    def example(self, path: Path, line: int, message: str, hint: str = "") -> None:
        """A detail still copied from the example clinic (how much it matters depends on the
        folder: see `kiosk.content.reading.folder_reader`)."""

    def read(self, path: Path) -> str | None: ...

    def picture(self, source: Path, line: int, ref: str) -> str | None: ...


def read_site(report: Reporter, path: Path) -> Site | None:
    """The site described by `path`, or None when there is no usable file (reported)."""
    text = report.read(path)
    if text is None:
        return None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        if problem == "Illegal character '\\n'":
            problem = "a text in quotes is not closed on this line"
        report.error(path, line, f"is not valid TOML ({problem})",
                     'check quotes and brackets, e.g. name = "Clinic"; until then every '
                     "language folder is shown, without clinic details")
        return None
    except RecursionError:  # tables or lists nested hundreds deep
        report.error(path, _deepest_line(text), "is nested too deeply to read (brackets "
                     "or braces inside each other hundreds of times)",
                     "site.toml needs only [clinic], [languages] and [theme]; remove the "
                     "nesting; until then every language folder is shown, without clinic "
                     "details")
        return None
    _check_tables(report, path, text, raw)
    available, default = _languages(report, path, text, _table(raw, "languages"))
    base, by_language = _clinic(report, path, text, _table(raw, "clinic"), available)
    for table, details in [("clinic", base), *((f"clinic.{code}", values)
                                               for code, values in by_language.items())]:
        for key in example_details(details):
            report.example(path, _line(text, table, key),
                           f"[{table}] {key} {EXAMPLE_MARK} ({details[key]}); patients see it "
                           f"{_WHERE_SEEN[key]}", f"write your clinic's {key} on this line")
    return Site(**base, languages=tuple(available), default_language=default,
                colours=_colours(report, path, text, _table(raw, "theme")),
                by_language=by_language)


def example_details(details: dict[str, str]) -> list[str]:
    """Keys of `details` (a [clinic] table) that still hold the example clinic's values."""
    checks: dict[str, Callable[[str], bool]] = {
        "name": lambda v: v.strip().lower() in EXAMPLE_NAMES,
        "phone": lambda v: bool(_EXAMPLE_PHONE_RE.search(v)),
        "website": lambda v: bool(_EXAMPLE_WEB_RE.search(v.strip())),
        "address": lambda v: "example street" in v.lower() or "00000" in v}
    return [key for key, check in checks.items() if key in details and check(details[key])]


def _deepest_line(text: str) -> int:
    """Line where brackets and braces are open deepest (quotes are not told apart: this only
    points a person at the place to look)."""
    depth = deepest = line = 0
    for number, row in enumerate(text.split("\n"), start=1):
        for char in row:
            depth += (char in "[{") - (char in "]}")
            if depth > deepest:
                deepest, line = depth, number
    return line


def fill_placeholders(text: str, site: Site) -> str:
    """Put the clinic's details (in the site's language, see `Site.in_language`) into a text;
    a placeholder the kiosk does not know (`{clinic.phon}`) is removed, never shown as typed."""
    return ANY_PLACEHOLDER_RE.sub(
        lambda m: getattr(site, m.group(1)) if m.group(1) in PLACEHOLDER_KEYS else "", text)


def unknown_placeholders(text: str) -> list[tuple[int, str, str]]:
    """(line, as written, did-you-mean key or "") of each `{clinic.x}` the kiosk does not know."""
    found = []
    for match in ANY_PLACEHOLDER_RE.finditer(text):
        if match.group(1) not in PLACEHOLDER_KEYS:
            close = difflib.get_close_matches(match.group(1).lower(), PLACEHOLDER_KEYS, n=1,
                                              cutoff=0.5)
            found.append((text.count("\n", 0, match.start()) + 1, match.group(0),
                           close[0] if close else ""))
    return found


def empty_placeholders(text: str, site: Site) -> list[tuple[int, str]]:
    """(line, key) of each `{clinic.key}` in `text` that `site` has no value for."""
    return [(text.count("\n", 0, m.start()) + 1, m.group(1))
            for m in PLACEHOLDER_RE.finditer(text) if not getattr(site, m.group(1))]


def toml_line(text: str, table: str, key: str = "") -> int:
    """Line of `[table]`, or of `key =` inside it (0 when not written that way)."""
    in_table, number = False, 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if header := re.match(r"^\[([^\]]*)\]", line):
            in_table = re.sub(r"\s*\.\s*", ".", header.group(1).strip()) == table
            if in_table and not key:
                return number
        elif in_table and key and re.match(re.escape(key) + r"\s*=", line):
            return number
    return 0


def _line(text: str, table: str, key: str = "") -> int:
    """Where to point for `key` in `table`: its line, else the table's (`[clinic.es]`, or
    `es = { ... }` under [clinic]); 0 when neither is written in a way this finds."""
    line = (toml_line(text, table, key) if key else 0) or toml_line(text, table)
    if not line and "." in table:
        parent, _, child = table.rpartition(".")
        line = toml_line(text, parent, child)
    return line


def _table(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name, {})
    return value if isinstance(value, dict) else {}


def _check_tables(report: Reporter, path: Path, text: str, raw: dict[str, Any]) -> None:
    """Unknown tables, and unknown keys in [languages] and [theme] ([clinic]: `_clinic`)."""
    for table, value in raw.items():
        if table not in SITE_KEYS or not isinstance(value, dict):
            close = difflib.get_close_matches(table, sorted(SITE_KEYS), n=1)
            report.error(path, toml_line(text, table), f'"[{table}]" is not a known part',
                         f'did you mean "[{close[0]}]"?' if close
                         else "use [clinic], [languages] and [theme]")
        elif table != "clinic":
            for key in (k for k in value if k not in SITE_KEYS[table]):
                _unknown_key(report, path, text, table, key)


def _unknown_key(report: Reporter, path: Path, text: str, table: str, key: str,
                 extra_hint: str = "") -> None:
    known = SITE_KEYS[table.split(".")[0]]
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = (f'did you mean "{close[0]}"?' if close
            else "known keys: " + ", ".join(sorted(known)) + extra_hint)
    report.error(path, _line(text, table, key), f'"{key}" is not a known key in [{table}]', hint)


def _languages(report: Reporter, path: Path, text: str,
               langs: dict[str, Any]) -> tuple[list[str], str]:
    available = langs.get("available", ["en"])
    if not (isinstance(available, list) and available
            and all(isinstance(x, str) and LANGUAGE_CODE_RE.match(x) for x in available)):
        report.error(path, toml_line(text, "languages", "available"),
                     "[languages] available must be a list of codes like [\"en\", \"es\"]",
                     "fix the list; English is used until then")
        available = ["en"]
    default = langs.get("default", available[0])
    if default not in available:
        report.error(path, toml_line(text, "languages", "default"),
                     f'[languages] default "{default}" is not in the available list',
                     "add it to available or choose one of them")
        default = available[0]
    return available, default


def _clinic(report: Reporter, path: Path, text: str, clinic: dict[str, Any],
            available: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """[clinic]'s details, and each language table's overrides ({"es": {"hours": ...}})."""
    base = _details(report, path, text, "clinic",
                    {k: v for k, v in clinic.items() if not _is_language_table(k, v)})
    if "name" not in clinic:
        report.error(path, toml_line(text, "clinic"), "[clinic] has no name",
                     'add a line like name = "Lakeside Clinic" under [clinic]')
    by_language: dict[str, dict[str, str]] = {}
    for code, table in clinic.items():
        if not _is_language_table(code, table):
            continue
        if code in available:
            by_language[code] = _details(report, path, text, f"clinic.{code}", table)
        else:
            _unavailable_language(report, path, text, code, available)
    return base, by_language


def _is_language_table(key: str, value: object) -> bool:
    """`[clinic.es]` (or `es = { ... }` under [clinic]); `[clinic.hours]` is a misused key."""
    return isinstance(value, dict) and key not in CLINIC_KEYS


def _details(report: Reporter, path: Path, text: str, table: str,
             values: dict[str, Any]) -> dict[str, str]:
    """The known, well-typed keys of one clinic table; the rest is reported and left out."""
    found: dict[str, str] = {}
    fallback = ("; until then the [clinic] value is used" if table != "clinic"
                else "; until then it is left out")
    for key, value in values.items():
        line = _line(text, table, key)
        if key not in CLINIC_KEYS:
            _unknown_key(report, path, text, table, key,
                         "" if table != "clinic" else
                         "; a table for one language is written like [clinic.es]")
        elif not isinstance(value, str):
            report.error(path, line, f"[{table}] {key} is not text in double quotes",
                         f'write it like {key} = "{EXAMPLES[key]}"{fallback}')
        elif key == "name" and not value.strip() and table == "clinic":
            report.error(path, line, "[clinic] has no name",
                         f'write it in the quotes, e.g. name = "{EXAMPLES["name"]}"')
        elif key == "name" and not value.strip():
            report.error(path, line, f"[{table}] name is empty",
                         "write the name in the quotes, or delete the line to use the [clinic] "
                         "name")
        elif key == "logo" and value:
            if (picture := report.picture(path, line, value)) is not None:
                found[key] = picture
        else:
            found[key] = value
    return found


def _unavailable_language(report: Reporter, path: Path, text: str, code: str,
                          available: list[str]) -> None:
    close = difflib.get_close_matches(code.lower(), available, n=1)
    hint = (f"did you mean [clinic.{close[0]}]? Until then" if close
            else f'add "{code}" to available under [languages], or use one of: '
            + ", ".join(available) + "; until then")
    report.error(path, _line(text, f"clinic.{code}"),
                 f'[clinic.{code}] is for "{code}", which is not in [languages] available',
                 hint + " the table is not used")


def _colours(report: Reporter, path: Path, text: str, colours: dict[str, Any]) -> dict[str, str]:
    good: dict[str, str] = {}
    for name, value in colours.items():
        if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            good[name] = value
        else:
            report.error(path, toml_line(text, "theme", name),
                         f'[theme] {name} = "{value}" is not a colour',
                         'write colours as "#RRGGBB", e.g. "#1d5b79"')
    return good
