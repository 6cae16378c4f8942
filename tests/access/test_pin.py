"""The staff PIN is stored as a salted scrypt hash and checked without a window."""

from __future__ import annotations

import pytest

from kiosk.access.pin import PinHashError, check_hash, hash_pin, pin_problem, verify_pin

FAST = {"n": 2**10}  # cheap parameters; the stored string carries them


def test_right_and_wrong_pin() -> None:
    stored = hash_pin("2468", **FAST)
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("24680", stored)
    assert "2468" not in stored


def test_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin("123456", **FAST) != hash_pin("123456", **FAST)


def test_default_parameters_are_in_the_stored_form() -> None:
    scheme, n, r, p, _salt, _digest = hash_pin("1234").split("$")
    assert (scheme, n, r, p) == ("scrypt", "32768", "8", "1")


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", " 1234", "", "١٢٣٤"])
def test_pin_rules(pin: str) -> None:
    assert "4 to 8 digits" in pin_problem(pin)
    with pytest.raises(ValueError, match="4 to 8 digits"):
        hash_pin(pin, **FAST)


@pytest.mark.parametrize("stored", [
    "1234",
    "scrypt$16384$8$1$c2FsdHNhbHQ=",
    "bcrypt$1024$8$1$c2FsdHNhbHQ=$" + "A" * 44,
    "scrypt$1000$8$1$c2FsdHNhbHQ=$" + "A" * 44,  # n not a power of two
    "scrypt$1073741824$8$1$c2FsdHNhbHQ=$" + "A" * 44,  # n far too large
    "scrypt$1024$8$1$!!!$" + "A" * 44,
    "scrypt$1024$8$1$c2FsdHNhbHQ=$QUJD",  # digest too short
    "scrypt$x$8$1$c2FsdHNhbHQ=$" + "A" * 44,
    # Costlier than set-pin's own hash: once a memory error at the first PIN, or a check of
    # tens of seconds on the screen's thread.
    "scrypt$1048576$32$16$c2FsdHNhbHQ=$" + "A" * 44,
    "scrypt$65536$8$1$c2FsdHNhbHQ=$" + "A" * 44,
    "scrypt$32768$9$1$c2FsdHNhbHQ=$" + "A" * 44,
    "scrypt$32768$8$2$c2FsdHNhbHQ=$" + "A" * 44,
    "scrypt$1" + "0" * 5000 + "$8$1$c2FsdHNhbHQ=$" + "A" * 44,
    "scrypt$1024$8$1$" + "QUFB" * 100 + "$" + "A" * 44,  # a 300-byte salt
])
def test_damaged_hash_is_a_clear_error(stored: str) -> None:
    with pytest.raises(PinHashError, match="run `rls-kiosk set-pin`"):
        check_hash(stored)
    with pytest.raises(PinHashError):
        verify_pin("1234", stored)


def test_set_pins_own_parameters_are_the_costliest_accepted() -> None:
    stored = hash_pin("2468")
    check_hash(stored)
    assert verify_pin("2468", stored)
