"""Every kind of broken content: `validate` names the file and line and exits 1, fast, without a
traceback, and the kiosk still gets every good section."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.reading.loader import load_library
from tests.content.broken_cases import CASES, Case, apply, build
from tests.helpers.content import write_content

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_validate_names_file_and_line_and_exits_one(case: Case, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = build(case, tmp_path / "content")
    started = time.perf_counter()
    code = main(["validate", str(root)])
    seconds = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert code == 1, out
    assert seconds < 5, f"validate took {seconds:.1f} s"
    for relative, line, words in case.expect:
        where = f"{root / relative}:{line}: error: " if line else f"{root / relative}: error: "
        assert any(row.startswith(where) and words in row for row in out.splitlines()), \
            f"no {where}...{words}... in\n{out}"
    assert "Traceback" not in out + err


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_good_section_is_still_loaded(case: Case, tmp_path: Path) -> None:
    library = load_library(build(case, tmp_path / "content"))
    loaded = {(lang, s.slug) for lang, c in library.languages.items() for s in c.sections}
    assert case.good <= loaded


def test_the_command_line_prints_no_traceback(tmp_path: Path) -> None:
    """Through a real process, many broken files at once: one clear line each, exit 1."""
    together = {"html-and-links", "quiz-mistakes", "duplicate-section", "stray-brackets",
                "binary-garbage", "latin-1", "utf-16-without-bom", "huge-file", "nested-lists",
                "nested-quotes", "symlink-outside"}
    root = write_content(tmp_path / "content")
    for case in CASES:
        if case.name in together:
            apply(case, root)
    result = subprocess.run([sys.executable, "main.py", "validate", str(root)],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr == ""
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    expected = sum(len(c.expect) for c in CASES if c.name in together)
    assert len(errors) >= expected
    assert all(line.startswith(str(root)) and " - " in line for line in errors)
