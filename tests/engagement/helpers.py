"""Small helpers shared by the engagement tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def rows(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def record_visit(
    recorder: Any,
    clock: Any,
    *,
    section: str = "symptoms",
    right: bool = True,
    language: str = "en",
) -> None:
    """One short visit: read a page, answer one question, leave."""
    recorder.record("visit_start", language=language, text_size="normal", theme="standard")
    recorder.record("screen_view", screen="reader", section=section, page=1)
    clock.advance(seconds=30)
    recorder.record("page_dwell", section=section, page=1, seconds=30)
    recorder.record("quiz_start", questions=1)
    recorder.record("quiz_answer", question="q-iron", correct=right)
    recorder.record("quiz_complete", score=int(right), total=1, seconds=10)
    clock.advance(seconds=30)
    recorder.record("visit_end", reason="attract", seconds=60)
