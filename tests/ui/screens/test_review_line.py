"""The last page of a section says "Reviewed by NAME, MONTH YEAR" only when a clinician is
named and dated (reviewed_by and review_date)."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.reading.loader import load_library
from tests.helpers.content import section_text, write_content
from tests.helpers.touch import tap


def _last_page_text(window, slug: str) -> str:
    section = window.library.content_for(window.visit.language).section(slug)
    window.reader_flow.open(slug, len(section.pages) - 1)
    return window.reader.browser.toPlainText()


def test_signed_sections_name_the_reviewer_on_their_last_page_only(make_window,
                                                                    tmp_path: Path) -> None:
    root = write_content(tmp_path / "content")
    (root / "en" / "02-topic-2.md").write_text(  # a date, but no reviewer
        section_text("Topic 2 en", ["One.", "Two."], reviewed_by=""), encoding="utf-8")
    window = make_window(load_library(root))
    tap(window.attract)
    assert "Reviewed by Dr. Test Reviewer, neurologist, October 2026" in _last_page_text(
        window, "topic-1")
    window.reader_flow.open("topic-1", 0)
    assert "Reviewed by" not in window.reader.browser.toPlainText()
    text = _last_page_text(window, "topic-2")
    assert "Reviewed by" not in text and "Last reviewed" not in text and "2026" not in text

    tap(window.footer.language_buttons["es"])
    assert "Revisado por Dr. Test Reviewer, neurologist, octubre de 2026" in _last_page_text(
        window, "topic-1")


def test_a_reviewer_name_is_shown_as_text_not_markup(make_window, tmp_path: Path) -> None:
    root = write_content(tmp_path / "content", languages=("en",))
    (root / "en" / "01-topic-1.md").write_text(
        section_text("Topic 1 en", ["One."], reviewed_by="Dr. <b>Bold</b> & Co"),
        encoding="utf-8")
    window = make_window(load_library(root))
    tap(window.attract)
    assert "Reviewed by Dr. <b>Bold</b> & Co, October 2026" in _last_page_text(window, "topic-1")
