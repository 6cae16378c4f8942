"""One patient's visit, from the first touch on the attract screen to the reset.

Everything a visit changed lives here, so that nothing of it is left for the next person:
`reset` forgets all of it at once. The visit records its own events (visit_start, page_dwell,
setting_change, idle_reset, visit_end) through the recorder; the quiz keeps its round in its
flow (kiosk/ui/screens/quiz/flow.py), which the window asks to leave at the reset.
No Qt here: the visit is tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.content.model import Section
from kiosk.content.take_home import page_blocks
from kiosk.engagement.events import EventRecorder

MAX_HISTORY = 100  # places Back remembers in one visit


@dataclass(frozen=True)
class Place:
    """Where a patient was, for Back: a reader page, or the quiz results."""

    screen: str  # "reader" or "results"
    slug: str = ""
    page: int = 0


@dataclass
class ReaderPosition:
    slug: str
    page: int
    since: float  # clock() when the page was shown, for page dwell


@dataclass(frozen=True)
class TakeHomePlace:
    """The take-home code on screen: "list" (the ticked items of a page) or "points"."""

    slug: str
    page: int
    kind: str


@dataclass(frozen=True)
class ShownDocument:
    """The disclaimer or the sources, as shown (drawn again at another text size)."""

    name: str  # "disclaimer" or "sources", also its screen_view name
    title: str
    body: str


@dataclass(frozen=True)
class Look:
    """How a visit starts: the language, text size and theme the settings give."""

    language: str
    text_size: str
    theme_name: str


class Visit:
    def __init__(self, recorder: EventRecorder, clock: Callable[[], float], look: Look) -> None:
        self.recorder = recorder
        self.clock = clock
        self._begin(look)

    def _begin(self, look: Look) -> None:
        self.language, self.text_size, self.theme_name = (look.language, look.text_size,
                                                          look.theme_name)
        self.started: float | None = None  # clock() at the first touch; None between visits
        self.position: ReaderPosition | None = None  # the reader page on screen
        self.history: list[Place] = []  # where Back leads, the latest last
        # The visit's ticks: (section, page, list on the page) -> ticked items. Kept by
        # position, so a list ticked in one language is the same list in another.
        self.ticked: dict[tuple[str, int, int], frozenset[int]] = {}
        self.take_home: TakeHomePlace | None = None
        self.document: ShownDocument | None = None

    def look(self) -> Look:
        """The language, text size and theme on screen now."""
        return Look(self.language, self.text_size, self.theme_name)

    # -- start and end -------------------------------------------------------------------
    def start(self) -> None:
        """The first touch on the attract screen."""
        self.started = self.clock()
        self.recorder.record("visit_start", language=self.language, text_size=self.text_size,
                             theme=self.theme_name)

    def reset(self, reason: str, look: Look) -> None:
        """End the visit (recorded if one was going on, `reason` being idle, attract, staff or
        exit) and forget everything it changed, starting again from `look`."""
        self.leave_page()
        if self.started is not None:
            if reason == "idle":
                self.recorder.record("idle_reset")
            seconds = max(0, round(self.clock() - self.started))
            self.recorder.record("visit_end", reason=reason, seconds=seconds)
        self._begin(look)

    # -- the patient's choices -----------------------------------------------------------
    def choose(self, setting: str, value: str) -> bool:
        """Language, text size or theme chosen on the footer; False if it was already so."""
        attribute = "theme_name" if setting == "theme" else setting
        if getattr(self, attribute) == value:
            return False
        setattr(self, attribute, value)
        self.recorder.record("setting_change", setting=setting, value=value)
        return True

    # -- pages and Back ------------------------------------------------------------------
    def show_page(self, slug: str, page: int) -> None:
        self.position = ReaderPosition(slug, page, self.clock())

    def leave_page(self) -> None:
        """The reader page is left: how long it was read (page_dwell)."""
        if self.position is not None:
            seconds = max(0, round(self.clock() - self.position.since))
            self.recorder.record("page_dwell", section=self.position.slug,
                                 page=self.position.page + 1, seconds=seconds)
            self.position = None

    def remember(self, place: Place) -> None:
        self.history.append(place)
        del self.history[:-MAX_HISTORY]

    def remember_page(self) -> None:
        if self.position is not None:
            self.remember(Place("reader", self.position.slug, self.position.page))

    def can_go_back(self) -> bool:
        return bool(self.history) or (self.position is not None and self.position.page > 0)

    def keeps_results(self) -> bool:
        """Back may still lead to the quiz results."""
        return any(place.screen == "results" for place in self.history)

    # -- ticked task lists ---------------------------------------------------------------
    def ticks(self, section: Section, page: int) -> dict[int, frozenset[int]]:
        """Each task list's ticked items on a page: this visit's, else as the file marks them."""
        lists = [b.tasks for b in page_blocks(section.pages[page].markdown) if b.tasks]
        return {n: self.ticked.get((section.slug, page, n), frozenset(tasks.ticked))
                for n, tasks in enumerate(lists)}

    def tick(self, number: int, ticked: frozenset[int]) -> None:
        """The patient ticked or unticked items of list `number` on the page shown."""
        if self.position is not None:
            self.ticked[(self.position.slug, self.position.page, number)] = ticked
