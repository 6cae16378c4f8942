"""The heartbeat file: proof that the kiosk's event loop still turns.

A running kiosk rewrites `paths.heartbeat_file(data)` every few seconds from a timer on its event
loop (kiosk/ui/machine/heartbeat_timer.py). The supervisor (kiosk/runtime/supervisor.py) only asks
whether the text changed since it last looked, measured on its own clock, so neither process depends
on the other's wall clock. No Qt here: the supervisor must not load Qt.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

INTERVAL_SECONDS = 5
MAX_BEAT_BYTES = 256  # a beat is one short line; the supervisor never reads more


def write_beat(path: Path, count: int) -> bool:
    """Rewrite the heartbeat file with this process's id and a counter; False if it cannot.

    Written to a temporary file and moved over the old one, so a reader never finds the file
    empty or half written."""
    part = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_text(f"{os.getpid()} {count} {time.time():.0f}\n", encoding="ascii")
        os.replace(part, path)
    except OSError:
        return False
    return True


def read_beat(path: Path) -> str | None:
    """The heartbeat text (its first MAX_BEAT_BYTES), or None when there is no readable
    heartbeat file."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BEAT_BYTES).decode("ascii", errors="replace")
    except OSError:
        return None
