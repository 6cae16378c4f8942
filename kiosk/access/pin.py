"""The staff PIN: rules, and a salted scrypt hash so the settings file never holds the digits.

Stored form: ``scrypt$<n>$<r>$<p>$<salt, base64>$<hash, base64>``. A stored hash is accepted
only with the parameters `set-pin` writes (r=8, p=1) and n a power of two no larger than
`set-pin`'s 2**15: the costliest accepted check then takes 32 MiB and 0.27 s (median; at most
0.32 s) on a busy 2-core PC (benchmarks/bench_pin.py). Anything else, however it got into the
file, is "damaged" with the `set-pin` fix, never a minutes-long check or a memory error. A 4 to 8
digit PIN is weak against an offline guess whatever the hash; the real protection is the
escalating lockout (kiosk/access/lockout.py) and a settings file only the kiosk account and
administrators read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re

PIN_MIN, PIN_MAX = 4, 8
_PIN_RE = re.compile(rf"[0-9]{{{PIN_MIN},{PIN_MAX}}}")
SCHEME = "scrypt"
DEFAULT_N, DEFAULT_R, DEFAULT_P = 2**15, 8, 1
_HASH_BYTES = 32
# The most a stored hash may ask for (see the module docstring): set-pin's own parameters.
_MAX_N = DEFAULT_N
_MAX_MEM = 128 * DEFAULT_R * _MAX_N * DEFAULT_P + 1024 * 1024


class PinHashError(ValueError):
    """The stored hash is not one this program wrote; the message says what to do."""


def pin_problem(pin: str) -> str:
    """Why `pin` cannot be a staff PIN, as a sentence; "" when it is fine."""
    if not _PIN_RE.fullmatch(pin):
        return f"The PIN must be {PIN_MIN} to {PIN_MAX} digits (0-9), nothing else."
    return ""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    memory = 128 * r * n * p + 1024 * 1024
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=_HASH_BYTES,
                          maxmem=min(memory, _MAX_MEM))


def hash_pin(pin: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P,
             salt: bytes | None = None) -> str:
    """The stored form of `pin` (which must pass `pin_problem`)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = salt if salt is not None else os.urandom(16)
    digest = _scrypt(pin, salt, n, r, p)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    damaged = ("The stored staff PIN (staff_pin_hash in the settings file) is damaged; "
               "run `rls-kiosk set-pin` to set the PIN again.")
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PinHashError(damaged)
    try:
        n, r, p = (int(v) for v in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        raise PinHashError(damaged) from None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and n <= _MAX_N and r == DEFAULT_R and p == DEFAULT_P
            and 8 <= len(salt) <= 64 and len(digest) == _HASH_BYTES):
        raise PinHashError(damaged)
    return n, r, p, salt, digest


def check_hash(stored: str) -> None:
    """Raise PinHashError if `stored` is not a usable hash (for start-up and the pad)."""
    _parse(stored)


def verify_pin(pin: str, stored: str) -> bool:
    """True if `pin` matches `stored`. Raises PinHashError for a damaged hash."""
    n, r, p, salt, digest = _parse(stored)
    if pin_problem(pin):
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), digest)
