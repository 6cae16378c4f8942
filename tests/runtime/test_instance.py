"""One kiosk per machine: the second one exits with one clear sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.runtime.instance import AlreadyRunning, hold_instance_lock
from kiosk.settings import paths
from tests.helpers.content import write_content

ROOT = Path(__file__).parents[2]


def test_second_lock_is_refused_and_freed_on_release(tmp_path: Path) -> None:
    first = hold_instance_lock(tmp_path)
    assert first is not None and first.isLocked()
    with pytest.raises(AlreadyRunning, match="another kiosk is already running"):
        hold_instance_lock(tmp_path)
    first.unlock()
    again = hold_instance_lock(tmp_path)
    assert again is not None
    again.unlock()


def test_a_lock_left_by_a_dead_kiosk_is_taken_over(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os, sys; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    lock_file = paths.instance_lock_file(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    lock_file.write_text(f"{dead.stdout.strip()}\npython3\n\n", encoding="utf-8")
    lock = hold_instance_lock(tmp_path)
    assert lock is not None
    lock.unlock()


def test_second_kiosk_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    lock = hold_instance_lock(data)
    assert lock is not None
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "main.py", "--windowed", "--data-dir", str(data), "--content",
         str(write_content(tmp_path / "content"))],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    lock.unlock()
    assert result.returncode == 1
    assert result.stderr.startswith("rls-kiosk: another kiosk is already running")
    assert result.stderr.count("\n") == 1
