"""Taking a page home: "Keep my list" (the items ticked on a page) or "Keep these points" (the
topic's summary), drawn as a code to scan in the visit's language, and Back to the page.

Records take_home with how many items the code holds, never which.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Section, Site
from kiosk.content.offer import Offered
from kiosk.content.take_home import page_blocks
from kiosk.engagement.events import EventRecorder
from kiosk.ui.screens.take_home import TakeHomeScreen
from kiosk.ui.visit import TakeHomePlace, Visit


class TakeHomeHost(Protocol):
    """What the take-home code needs of the window around it."""

    def site(self) -> Site: ...  # in the visit's language

    def section(self, slug: str) -> Offered | None: ...

    def leave_page(self) -> None: ...

    def show_screen(self, screen: QWidget) -> None: ...

    def show_home(self) -> None: ...


class TakeHomeFlow(QObject):
    page_requested = Signal(str, int)  # Back: the topic and page the code was made from

    def __init__(self, visit: Visit, host: TakeHomeHost, recorder: EventRecorder) -> None:
        super().__init__()
        self.visit = visit
        self.host = host
        self.recorder = recorder
        self.screen = TakeHomeScreen()
        self.screen.back_requested.connect(self.back)
        self.screen.home_requested.connect(host.show_home)

    def show(self, kind: str) -> None:
        """"Keep my list" (kind "list") or "Keep these points" ("points") on the page shown."""
        position = self.visit.position
        if position is None or (found := self.host.section(position.slug)) is None:
            return
        slug, page = position.slug, position.page
        self.host.leave_page()
        self.visit.take_home = TakeHomePlace(slug, page, kind)
        self.host.show_screen(self.screen)
        kept = self._draw(found.section)
        self.recorder.record("take_home", total=kept)  # how many, never which

    def back(self) -> None:
        if self.visit.take_home is not None:
            self.page_requested.emit(self.visit.take_home.slug, self.visit.take_home.page)

    def refresh(self) -> None:
        """The code again (another language or text size), or home if its page is gone."""
        place = self.visit.take_home
        found = self.host.section(place.slug) if place else None
        if place is None or found is None or place.page >= len(found.section.pages):
            self.host.show_home()
        else:
            self._draw(found.section)

    def _draw(self, section: Section) -> int:
        """Draw the take-home code in the visit's language; returns how many items it holds."""
        assert self.visit.take_home is not None
        page, kind = self.visit.take_home.page, self.visit.take_home.kind
        if kind == "points":
            title, items = section.title, list(section.take_home)
        else:
            shown = section.pages[page]
            ticks = self.visit.ticks(section, page)
            lists = [b.tasks for b in page_blocks(shown.markdown) if b.tasks]
            title = shown.title or section.title
            items = [item for n, tasks in enumerate(lists) for i, item in enumerate(tasks.items)
                     if i in ticks[n]]
        return self.screen.show_items(kind, title, items, self.host.site()).kept
