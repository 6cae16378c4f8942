"""Opening hours: dark outside them when nobody uses the kiosk; a touch wakes it."""

from __future__ import annotations

from datetime import datetime

from kiosk.settings.config import Settings
from kiosk.ui.machine.awake import ES_CONTINUOUS
from tests.helpers.touch import tap
from tests.ui.staff_panel.conftest import PIN_HASH

HOURS = Settings(staff_pin_hash=PIN_HASH, opening_hours=("mon-fri 08:00-18:00",))
EVENING = datetime(2026, 11, 23, 19, 0)  # a Monday
MORNING = datetime(2026, 11, 24, 8, 0)


def test_dark_after_hours_and_a_touch_wakes_it(make_kiosk) -> None:
    kiosk = make_kiosk(HOURS)
    hours = kiosk.mode.after_hours
    hours.now = lambda: EVENING
    hours.check_timer.timeout.emit()
    assert hours.dark
    assert kiosk.kernel32.calls[-1] == ES_CONTINUOUS  # the display may sleep
    tap(hours.screen)
    assert not hours.dark
    assert kiosk.window.current_screen() is kiosk.window.attract
    assert kiosk.kernel32.calls[-1] != ES_CONTINUOUS  # kept on again
    hours.check_timer.timeout.emit()
    assert not hours.dark  # stays lit for a while after a touch
    hours.wake_timer.timeout.emit()  # five minutes later
    assert hours.dark
    hours.now = lambda: MORNING
    hours.check_timer.timeout.emit()
    assert not hours.dark


def test_never_dark_during_a_visit_or_staff_mode(make_kiosk) -> None:
    kiosk = make_kiosk(HOURS)
    hours = kiosk.mode.after_hours
    hours.now = lambda: EVENING
    tap(kiosk.window.attract)
    hours.check_timer.timeout.emit()
    assert not hours.dark
    kiosk.log_in()
    hours.check_timer.timeout.emit()
    assert not hours.dark


def test_without_opening_hours_it_is_always_on(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.mode.after_hours.now = lambda: datetime(2026, 11, 22, 3, 0)
    kiosk.mode.after_hours.check_timer.timeout.emit()
    assert not kiosk.mode.after_hours.dark
