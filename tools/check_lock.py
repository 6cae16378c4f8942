"""Fail clearly when requirements/lock.txt no longer covers what pyproject.toml asks for.

    python tools/check_lock.py      # CI runs it before installing anything else

Every requirement of the kiosk and of each extra must be pinned in the lock to a version the
requirement accepts, and the lock must have been made with every extra. Needs the `packaging`
library (CI installs it from the lock first). The fix it prints is the refresh command from
README.md ("Versions").
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "lock.txt"
PYPROJECT = ROOT / "pyproject.toml"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", re.MULTILINE)


def refresh_command(extras: list[str]) -> str:
    flags = " ".join(f"--extra {extra}" for extra in extras)
    return (f"uv pip compile pyproject.toml --universal --python-version 3.11 {flags} "
            "--no-emit-package rls-kiosk -o requirements/lock.txt")


def disagreements(pyproject: dict, lock_text: str) -> list[str]:
    project = pyproject["project"]
    own = canonicalize_name(project["name"])
    extras = project.get("optional-dependencies", {})
    pins = {canonicalize_name(name): version for name, version in _PIN.findall(lock_text)}
    problems = []
    header = "\n".join(line for line in lock_text.splitlines()[:5] if line.startswith("#"))
    made_with = set(re.findall(r"--extra[ =](\S+)", header))
    for extra in sorted(set(extras) - made_with):
        problems.append(f'the lock was made without the "{extra}" extra')
    for where, lines in [("dependencies", project.get("dependencies", [])),
                         *((f"the {name} extra", lines) for name, lines in extras.items())]:
        for line in lines:
            requirement = Requirement(line)
            name = canonicalize_name(requirement.name)
            if name == own:
                continue
            if name not in pins:
                problems.append(f"{requirement.name} ({where}) is not in the lock")
            elif not requirement.specifier.contains(pins[name], prereleases=True):
                problems.append(f"{requirement.name} ({where}) asks for "
                                f"{requirement.specifier}, the lock has {pins[name]}")
    return problems


def main() -> int:
    pyproject = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    extras = sorted(pyproject["project"].get("optional-dependencies", {}))
    if not LOCK.exists():
        print(f"check_lock.py: {LOCK.relative_to(ROOT)} is missing; make it with:\n  "
              f"{refresh_command(extras)}", file=sys.stderr)
        return 1
    problems = disagreements(pyproject, LOCK.read_text(encoding="utf-8"))
    if problems:
        print("check_lock.py: requirements/lock.txt does not match pyproject.toml:",
              file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(f"Refresh it (pip install uv, once), then commit it:\n  {refresh_command(extras)}",
              file=sys.stderr)
        return 1
    print(f"check_lock.py: requirements/lock.txt pins everything pyproject.toml asks for "
          f"({len(extras)} extras)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
