"""Fixtures for the engagement tests: a clock the test moves, and recorders that get closed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.engagement.recorder import Recorder


class FakeClock:
    """Returns `now`; tests move it with `advance` instead of sleeping."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 3, 9, 15, 42))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "engagement.sqlite3"


@pytest.fixture
def make_recorder(clock: FakeClock, db_path: Path) -> Iterator[Callable[..., Recorder]]:
    made: list[Recorder] = []

    def make(path: Path | None = None, **kwargs: Any) -> Recorder:
        kwargs.setdefault("clock", clock)
        recorder = Recorder(path or db_path, **kwargs)
        made.append(recorder)
        return recorder

    yield make
    for recorder in made:
        recorder.close()
