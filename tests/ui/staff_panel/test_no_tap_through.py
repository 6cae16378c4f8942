"""No tap-through: a touch that lands on a layer over the window (Still there?, the PIN pad,
the staff panel, the dark screen) is the layer's, from the finger going down to it lifting,
whether it arrives as touch, as mouse, or as mouse made up from touch by the system.

Each test puts a layer over a screen, taps exactly where a quiz answer, the reader's Next
button or a home tile lies beneath it, and checks that nothing beneath acted.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from tests.helpers.touch import mouse_tap, press, release, tap_at
from tests.ui.screens.quiz.test_quiz import write_quiz
from tests.ui.staff_panel.conftest import Kiosk

INPUTS = ("touch", "mouse", "system-mouse")


class ButtonSpy:
    """Notes every press and click of every button on the patient's screens and footer."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.acted: list[str] = []
        window = kiosk.window
        for button in [*window.stack.findChildren(QAbstractButton),
                       *window.footer.findChildren(QAbstractButton)]:
            name = button.objectName() or type(button).__name__
            button.pressed.connect(lambda n=name: self.acted.append(f"pressed {n}"))
            button.clicked.connect(lambda _=False, n=name: self.acted.append(f"clicked {n}"))


def _tap(kiosk: Kiosk, point: QPoint, how: str) -> None:
    if how == "touch":
        tap_at(kiosk.window, point)
    else:
        source = (Qt.MouseEventSource.MouseEventSynthesizedBySystem if how == "system-mouse"
                  else Qt.MouseEventSource.MouseEventNotSynthesized)
        mouse_tap(kiosk.window, point, source)


def _centre(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), widget.rect().center())


def _on_quiz(kiosk: Kiosk) -> QWidget:
    window = kiosk.window
    window.quiz.rng = random.Random(4)
    window.show_quiz()
    return window.quiz.question_screen.answer_buttons[0]


def _on_reader(kiosk: Kiosk) -> QWidget:
    kiosk.window.reader_flow.open(kiosk.window.sections()[0][0].slug)
    return kiosk.window.reader.next_button


def _on_home(kiosk: Kiosk) -> QWidget:
    kiosk.window.show_home()
    return kiosk.window.home.tiles[-1]


BENEATH: dict[str, Callable[[Kiosk], QWidget]] = {
    "quiz answer": _on_quiz, "reader's Next": _on_reader, "home tile": _on_home}


def _still_there(kiosk: Kiosk) -> QWidget:
    kiosk.window.idle.idle_timer.timeout.emit()
    return kiosk.window.overlay


def _pin_pad(kiosk: Kiosk) -> QWidget:
    kiosk.staff.pad.open_over(kiosk.window, kiosk.staff.gate.state())
    return kiosk.staff.pad


def _staff_panel(kiosk: Kiosk) -> QWidget:
    kiosk.staff.open_panel()
    return kiosk.staff.panel


def _dark_screen(kiosk: Kiosk) -> QWidget:
    screen = kiosk.mode.after_hours.screen
    screen.fill_parent()
    screen.show()
    screen.raise_()
    return screen


LAYERS: dict[str, Callable[[Kiosk], QWidget]] = {
    "Still there?": _still_there, "PIN pad": _pin_pad, "staff panel": _staff_panel,
    "dark screen": _dark_screen}


def _state(kiosk: Kiosk) -> tuple:
    window = kiosk.window
    quiz = window.quiz.round
    return (window.current_screen(), window.visit.position and (window.visit.position.slug,
                                                         window.visit.position.page),
            quiz and (quiz.index, quiz.answered))


@pytest.fixture
def kiosk(make_kiosk, content_dir) -> Kiosk:
    write_quiz(content_dir, "en")
    kiosk = make_kiosk(size=(1366, 768))
    kiosk.window.wake()
    return kiosk


@pytest.mark.parametrize("layer", LAYERS)
def test_a_tap_on_a_layer_never_reaches_what_lies_beneath(kiosk: Kiosk, layer: str) -> None:
    for beneath, show_screen in BENEATH.items():
        for how in INPUTS:
            point = _centre(show_screen(kiosk))
            cover = LAYERS[layer](kiosk)
            QApplication.processEvents()
            assert cover.isVisible()
            before, spy = _state(kiosk), ButtonSpy(kiosk)
            _tap(kiosk, point, how)
            where = f"{how} over the {beneath} under the {layer}"
            assert spy.acted == [], where
            if layer == "dark screen":
                assert not cover.isVisible(), where  # woken, to the attract screen
            else:
                assert _state(kiosk) == before, where
            if layer == "Still there?":
                assert not cover.isVisible(), where  # the same tap dismissed the question
                assert not kiosk.window.idle.countdown_timer.isActive(), where
            for other in (kiosk.staff.pad, kiosk.staff.panel, kiosk.mode.after_hours.screen):
                other.hide()


@pytest.mark.parametrize("how", INPUTS)
def test_the_tap_that_closes_the_pad_or_panel_or_wakes_the_dark_does_not_start_a_visit(
        make_kiosk, how: str) -> None:
    """Closing the PIN pad or the staff panel, and waking the dark screen, show the attract
    screen at once; the rest of that tap must not wake it into a visit."""
    kiosk = make_kiosk()
    kiosk.hold_logo()
    _tap(kiosk, _centre(kiosk.staff.pad.cancel_button), how)
    kiosk.log_in()
    _tap(kiosk, _centre(kiosk.staff.panel.back_button), how)
    dark = _dark_screen(kiosk)
    _tap(kiosk, _centre(kiosk.window.attract), how)
    assert not dark.isVisible() and not kiosk.staff.active
    assert kiosk.window.current_screen() is kiosk.window.attract
    assert kiosk.window.visit.started is None
    assert kiosk.recorder.kinds().count("visit_start") == 2  # the two holds' own wake-ups


def test_still_there_stays_up_until_the_finger_lifts(make_kiosk) -> None:
    kiosk = make_kiosk(locked=False)  # locked, the kiosk drops every key
    window = kiosk.window
    window.wake()
    window.idle.idle_timer.timeout.emit()
    press(window.overlay)
    assert window.overlay.isVisible()  # still taking the touch
    assert not window.idle.countdown_timer.isActive()  # but the countdown stopped
    release(window.overlay)
    assert not window.overlay.isVisible()
    window.idle.idle_timer.timeout.emit()
    QTest.keyClick(window, Qt.Key.Key_Space)  # no finger: a key hides it at once
    assert not window.overlay.isVisible()
