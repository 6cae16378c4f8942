"""Made-up visits can read a real content folder's sections (the staff preview names its topics)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from kiosk.engagement.synthetic import SECTIONS, synthetic_events


def _read(**kwargs: object) -> Counter[str]:
    return Counter(fields["section"] for _, kind, fields in
                   synthetic_events(date(2025, 3, 3), 14, **kwargs)
                   if kind == "screen_view" and "section" in fields)


def test_made_up_sections_by_default() -> None:
    assert set(_read()) <= {slug for slug, _ in SECTIONS}


def test_given_sections_only_and_unevenly() -> None:
    read = _read(sections=["what-is-rls", "treatment", "living-well"])
    assert set(read) == {"what-is-rls", "treatment", "living-well"}
    assert read["what-is-rls"] > read["living-well"]  # the first is the most read, as before
