"""site.toml still holding the example clinic's details is named line by line: info in the
shipped folder, a warning in a clinic's own folder, a WARN from the doctor either way."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kiosk.content.reading.loader import load_library
from kiosk.content.reading.site import example_details
from kiosk.doctor.content import content_checks
from kiosk.doctor.report import OK, WARN
from kiosk.settings import paths
from tests.helpers.content import write_content

ROOT = Path(__file__).parents[2]
EXAMPLE_LINES = [6, 7, 8, 9]  # name, phone, website, address in the shipped site.toml


def _example_findings(root: Path):
    return [f for f in load_library(root).findings if "example clinic" in f.message]


def test_the_shipped_folder_names_each_line_as_info() -> None:
    found = _example_findings(paths.shipped_content_dir())
    assert [(f.path.name, f.line, f.severity) for f in found] == [
        ("site.toml", line, "info") for line in EXAMPLE_LINES]
    assert found[1].message.startswith("[clinic] phone is still the example clinic's ((555)")
    assert found[1].hint == "write your clinic's phone on this line"


def test_a_clinic_copy_of_the_example_warns_and_validate_says_which_lines(tmp_path: Path) -> None:
    root = tmp_path / "clinic-content"
    shutil.copytree(paths.shipped_content_dir(), root)
    result = subprocess.run([sys.executable, "main.py", "validate", str(root)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0
    for line, key in zip(EXAMPLE_LINES, ("name", "phone", "website", "address"), strict=True):
        assert (f"{root / 'site.toml'}:{line}: warning: [clinic] {key} is still the example "
                "clinic's") in result.stdout
    text = (root / "site.toml").read_text(encoding="utf-8")
    for old, new in (("Lakeside Vein & Vascular Clinic", "Hillview Clinic"),
                     ("(555) 010-0199", "(212) 639-2000"),
                     ("https://www.example.org", "https://hillview-clinic.org"),
                     ("100 Example Street, Suite 200, Lakeside, ST 00000", "5 Main St")):
        text = text.replace(old, new)
    (root / "site.toml").write_text(text, encoding="utf-8")
    assert _example_findings(root) == []


def test_the_doctor_warns_on_the_example_details(tmp_path: Path) -> None:
    checks = content_checks(paths.shipped_content_dir(), date(2026, 12, 1))
    content, clinic = checks
    assert "0 errors, 0 warnings" in content.detail
    assert clinic.status == WARN and "still holds the example clinic's" in clinic.detail
    assert [line.split(": ")[0].rsplit(":", 1)[1] for line in clinic.more] == \
        [str(n) for n in EXAMPLE_LINES]
    mine = content_checks(write_content(tmp_path / "c"), date(2026, 12, 1))
    assert (mine[1].name, mine[1].status) == ("clinic details", OK)


@pytest.mark.parametrize(("details", "flagged"), [
    ({"phone": "555-0123"}, ["phone"]), ({"phone": "(555) 234-5678"}, ["phone"]),
    ({"phone": "+1 212 555 0100"}, ["phone"]), ({"phone": "(212) 555-7788"}, []),
    ({"website": "http://example.com/rls"}, ["website"]),
    ({"website": "www.clinic.test"}, ["website"]),
    ({"website": "https://examples.org.uk"}, []), ({"website": "https://myexample.org"}, []),
    ({"name": "Lakeside Clinic", "address": "1 Example Street"}, ["name", "address"]),
    ({"name": "Lakeside Vascular", "address": "Calle Mayor 3"}, []),
])
def test_example_values(details: dict[str, str], flagged: list[str]) -> None:
    assert example_details(details) == flagged
