"""Wrong PINs lock the pad, longer each time, then block it at 100; all survives a restart."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from kiosk.access.lockout import (
    BLOCK_AFTER,
    LOCK_SECONDS,
    MAX_LOCK_SECONDS,
    GateState,
    PinGate,
)
from kiosk.access.pin import hash_pin

STORED = hash_pin("2468", n=2**10)


class WallClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def gate(path: Path, clock: WallClock, stored: str = STORED) -> PinGate:
    return PinGate(path, lambda: stored, clock=clock)


def test_right_pin_opens_and_wrong_pins_count_down(tmp_path: Path) -> None:
    clock = WallClock()
    pins = gate(tmp_path / "lock.json", clock)
    assert pins.state().state == "ready"
    assert pins.check("1111").state == "wrong"
    result = pins.check("2222")
    assert (result.state, result.tries_left) == ("wrong", 3)
    assert pins.check("2468").state == "ok"
    assert pins.state().tries_left == 5


def test_five_wrong_pins_lock_and_the_lock_survives_a_restart(tmp_path: Path) -> None:
    clock = WallClock()
    path = tmp_path / "lock.json"
    pins = gate(path, clock)
    for _ in range(4):
        assert pins.check("0000").state == "wrong"
    locked = pins.check("0000")
    assert (locked.state, locked.seconds_left) == ("locked", LOCK_SECONDS)
    assert pins.check("2468").state == "locked"  # even the right PIN is not checked

    clock.now += 60
    restarted = gate(path, clock)
    state = restarted.state()
    assert (state.state, state.seconds_left) == ("locked", LOCK_SECONDS - 60)
    assert restarted.check("2468").state == "locked"

    clock.now += LOCK_SECONDS - 60
    assert restarted.check("2468").state == "ok"
    assert json.loads(path.read_text(encoding="utf-8"))["failures"] == 0


def test_after_a_lock_there_are_five_fresh_tries(tmp_path: Path) -> None:
    clock = WallClock()
    pins = gate(tmp_path / "lock.json", clock)
    for _ in range(5):
        pins.check("0000")
    clock.now += LOCK_SECONDS
    assert pins.check("0000").tries_left == 4


def test_a_hundred_fast_wrong_pins_stay_locked_and_quick(tmp_path: Path) -> None:
    clock = WallClock()
    pins = gate(tmp_path / "lock.json", clock, hash_pin("2468"))  # real cost parameters
    started = time.perf_counter()
    states = [pins.check(f"{n:04d}").state for n in range(100)]
    elapsed = time.perf_counter() - started
    assert states[:4] == ["wrong"] * 4
    assert set(states[4:]) == {"locked"}
    assert elapsed < 5 * 1.5  # only five PINs were hashed; the locked ones cost nothing


@pytest.mark.parametrize("text", ["{not json", '{"failures": "many", "locked_until": 0}',
                                  '{"failures": 2}', '[1, 2]', '{"failures": 101, '
                                  '"locked_until": 0}', "\udcff", "[" * 100_000,
                                  '{"failures": 5, "locked_until": NaN}',
                                  '{"failures": 5, "locked_until": Infinity}',
                                  '{"failures": 0, "locked_until": 0}' + " " * 5000])
def test_a_damaged_lockout_file_locks_until_five_minutes_after_it_changed(
        tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "lock.json"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    clock = WallClock()
    os.utime(path, (clock.now - 100, clock.now - 100))
    pins = gate(path, clock)
    state = pins.state()
    assert (state.state, state.seconds_left) == ("locked", LOCK_SECONDS - 100)
    assert "lock.json" in caplog.text and "locked until" in caplog.text
    clock.now += LOCK_SECONDS - 100
    assert pins.check("2468").state == "ok"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["failures"], saved["locked_until"]) == (0, 0.0)


def test_a_lock_far_in_the_future_is_cut_to_five_minutes(tmp_path: Path) -> None:
    path = tmp_path / "lock.json"
    clock = WallClock()
    path.write_text(json.dumps({"failures": 5, "locked_until": clock.now + 10**6}),
                    encoding="utf-8")
    assert gate(path, clock).state().seconds_left == LOCK_SECONDS


def test_unwritable_folder_still_counts_in_memory(tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    pins = gate(blocker / "lock.json", WallClock())
    for _ in range(5):
        pins.check("0000")
    assert pins.state().state == "locked"
    assert "counted until the kiosk restarts only" in caplog.text


def test_no_pin_and_damaged_pin_are_states_not_errors(tmp_path: Path) -> None:
    clock = WallClock()
    assert gate(tmp_path / "a.json", clock, "").check("1234").state == "no_pin"
    damaged = gate(tmp_path / "b.json", clock, "scrypt$nonsense").check("1234")
    assert damaged.state == "damaged"  # the pad says what to do, in its language


class CountingVerify:
    """Stands in for the hash: right for "2468", and counts how often it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, pin: str, stored: str) -> bool:
        self.calls += 1
        return pin == "2468"


