"""`rls-kiosk set-pin`: ask for the staff PIN twice and store only its hash in the settings file.

On a terminal the PIN is read with getpass (not shown); otherwise two lines are read from
standard input, so an installer script can pipe it in. A PIN of 6 or more digits is recommended:
100 guesses (the most the pad allows before it is blocked) find a 6-digit PIN one time in 10,000,
a 4-digit one one time in 100. Every problem is one sentence on stderr
and exit code 1; nothing in the settings file changes unless the PIN is accepted.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kiosk.access.pin import PIN_MAX, PIN_MIN, hash_pin, pin_problem
from kiosk.settings.config import SettingsFileError, update_settings_file

PREFIX = "rls-kiosk set-pin: "
RECOMMENDED_DIGITS = 6


def _reader(stdin: TextIO, ask: Callable[[str], str]) -> Callable[[str], str | None]:
    """A function that returns the next answer, or None when the input ran out."""
    if stdin.isatty():
        def from_terminal(prompt: str) -> str | None:
            try:
                return ask(prompt)
            except EOFError:
                return None
        return from_terminal

    def from_pipe(prompt: str) -> str | None:
        del prompt
        line = stdin.readline()
        return line.rstrip("\r\n") if line else None
    return from_pipe


def run_set_pin(config_path: Path, *, stdin: TextIO | None = None, stdout: TextIO | None = None,
                stderr: TextIO | None = None,
                ask: Callable[[str], str] = getpass.getpass) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr

    def fail(message: str) -> int:
        print(PREFIX + message, file=stderr)
        return 1

    read = _reader(stdin, ask)
    first = read(f"New staff PIN ({PIN_MIN} to {PIN_MAX} digits; {RECOMMENDED_DIGITS} or more "
                 "recommended): ")
    if first is None:
        return fail("no PIN was given; type it twice, or pipe two lines (the PIN, then the "
                    "same PIN again) into the command.")
    if pin_problem(first):
        return fail(f"the PIN must be {PIN_MIN} to {PIN_MAX} digits (0-9) and nothing else; "
                    "nothing was changed.")
    second = read("The same PIN again: ")
    if second is None:
        return fail("the PIN was given only once; give it twice so a typing slip cannot lock "
                    "staff out. Nothing was changed.")
    if second != first:
        return fail("the two PINs are different; nothing was changed, run the command again.")
    try:
        update_settings_file(config_path, staff_pin_hash=hash_pin(first))
    except SettingsFileError as exc:
        return fail(str(exc))
    print(f"Staff PIN saved in {config_path} (only a salted hash of it is stored).",
          file=stdout)
    if len(first) < RECOMMENDED_DIGITS:
        print(f"Advice: a PIN of {RECOMMENDED_DIGITS} or more digits is much harder to guess "
              f"(1 in 10,000 within the pad's 100 tries, against 1 in {10**len(first) // 100:,} "
              f"for {len(first)} digits); run `rls-kiosk set-pin` again to choose a longer one.",
              file=stdout)
    return 0
