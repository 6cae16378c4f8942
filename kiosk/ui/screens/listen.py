"""Listen: the reader page or the quiz question read aloud in a voice of its language, and Stop.

The Listen buttons show only where a voice for the language is installed, and say Stop while
the kiosk reads. Records setting_change read_aloud "on" and "off".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.engagement.events import EventRecorder
from kiosk.ui.machine.speech import ReadAloud
from kiosk.ui.screens.quiz.flow import QuizFlow
from kiosk.ui.screens.reader_flow import ReaderFlow


class ListenFlow(QObject):
    def __init__(self, read_aloud: ReadAloud, reader: ReaderFlow, quiz: QuizFlow,
                 recorder: EventRecorder, *, quiz_language: Callable[[], str],
                 current_screen: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self.read_aloud = read_aloud
        self.reader = reader
        self.quiz = quiz
        self.recorder = recorder
        self._quiz_language = quiz_language
        self._current_screen = current_screen
        read_aloud.speaking_changed.connect(self.refresh)
        read_aloud.engine_changed.connect(self.refresh)
        reader.screen.listen_requested.connect(self.toggle)
        quiz.question_screen.listen_requested.connect(self.toggle)
        quiz.question_screen.question_shown.connect(self._question_shown)

    def toggle(self) -> None:
        """Listen on the reader or a quiz question: read it aloud, or stop reading."""
        if self.read_aloud.speaking:
            self.read_aloud.stop()
            self.recorder.record("setting_change", setting="read_aloud", value="off")
            return
        if self._current_screen() is self.quiz.question_screen:
            text, lang = self.quiz.question_screen.spoken_text(), self._quiz_language()
        elif (spoken := self.reader.spoken()) is not None:
            text, lang = spoken
        else:
            return
        if self.read_aloud.speak(text, lang):
            self.recorder.record("setting_change", setting="read_aloud", value="on")

    def refresh(self) -> None:
        self.reader.refresh_listen()
        self.quiz.question_screen.set_listen(self.read_aloud.can_speak(self._quiz_language()),
                                             self.read_aloud.speaking)

    def _question_shown(self) -> None:
        self.read_aloud.stop()
        self.refresh()
