"""Tests for the reading-level tool and the reading level of the shipped content."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.checks import readability
from kiosk.content.checks.readability import grade_level, plain_text

CONTENT = Path(__file__).resolve().parents[3] / "content"
MAX_GRADE = 8.0

SECTION = """---
title: What is RLS?
subtitle: A strong urge to move your legs
icon: ../images/icons/what-is-rls.svg
review_date: 2026-11
sources:
  - American Academy of Sleep Medicine. Clinical practice guideline for RLS, 2024.
---

## A strong urge to move

RLS is a brain and nerve condition. Read [Treatment options](section:treatment)

![A leg with a healthy vein valve](../images/vein-valves.svg)

## The five signs

- **U**rge to move
- *Rest* makes it worse

Things that help:

1. Walking
"""

QUIZ = """---
title: Quick quiz
---

## Which of these is the main sign of RLS?
id: main-sign
section: what-is-rls
- [ ] Sharp cramps that lock the muscle
- [x] A strong urge to move the legs
explanation: RLS is an urge to move the legs, worse at rest and in the evening.
"""

EASY_EN = "## Legs\n\nI sit. My legs feel odd. I get up. I walk. It is fine now.\n"
HARD_EN = (
    "## Pathophysiology\n\nContemporary pathophysiological investigations "
    "characterize idiopathic restless legs syndrome as a heterogeneous "
    "sensorimotor disorder involving dysregulated dopaminergic neurotransmission "
    "and compromised cerebral iron homeostasis, necessitating individualized "
    "pharmacological management strategies.\n"
)
EASY_ES = "## Piernas\n\nMe siento. Las piernas me molestan. Me paro. Camino. Ya está bien.\n"
HARD_ES = (
    "## Fisiopatología\n\nLas investigaciones fisiopatológicas contemporáneas "
    "caracterizan el síndrome de piernas inquietas idiopático como un trastorno "
    "sensitivomotor heterogéneo que involucra neurotransmisión dopaminérgica "
    "desregulada y homeostasis cerebral del hierro comprometida.\n"
)


# --------------------------------------------------------------------------
# plain_text
# --------------------------------------------------------------------------


def test_plain_text_drops_front_matter():
    text = plain_text(SECTION)
    assert "review_date" not in text
    assert "American Academy" not in text
    assert "subtitle" not in text


def test_plain_text_drops_images_and_link_targets():
    text = plain_text(SECTION)
    assert "vein-valves.svg" not in text
    assert "healthy vein valve" not in text
    assert "section:treatment" not in text
    assert "Read Treatment options." in text


def test_plain_text_makes_each_heading_and_list_item_a_sentence():
    lines = plain_text(SECTION).splitlines()
    assert lines[0] == "A strong urge to move."
    assert "The five signs." in lines
    assert "Urge to move." in lines
    assert "Rest makes it worse." in lines
    assert "Things that help." in lines
    assert "Walking." in lines


def test_plain_text_keeps_existing_end_punctuation():
    text = plain_text("## Is it RLS?\n\n- Stop!\n- Walk a bit.\n")
    assert text.splitlines() == ["Is it RLS?", "Stop!", "Walk a bit."]


def test_plain_text_drops_markdown_markup():
    text = plain_text("## Title\n\nSome **bold** and *italic* words.\n")
    assert "*" not in text and "#" not in text
    assert "Some bold and italic words." in text


def test_plain_text_without_front_matter():
    assert plain_text("## Only a heading") == "Only a heading."


def test_plain_text_reads_quiz_files():
    lines = plain_text(QUIZ).splitlines()
    assert lines == [
        "Which of these is the main sign of RLS?",
        "Sharp cramps that lock the muscle.",
        "A strong urge to move the legs.",
        "RLS is an urge to move the legs, worse at rest and in the evening.",
    ]


def test_plain_text_placeholders_count_as_one_word():
    text = plain_text("## Call us\n\nPhone {clinic.phone} to book.\n")
    assert text.splitlines()[1] == "Phone phone to book."


def test_plain_text_removes_bare_urls():
    text = plain_text("## More\n\nSee <https://www.example.org/a.b> today.\n")
    assert "http" not in text
    assert "example.org" not in text


# --------------------------------------------------------------------------
# grade_level
# --------------------------------------------------------------------------


def test_english_grade_orders_easy_and_hard_text():
    easy = grade_level(EASY_EN, "en")
    hard = grade_level(HARD_EN, "en")
    assert easy < 3
    assert hard > 14
    assert isinstance(easy, float)


def test_spanish_grade_orders_easy_and_hard_text():
    easy = grade_level(EASY_ES, "es")
    hard = grade_level(HARD_ES, "es")
    assert easy < hard
    assert easy < 3
    assert hard > 8


def test_scores_do_not_depend_on_the_language_scored_before():
    english_first = grade_level(SECTION, "en")
    grade_level(EASY_ES, "es")
    assert grade_level(SECTION, "en") == english_first
    spanish_first = grade_level(EASY_ES, "es")
    grade_level(SECTION, "en")
    assert grade_level(EASY_ES, "es") == spanish_first


def test_language_codes_with_region_are_accepted():
    assert grade_level(EASY_EN, "en-US") == grade_level(EASY_EN, "en")
    assert grade_level(EASY_ES, "es_MX") == grade_level(EASY_ES, "es")


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError):
        grade_level(EASY_EN, "fr")


def test_words_outside_the_dictionary_are_hyphenated():
    assert grade_level("## Unusual words\n\nZyxtrofane quelbaric.\n", "en") > 0


def test_the_authoring_extra_is_installed_for_the_tests():
    assert readability.authoring_problem() is None


# --------------------------------------------------------------------------
# The shipped content
# --------------------------------------------------------------------------


def _content_files() -> list[Path]:
    files: list[Path] = []
    for lang in ("en", "es"):
        folder = CONTENT / lang
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.md")))
    return files


@pytest.mark.parametrize("path", _content_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_content_reads_at_grade_8_or_below(path: Path):
    grade = grade_level(path.read_text(encoding="utf-8"), path.parent.name)
    assert grade <= MAX_GRADE, f"{path.parent.name}/{path.name} reads at grade {grade:.1f}"
