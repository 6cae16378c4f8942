"""Logging: one clear line per problem on stderr, and rotating log files in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from kiosk.settings import paths

LOG_LEVEL_ENV = "KIOSK_LOG_LEVEL"
FILE_ONLY = {"file_only": True}  # pass as `extra=` for records (tracebacks) kept off stderr
_OURS = "rls-kiosk"  # the name of the handlers added here: a second setup replaces them


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


def setup_logging(data_dir: Path | None, log_file: Path | None = None) -> Path | None:
    """Log warnings to stderr and everything from INFO to `<data>/logs/kiosk.log`.

    `log_file` replaces kiosk.log for another process (the supervisor), because only one process
    may rotate a log file. Returns the log file, or None when the data folder cannot be written
    (the kiosk runs on).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _OURS:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(os.environ.get(LOG_LEVEL_ENV, "WARNING").upper())
    console.setFormatter(logging.Formatter("rls-kiosk: %(message)s"))
    console.addFilter(_not_file_only)
    console.set_name(_OURS)
    root.addHandler(console)
    if data_dir is None:
        return None
    log_file = log_file or paths.log_file(data_dir)
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning(
            "Cannot write log files in %s (%s); logging to the screen only", log_file.parent,
            exc.strerror or exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.set_name(_OURS)
    root.addHandler(handler)
    return log_file
