"""Opening hours: parsed from the settings file, checked against an injected time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kiosk.settings.config import load_settings
from kiosk.settings.hours import parse_hours

MONDAY = datetime(2026, 11, 23)


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    return MONDAY.replace(day=MONDAY.day + day_offset, hour=hour, minute=minute)


def test_weekdays_and_saturday() -> None:
    hours = parse_hours(["mon-fri 07:30-18:00", "Sat 08:00-12:00"])
    assert not hours.is_open(at(0, 7, 29))
    assert hours.is_open(at(0, 7, 30))
    assert not hours.is_open(at(4, 18, 0))
    assert hours.is_open(at(5, 11, 59))
    assert not hours.is_open(at(6, 10))


def test_every_day_lists_and_wrapping_ranges() -> None:
    assert parse_hours(["09:00-17:00"]).is_open(at(6, 9))
    listed = parse_hours(["mon,wed 10:00-11:00"])
    assert listed.is_open(at(2, 10, 30)) and not listed.is_open(at(1, 10, 30))
    weekend = parse_hours(["sat-mon 00:00-24:00"])
    assert weekend.is_open(at(0, 23, 59)) and not weekend.is_open(at(1, 12))


def test_no_hours_means_always_open() -> None:
    assert parse_hours([]).always_open and parse_hours([]).is_open(at(0, 3))


@pytest.mark.parametrize(("entry", "expected"), [
    ("mon-fri 7.30-18", "is not like"),
    ("mon-fry 07:30-18:00", "names a day"),
    ("25:00-26:00", "not a time of day"),
    ("18:00-07:00", "ends before it starts"),
])
def test_bad_entries_are_named(entry: str, expected: str) -> None:
    with pytest.raises(ValueError, match=expected) as caught:
        parse_hours([entry])
    assert entry in str(caught.value)


def test_settings_file_reports_bad_hours_and_keeps_always_on(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('opening_hours = ["mon-fri 07:30-18:00", "lunch"]\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.opening_hours == ()
    assert "opening_hours" in str(problems[0]) and '"lunch"' in str(problems[0])
    path.write_text('opening_hours = ["mon-fri 07:30-18:00"]\n', encoding="utf-8")
    assert load_settings(path)[0].opening_hours == ("mon-fri 07:30-18:00",)
