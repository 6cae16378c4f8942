"""A patient who uses the kiosk by touch only: the leak guard and the benchmarks share it.

Every step is one tap on a real widget (through tests/helpers/touch.py) or, for walking away,
the idle timers fired as the kiosk's own clock would fire them. `visit()` plays one whole visit
from the attract screen back to it, choosing what to do with a seeded random generator, so the
same seed always gives the same taps.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.ui.screens.home import QUIZ_KEY
from kiosk.ui.window import KioskWindow
from tests.helpers.touch import tap


class Patient:
    def __init__(self, window: KioskWindow, rng: random.Random,
                 touch: Callable[[QWidget], None] = tap) -> None:
        self.window = window
        self.rng = rng
        self.touch = touch  # how a tap is made (the tap benchmark wraps it in a stopwatch)
        self.interactions = 0

    def _tap(self, widget: QWidget) -> None:
        self.touch(widget)
        self.interactions += 1

    # -- single steps ------------------------------------------------------------------------
    def wake(self) -> None:
        self._tap(self.window.attract)

    def open_topic(self) -> None:
        topics = [t for t in self.window.home.tiles if t.key != QUIZ_KEY]
        self._tap(self.rng.choice(topics))

    def next_page(self) -> None:
        """Next (the last page leads on to the next topic, or home after the last topic)."""
        if self.window.current_screen() is self.window.reader:
            self._tap(self.window.reader.next_button)

    def home(self) -> None:
        """The Home button of the screen shown (none on the home screen itself)."""
        button = getattr(self.window.current_screen(), "home_button", None)
        if button is not None:
            self._tap(button)

    def switch_language(self) -> None:
        others = [lang for lang in self.window.footer.language_buttons
                  if lang != self.window.visit.language]
        if others:
            self._tap(self.window.footer.language_buttons[self.rng.choice(others)])

    def switch_text_size(self) -> None:
        sizes = [s for s in self.window.footer.size_buttons if s != self.window.visit.text_size]
        self._tap(self.window.footer.size_buttons[self.rng.choice(sizes)])

    def quiz_round(self) -> None:
        """Start the quiz from home, answer every question, and leave its results for home."""
        quiz = [t for t in self.window.home.tiles if t.key == QUIZ_KEY]
        if not quiz:
            return
        self._tap(quiz[0])
        screen = self.window.quiz.question_screen
        while self.window.current_screen() is screen:
            shown = [b for b in screen.answer_buttons if b.isVisible() and b.isEnabled()]
            self._tap(self.rng.choice(shown))
            self._tap(screen.next_button)
        self.home()

    def walk_away(self) -> None:
        """No touch until the idle reset: the warning, then every second of its countdown."""
        idle = self.window.idle
        idle.idle_timer.timeout.emit()
        while idle.countdown_timer.isActive():
            idle.countdown_timer.timeout.emit()
        self.interactions += 1

    # -- a whole visit -----------------------------------------------------------------------
    def visit(self) -> None:
        """From the attract screen: read some topics, maybe change settings or take the quiz,
        then walk away (back on the attract screen)."""
        self.wake()
        if self.rng.random() < 0.3:
            self.switch_language()
        if self.rng.random() < 0.2:
            self.switch_text_size()
        for _ in range(self.rng.randint(1, 3)):
            self.open_topic()
            for _ in range(self.rng.randint(0, 3)):
                self.next_page()
            self.home()
        if self.rng.random() < 0.4:
            self.quiz_round()
        self.walk_away()
