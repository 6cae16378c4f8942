"""`reviewed_by:` names the clinician who checked a section. Without it, validate lists the
section as info, doctor warns with the count, and the status the staff panel reads counts it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from kiosk.content.checks.validate import check_library
from kiosk.content.reading.loader import load_library
from kiosk.content.refresh import load_checked
from kiosk.content.status import ContentStatus
from kiosk.doctor.content import check_content
from kiosk.doctor.report import OK, WARN
from tests.helpers.content import section_text, write_content

TODAY = date(2026, 11, 22)


def _unsigned(root: Path, *names: str) -> None:
    """Rewrite en/`names` without reviewed_by (the helper signs every section)."""
    for name in names:
        number = int(name[:2])
        (root / "en" / name).write_text(
            section_text(f"Topic {number} en", ["Text."], reviewed_by=""), encoding="utf-8")


def test_reviewed_by_is_read_with_its_name_and_role(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    section = load_library(root).languages["en"].sections[0]
    assert section.reviewed_by == "Dr. Test Reviewer, neurologist"
    assert section.review_date == date(2026, 10, 1) and section.is_signed


def test_a_section_without_a_reviewer_is_info_not_a_warning(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    _unsigned(root, "02-topic-2.md")
    found = list(check_library(load_library(root), TODAY))
    assert [(f.path.name, f.line, f.severity) for f in found] == [("02-topic-2.md", 2, "info")]
    assert found[0].message == ("awaits a clinician's review: it has no reviewed_by, so "
                                'patients see no "Reviewed by" line')
    assert "reviewed_by: Dr. Ana Ruiz, sleep medicine" in found[0].hint


def test_a_reviewer_without_a_date_is_not_signed(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    (root / "en" / "02-topic-2.md").write_text(
        "---\ntitle: Topic 2\nreviewed_by: Dr. Ana Ruiz, sleep medicine\n---\n\n## P\n\nT.\n",
        encoding="utf-8")
    library = load_library(root)
    assert [s.path.name for s in library.awaiting_review()] == ["02-topic-2.md"]
    found = list(check_library(library, TODAY))
    assert [(f.line, f.severity, f.message) for f in found] == [
        (2, "warning", "has no review_date")]


def test_doctor_and_the_status_count_sections_awaiting_a_clinician(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")  # 3 sections in each of 2 languages
    assert check_content(root, TODAY).status == OK
    _unsigned(root, "01-topic-1.md", "03-topic-3.md")
    check = check_content(root, TODAY)
    assert check.status == WARN
    assert "0 errors, 0 warnings, 2 info" in check.detail
    assert "2 of 6 sections await a clinician's review" in check.detail
    status = ContentStatus.of(load_checked(root, TODAY), datetime(2026, 11, 22, 9, 0))
    assert status.awaiting_review == 2
