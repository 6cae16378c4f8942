"""The Windows build under wine (packaging/windows/build.sh) uses the versions of the lock.

Its wheels come from requirements-windows.txt, with hashes of the Windows files; the lock
(requirements/lock.txt) stays the one place versions are chosen, so every pin must agree with
it, and every run-time requirement of the kiosk must be there.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parents[2]
WINDOWS_PINS = ROOT / "packaging" / "windows" / "requirements-windows.txt"
LOCK = ROOT / "requirements" / "lock.txt"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", re.MULTILINE)


def pins(path: Path) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in _PIN.findall(path.read_text())}


def test_every_windows_pin_is_the_locked_version_with_a_hash() -> None:
    locked, windows = pins(LOCK), pins(WINDOWS_PINS)
    assert windows
    for name, version in windows.items():
        assert locked.get(name) == version, f"{name}=={version}: the lock has {locked.get(name)}"
    lines = [line for line in WINDOWS_PINS.read_text().splitlines() if _PIN.match(line)]
    assert all(" --hash=sha256:" in line for line in lines)


def test_the_kiosk_and_its_speech_and_bundle_extras_are_all_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = [*project["dependencies"], *extras["speech"], *extras["bundle"]]
    windows = pins(WINDOWS_PINS)
    missing = [text for text in wanted if canonicalize_name(Requirement(text).name) not in windows]
    assert not missing, f"add to {WINDOWS_PINS.name}: {missing}"
