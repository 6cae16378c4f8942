"""Reading a topic: which page the reader shows, Next, Back and links, and Listen on a page.

The window hands over the visit and the topics offered and shows the reader when this flow asks;
the flow keeps the reader's place in the visit (its position and Back history) and records
screen_view for every page shown.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Library, Section
from kiosk.content.offer import Offered
from kiosk.engagement.events import EventRecorder
from kiosk.ui.footer import language_name
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.machine.speech import ReadAloud, speech_text
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.visit import Place, Visit


class ReaderHost(Protocol):
    """What the reader needs of the window around it."""

    @property
    def theme(self) -> Theme: ...

    library: Library  # for its pictures

    def section(self, slug: str) -> Offered | None: ...

    def next_section(self, slug: str) -> Section | None: ...

    def leave_page(self) -> None: ...

    def current_screen(self) -> QWidget | None: ...

    def show_screen(self, screen: QWidget) -> None: ...

    def show_home(self) -> None: ...


class ReaderFlow(QObject):
    results_requested = Signal()  # Back from a topic opened from the quiz results

    def __init__(self, visit: Visit, host: ReaderHost, read_aloud: ReadAloud,
                 recorder: EventRecorder) -> None:
        super().__init__()
        self.visit = visit
        self.host = host
        self.read_aloud = read_aloud
        self.recorder = recorder
        self.screen = ReaderScreen()
        self.screen.page_requested.connect(self.turn_page)
        self.screen.link_activated.connect(self.follow_link)
        self.screen.ticked_changed.connect(self.visit.tick)

    def open(self, slug: str, page: int = 0) -> None:
        """Show page `page` of topic `slug` (the first or last page if out of range)."""
        found = self.host.section(slug)
        if found is None:
            return
        self.host.leave_page()
        section = found.section
        page = min(max(page, 0), len(section.pages) - 1)
        self.visit.show_page(slug, page)
        self.host.show_screen(self.screen)
        self.render()
        self.recorder.record("screen_view", screen="reader", section=slug, page=page + 1)

    def turn_page(self, step: int) -> None:
        """Next (+1) or Back (-1) on the reader, by button or swipe."""
        position = self.visit.position
        if position is None or self.host.current_screen() is not self.screen:
            return
        if step < 0:
            self.go_back()
            return
        found = self.host.section(position.slug)
        if found is None:
            self.host.show_home()
            return
        target = position.page + step
        following = self.host.next_section(position.slug)
        pages = len(found.section.pages)
        if target >= pages and following is None:
            self.host.show_home()
            return
        self.visit.remember_page()
        if target < pages:
            self.open(position.slug, target)
        elif following is not None:
            self.open(following.slug)

    def go_back(self) -> None:
        """Back to where the patient came from: the page before, the page that held a link,
        or the quiz results that led here; without any, the page before in the topic."""
        visit = self.visit
        if not visit.history:
            if visit.position is not None and visit.position.page > 0:
                self.open(visit.position.slug, visit.position.page - 1)
            return
        place = visit.history[-1]
        if place.screen == "results":
            self.host.leave_page()  # the results are still kept: their place is in the history
            visit.history.pop()
            self.results_requested.emit()
            return
        visit.history.pop()
        if self.host.section(place.slug) is None:  # gone with a content reload
            self.go_back()
            return
        self.open(place.slug, place.page)

    def read_missed_topic(self, slug: str) -> None:
        """"Read about it" on the quiz results: Back comes back to them."""
        self.visit.remember(Place("results"))
        self.open(slug)

    def follow_link(self, url: str) -> None:
        slug = url.removeprefix("section:")
        if url.startswith("section:") and self.host.section(slug):
            self.visit.remember_page()  # Back returns to the page that held the link
            self.open(slug)

    def render(self) -> None:
        """Draw the page the visit is on (again, after a new language, text size or theme)."""
        assert self.visit.position is not None
        found = self.host.section(self.visit.position.slug)
        if found is None:
            return
        section = found.section
        index, count = self.visit.position.page, len(section.pages)
        if index < count - 1:
            next_text = tr("Reader", "Next")
            next_name = tr("Reader", "Next page")
        elif following := self.host.next_section(section.slug):
            next_text = tr("Reader", "Next topic")
            next_name = tr("Reader", "Next topic: %1").replace("%1", following.title)
        else:
            next_text = tr("Reader", "All topics")
            next_name = next_text
        note = ""
        if found.stand_in:
            # The shown language by its own name, as on the language buttons ("English").
            note = tr("Reader", "This topic is not in your language yet, so it is shown in "
                                "%1.").replace("%1", language_name(section.lang))
        self.screen.show_page(section_title=section.title, page=section.pages[index],
                              index=index, count=count, next_text=next_text,
                              next_name=next_name, note=note, reviewed_by=section.reviewed_by,
                              reviewed=section.review_date, images=self.host.library.images,
                              theme=self.host.theme, ticked=self.visit.ticks(section, index),
                              points=bool(section.take_home))
        self.screen.set_listen(self.read_aloud.can_speak(section.lang), self.read_aloud.speaking)
        self.screen.back_button.setEnabled(self.visit.can_go_back())

    def language_changed(self) -> None:
        """The same page in the new language, or home if its topic is not offered in it."""
        if self.visit.position is None:
            return
        if self.host.section(self.visit.position.slug) is None:
            self.host.show_home()
        else:
            self.render()

    def spoken(self) -> tuple[str, str] | None:
        """The page on screen as plain text for Listen, and its language."""
        position = self.visit.position
        found = self.host.section(position.slug) if position is not None else None
        if position is None or found is None:
            return None
        section = found.section
        page = section.pages[position.page]
        return speech_text(page.title or section.title, page.markdown), section.lang

    def refresh_listen(self) -> None:
        """Listen shown when a voice can read the page's language; Stop while it reads."""
        position = self.visit.position
        if position is not None and (found := self.host.section(position.slug)):
            self.screen.set_listen(self.read_aloud.can_speak(found.section.lang),
                                   self.read_aloud.speaking)
