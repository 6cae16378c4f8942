"""The running kiosk builds its attract screen first and the other screens after the first
frame (kiosk/ui/screen_parts.py): a patient who touches it at once still gets every screen."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.app import load_fonts
from kiosk.content.model import Library
from kiosk.settings.config import Settings
from kiosk.ui.look.i18n import Translations
from kiosk.ui.window import KioskWindow
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import tap


class Paints(QObject):
    """Notes, at each Paint event of a widget inside `screen`, which parts were built then."""

    def __init__(self, window: KioskWindow, screen: QWidget) -> None:
        super().__init__()
        self.window = window
        self.screen = screen
        self.built_then: list[bool] = []  # was the "pages" part built, at each paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and (
                watched is self.screen or self.screen.isAncestorOf(watched)):
            self.built_then.append(self.window.parts.has("pages"))
        return False


def started_window(qtbot, library: Library, recorder: ListRecorder) -> KioskWindow:
    """A window as the running kiosk makes it: the attract screen only, shown."""
    load_fonts()
    window = KioskWindow(library, Settings(), recorder, Translations(),
                         today=lambda: date(2026, 11, 22), rng=random.Random(7), later=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_only_the_attract_screen_is_built_before_the_first_frame(qtbot, library) -> None:
    window = started_window(qtbot, library, ListRecorder())
    assert window.parts.built == [window.attract, window.updating]
    assert window.current_screen() is window.attract
    assert window.attract.title.text()  # the first fact is shown
    window.reset_visit("idle")  # the idle reset and new content build nothing either
    window.offer_library(library)
    assert window.parts.built == [window.attract, window.updating]


def test_a_tap_before_the_home_screen_is_built_wakes_the_kiosk_to_it(qtbot, library) -> None:
    recorder = ListRecorder()
    window = started_window(qtbot, library, recorder)
    tap(window.attract)
    assert window.current_screen() is window.home
    qtbot.waitUntil(lambda: window.home.tiles[0].isVisible())
    assert [t.key for t in window.home.tiles][:2] == ["topic-1", "topic-2"]
    tap(window.home.tiles[1])  # the reader is built on this first use
    assert window.current_screen() is window.reader
    assert window.reader.page_title.text() == "Topic 2 en page 1"
    assert recorder.kinds()[:3] == ["visit_start", "screen_view", "screen_view"]


def test_a_tap_while_the_screens_are_built_is_painted_before_the_next_one(qtbot,
                                                                          library) -> None:
    window = started_window(qtbot, library, ListRecorder())
    finished: list[bool] = []
    window.build_later(then=lambda: finished.append(True))  # what the app does after the frame
    assert window.parts.has("home") and not window.parts.has("pages")
    paints = Paints(window, window.home)
    window.home.installEventFilter(paints)
    for tile in window.home.tiles:
        tile.installEventFilter(paints)
    tap(window.attract)  # a touch right after the first frame
    assert window.current_screen() is window.home
    qtbot.waitUntil(lambda: bool(finished))
    assert paints.built_then[0] is False  # home was painted before the next part was built
    assert window.parts.has("quiz")
    assert window.current_screen() is window.home
    tap(window.home.tiles[-1])  # the quiz, built while the patient looked at home
    assert window.current_screen() is window.quiz.question_screen
