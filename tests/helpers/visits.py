"""Real engagement databases for staff-panel tests, written through the public Recorder."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from kiosk.engagement.recorder import Recorder


def write_visits(db: Path, starts: list[datetime], section: str = "topic-1") -> None:
    """One short visit (one page of `section`, one quiz answer) at each start time."""
    now = [starts[0] if starts else datetime(2026, 1, 1)]
    recorder = Recorder(db, clock=lambda: now[0])
    for start in starts:
        now[0] = start
        recorder.record("visit_start", language="en", text_size="normal", theme="standard")
        recorder.record("screen_view", screen="reader", section=section, page=1)
        recorder.record("quiz_start", questions=1)
        recorder.record("quiz_answer", question="q1", correct=True)
        recorder.record("quiz_complete", score=1, total=1, seconds=10)
        now[0] = start + timedelta(seconds=90)
        recorder.record("visit_end", reason="attract", seconds=90)
    recorder.close()
