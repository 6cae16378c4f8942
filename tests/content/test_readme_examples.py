"""content/README.md quotes `validate`'s exact words for common mistakes: keep them true."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.checks.validate import with_checks
from kiosk.content.reading.loader import load_library
from tests.content.broken_cases import CASES, WARNING_CASES, build

README = Path(__file__).parents[2] / "content" / "README.md"
FINDING_RE = re.compile(r"^content/\S*: (error|warning|info): ")
GRADE_RE = re.compile(r"grade \d+\.\d")  # the number depends on the syllable tables


def _validate_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> tuple[set[str], dict[str, int]]:
    lines: set[str] = set()
    codes: dict[str, int] = {}
    for case in CASES + WARNING_CASES:
        base = tmp_path / case.name
        build(case, base / "content")
        monkeypatch.chdir(base)
        codes[case.name] = main(["validate", "content"])
        lines |= {GRADE_RE.sub("grade N", row) for row in capsys.readouterr().out.splitlines()}
    return lines, codes


def test_every_quoted_line_is_what_validate_prints(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    quoted = [GRADE_RE.sub("grade N", row) for row in README.read_text(encoding="utf-8")
              .splitlines() if FINDING_RE.match(row)]
    assert len(quoted) >= 30
    printed, codes = _validate_all(tmp_path, monkeypatch, capsys)
    assert [row for row in quoted if row not in printed] == []
    assert codes["warnings-only"] == 0
    assert all(code == 1 for name, code in codes.items() if name != "warnings-only")


def test_the_readme_is_not_read_as_content() -> None:
    library = load_library(README.parent)
    assert not any("README" in str(f.path) for f in library.findings)


def test_the_worked_examples_are_valid(tmp_path: Path) -> None:
    """Each example in the README, put into a copy of the shipped content, is read without an
    error (so staff can copy them)."""
    root = tmp_path / "content"
    shutil.copytree(README.parent, root)
    blocks = re.findall(r"```markdown\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    kinds = {"title: Sleep and RLS": "09-sleep.md", "title: Quick quiz": "quiz.md",
             "title: Did you know?": "attract.md", "title: About this information":
             "disclaimer.md"}
    written = []
    for block in blocks:
        for marker, name in kinds.items():
            if block.startswith("---\n" + marker):
                (root / "en" / name).write_text(block, encoding="utf-8")
                written.append(name)
    assert sorted(written) == sorted(kinds.values())
    library = with_checks(load_library(root), date(2026, 11, 22))
    assert library.errors == ()
    sleep = library.languages["en"].section("sleep")
    assert sleep is not None and [p.title for p in sleep.pages] == [
        "Good sleep habits", "When to ask for help"]
