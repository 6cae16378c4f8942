"""Opening hours: when the kiosk should be awake. Outside them the screen goes dark.

Written in the settings file as a list, one entry per stretch of time:

    opening_hours = ["mon-fri 07:30-18:00", "sat 08:00-12:00"]

An entry is optional days (a day, a range such as ``mon-fri``, or a list such as ``mon,wed,fri``)
then ``HH:MM-HH:MM``. Without days it means every day. ``24:00`` is the end of the day; a time
span does not run past midnight (use two entries). An empty list means always open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ENTRY_RE = re.compile(
    r"^(?:(?P<days>[a-z,\-]+)\s+)?(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})$")
EXAMPLE = '["mon-fri 07:30-18:00", "sat 08:00-12:00"]'


@dataclass(frozen=True)
class Span:
    days: frozenset[int]  # 0 = Monday
    start: int  # minutes after midnight
    end: int  # minutes after midnight, up to 1440


@dataclass(frozen=True)
class OpeningHours:
    spans: tuple[Span, ...] = ()

    @property
    def always_open(self) -> bool:
        return not self.spans

    def is_open(self, moment: datetime) -> bool:
        if not self.spans:
            return True
        minute = moment.hour * 60 + moment.minute
        day = moment.weekday()
        return any(day in s.days and s.start <= minute < s.end for s in self.spans)


def _minutes(text: str, entry: str) -> int:
    hours, minutes = (int(v) for v in text.split(":"))
    if minutes > 59 or hours > 24 or (hours == 24 and minutes):
        raise ValueError(f'"{entry}" has the time {text}, which is not a time of day')
    return hours * 60 + minutes


def _days(text: str, entry: str) -> frozenset[int]:
    found: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(f'"{entry}" names a day that is not one of {", ".join(DAYS)}')
        a, b = DAYS.index(first), DAYS.index(last or first)
        found.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return frozenset(found)


def parse_hours(entries: list[str] | tuple[str, ...]) -> OpeningHours:
    """Read the setting; raises ValueError with a sentence naming the bad entry."""
    spans = []
    for entry in entries:
        if not isinstance(entry, str):
            raise ValueError(f"must be a list of texts in quotes, for example {EXAMPLE}")
        match = _ENTRY_RE.match(entry.strip().lower())
        if not match:
            raise ValueError(f'"{entry}" is not like "mon-fri 07:30-18:00" (days are optional)')
        start, end = _minutes(match["start"], entry), _minutes(match["end"], entry)
        if end <= start:
            raise ValueError(f'"{entry}" ends before it starts; split a night into two entries')
        days = _days(match["days"], entry) if match["days"] else frozenset(range(7))
        spans.append(Span(days, start, end))
    return OpeningHours(tuple(spans))

