"""Crashes: never a dialog or a traceback in front of patients; a record, an exit, a restart.

Two layers. `faulthandler` writes native crashes (a segfault inside Qt) to the crash log. An
exception hook (main thread and other threads) writes the traceback to the log file and the
crash log, prints one sentence on stderr, and ends the process with EXIT_CRASH at once: the
supervisor (systemd, Task Scheduler) starts a fresh kiosk, which is safer than carrying on in
an unknown state. The staff panel shows the newest entry of the crash log (`last_crash`).
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from kiosk.runtime.logs import FILE_ONLY
from kiosk.settings import paths

log = logging.getLogger(__name__)

EXIT_CRASH = 70  # EX_SOFTWARE: "internal software error"
KEEP_BYTES = 256 * 1024  # the crash log is cut to its newest part when it grows past 4x this
_HEADER = "=== crash "
_BLOCK_START = re.compile(rf"^(?:{_HEADER}|Fatal Python error:)", re.MULTILINE)

_crash_stream: TextIO | None = None  # open for the whole run: faulthandler writes to its fd


@dataclass(frozen=True)
class CrashReport:
    when: datetime
    summary: str  # the last line: the error's type and message
    text: str  # the whole entry


def _trim(path: Path) -> None:
    try:
        if path.stat().st_size > 4 * KEEP_BYTES:
            with path.open("rb") as handle:
                handle.seek(-KEEP_BYTES, os.SEEK_END)
                tail = handle.read()
            path.write_bytes(tail[tail.find(b"\n") + 1:])
    except OSError:
        pass  # a crash log that cannot be trimmed is still appended to


def install_crash_handlers(data_dir: Path, *,
                           exit_process: Callable[[int], object] = os._exit) -> Path | None:
    """Set up both layers. Returns the crash log, or None if it cannot be written."""
    global _crash_stream
    crash_file = paths.crash_log_file(data_dir)
    try:
        crash_file.parent.mkdir(parents=True, exist_ok=True)
        _trim(crash_file)
        stream = crash_file.open("a", encoding="utf-8")
    except OSError as exc:
        log.warning("Crash log %s cannot be written (%s); crashes go to the log only",
                    crash_file, exc.strerror or exc)
        stream = None
    if _crash_stream is not None and _crash_stream is not stream:
        _crash_stream.close()
    _crash_stream = stream
    if stream is not None:
        faulthandler.enable(file=stream, all_threads=True)

    def handle(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None, where: str) -> None:
        if issubclass(kind, KeyboardInterrupt):
            exit_process(130)
            return
        try:
            _record(kind, value, tb, where, stream)
            print(f"rls-kiosk: the kiosk stopped after an unexpected error ({kind.__name__}); "
                  f"the details are in {crash_file}.", file=sys.stderr, flush=True)
        finally:
            exit_process(EXIT_CRASH)

    def main_hook(kind: type[BaseException], value: BaseException,
                  tb: TracebackType | None) -> None:
        handle(kind, value, tb, "main thread")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback,
               f"thread {name}")

    sys.excepthook = main_hook
    threading.excepthook = thread_hook
    return crash_file if stream is not None else None


def _record(kind: type[BaseException], value: BaseException, tb: TracebackType | None,
            where: str, stream: TextIO | None) -> None:
    log.critical("Unexpected error in the %s; the kiosk exits so that it is restarted", where,
                 exc_info=(kind, value, tb), extra=FILE_ONLY)
    for handler in logging.getLogger().handlers:
        handler.flush()
    if stream is not None:
        text = "".join(traceback.format_exception(kind, value, tb))
        stream.write(f"{_HEADER}{datetime.now():%Y-%m-%d %H:%M:%S} in the {where} ===\n{text}\n")
        stream.flush()


def last_crash(data_dir: Path) -> CrashReport | None:
    """The newest entry of the crash log, or None when the kiosk never crashed."""
    crash_file = paths.crash_log_file(data_dir)
    try:
        stat = crash_file.stat()
        with crash_file.open("rb") as handle:
            handle.seek(max(0, stat.st_size - KEEP_BYTES))
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return None
    starts = [m.start() for m in _BLOCK_START.finditer(text)]
    entry = (text[starts[-1]:] if starts else text).strip()
    if not entry:
        return None
    when = datetime.fromtimestamp(stat.st_mtime)
    first = entry.splitlines()[0]
    if first.startswith(_HEADER):
        with contextlib.suppress(ValueError):
            when = datetime.strptime(first[len(_HEADER):len(_HEADER) + 19], "%Y-%m-%d %H:%M:%S")
    lines = [line for line in entry.splitlines() if line.strip()]
    summary = lines[0] if first.startswith("Fatal Python error") else lines[-1]
    return CrashReport(when, summary.strip(), entry)
