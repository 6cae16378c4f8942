"""The kiosk's type hints hold: `mypy kiosk` ([tool.mypy] in pyproject.toml) finds nothing.

CI runs the same command after ruff; here it fails the suite too, with mypy's own lines, so a
change that breaks a type is seen before it lands. Warm (mypy's cache in .mypy_cache), it takes
about 0.3 s; the first run about 5 s.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error_in_the_kiosk() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "kiosk"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
