"""What a visit is offered, without a window: languages, the start language, topics by date and
by language, the next topic, and the attract facts taking turns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kiosk.content.offer import Offer, take_turns
from kiosk.content.reading.loader import load_library
from tests.helpers.content import section_text, write_content

TODAY = date(2026, 11, 22)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content", languages=("en", "es", "fr"))


def slugs(offer: Offer, lang: str, today: date = TODAY) -> list[tuple[str, bool]]:
    return [(item.section.slug, item.stand_in) for item in offer.sections(lang, today)]


def test_languages_follow_the_site_and_narrow_by_settings(root: Path) -> None:
    library = load_library(root)
    assert Offer(library).languages() == ["en", "es", "fr"]
    assert Offer(library, allowed=("fr", "en")).languages() == ["en", "fr"]  # the site's order
    assert Offer(library, allowed=("de",)).languages() == []


def test_the_start_language_is_the_settings_then_the_sites_then_the_first_offered(
        root: Path) -> None:
    library = load_library(root)
    assert Offer(library).default_language() == "en"
    assert Offer(library, wanted_default="es").default_language() == "es"
    assert Offer(library, wanted_default="de").default_language() == "en"  # no content in de
    assert Offer(library, allowed=("fr", "es")).default_language() == "es"
    assert Offer(library, allowed=("de",)).default_language() == "en"


def test_a_language_without_content_is_not_offered(root: Path) -> None:
    (root / "site.toml").write_text(
        '[clinic]\nname = "Test Clinic"\n\n[languages]\navailable = ["en", "de", "es"]\n'
        'default = "en"\n', encoding="utf-8")
    assert Offer(load_library(root)).languages() == ["en", "es"]


def test_a_missing_topic_stands_in_from_the_default_language(root: Path) -> None:
    (root / "es" / "02-topic-2.md").unlink()
    offer = Offer(load_library(root))
    assert slugs(offer, "es") == [("topic-1", False), ("topic-2", True), ("topic-3", False)]
    assert slugs(offer, "en") == [("topic-1", False), ("topic-2", False), ("topic-3", False)]
    stand_in = offer.section("es", "topic-2", TODAY)
    assert stand_in is not None and stand_in.section.lang == "en" and stand_in.stand_in


def test_topics_show_only_between_their_dates(root: Path) -> None:
    text = section_text("Winter", ["Cold feet."]).replace(
        "review_date:", "show_from: 2026-12-01\nshow_until: 2027-02-28\nreview_date:")
    (root / "en" / "04-winter.md").write_text(text, encoding="utf-8")
    offer = Offer(load_library(root))
    assert "winter" not in [slug for slug, _ in slugs(offer, "en")]
    assert offer.section("en", "winter", TODAY) is None
    assert "winter" in [slug for slug, _ in slugs(offer, "en", date(2026, 12, 1))]
    assert "winter" in [slug for slug, _ in slugs(offer, "es", date(2027, 1, 5))]  # stand-in
    assert "winter" not in [slug for slug, _ in slugs(offer, "en", date(2027, 3, 1))]


def test_the_next_topic_follows_the_order_and_ends_after_the_last(root: Path) -> None:
    offer = Offer(load_library(root))
    following = offer.next_section("en", "topic-1", TODAY)
    assert following is not None and following.slug == "topic-2"
    assert offer.next_section("en", "topic-3", TODAY) is None
    assert offer.next_section("en", "gone", TODAY) is None


def test_facts_take_turns_by_language() -> None:
    assert take_turns([["a1", "a2", "a3"], ["b1"], [], ["c1", "c2"]]) == [
        "a1", "b1", "c1", "a2", "c2", "a3"]
    assert take_turns([]) == []
