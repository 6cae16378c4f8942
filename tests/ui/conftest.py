from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.app import load_fonts
from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.settings.config import Settings
from kiosk.ui.look.i18n import Translations
from kiosk.ui.window import KioskWindow
from tests.helpers.content import write_content
from tests.helpers.recorder import ListRecorder


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_window(qtbot, clock: FakeClock) -> Callable[..., KioskWindow]:
    """Build a shown kiosk window; closed by qtbot after the test."""
    load_fonts()

    def make(library: Library, settings: Settings | None = None, *, size=(1920, 1080),
             recorder: ListRecorder | None = None) -> KioskWindow:
        window = KioskWindow(library, settings or Settings(), recorder or ListRecorder(),
                             Translations(), clock=clock, today=lambda: date(2026, 11, 22),
                             rng=random.Random(7))  # the same quiz round on every run
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture(autouse=True)
def _delete_closed_windows(qtbot) -> Iterator[None]:
    """qtbot closes each window with deleteLater; delete them now, or every later test pays
    for the event filters of all earlier windows."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def library(content_dir: Path) -> Library:
    return load_library(content_dir)
