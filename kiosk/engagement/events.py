"""The engagement vocabulary: the only events and fields the kiosk may record.

This allow-list is the privacy boundary. The database has one column per field named here and
nothing else (a test checks this), field values are numbers, yes/no or short lower-case slugs,
so free text, names or device identifiers have no way in. Anything outside the list is dropped
with a logged warning that names the kind and field but never the rejected value (it might be
exactly the personal data we refuse to keep).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

log = logging.getLogger(__name__)

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")

SCREENS = frozenset(
    {"attract", "home", "reader", "quiz", "results", "sources", "disclaimer", "about"}
    | {"staff", "info"}
)
SETTINGS = frozenset({"language", "text_size", "theme", "read_aloud", "reduce_motion"})
VISIT_END_REASONS = frozenset({"idle", "attract", "staff", "exit"})

EVENT_FIELDS: dict[str, frozenset[str]] = {
    "visit_start": frozenset({"language", "text_size", "theme"}),
    "screen_view": frozenset({"screen", "section", "page"}),
    "page_dwell": frozenset({"section", "page", "seconds"}),
    "quiz_start": frozenset({"questions"}),
    "quiz_answer": frozenset({"question", "correct"}),
    "quiz_complete": frozenset({"score", "total", "seconds"}),
    "quiz_abandoned": frozenset({"answered"}),
    "setting_change": frozenset({"setting", "value"}),
    "idle_reset": frozenset(),
    "visit_end": frozenset({"reason", "seconds"}),
    "staff_login": frozenset({"ok"}),
    # A take-home code was shown, holding `total` items: never which ones.
    "take_home": frozenset({"total"}),
}

# Largest number accepted in a count or duration field (a day in seconds is 86 400).
MAX_NUMBER = 1_000_000

# How each field is stored: "text" holds a slug (ints are stored as their digits, so a page or
# question may be numbered), "int" a non-negative whole number, "bool" 0 or 1.
FIELD_TYPES: dict[str, str] = {
    "language": "text",
    "text_size": "text",
    "theme": "text",
    "screen": "text",
    "section": "text",
    "page": "text",
    "question": "text",
    "setting": "text",
    "value": "text",
    "reason": "text",
    "seconds": "int",
    "questions": "int",
    "score": "int",
    "total": "int",
    "answered": "int",
    "correct": "bool",
    "ok": "bool",
}

# Fields whose slug must come from a closed set.
FIELD_CHOICES: dict[str, frozenset[str]] = {
    "screen": SCREENS,
    "setting": SETTINGS,
    "reason": VISIT_END_REASONS,
}

# Every field column, in a fixed order (the order of the events table).
FIELD_COLUMNS: tuple[str, ...] = tuple(FIELD_TYPES)


class EventRecorder(Protocol):
    """What the screens record through (kiosk/engagement/recorder.py's Recorder, or a test's
    list): one event of this vocabulary with its fields; anything outside it is dropped there."""

    def record(self, kind: str, **fields: object) -> None: ...


class Rejected(ValueError):
    """A field value outside the vocabulary; the message never contains the value."""


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, int):
        if 0 <= value <= MAX_NUMBER:
            return str(value)
        raise Rejected("number out of range")
    if isinstance(value, str) and SLUG_RE.fullmatch(value):
        return value
    raise Rejected(f"not a slug ({type(value).__name__})")


def _int(value: Any) -> int:
    if isinstance(value, float) and math.isfinite(value):
        value = round(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_NUMBER:
        return value
    raise Rejected(f"not a whole number from 0 to {MAX_NUMBER} ({type(value).__name__})")


def _bool(value: Any) -> int:
    if value is True or value is False or (type(value) is int and value in (0, 1)):
        return int(value)
    raise Rejected(f"not true or false ({type(value).__name__})")


_CONVERTERS: dict[str, Callable[[Any], Any]] = {"text": _text, "int": _int, "bool": _bool}
_FIELD_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    name: _CONVERTERS[kind] for name, kind in FIELD_TYPES.items()
}

_warned: set[tuple[str, str, str]] = set()


def _warn(kind: str, field: str, problem: str) -> None:
    """Log each distinct problem once at WARNING, then at DEBUG, so a UI bug cannot flood logs."""
    key = (kind, field, problem)
    if key in _warned:
        log.debug("engagement event dropped: %s %s: %s", kind, field, problem)
        return
    if len(_warned) < 1000:
        _warned.add(key)
    log.warning("Engagement event dropped: kind %r, field %r: %s", kind, field, problem)


def clean_event(kind: str, fields: Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the fields converted to their stored form, or None (and a warning) if not allowed.

    Missing fields are fine (stored as NULL); unknown kinds, unknown fields and bad values drop
    the whole event, because a half-recorded event would count wrongly in reports.
    """
    allowed = EVENT_FIELDS.get(kind) if isinstance(kind, str) else None
    if allowed is None:
        shown = kind if isinstance(kind, str) and SLUG_RE.fullmatch(kind) else "?"
        _warn(shown, "", "unknown kind")
        return None
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in allowed:
            _warn(kind, name if SLUG_RE.fullmatch(name) else "?", "field not allowed for this kind")
            return None
        if value is None:
            continue
        try:
            converted = _FIELD_CONVERTERS[name](value)
        except Rejected as exc:
            _warn(kind, name, str(exc))
            return None
        choices = FIELD_CHOICES.get(name)
        if choices is not None and converted not in choices:
            _warn(kind, name, "value not in the allowed list")
            return None
        clean[name] = converted
    return clean
