"""A misspelt {clinic.*} placeholder is an error with a did-you-mean and is never shown as
typed; HTML in quiz text is an error."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.reading.loader import load_library
from tests.content.broken_cases import CASES, build


def _case(name: str):
    return next(c for c in CASES if c.name == name)


def test_a_misspelt_placeholder_says_what_was_meant_and_is_not_shown(tmp_path: Path) -> None:
    root = build(_case("unknown-placeholder"), tmp_path / "c")
    library = load_library(root)
    hints = {f.line: f.hint for f in library.errors if f.path.name == "04-call.md"}
    assert hints[8] == "did you mean {clinic.phone}?"
    assert hints[10] == "did you mean {clinic.address}?"
    assert hints[12].startswith("use one of {clinic.name}, {clinic.phone}")
    section = library.languages["en"].section("call")
    assert section is not None
    text = section.pages[0].markdown
    assert "{clinic" not in text and "Call us on ." in text


def test_html_in_quiz_text_leaves_the_question_out(tmp_path: Path) -> None:
    library = load_library(build(_case("quiz-html"), tmp_path / "c"))
    assert library.languages["en"].quiz == ()
    assert library.languages["es"].quiz  # the other language's quiz is untouched
