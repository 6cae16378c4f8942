"""Read aloud: Listen on the reader, a voice of the page's language, idle held while speaking."""

from __future__ import annotations

import importlib.util
import logging
import sys

import pytest

from kiosk.ui.machine.speech import ReadAloud, default_engine, speech_text
from kiosk.ui.window import KioskWindow
from tests.helpers.recorder import ListRecorder
from tests.helpers.speech import FakeEngine
from tests.helpers.touch import tap


def _reader(make_window, library, engine: FakeEngine | None,
            recorder: ListRecorder | None = None) -> KioskWindow:
    window = make_window(library, recorder=recorder or ListRecorder())
    if engine is not None:
        window.read_aloud.set_engine(engine)
    tap(window.attract)
    tap(window.home.tiles[0])
    return window


def test_no_speech_engine_no_listen_button(make_window, library) -> None:
    window = _reader(make_window, library, None)
    assert not window.reader.listen_button.isVisible()
    window.listen.toggle()  # nothing to do, nothing breaks
    assert not window.read_aloud.speaking


def test_listen_reads_the_page_and_holds_the_idle_countdown(make_window, library) -> None:
    engine, recorder = FakeEngine(), ListRecorder()
    window = _reader(make_window, library, engine, recorder)
    button = window.reader.listen_button
    assert button.isVisible() and button.text().endswith("Listen")
    assert button.accessibleName() == "Listen: read this page aloud"
    tap(button)
    text, locale, voice = engine.said[-1]
    assert text.startswith("Topic 1 en page 1. Text of page 1 in en.")
    assert (locale, voice) == ("en_US", "voice en_US")
    assert ("setting_change", {"setting": "read_aloud", "value": "on"}) in recorder.events
    assert button.text().endswith("Stop")
    for _ in range(3):  # minutes of speech: no "Still there?"
        window.idle.idle_timer.timeout.emit()
    assert not window.idle.warning_shown and not window.overlay.isVisible()
    engine.finish()
    assert button.text().endswith("Listen") and not window.read_aloud.speaking
    window.idle.idle_timer.timeout.emit()
    assert window.idle.warning_shown


def test_stop_and_leaving_the_page_silence_it(make_window, library) -> None:
    engine, recorder = FakeEngine(), ListRecorder()
    window = _reader(make_window, library, engine, recorder)
    tap(window.reader.listen_button)
    tap(window.reader.listen_button)
    assert engine.stops == 1 and not window.read_aloud.speaking
    assert ("setting_change", {"setting": "read_aloud", "value": "off"}) in recorder.events
    tap(window.reader.listen_button)
    tap(window.reader.next_button)
    assert engine.stops == 2 and window.reader.listen_button.text().endswith("Listen")
    tap(window.reader.listen_button)
    tap(window.footer.language_buttons["es"])
    assert engine.stops == 3
    tap(window.reader.listen_button)
    tap(window.reader.home_button)
    assert engine.stops == 4 and not window.idle.held


def test_spanish_pages_get_a_latin_american_voice(make_window, library) -> None:
    engine = FakeEngine(("en_US", "es_ES", "es_419"))
    window = _reader(make_window, library, engine)
    tap(window.footer.language_buttons["es"])
    tap(window.reader.listen_button)
    assert engine.said[-1][0].startswith("Topic 1 es page 1.")
    assert engine.said[-1][1] == "es_419"
    assert window.reader.listen_button.accessibleName() == "Detener la lectura en voz alta"


def test_no_voice_for_the_language_hides_listen(make_window, library) -> None:
    engine = FakeEngine(("en_US",))
    window = _reader(make_window, library, engine)
    assert window.reader.listen_button.isVisible()
    tap(window.footer.language_buttons["es"])
    assert not window.reader.listen_button.isVisible()
    window.listen.toggle()
    assert engine.said == []


