"""Read aloud: the page on screen spoken in a voice of its own language, when this PC can.

Speech is an optional extra (`pip install "rls-kiosk[speech]"`, which brings Qt's text-to-speech
in PySide6-Addons; Linux also needs speech-dispatcher and libpulse0). Without the extra, without
a speech engine, or without a voice for the page's language, `can_speak` is False and the Listen
button stays hidden: the kiosk never fails because of speech, and an engine error is logged once.
"""

from __future__ import annotations

import html as html_module
import logging
import os
import re
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from kiosk.content.render import markdown_to_html
from kiosk.content.take_home import without_task_marks

log = logging.getLogger(__name__)

# Qt's test engine says nothing aloud: never offer it to patients.
_SILENT_ENGINES = {"mock"}
ENGINE_VARIABLE = "KIOSK_SPEECH_ENGINE"
# Accents patients here know best, first; any other voice of the language comes after these.
_PREFERRED_TERRITORIES = {
    "en": (QLocale.Country.UnitedStates, QLocale.Country.Canada),
    "es": (QLocale.Country.UnitedStates, QLocale.Country.Mexico,
           QLocale.Country.LatinAmerica),
}
# Words in voice names (espeak-ng's "English (America)") that mark those accents.
_VOICE_HINTS = {"en": ("America", "United States", "US"),
                "es": ("Latin America", "Mexico", "United States")}
_BLOCK_END_RE = re.compile(r"</(p|li|h[1-6]|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")


def speech_text(title: str, markdown: str) -> str:
    """A page as sentences to speak: the title, then every paragraph and list item in turn."""
    html = _BLOCK_END_RE.sub("\n", markdown_to_html(without_task_marks(markdown)))
    return spoken([title, *(html_module.unescape(_TAG_RE.sub("", line))
                            for line in html.split("\n"))])


def spoken(lines: list[str]) -> str:
    """Lines as one text with a pause after each, even a list item without a full stop."""
    cleaned = (re.sub(r"\s+", " ", line).strip() for line in lines)
    return " ".join(line if line[-1] in ".!?:;" else line + "." for line in cleaned if line)


def pick_engine(available: list[str], wanted: str | None = None) -> tuple[str | None, str]:
    """The speech engine to use and, when there is none, why.

    `wanted` (default: the KIOSK_SPEECH_ENGINE environment variable) names one of Qt's engines
    (winrt, sapi, speechd...), or is `none` to turn read-aloud off; empty means the first engine
    that speaks (on Windows that is winrt, then sapi).
    """
    wanted = (os.environ.get(ENGINE_VARIABLE, "") if wanted is None else wanted).strip()
    if wanted.lower() == "none":
        return None, (f"turned off by {ENGINE_VARIABLE}=none (engines here: "
                      f"{', '.join(available) or 'none'})")
    if wanted:
        if wanted in available:
            return wanted, ""
        return None, (f"{ENGINE_VARIABLE} names the engine {wanted!r}, which this computer does "
                      f"not have (it has: {', '.join(available) or 'none'})")
    usable = [name for name in available if name not in _SILENT_ENGINES]
    if not usable:
        return None, "no text-to-speech engine on this computer"
    return usable[0], ""


def default_engine() -> Any | None:
    """Qt's speech engine for this PC, or None (no extra installed, or no usable engine)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        log.info("Read aloud is off: the optional speech extra (PySide6-Addons) is not installed")
        return None
    name, why_none = pick_engine(QTextToSpeech.availableEngines())
    if name is None:
        log.info("Read aloud is off: %s", why_none)
        return None
    engine = QTextToSpeech(name)
    if engine.state() == QTextToSpeech.State.Error:
        log.warning("Read aloud is off: the speech engine %s failed to start (%s)", name,
                    engine.errorString() or "no reason given")
        return None
    log.info("Read aloud uses the %s speech engine", name)
    return engine


class ReadAloud(QObject):
    """Speaks one text at a time; `speaking_changed` tells when speech starts and ends."""

    speaking_changed = Signal(bool)
    engine_changed = Signal()  # voices may have come or gone: show or hide Listen again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: Any | None = None
        self._locales: dict[str, QLocale | None] = {}
        self._failed = False
        self.speaking = False

    def set_engine(self, engine: Any | None) -> None:
        """Use `engine` (a QTextToSpeech): given after start-up, as starting one takes seconds."""
        self.stop()
        self._engine = engine
        self._locales = {}
        self._failed = False
        if engine is not None:
            engine.stateChanged.connect(self._state_changed)
            engine.errorOccurred.connect(self._error)
        self.engine_changed.emit()

    def can_speak(self, lang: str) -> bool:
        return self._locale_for(lang) is not None

    def speak(self, text: str, lang: str) -> bool:
        """Start reading `text` in a voice of `lang`; False (and nothing said) if there is none."""
        voice = self.voice_for(lang) if text else None
        engine = self._engine
        if voice is None or engine is None:
            return False
        if voice.name() != engine.voice().name():
            engine.setVoice(voice)
        engine.say(text)
        self._set_speaking(True)
        return True

    def voice_for(self, lang: str) -> Any | None:
        """The voice `speak` would use for `lang`, or None when this PC has none for it."""
        locale = self._locale_for(lang)
        engine = self._engine
        if locale is None or engine is None:
            return None
        if engine.locale() != locale:
            engine.setLocale(locale)
        return self._voice_for(engine, lang, locale)

    def stop(self) -> None:
        if self._engine is not None and self.speaking:
            self._engine.stop()
        self._set_speaking(False)

    @staticmethod
    def _voice_for(engine: Any, lang: str, locale: QLocale) -> Any | None:
        """The engine's voice if it speaks the language, else the best one that does."""
        current = engine.voice()
        voices = [v for v in engine.availableVoices()
                  if v.locale().language() == locale.language()]
        for hint in _VOICE_HINTS.get(lang, ()):
            named = [v for v in voices if f"({hint}" in v.name() and "+" not in v.name()]
            if named:
                return named[0]
        if current.locale().language() == locale.language():
            return current
        return voices[0] if voices else None

    def _locale_for(self, lang: str) -> QLocale | None:
        if self._engine is None or self._failed:
            return None
        if lang not in self._locales:
            wanted = QLocale(lang).language()
            found = [loc for loc in self._engine.availableLocales() if loc.language() == wanted
                     and wanted not in (QLocale.Language.AnyLanguage, QLocale.Language.C)]
            order = _PREFERRED_TERRITORIES.get(lang, ())

            def rank(loc: QLocale) -> int:
                territory = loc.territory()
                return order.index(territory) if territory in order else len(order)
            self._locales[lang] = min(found, key=rank) if found else None
        return self._locales[lang]

    def _state_changed(self, state: Any) -> None:
        # Speaking (and Synthesizing) are the busy states; Ready, Paused and Error are not.
        self._set_speaking(getattr(state, "name", str(state)) in {"Speaking", "Synthesizing"})

    def _error(self, reason: Any, message: str) -> None:
        if not self._failed:
            log.warning("Read aloud stopped working and is hidden until the kiosk restarts: %s",
                        message or reason)
        self._failed = True
        self._set_speaking(False)
        self.engine_changed.emit()

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self.speaking:
            self.speaking = speaking
            self.speaking_changed.emit(speaking)
