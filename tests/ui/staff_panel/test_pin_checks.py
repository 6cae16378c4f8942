"""The PIN is hashed off the screen's thread, locks grow longer, and staff see the count."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer

from kiosk.access.lockout import LOCK_SECONDS
from kiosk.content.refresh import in_background
from kiosk.settings import paths
from tests.helpers.touch import tap
from tests.ui.staff_panel.conftest import PIN


class FakeVerify:
    """Stands in for the scrypt check: right for the test PIN, remembers where it ran."""

    def __init__(self) -> None:
        self.threads: list[int] = []
        self.release = threading.Event()
        self.release.set()
        self.started = threading.Event()

    def __call__(self, pin: str, stored: str) -> bool:
        self.threads.append(threading.get_ident())
        self.started.set()
        assert self.release.wait(10)
        return pin == PIN


def held_jobs(kiosk) -> list[Callable[[], None]]:
    jobs: list[Callable[[], None]] = []
    kiosk.context.run_in_background = jobs.append
    return jobs


def test_the_pad_waits_for_the_check_without_hashing_on_its_own_thread(make_kiosk) -> None:
    verify = FakeVerify()
    kiosk = make_kiosk(verify_pin=verify)
    jobs = held_jobs(kiosk)
    kiosk.hold_logo()
    kiosk.type_pin(PIN)
    pad = kiosk.staff.pad
    assert verify.threads == []  # nothing hashed yet: the tap returned at once
    assert pad.isVisible() and pad.message.text() == "Checking the PIN..."
    assert not any(button.isEnabled() for button in pad.digits.values())
    assert not pad.ok_button.isEnabled() and pad.cancel_button.isEnabled()
    jobs.pop()()
    assert kiosk.staff.panel.isVisible() and not pad.isVisible()
    assert kiosk.recorder.events[-1] == ("staff_login", {"ok": True})


def test_a_pin_checked_after_cancel_counts_but_opens_nothing(make_kiosk) -> None:
    kiosk = make_kiosk(verify_pin=FakeVerify())
    jobs = held_jobs(kiosk)
    kiosk.hold_logo()
    kiosk.type_pin("1111")
    tap(kiosk.staff.pad.cancel_button)
    assert not kiosk.staff.pad.isVisible()
    jobs.pop()()
    assert kiosk.recorder.events[-1] == ("staff_login", {"ok": False})
    assert not kiosk.staff.pad.isVisible() and not kiosk.staff.panel.isVisible()
    kiosk.hold_logo()
    assert "4 more tries" not in kiosk.staff.pad.message.text()  # a fresh pad says "type"
    assert kiosk.staff.gate.state().tries_left == 4


def test_the_event_loop_runs_while_a_thread_hashes(make_kiosk, qtbot) -> None:
    verify = FakeVerify()
    verify.release.clear()
    kiosk = make_kiosk(verify_pin=verify)
    kiosk.context.run_in_background = in_background
    kiosk.hold_logo()
    kiosk.type_pin(PIN)
    assert verify.started.wait(10)
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the screen's thread is free while it hashes
    assert kiosk.staff.pad.message.text() == "Checking the PIN..."
    verify.release.set()
    qtbot.waitUntil(kiosk.staff.panel.isVisible)
    assert verify.threads and verify.threads[0] != threading.get_ident()


def test_locks_grow_longer_and_the_pad_says_so(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.hold_logo()
    pad = kiosk.staff.pad
    for _ in range(4):
        kiosk.type_pin("1111")
    assert "1 more try before the pad locks for 5 min." in pad.message.text()
    kiosk.type_pin("1111")
    assert "(5 since the last right one). Try again in 5:00" in pad.message.text()
    kiosk.wall.now += LOCK_SECONDS
    kiosk.staff.lock_timer.timeout.emit()
    kiosk.type_pin("1111")
    assert "4 more tries before the pad locks for 10 min." in pad.message.text()


def test_a_blocked_pad_says_how_to_open_it(make_kiosk, folders) -> None:
    lockout = paths.staff_lockout_file(folders["data"])
    lockout.parent.mkdir(parents=True, exist_ok=True)
    lockout.write_text(json.dumps({"failures": 100, "locked_until": 0}), encoding="utf-8")
    kiosk = make_kiosk()
    kiosk.hold_logo()
    pad = kiosk.staff.pad
    assert "blocked after 100 wrong PINs" in pad.message.text()
    assert "rls-kiosk set-pin" in pad.message.text()
    assert not any(button.isEnabled() for button in pad.digits.values())


def test_staff_see_how_many_wrong_pins_came_before_their_login(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.hold_logo()
    for _ in range(3):
        kiosk.type_pin("1111")
    kiosk.type_pin(PIN)
    tap(kiosk.staff.panel.nav_buttons["system"])
    assert "Wrong PINs typed before this login: 3." in kiosk.staff.system_page.wrong_pins.text()
