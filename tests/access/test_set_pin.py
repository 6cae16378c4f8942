"""`rls-kiosk set-pin`: the PIN twice, only a hash stored, one clear sentence on any problem."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.access.pin import verify_pin
from kiosk.access.setpin import run_set_pin
from kiosk.settings.config import Settings, load_settings, save_settings

ROOT = Path(__file__).parents[2]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def set_pin(config: Path, text: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_set_pin(config, stdin=io.StringIO(text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_piped_pin_is_stored_as_a_hash_only(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "kiosk.toml"
    save_settings(Settings(idle_timeout=60), config)
    code, out, err = set_pin(config, "482913\n482913\n")
    assert (code, err) == (0, "")
    assert str(config) in out
    text = config.read_text(encoding="utf-8")
    assert "482913" not in text
    settings, problems = load_settings(config)
    assert problems == [] and settings.idle_timeout == 60
    assert verify_pin("482913", settings.staff_pin_hash)


def test_terminal_uses_getpass(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    answers = iter(["1357", "1357"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    code = run_set_pin(config, stdin=Terminal(), stdout=io.StringIO(), stderr=io.StringIO(),
                       ask=ask)
    assert code == 0 and len(prompts) == 2 and "4 to 8 digits; 6 or more recommended" in prompts[0]
    assert verify_pin("1357", load_settings(config)[0].staff_pin_hash)


@pytest.mark.parametrize(("text", "expected"), [
    ("", "no PIN was given"),
    ("12\n12\n", "4 to 8 digits"),
    ("1234abcd\n1234abcd\n", "4 to 8 digits"),
    ("1234\n", "given only once"),
    ("1234\n4321\n", "are different"),
])
def test_bad_input_changes_nothing(tmp_path: Path, text: str, expected: str) -> None:
    config = tmp_path / "kiosk.toml"
    code, _, err = set_pin(config, text)
    assert code == 1
    assert expected in err and err.count("\n") == 1
    assert not config.exists()


def test_malformed_settings_file_is_left_alone(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_timeout = = 3\n", encoding="utf-8")
    code, _, err = set_pin(config, "1234\n1234\n")
    assert code == 1 and "fix it first" in err
    assert config.read_text(encoding="utf-8") == "idle_timeout = = 3\n"


def test_command_line_pipe_and_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    run = [sys.executable, "main.py", "set-pin", "--config", str(config)]
    good = subprocess.run(run, input="9753\n9753\n", capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert good.returncode == 0, good.stderr
    assert verify_pin("9753", load_settings(config)[0].staff_pin_hash)
    bad = subprocess.run(run, input="97\n97\n", capture_output=True, text=True, cwd=ROOT,
                         timeout=60)
    assert bad.returncode == 1
    assert bad.stderr.startswith("rls-kiosk set-pin: ") and "Traceback" not in bad.stderr


def test_six_digits_are_recommended(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    code, out, _ = set_pin(config, "1357\n1357\n")
    assert code == 0 and "6 or more digits" in out and "1 in 100 for 4 digits" in out
    code, out, _ = set_pin(config, "135791\n135791\n")
    assert code == 0 and "Advice" not in out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_set_pin_keeps_a_private_settings_file_private(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("# clinic IT's note\nidle_timeout = 60\n", encoding="utf-8")
    config.chmod(0o600)
    assert set_pin(config, "135791\n135791\n")[0] == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert config.read_text(encoding="utf-8").startswith("# clinic IT's note\nidle_timeout = 60\n")
