"""Three finding levels: error, warning, info. `validate`, `doctor` and the log count alike."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.content.model import Finding, Severity, count_findings, counts_text
from kiosk.content.refresh import load_checked
from kiosk.content.status import ContentStatus
from kiosk.doctor.content import check_content
from kiosk.doctor.report import WARN, write_report
from kiosk.settings import paths
from tests.helpers.content import section_text, write_content

ROOT = Path(__file__).parents[2]


def test_a_plain_word_becomes_its_level_and_a_typo_is_refused(tmp_path: Path) -> None:
    assert Finding(tmp_path, 1, "info", "m").severity is Severity.INFO
    assert str(Finding(tmp_path / "a.md", 3, "warning", "m", "h")) == \
        f"{tmp_path / 'a.md'}:3: warning: m - h"
    with pytest.raises(ValueError):
        Finding(tmp_path, 1, "warn", "m")


def test_counts_name_every_level(tmp_path: Path) -> None:
    found = [Finding(tmp_path, 0, level, "m") for level in ("error", "info", "info")]
    assert count_findings(found) == {Severity.ERROR: 1, Severity.WARNING: 0, Severity.INFO: 2}
    assert counts_text(found) == "1 error, 0 warnings, 2 info"


def _web_link_content(root: Path) -> Path:
    """Good content (reviewed this month, so no old-review warning whatever the day) with one
    web address."""
    write_content(root)
    for path in root.glob("*/*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("review_date: 2026-10",
                                     f"review_date: {date.today():%Y-%m}"), encoding="utf-8")
    (root / "en" / "02-topic-2.md").write_text(
        section_text("Topic 2 en", ["See https://example.org/a for more."]).replace(
            "review_date: 2026-10", f"review_date: {date.today():%Y-%m}"), encoding="utf-8")
    return root


def test_a_web_address_shown_as_a_qr_code_is_info(tmp_path: Path) -> None:
    library = load_checked(_web_link_content(tmp_path / "c"), date(2026, 11, 1))
    qr = [f for f in library.findings if "QR code" in f.message]
    assert [(f.path.name, f.line, f.severity) for f in qr] == [("02-topic-2.md", 11, "info")]
    status = ContentStatus.of(library, datetime(2026, 11, 1, 9, 0))
    assert status.infos == tuple(qr) and status.warnings == () and status.skipped == ()
    assert status.summary().endswith("0 errors, 0 warnings, 1 info")


def test_validate_and_doctor_count_the_same_way(tmp_path: Path, monkeypatch) -> None:
    root = _web_link_content(tmp_path / "c")
    (root / "es" / "03-topic-3.md").write_text(  # a warning: signed, but no review date
        "---\ntitle: Tema 3\nreviewed_by: Dr. Test\n---\n\n## Una página\n\nTexto.\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "validate", str(root)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0
    assert "0 errors, 1 warning, 1 info" in result.stdout
    assert f"{root / 'en' / '02-topic-2.md'}:11: info: web address" in result.stdout
    check = check_content(root)
    assert check.status == WARN
    assert "0 errors, 1 warning, 1 info" in check.detail
    assert [line for line in check.more if "review_date" in line]


def test_validate_json_gives_each_level(tmp_path: Path) -> None:
    root = _web_link_content(tmp_path / "c")
    result = subprocess.run([sys.executable, "main.py", "validate", "--json", str(root)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert [f["severity"] for f in json.loads(result.stdout)] == ["info"]


SHIPPED_ON = date(2026, 12, 1)  # within a year of every shipped review_date


def test_shipped_content_has_no_errors_and_no_warnings() -> None:
    library = load_checked(paths.shipped_content_dir(), SHIPPED_ON)
    counts = count_findings(library.findings)
    assert counts[Severity.ERROR] == 0 and counts[Severity.WARNING] == 0, \
        "\n".join(str(f) for f in library.findings if f.severity != Severity.INFO)
    # Its web addresses, shown as QR codes, and every section: no clinician has signed them.
    waiting = [f for f in library.findings if "awaits a clinician's review" in f.message]
    assert len(waiting) == len(library.awaiting_review()) == 16
    assert counts[Severity.INFO] > len(waiting)
    out = io.StringIO()
    write_report([check_content(paths.shipped_content_dir(), SHIPPED_ON)], out)
    assert "WARN  content" in out.getvalue()
    assert "0 errors, 0 warnings" in out.getvalue()
    assert "16 of 16 sections await a clinician's review" in out.getvalue()
