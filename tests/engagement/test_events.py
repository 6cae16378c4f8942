"""The vocabulary is the privacy boundary: only listed kinds, fields and value shapes get in."""

from __future__ import annotations

import logging

import pytest

from kiosk.engagement import events
from kiosk.engagement.events import EVENT_FIELDS, FIELD_TYPES, clean_event


def test_every_field_has_a_storage_type() -> None:
    assert set(FIELD_TYPES) == set().union(*EVENT_FIELDS.values())
    assert set(events.FIELD_COLUMNS) == set(FIELD_TYPES)


@pytest.mark.parametrize(
    ("kind", "fields", "stored"),
    [
        (
            "visit_start",
            {"language": "en", "text_size": "large"},
            {"language": "en", "text_size": "large"},
        ),
        (
            "screen_view",
            {"screen": "reader", "section": "what-is-rls", "page": 3},
            {"screen": "reader", "section": "what-is-rls", "page": "3"},
        ),
        (
            "page_dwell",
            {"section": "s1", "page": "p2", "seconds": 12.6},
            {"section": "s1", "page": "p2", "seconds": 13},
        ),
        ("quiz_answer", {"question": "q7", "correct": False}, {"question": "q7", "correct": 0}),
        (
            "setting_change",
            {"setting": "read_aloud", "value": True},
            {"setting": "read_aloud", "value": "on"},
        ),
        (
            "setting_change",
            {"setting": "text_size", "value": "largest"},
            {"setting": "text_size", "value": "largest"},
        ),
        ("idle_reset", {}, {}),
        ("visit_end", {"reason": "idle", "seconds": 0}, {"reason": "idle", "seconds": 0}),
        ("staff_login", {"ok": True}, {"ok": 1}),
        ("screen_view", {"screen": "home", "section": None}, {"screen": "home"}),
    ],
)
def test_allowed_events_are_kept_in_stored_form(kind: str, fields: dict, stored: dict) -> None:
    assert clean_event(kind, fields) == stored


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("visit_begin", {}),  # unknown kind
        ("screen_view", {"screen": "home", "name": "bob"}),  # unknown field
        ("screen_view", {"screen": "home", "section": "Heart Failure"}),  # not a slug
        ("screen_view", {"screen": "home", "section": "a" * 65}),  # too long for a slug
        ("screen_view", {"screen": "home", "section": "-leading-dash"}),
        ("screen_view", {"screen": "printer"}),  # not one of the screens
        ("setting_change", {"setting": "volume", "value": "up"}),  # not one of the settings
        ("visit_end", {"reason": "bored"}),
        ("page_dwell", {"seconds": -1}),
        ("page_dwell", {"seconds": float("nan")}),
        ("page_dwell", {"seconds": "12"}),
        ("page_dwell", {"seconds": True}),
        ("page_dwell", {"seconds": 10**9}),
        ("quiz_answer", {"question": "q1", "correct": 2}),
        ("quiz_answer", {"question": "q1", "correct": "yes"}),
        ("screen_view", {"screen": "home", "page": [1]}),
        ("screen_view", {"screen": "home", "page": b"1"}),
    ],
)
def test_anything_else_is_dropped_with_a_warning(
    kind: str, fields: dict, caplog: pytest.LogCaptureFixture
) -> None:
    events._warned.clear()
    with caplog.at_level(logging.WARNING, logger="kiosk.engagement.events"):
        assert clean_event(kind, fields) is None
    assert caplog.records, "a dropped event must be logged"


def test_warning_never_contains_the_rejected_value(caplog: pytest.LogCaptureFixture) -> None:
    events._warned.clear()
    with caplog.at_level(logging.DEBUG, logger="kiosk.engagement.events"):
        clean_event("screen_view", {"screen": "home", "section": "Mrs Jane Smith 01/02/1950"})
        clean_event("Jane Smith", {})
    assert caplog.records
    assert "Jane" not in caplog.text and "Smith" not in caplog.text


def test_the_same_problem_is_warned_once(caplog: pytest.LogCaptureFixture) -> None:
    events._warned.clear()
    with caplog.at_level(logging.WARNING, logger="kiosk.engagement.events"):
        for _ in range(50):
            clean_event("screen_view", {"screen": "nowhere"})
    assert len(caplog.records) == 1


def test_slug_pattern() -> None:
    for good in ("en", "pt-br", "q1", "what_is.rls", "0", "a" * 64):
        assert events.SLUG_RE.fullmatch(good)
    for bad in ("", "En", "a b", "é", "a/b", "_x", "a" * 65, "a\n"):
        assert not events.SLUG_RE.fullmatch(bad)
