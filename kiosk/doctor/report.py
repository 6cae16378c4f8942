"""The doctor's report: one line per check (OK, WARN, FAIL or INFO), then a verdict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

OK, WARN, FAIL, INFO = "OK", "WARN", "FAIL", "INFO"
MAX_LISTED = 5  # details listed under one line; the rest are counted


@dataclass(frozen=True)
class Check:
    status: str
    name: str
    detail: str
    more: tuple[str, ...] = ()


def write_report(checks: list[Check], out: TextIO) -> None:
    out.write("rls-kiosk doctor: is this PC ready to be a kiosk?\n\n")
    width = max(len(check.name) for check in checks)
    for check in checks:
        out.write(f"  {check.status:<5} {check.name:<{width}}  {check.detail}\n")
        for line in check.more:
            out.write(f"  {'':<5} {'':<{width}}    {line}\n")
    failed = sum(check.status == FAIL for check in checks)
    warned = sum(check.status == WARN for check in checks)
    if failed:
        out.write(f"\nReady: NO - fix the {failed} line(s) marked FAIL, then run "
                  "`rls-kiosk doctor` again.\n")
    else:
        note = f" ({warned} warning(s) above are worth a look)" if warned else ""
        out.write(f"\nReady: yes{note}.\n")
