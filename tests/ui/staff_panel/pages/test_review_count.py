"""The staff Content page says how many topics await a clinician's review (reviewed_by)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.content import section_text
from tests.helpers.touch import tap


def test_the_content_page_counts_topics_awaiting_a_clinician(make_kiosk,
                                                              content_dir: Path) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    page = kiosk.staff.content_page
    assert page.review_label.text() == "Every topic names the clinician who reviewed it."
    (content_dir / "es" / "03-topic-3.md").write_text(
        section_text("Topic 3 es", ["Uno."], reviewed_by=""), encoding="utf-8")
    tap(page.reload_button)
    assert page.review_label.isVisible()
    assert page.review_label.text().startswith("1 topic awaits a clinician's review (6 in all)")