def fail_a_round(pins: PinGate) -> str:
    states = [pins.check("0000").state for _ in range(5)]
    assert states[:4] == ["wrong"] * 4
    return states[4]


def test_each_lock_lasts_twice_as_long_as_the_last_and_survives_a_restart(
        tmp_path: Path) -> None:
    clock = WallClock()
    path = tmp_path / "lock.json"
    pins = gate(path, clock)
    lengths = []
    for _ in range(4):
        assert fail_a_round(pins) == "locked"
        lengths.append(pins.state().seconds_left)
        pins = gate(path, clock)  # a restart changes nothing
        assert pins.state().seconds_left == lengths[-1]
        clock.now += lengths[-1]
    assert lengths == [LOCK_SECONDS, 2 * LOCK_SECONDS, 4 * LOCK_SECONDS, 8 * LOCK_SECONDS]
    state = pins.check("0000")
    assert (state.state, state.tries_left, state.next_lock, state.failures) == (
        "wrong", 4, 16 * LOCK_SECONDS, 21)


def test_a_hundred_wrong_pins_block_the_pad_until_the_pin_is_set_again(
        tmp_path: Path) -> None:
    clock = WallClock()
    path = tmp_path / "lock.json"
    verify = CountingVerify()
    pins = PinGate(path, lambda: STORED, clock=clock, verify=verify)
    waited = 0
    for _ in range(BLOCK_AFTER // 5 - 1):
        assert fail_a_round(pins) == "locked"
        waited += pins.state().seconds_left
        clock.now += pins.state().seconds_left
    assert pins.state().next_lock == 0  # what follows the next five is the block
    assert fail_a_round(pins) == "blocked"
    assert waited > 11 * 24 * 3600  # guessing 100 PINs takes more than eleven days
    assert MAX_LOCK_SECONDS == 24 * 3600

    clock.now += 365 * 24 * 3600
    restarted = PinGate(path, lambda: STORED, clock=clock, verify=verify)
    calls = verify.calls
    assert restarted.check("2468").state == "blocked"
    assert verify.calls == calls  # not even the right PIN is checked

    new_pin = hash_pin("1357", n=2**10)  # `rls-kiosk set-pin`
    fresh = PinGate(path, lambda: new_pin, clock=clock)
    assert fresh.state().state == "ready"
    assert fresh.check("1357").state == "ok"


def test_a_right_pin_says_how_many_wrong_ones_came_before(tmp_path: Path) -> None:
    clock = WallClock()
    pins = PinGate(tmp_path / "lock.json", lambda: STORED, clock=clock, verify=CountingVerify())
    fail_a_round(pins)
    clock.now += LOCK_SECONDS
    pins.check("1111")
    assert pins.check("2468") == GateState("ok", failures=6)
    assert pins.wrong_before_login == 6
    assert pins.state().failures == 0
