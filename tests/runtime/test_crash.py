"""Crashes: logged to the files, one sentence on stderr, a non-zero exit; shown to staff."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.runtime.crash import EXIT_CRASH, last_crash
from kiosk.settings import paths

ROOT = Path(__file__).parents[2]

CHILD = textwrap.dedent("""
    import resource, sys, threading, time
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    from kiosk.runtime.crash import install_crash_handlers
    from kiosk.runtime.logs import setup_logging
    data = Path(sys.argv[1])
    setup_logging(data)
    install_crash_handlers(data)
    how = sys.argv[2]
    if how == "main":
        {}["patient"]
    elif how == "thread":
        threading.Thread(target=lambda: 1 / 0, name="worker").start()
        time.sleep(5)
    elif how == "qt":  # an error inside a Qt event handler, while the event loop runs
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        QTimer.singleShot(0, lambda: [][1])
        QTimer.singleShot(5000, app.quit)
        app.exec()
    elif how == "native":
        import faulthandler
        faulthandler._sigsegv()
""")


def crash(tmp_path: Path, how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), how], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.parametrize(("how", "error"), [("main", "KeyError"),
                                             ("thread", "ZeroDivisionError"),
                                             ("qt", "IndexError")])
def test_python_error_is_logged_and_exits_non_zero(tmp_path: Path, how: str,
                                                   error: str) -> None:
    result = crash(tmp_path, how)
    assert result.returncode == EXIT_CRASH
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert error in result.stderr and "crash.log" in result.stderr
    log_text = paths.log_file(tmp_path).read_text(encoding="utf-8")
    assert "Traceback" in log_text and error in log_text
    report = last_crash(tmp_path)
    assert report is not None and report.summary.startswith(error)


def test_native_crash_goes_to_the_crash_log(tmp_path: Path) -> None:
    result = crash(tmp_path, "native")
    assert result.returncode != 0
    report = last_crash(tmp_path)
    assert report is not None
    assert report.summary == "Fatal Python error: Segmentation fault"


def test_last_crash_is_the_newest_entry(tmp_path: Path) -> None:
    assert last_crash(tmp_path) is None
    log = paths.crash_log_file(tmp_path)
    log.parent.mkdir(parents=True)
    log.write_text("=== crash 2026-11-20 09:00:00 in the main thread ===\nTraceback...\n"
                   "KeyError: 'a'\n\nFatal Python error: Aborted\n\nCurrent thread...\n"
                   "=== crash 2026-11-21 10:15:00 in the main thread ===\nTraceback...\n"
                   "ValueError: b\n", encoding="utf-8")
    report = last_crash(tmp_path)
    assert report is not None
    assert (report.when, report.summary) == (datetime(2026, 11, 21, 10, 15), "ValueError: b")
