"""A stand-in for QTextToSpeech: the voices it has, what it was asked to say, its state."""

from __future__ import annotations

import enum

from PySide6.QtCore import QLocale, QObject, Signal


class State(enum.Enum):
    Ready = 0
    Speaking = 1
    Paused = 2
    Error = 3


class FakeVoice:
    def __init__(self, name: str, locale: QLocale) -> None:
        self._name, self._locale = name, locale

    def name(self) -> str:
        return self._name

    def locale(self) -> QLocale:
        return self._locale


class FakeEngine(QObject):
    stateChanged = Signal(object)  # noqa: N815 - Qt's name
    errorOccurred = Signal(object, str)  # noqa: N815 - Qt's name

    def __init__(self, locales: tuple[str, ...] = ("en_US", "es_ES", "es_419")) -> None:
        super().__init__()
        self.locales = [QLocale(name) for name in locales]
        self._locale = self.locales[0] if self.locales else QLocale("en_US")
        self._voice = FakeVoice(f"voice {self._locale.name()}", self._locale)
        self.said: list[tuple[str, str, str]] = []  # (text, locale name, voice name)
        self.stops = 0

    def availableLocales(self) -> list[QLocale]:  # noqa: N802 - Qt's name
        return list(self.locales)

    def locale(self) -> QLocale:
        return self._locale

    def setLocale(self, locale: QLocale) -> None:  # noqa: N802 - Qt's name
        # Like speech-dispatcher: a locale it has no voice for is silently not taken.
        if any(loc.name() == locale.name() for loc in self.locales):
            self._locale = locale
            self._voice = self.availableVoices()[0]

    def availableVoices(self) -> list[FakeVoice]:  # noqa: N802 - Qt's name
        return [FakeVoice(f"voice {self._locale.name()}", self._locale)]

    def voice(self) -> FakeVoice:
        return self._voice

    def setVoice(self, voice: FakeVoice) -> None:  # noqa: N802 - Qt's name
        self._voice = voice

    def say(self, text: str) -> None:
        self.said.append((text, self._locale.name(), self._voice.name()))
        self.stateChanged.emit(State.Speaking)

    def stop(self) -> None:
        self.stops += 1
        self.stateChanged.emit(State.Ready)

    def finish(self) -> None:
        """The engine reached the end of the text."""
        self.stateChanged.emit(State.Ready)

    def fail(self, message: str) -> None:
        self.stateChanged.emit(State.Error)
        self.errorOccurred.emit(State.Error, message)
