"""The wheel runs the kiosk on its own: shipped content, theme, fonts and translations are package
data, found through kiosk/settings/paths.py, not through the source tree.

Slow (about 40 s: a wheel build and one fresh virtual environment, whose packages come from
pip's cache after the first run), so it is marked `slow`: CI and the README's test command run
it; `pytest -m "not slow"` leaves it out while working.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.slow


def run(command: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                            timeout=600, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_a_wheel_in_a_fresh_venv_previews_and_validates_the_shipped_content(
        tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", wheels,
         ROOT])
    (wheel,) = wheels.glob("rls_kiosk-*.whl")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv])
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--constraint",
         ROOT / "requirements" / "lock.txt", wheel])
    program = venv / "bin" / "rls-kiosk"
    away = tmp_path / "elsewhere"  # not the source tree, which the wheel must not need
    away.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}

    validate = run([program, "validate"], cwd=away, env=env)
    shipped = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / \
        "site-packages" / "kiosk" / "_shipped" / "content"
    assert f"{shipped}: " in validate.stdout
    assert ", 0 errors" in validate.stdout
    assert "reading level was not graded" in validate.stdout  # no authoring extra here

    doctor = subprocess.run([program, "doctor"], capture_output=True, text=True, timeout=300,
                            cwd=away, env=env)
    assert f"installed package in {shipped.parent.parent}" in doctor.stdout
    assert "Atkinson Hyperlegible loaded" in doctor.stdout

    out = tmp_path / "png"
    run([program, "preview", "--out", out, "--size", "1366x768", "--lang", "all",
         "--screens", "attract,home,reader"], cwd=away, env=env)
    pngs = {p.name for p in out.glob("*.png")}
    assert {"en-home.png", "es-home.png"} <= pngs
    assert any(name.startswith("es-reader-") for name in pngs)
