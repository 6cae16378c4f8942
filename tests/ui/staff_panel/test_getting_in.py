"""Getting into staff mode by touch: the hidden hold, the PIN pad, the lockout."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from kiosk.access.lockout import LOCK_SECONDS
from kiosk.settings.config import Settings
from tests.helpers.touch import device, press, release, tap
from tests.ui.staff_panel.conftest import PIN, PIN_HASH


def test_hold_and_pin_open_the_panel(make_kiosk) -> None:
    kiosk = make_kiosk()
    tap(kiosk.window.attract)
    tap(kiosk.window.home.tiles[0])
    tap(kiosk.window.reader.home_button)
    kiosk.hold_logo()
    pad = kiosk.staff.pad
    assert pad.isVisible() and not kiosk.staff.panel.isVisible()
    assert kiosk.window.visit.started is None  # the patient's visit ended behind the pad
    assert ("visit_end", {"reason": "staff", "seconds": 0}) in kiosk.recorder.events
    assert not pad.ok_button.isEnabled()
    for digit in PIN:
        tap(pad.digits[digit])
    assert pad.dots.text() == "●●●●" and pad.ok_button.isEnabled()
    tap(pad.ok_button)
    assert kiosk.staff.panel.isVisible() and not pad.isVisible()
    assert kiosk.recorder.events[-1] == ("staff_login", {"ok": True})
    assert PIN not in repr(kiosk.recorder.events)
    assert kiosk.staff.panel.current_key() == "content"


def test_a_short_press_or_a_slide_does_not_open_anything(make_kiosk) -> None:
    kiosk = make_kiosk()
    tap(kiosk.window.attract)
    press(kiosk.window.home.clinic)
    release(kiosk.window.home.clinic)
    assert not kiosk.staff.gesture.hold_timer.isActive()
    heading = kiosk.window.home.heading
    press(heading)  # the title beside the name counts too
    assert kiosk.staff.gesture.hold_timer.isActive()
    start = heading.mapTo(kiosk.window, heading.rect().center())
    QTest.touchEvent(kiosk.window, device()).move(0, start + QPoint(0, 120)).commit()
    assert not kiosk.staff.gesture.hold_timer.isActive()  # a slide is not a hold
    release(heading)
    assert not kiosk.staff.pad.isVisible()
    assert kiosk.window.current_screen() is kiosk.window.home


def test_cancel_goes_back_to_the_start(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.hold_logo()
    tap(kiosk.staff.pad.digits["1"])
    tap(kiosk.staff.pad.cancel_button)
    assert not kiosk.staff.pad.isVisible() and kiosk.staff.pad.typed == ""
    assert kiosk.window.current_screen() is kiosk.window.attract
    assert "staff_login" not in kiosk.recorder.kinds()


def test_clear_and_the_eight_digit_limit(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.hold_logo()
    pad = kiosk.staff.pad
    for _ in range(10):
        tap(pad.digits["7"])
    assert pad.typed == "7" * 8 and not pad.digits["7"].isEnabled()
    tap(pad.clear_button)
    assert pad.typed == "" and pad.digits["7"].isEnabled()


def test_five_wrong_pins_lock_the_pad_and_survive_a_restart(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.hold_logo()
    for attempt in range(4):
        kiosk.type_pin("1111")
        left = 4 - attempt
        assert f"{left} more {'try' if left == 1 else 'tries'} " in kiosk.staff.pad.message.text()
    kiosk.type_pin("1111")
    pad = kiosk.staff.pad
    assert "Try again in 5:00" in pad.message.text()
    assert not any(button.isEnabled() for button in pad.digits.values())
    assert kiosk.recorder.events.count(("staff_login", {"ok": False})) == 5
    kiosk.wall.now += 61
    kiosk.staff.lock_timer.timeout.emit()
    assert "Try again in 3:59" in pad.message.text()

    restarted = make_kiosk(write_settings=False, settings=Settings(staff_pin_hash=PIN_HASH))
    restarted.hold_logo()
    assert "Try again in 3:59" in restarted.staff.pad.message.text()
    assert not restarted.staff.pad.digits["2"].isEnabled()
    restarted.wall.now += LOCK_SECONDS
    restarted.staff.lock_timer.timeout.emit()
    assert restarted.staff.pad.digits["2"].isEnabled()
    restarted.type_pin(PIN)
    assert restarted.staff.panel.isVisible()


def test_without_a_pin_the_pad_says_how_to_set_one(make_kiosk) -> None:
    kiosk = make_kiosk(Settings())
    kiosk.hold_logo()
    assert "rls-kiosk set-pin" in kiosk.staff.pad.message.text()
    assert not any(button.isEnabled() for button in kiosk.staff.pad.digits.values())
    tap(kiosk.staff.pad.digits["2"])
    assert not kiosk.staff.panel.isVisible()


def test_a_damaged_pin_hash_is_a_message_not_a_crash(make_kiosk) -> None:
    kiosk = make_kiosk(Settings(staff_pin_hash="scrypt$1$2$3"))
    kiosk.hold_logo()
    assert "damaged" in kiosk.staff.pad.message.text()
    assert "set-pin" in kiosk.staff.pad.message.text()


def test_a_pin_set_while_the_kiosk_runs_works_at_once(make_kiosk, folders) -> None:
    from kiosk.settings.config import save_settings

    kiosk = make_kiosk(Settings())
    save_settings(Settings(staff_pin_hash=PIN_HASH), folders["config"])
    kiosk.log_in()


def test_staff_mode_closes_itself_when_left_alone(make_kiosk) -> None:
    kiosk = make_kiosk(Settings(staff_pin_hash=PIN_HASH, staff_idle_timeout=90))
    kiosk.log_in()
    assert kiosk.staff.session_timer.interval() == 90_000
    kiosk.wall.now += 10
    tap(kiosk.staff.panel.nav_buttons["system"])  # a touch starts the wait again
    assert kiosk.staff.session_timer.isActive()
    kiosk.staff.session_timer.timeout.emit()
    assert not kiosk.staff.panel.isVisible()
    assert kiosk.window.current_screen() is kiosk.window.attract


def test_a_pad_left_open_closes_too(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.hold_logo()
    kiosk.staff.session_timer.timeout.emit()
    assert not kiosk.staff.pad.isVisible()
    assert kiosk.window.current_screen() is kiosk.window.attract
