"""No display: one sentence and exit code 1 instead of Qt's abort, decided before Qt starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.runtime.display import display_problem

ROOT = Path(__file__).parents[2]
NO_SUCH_DISPLAY = ":64999"  # no X server listens there


@pytest.mark.parametrize("env", [
    {},
    {"DISPLAY": NO_SUCH_DISPLAY},
    {"QT_QPA_PLATFORM": "xcb"},
    {"QT_QPA_PLATFORM": "wayland", "DISPLAY": NO_SUCH_DISPLAY},
    {"WAYLAND_DISPLAY": "wayland-64999", "XDG_RUNTIME_DIR": "/nonexistent"},
], ids=["nothing", "dead-x", "xcb-asked", "wayland-asked", "dead-wayland"])
def test_no_display_is_one_sentence_with_the_fix(env: dict[str, str]) -> None:
    problem = display_problem(env, "linux")
    assert problem is not None
    assert problem.startswith("rls-kiosk: there is no display")
    assert "desktop session" in problem and "xvfb-run" in problem
    assert problem.count(". ") == 0 and problem.endswith(".")  # one sentence
    assert "\n" not in problem


def test_the_sentence_names_what_is_missing() -> None:
    assert "DISPLAY is not set" in display_problem({}, "linux")
    assert f"no X server answers on DISPLAY={NO_SUCH_DISPLAY}" in display_problem(
        {"DISPLAY": NO_SUCH_DISPLAY, "QT_QPA_PLATFORM": "xcb"}, "linux")


@pytest.mark.parametrize(("env", "platform"), [
    ({}, "win32"),
    ({}, "darwin"),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),
    ({"QT_QPA_PLATFORM": "eglfs"}, "linux"),
    ({"DISPLAY": "kiosk-pc:0"}, "linux"),  # over the network: Qt is left to try
    ({"DISPLAY": "localhost:10.0"}, "linux"),  # ssh -X
], ids=["windows", "macos", "offscreen", "eglfs", "remote-x", "ssh-x"])
def test_a_display_qt_can_use_is_no_problem(env: dict[str, str], platform: str) -> None:
    assert display_problem(env, platform) is None


def test_a_local_x_server_or_wayland_socket_is_found(tmp_path: Path) -> None:
    socket = tmp_path / "wayland-1"
    socket.touch()
    assert display_problem({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)},
                           "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": str(socket)}, "linux") is None


@pytest.mark.parametrize("command", [[], ["preview", "--out", "previews"]],
                         ids=["kiosk", "preview-asking-for-x"])
def test_the_kiosk_without_a_display_says_so_and_exits_one(tmp_path: Path,
                                                          command: list[str]) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KIOSK_DATA_DIR": str(tmp_path)}
    if command:
        env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run([sys.executable, "main.py", *command], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rls-kiosk: there is no display")
    assert "reinstalling" not in result.stderr and result.stdout == ""
