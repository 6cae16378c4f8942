"""The small-count rule, in one place for HTML, CSV, the text summary and the staff panel
(kiosk/engagement/reports/dashboard.py), which all hide through one `Hider`.

With N the threshold (5 unless staff chose another):
- a count from 1 to N-1 is shown as "fewer than N"; zero is shown as 0 (an unused section is
  worth knowing);
- a count that is part of a hidden count (right answers of a question answered fewer than N
  times) is hidden the same way, never a 0 beside "fewer than N";
- a share computed from fewer than N cases is "not shown (fewer than N answers)";
- a typical length (median) from fewer than N cases is given only roughly, in time words
  ("under 5 minutes"), never as a count of visits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from kiosk.engagement.reports.build import median_of
from kiosk.engagement.reports.svgchart import Bar

DEFAULT_THRESHOLD = 5

Cell = int | float | str  # a table's cell: a figure, or the words that stand for a hidden one

# Rough lengths for a median of too few cases: the first bound above it, in seconds.
ROUGH_BOUNDS = (30, 60, 120, 300, 600, 1200, 1800, 3600)


def rough_duration(bound: int) -> str:
    """English words for "shorter than `bound` seconds" (a bound from ROUGH_BOUNDS), or, past
    the last bound, "that long or longer". The staff panel passes its translated words."""
    if bound > ROUGH_BOUNDS[-1]:
        return "an hour or more"
    if bound < 60:
        return f"under {bound} seconds"
    minutes = bound // 60
    return "under 1 minute" if minutes == 1 else f"under {minutes} minutes"


class Hider:
    """Applies the small-count rule (see the module's docstring); one instance per report so
    the threshold and the words are in one place. The staff panel passes its own words."""

    def __init__(self, threshold: int = DEFAULT_THRESHOLD, *, fewer_than: str = "fewer than %1",
                 not_shown: str = "not shown (%1)",
                 rough: Callable[[int], str] = rough_duration) -> None:
        self.threshold = max(1, threshold)
        self._fewer_than = fewer_than  # %1: the threshold
        self._not_shown = not_shown  # %1: "fewer than 5 answers"
        self._rough = rough

    @property
    def phrase(self) -> str:
        return self._fewer_than.replace("%1", str(self.threshold))

    def hidden(self, n: int) -> bool:
        return 0 < n < self.threshold

    def enough(self, cases: int) -> bool:
        """Whether a share or a median of `cases` may be shown exactly."""
        return cases >= self.threshold

    def count(self, n: int) -> Cell:
        return self.phrase if self.hidden(n) else n

    def part(self, n: int, whole: int) -> Cell:
        """A count within `whole` (right answers of all answers): hidden with its whole."""
        return self.phrase if self.hidden(whole) else n

    def too_few(self, of: str) -> str:
        return self._not_shown.replace("%1", f"{self.phrase} {of}".strip())

    def percent(self, part: int, whole: int, of: str = "", *, hide_part: bool = True) -> Cell:
        """A share in whole percent, not shown when `whole` is small, and when `part` is small
        unless `hide_part` is False (then the share itself is the point, as for quiz answers)."""
        if whole == 0:
            return "–"
        if not self.enough(whole):
            return self.too_few(of)
        if hide_part and self.hidden(part):
            return self.phrase
        return round(100 * part / whole)

    def median(self, counts: Counter[int], of: str = "") -> Cell:
        """The median of a value that is not a time (a score)."""
        n = sum(counts.values())
        if n == 0:
            return "–"
        if not self.enough(n):
            return self.too_few(of)
        value = median_of(counts)
        assert value is not None
        return round(value)

    def duration(self, seconds: Counter[int]) -> str:
        """The median of times in seconds, in time words: exact ("3 min 05 s") from enough
        cases, else only roughly ("under 5 minutes")."""
        value = median_of(seconds)
        if value is None:
            return "–"
        if self.enough(sum(seconds.values())):
            return duration_text(value)
        bound = next((b for b in ROUGH_BOUNDS if value < b), ROUGH_BOUNDS[-1] + 1)
        return self._rough(bound)

    def bar(self, label: str, n: int, *, accent: bool = False) -> Bar:
        """A chart bar for a count; a hidden one is dashed, drawn up to the largest value it
        could be, and labelled "<5"."""
        if self.hidden(n):
            return Bar(label, self.threshold - 1, f"<{self.threshold}", approx=True)
        return Bar(label, n, f"{n:,}" if n else "", accent=accent)


def duration_text(seconds: float) -> str:
    """Seconds as '3 min 05 s' for people."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"
