"""The doctor's lines about the content folder: its findings (the same as `rls-kiosk
validate`), the example clinic's details still in site.toml, and when staff last changed it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.doctor.report import FAIL, INFO, MAX_LISTED, OK, WARN, Check

if TYPE_CHECKING:
    from kiosk.content.model import Library


def content_checks(folder: Path, today: date | None = None,
                   library: Library | None = None) -> list[Check]:
    """The content folder, read once: its findings, and whether it still holds the example
    clinic's details."""
    if library is None:
        library = checked_content(folder, today)
    return [_content(library, folder), _clinic_details(library)]


def check_content(folder: Path, today: date | None = None) -> Check:
    return _content(checked_content(folder, today), folder)


def checked_content(folder: Path, today: date | None) -> Library:
    """The same load and checks as `rls-kiosk validate`, so both count findings alike."""
    from kiosk.content.refresh import load_checked

    return load_checked(folder, today or date.today(), reading_level=True)


def _clinic_details(library: Library) -> Check:
    """WARN while site.toml holds the example clinic's details: in the shipped folder that is
    only info for `validate`, but a kiosk showing them to patients is not ready."""
    from kiosk.content.reading.site import EXAMPLE_MARK

    example = [f for f in library.findings if EXAMPLE_MARK in f.message]
    if not example:
        return Check(OK, "clinic details", "site.toml holds the clinic's own details")
    return Check(WARN, "clinic details", f"{example[0].path} still holds the example clinic's "
                 "details, which patients would see; change these lines:",
                 tuple(str(f) for f in example))


def _content(library: Library, folder: Path) -> Check:
    from kiosk.content.model import Severity, counts_text

    errors = library.errors
    sections = sum(len(c.sections) for c in library.languages.values())
    summary = (f"{folder}: {sections} sections in {len(library.languages)} language(s), "
               f"{counts_text(library.findings)}")
    listed = tuple(str(f) for f in errors[:MAX_LISTED])
    if len(errors) > MAX_LISTED:
        listed += (f"... and {len(errors) - MAX_LISTED} more: run `rls-kiosk validate {folder}`",)
    if library.is_empty:
        return Check(FAIL, "content", f"{summary}; nothing can be shown", listed)
    if errors:
        return Check(FAIL, "content", f"{summary}; the files with errors are left out", listed)
    if waiting := len(library.awaiting_review()):
        summary += (f"; {waiting} of {sections} sections await a clinician's review (no "
                    "reviewed_by and review_date, so patients see no \"Reviewed by\" line)")
    if warnings := library.of_level(Severity.WARNING):
        return Check(WARN, "content", f"{summary}; run `rls-kiosk validate {folder}` to see "
                     "them all", tuple(str(f) for f in warnings[:MAX_LISTED]))
    if waiting:
        return Check(WARN, "content", f"{summary}; once a clinician has checked a section, add "
                     "reviewed_by: with their name and role (see content/README.md)")
    return Check(OK, "content", summary)


def check_content_changed(folder: Path) -> Check:
    """When staff (or Syncthing) last changed a file in the content folder, and which file."""
    from kiosk.content.refresh import fingerprint

    files = [(mtime, name) for name, _size, mtime in fingerprint(folder)
             if (folder / name).is_file()]
    if not files:
        return Check(INFO, "content changed", f"no content files in {folder}")
    mtime, name = max(files)
    changed = datetime.fromtimestamp(mtime / 1e9)
    return Check(INFO, "content changed", f"{changed:%Y-%m-%d %H:%M} ({Path(name).as_posix()})")