def test_an_engine_error_is_logged_once_and_hides_listen(make_window, library, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="kiosk.ui.machine.speech")
    engine = FakeEngine()
    window = _reader(make_window, library, engine)
    tap(window.reader.listen_button)
    engine.fail("audio device gone")
    engine.fail("audio device gone")
    assert caplog.text.count("Read aloud stopped working") == 1
    assert not window.read_aloud.speaking and not window.idle.held
    assert not window.reader.listen_button.isVisible()
    tap(window.reader.next_button)
    assert not window.reader.listen_button.isVisible()


def test_a_hold_that_never_ends_still_lets_the_kiosk_reset(make_window, library) -> None:
    from kiosk.ui.machine.idle import MAX_HELD_ROUNDS

    window = _reader(make_window, library, FakeEngine())
    tap(window.reader.listen_button)  # and the engine never says it finished
    for _ in range(MAX_HELD_ROUNDS):
        window.idle.idle_timer.timeout.emit()
    assert not window.idle.warning_shown
    window.idle.idle_timer.timeout.emit()
    assert window.idle.warning_shown
    for _ in range(window.settings.idle_warning):
        window.idle.countdown_timer.timeout.emit()
    assert window.current_screen() is window.attract
    assert not window.read_aloud.speaking


def test_speech_text_pauses_after_every_block() -> None:
    text = speech_text("Self-care", "Try this:\n\n- a warm bath\n- a walk\n\n## Iron\n\n"
                       "Ask about **iron** &amp; tests.")
    assert text == "Self-care. Try this: a warm bath. a walk. Iron. Ask about iron & tests."


def test_without_the_speech_extra_there_is_no_engine(monkeypatch, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.ui.machine.speech")
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails
    assert default_engine() is None
    assert "speech extra (PySide6-Addons) is not installed" in caplog.text
    assert not ReadAloud().can_speak("en")


@pytest.mark.skipif(importlib.util.find_spec("PySide6.QtTextToSpeech") is None,
                    reason="the optional speech extra (PySide6-Addons) is not installed")
@pytest.mark.qt_log_ignore("pipewire")  # Qt Multimedia looks for PipeWire, then uses PulseAudio
def test_qt_speech_api_as_used(qtbot) -> None:
    """Qt's own test engine: the signals, states and voice calls ReadAloud relies on."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    speech = ReadAloud()
    speech.set_engine(QTextToSpeech("mock"))
    assert speech.can_speak("en") and not speech.can_speak("es")
    with qtbot.waitSignal(speech.speaking_changed, timeout=5000):
        assert speech.speak("Hello there.", "en")
    assert speech.speaking
    speech.stop()
    assert not speech.speaking


def test_listen_reads_a_quiz_question_with_its_answers(make_window, library) -> None:
    from kiosk.ui.screens.home import QUIZ_KEY

    engine, recorder = FakeEngine(), ListRecorder()
    window = make_window(library, recorder=recorder)
    window.read_aloud.set_engine(engine)
    tap(window.attract)
    tap(next(tile for tile in window.home.tiles if tile.key == QUIZ_KEY))
    screen = window.quiz.question_screen
    assert screen.listen_button.isVisible()
    assert screen.listen_button.accessibleName() == "Listen: read the question and answers aloud"
    shown = [b.text() for b in screen.answer_buttons if b.isVisible()]
    assert sorted(shown) == ["No", "Yes"]
    tap(screen.listen_button)
    # answers are read in the order they are shown, which the round shuffles
    assert engine.said[-1][:2] == (f"Is this a question? {shown[0]}. {shown[1]}.", "en_US")
    assert ("setting_change", {"setting": "read_aloud", "value": "on"}) in recorder.events
    assert screen.listen_button.text().endswith("Stop")
    tap(next(b for b in screen.answer_buttons if b.isVisible()))
    assert window.read_aloud.speaking  # the feedback does not cut the reading short
    tap(screen.next_button)
    assert window.current_screen() is window.quiz.results_screen
    assert not window.read_aloud.speaking and not window.idle.held
