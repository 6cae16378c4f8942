"""site.toml mistakes, the clinic notice, the content status and change fingerprints (no Qt)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from kiosk.content.reading.loader import load_library
from kiosk.content.refresh import fingerprint
from kiosk.content.status import ContentStatus
from tests.helpers.content import write_content


def test_unknown_site_keys_suggest_the_right_one(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "site.toml").write_text(
        '[clinic]\nname = "C"\nphnoe = "1"\n\n[language]\navailable = ["en"]\n\n'
        '[theme]\nprimary = "#1d5b79"\nbackground = "#ffffff"\n', encoding="utf-8")
    errors = [(f.line, f.message, f.hint) for f in load_library(root).errors]
    assert (3, '"phnoe" is not a known key in [clinic]', 'did you mean "phone"?') in errors
    assert (5, '"[language]" is not a known part', 'did you mean "[languages]"?') in errors
    assert (10, '"background" is not a known key in [theme]',
            "known keys: accent, primary") in errors


def test_the_clinic_name_is_required(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "site.toml").write_text('[clinic]\nphone = "1"\n\n[languages]\navailable = ["en"]\n',
                                    encoding="utf-8")
    assert [(f.line, f.message) for f in load_library(root).errors] == [
        (1, "[clinic] has no name")]


def test_malformed_site_toml_still_shows_every_language_folder(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("es", "en"))
    (root / "site.toml").write_text('[clinic]\nname = "Unclosed\n', encoding="utf-8")
    library = load_library(root)
    assert library.site.languages == ("en", "es") and library.site.default_language == "en"
    assert [(f.line, f.message.split(" (")[0]) for f in library.errors] == [
        (2, "is not valid TOML")]
    assert all(len(c.sections) == 3 for c in library.languages.values())


def test_notice_per_language_or_shared(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    assert {c.notice for c in load_library(root).languages.values()} == {""}
    (root / "notice.md").write_text("Closed Friday.\nSorry!\n", encoding="utf-8")
    (root / "es" / "notice.md").write_text("Cerrado el viernes.\n", encoding="utf-8")
    library = load_library(root)
    assert library.languages["en"].notice == "Closed Friday. Sorry!"
    assert library.languages["es"].notice == "Cerrado el viernes."
    (root / "es" / "notice.md").write_text("  \n", encoding="utf-8")  # emptied: shared one
    assert load_library(root).languages["es"].notice == "Closed Friday. Sorry!"


def test_status_says_what_loaded_and_what_was_left_out(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "en" / "02-topic-2.md").write_text("---\ntitle: x\n", encoding="utf-8")
    status = ContentStatus.of(load_library(root), datetime(2026, 11, 22, 9, 5, 0))
    assert [(s.lang, s.sections, s.quiz_questions, s.facts) for s in status.languages] == [
        ("en", ("topic-1", "topic-3"), 1, 2), ("es", ("topic-1", "topic-2", "topic-3"), 1, 2)]
    assert [f.path.name for f in status.skipped] == ["02-topic-2.md"]
    assert status.summary() == (
        f"Content from {root} loaded at 2026-11-22 09:05:00, shown: en: 2 sections, "
        "1 questions, 2 facts; es: 3 sections, 1 questions, 2 facts; 1 error, 0 warnings, 0 info")


def test_fingerprint_changes_with_any_save(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    first = fingerprint(root)
    assert first == fingerprint(root)
    assert ("en/01-topic-1.md" in {entry[0] for entry in first})
    page = root / "en" / "01-topic-1.md"
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert fingerprint(root) != first
    (root / "en" / "new.md").write_text("x", encoding="utf-8")
    assert len(fingerprint(root)) == len(first) + 1
    assert fingerprint(tmp_path / "gone") == ()
