from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.content import write_content

ROOT = Path(__file__).parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_validate_good_content_exits_zero(tmp_path: Path) -> None:
    result = run("validate", str(write_content(tmp_path / "c")))
    assert result.returncode == 0, result.stdout
    assert "6 sections in 2 languages, 0 errors" in result.stdout


def test_validate_reports_errors_as_json_and_exits_one(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "es" / "01-topic-1.md").write_text("---\ntitle x\n---\n", encoding="utf-8")
    result = run("validate", str(root), "--json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert findings[0]["line"] == 2 and findings[0]["severity"] == "error"
    assert result.stderr == ""


def test_bad_size_is_one_clear_sentence(tmp_path: Path) -> None:
    result = run("preview", "--out", str(tmp_path), "--size", "big")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "is not WIDTHxHEIGHT" in result.stderr


def test_a_fault_in_a_command_is_one_sentence_and_a_file(tmp_path: Path, monkeypatch,
                                                         capsys) -> None:
    from kiosk import cli

    def broken(args) -> int:
        raise ModuleNotFoundError("No module named 'pydoc'")

    monkeypatch.setattr(cli, "_validate", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    assert cli.main(["validate", str(tmp_path)]) == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "rls-kiosk validate stopped on an unexpected error (ModuleNotFoundError" in err
    details = tmp_path / "rls-kiosk-validate-error.txt"
    assert str(details) in err
    assert "Traceback" in details.read_text(encoding="utf-8")


def test_a_missing_program_file_is_named_not_the_output_folder(tmp_path: Path,
                                                               monkeypatch, capsys) -> None:
    from kiosk.cli import main
    from kiosk.settings import paths

    gone = tmp_path / "program" / "assets" / "theme.qss"
    monkeypatch.setattr(paths, "theme_file", lambda: gone)
    assert main(["preview", "--out", str(tmp_path / "png"), "--screens", "home"]) == 1
    said = capsys.readouterr().err
    assert f"the program's own file {gone} is missing" in said
    assert "reinstall the kiosk" in said
    assert "choose a folder you may write to" not in said
    assert not (tmp_path / "png").exists()
