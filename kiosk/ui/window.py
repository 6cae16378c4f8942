"""The kiosk window: the stack of screens, the visit (idle reset, events) and the look.

Screens only show what they are given and emit what the patient asked for; this class decides
what comes next. Everything a visit changed is forgotten in `reset_visit`.
"""

from __future__ import annotations

import html
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import Library, Section
from kiosk.content.offer import Offer, Offered, take_turns
from kiosk.content.render import markdown_to_html
from kiosk.content.take_home import page_blocks
from kiosk.engagement.events import EventRecorder
from kiosk.settings.config import Settings
from kiosk.ui.footer import Footer, language_name
from kiosk.ui.look.i18n import Translations, tr
from kiosk.ui.look.motion import ScreenFader, calm_scrolling
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import ScreenWidget
from kiosk.ui.machine.idle import IdleWatcher
from kiosk.ui.machine.speech import ReadAloud, speech_text
from kiosk.ui.screens.attract import AttractScreen, AttractSlide, plain_slides
from kiosk.ui.screens.document import DocumentScreen, UpdatingScreen
from kiosk.ui.screens.home import QUIZ_KEY, HomeScreen, TileInfo
from kiosk.ui.screens.quiz.flow import QuizFlow
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.screens.still_there import IdleOverlay
from kiosk.ui.screens.take_home import TakeHomeScreen

# Shown in every offered language at once, so it is translated without switching languages.
ATTRACT_PROMPT: tuple[str, str] = (
    "Attract", QT_TRANSLATE_NOOP("Attract", "Touch anywhere to start"))  # type: ignore[assignment]  # PySide6's stub says object; it returns the text


@dataclass(frozen=True)
class Place:
    """Where a patient was, for Back: a reader page, or the quiz results."""

    screen: str  # "reader" or "results"
    slug: str = ""
    page: int = 0


MAX_HISTORY = 100  # places Back remembers in one visit


@dataclass
class ReaderPosition:
    slug: str
    page: int
    since: float  # clock() when the page was shown, for page dwell


class KioskWindow(QWidget):
    def __init__(self, library: Library, settings: Settings, recorder: EventRecorder,
                 translations: Translations, *, clock: Callable[[], float] = time.monotonic,
                 today: Callable[[], date] = date.today,
                 rng: random.Random | None = None) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setWindowTitle("RLS kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.settings = settings
        self.recorder = recorder
        self.translations = translations
        self.clock = clock
        self.today = today
        self.library = library
        self.theme_name = settings.theme
        self.text_size = settings.text_size
        self.language = self.default_language()
        self.position: ReaderPosition | None = None
        self.history: list[Place] = []  # where Back leads, the latest last
        self.visit_started: float | None = None
        self._theme: Theme | None = None
        self._document: tuple[str, str, str] | None = None
        self.pending_library: Library | None = None  # new content waiting for the attract screen
        # The visit's ticks: (section, page, list on the page) -> ticked items. Kept by position,
        # so a list ticked in one language is the same list in another; forgotten at the reset.
        self.ticked: dict[tuple[str, int, int], frozenset[int]] = {}
        self._take_home: tuple[str, int, str] | None = None  # section, page, "list"/"points"

        self.attract = AttractScreen()
        self.home = HomeScreen()
        self.reader = ReaderScreen()
        self.document = DocumentScreen()
        self.updating = UpdatingScreen()
        self.take_home = TakeHomeScreen()
        self.quiz = QuizFlow(recorder, clock, rng or random.Random(),
                             lambda: self.library.content_for(self.language), self._section_title)
        self.stack = QStackedWidget()
        for screen in self._screens():
            self.stack.addWidget(screen)
        self.fader = ScreenFader(self.stack)
        self.footer = Footer()
        layout = QVBoxLayout(self)
        # The window takes its screen's size and scales its look to it (resizeEvent), so the
        # layout must not hold it at the minimum of the previous, larger look: moved from a
        # 4K screen to a 1366x768 one, it stayed 2131x1711.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)
        self.overlay = IdleOverlay(self)
        self.idle = IdleWatcher(settings.idle_timeout, settings.idle_warning, self)
        self.read_aloud = ReadAloud(self)  # silent until the app gives it an engine
        self.read_aloud.speaking_changed.connect(self._speaking_changed)
        self.read_aloud.engine_changed.connect(self._refresh_listen)

        self.attract.woken.connect(self.wake)
        self.home.tile_chosen.connect(self._tile_chosen)
        self.reader.home_requested.connect(self.show_home)
        self.reader.page_requested.connect(self.turn_page)
        self.reader.link_activated.connect(self._link_activated)
        self.reader.listen_requested.connect(self.toggle_read_aloud)
        self.reader.ticked_changed.connect(self._ticked_changed)
        self.reader.keep_requested.connect(self.show_take_home)
        self.take_home.back_requested.connect(self._back_from_take_home)
        self.take_home.home_requested.connect(self.show_home)
        self.quiz.question_screen.listen_requested.connect(self.toggle_read_aloud)
        self.quiz.question_screen.question_shown.connect(self._question_shown)
        self.document.home_requested.connect(self.show_home)
        self.quiz.screen_requested.connect(self._show_quiz_screen)
        self.quiz.home_requested.connect(self.show_home)
        self.quiz.section_requested.connect(self._read_missed_topic)
        self.footer.disclaimer_requested.connect(self.show_disclaimer)
        self.footer.language_chosen.connect(self.set_language)
        self.footer.text_size_chosen.connect(self.set_text_size)
        self.footer.contrast_toggled.connect(self.toggle_contrast)
        self.idle.warning.connect(lambda s: self.overlay.show_over(self, s))
        self.idle.tick.connect(self.overlay.set_seconds)
        self.idle.resumed.connect(self._resumed)
        self.idle.expired.connect(lambda: self.reset_visit("idle"))

        self.translations.switch(self.language)
        self.set_library(library)
        self._apply_motion()
        self.go_attract()

    def _resumed(self) -> None:
        """The patient did something during "Still there?". A finger or button going down
        leaves the question up until it lifts (the question hides itself then), so the rest of
        that touch cannot reach what lies beneath; a key or a wheel hides it now."""
        if not self.idle.finger_down:
            self.overlay.hide()

    # -- content -------------------------------------------------------------------------
    @property
    def offer(self) -> Offer:
        """The languages and topics this library and these settings offer a visit."""
        return Offer(self.library, self.settings.default_language, self.settings.languages)

    def default_language(self) -> str:
        return self.offer.default_language()

    def languages(self) -> list[str]:
        return self.offer.languages()

    def set_library(self, library: Library) -> None:
        """Show new content (at start-up, or swapped in while nobody is using the kiosk)."""
        self.library = library
        if self.language not in self.languages():
            self.language = self.default_language()
        self.footer.set_languages(self.languages())
        self._fill_attract()
        self._fill_home()
        self._sync_footer()

    def offer_library(self, library: Library) -> None:
        """New content from a reload: shown now if nobody is using the kiosk, otherwise at the
        next return to the attract screen (never under a patient's finger)."""
        self.pending_library = library
        if self.visit_started is None and self.current_screen() in (self.attract, self.updating):
            self.go_attract()

    def sections(self) -> list[Offered]:
        """Topics to show in the visit's language today."""
        return self.offer.sections(self.language, self.today())

    def section(self, slug: str) -> Offered | None:
        return self.offer.section(self.language, slug, self.today())

    def _section_title(self, slug: str) -> str | None:
        found = self.section(slug)
        return found[0].title if found else None

    def _fill_attract(self) -> None:
        slides: list[list[AttractSlide]] = []
        site = self.library.site.in_language(self.default_language())
        logo = self.library.images.get(site.logo, b"")
        for lang in self.languages():
            content = self.library.languages[lang]
            kicker = content.attract_title
            slides.append(plain_slides(kicker, [(s.title, s.markdown) for s in content.slides],
                                       lang=lang, images=self.library.images, fallback=logo))
        interleaved = take_turns(slides)
        prompts = (self.translations.translate_in(lang, *ATTRACT_PROMPT)
                   for lang in (self.languages() or ["en"]))
        prompt = "\n".join(dict.fromkeys(prompts))  # once per distinct wording
        # The facts take turns in every language; the clinic's details are the default's.
        self.attract.set_content(site.name, logo, interleaved, prompt)

    def _fill_home(self) -> None:
        tiles = [TileInfo(s.slug, s.title, s.subtitle, self.library.images.get(s.icon, b""))
                 for s, _ in self.sections()]
        content = self.library.content_for(self.language)
        if self.settings.quiz_enabled and content.quiz:
            tiles.append(TileInfo(QUIZ_KEY, content.quiz_title or tr("Home", "Quick quiz"),
                                  tr("Home", "Test what you know"),
                                  self.library.images.get(content.quiz_icon, b"")))
        site = self.library.site.in_language(self.language)
        self.home.set_content(site.name, self.library.images.get(site.logo, b""), tiles,
                              content.notice)

    def _sync_footer(self) -> None:
        short = self.library.content_for(self.language).disclaimer_short or tr(
            "Footer", "General information, not a diagnosis. Talk to your care team.")
        self.footer.set_state(self.language, self.text_size, short, self.theme_name)

    # -- the look ------------------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        if self._theme is None:
            self._theme = Theme.create(self.theme_name, self.text_size, self.width(),
                                       self.height(), self.library.site.colours)
        return self._theme

    def apply_look(self) -> None:
        self._theme = None
        theme = self.theme
        self.setStyleSheet(theme.stylesheet())
        for screen in self._screens():
            screen.set_theme(theme)
        self.footer.apply_theme(theme)
        self.overlay.apply_theme(theme)
        self._refresh_current()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.apply_look()

    # -- navigation ----------------------------------------------------------------------
    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _screens(self) -> tuple[ScreenWidget, ...]:
        return (self.attract, self.home, self.reader, self.document, self.updating,
                self.quiz.question_screen, self.quiz.results_screen, self.take_home)

    def go_attract(self) -> None:
        self.idle.stop()
        self.overlay.hide()
        self.footer.hide()
        if self.pending_library is not None:
            library, self.pending_library = self.pending_library, None
            self.set_library(library)
            if self.language != self.default_language():  # site.toml may name a new default
                self.language = self.default_language()
                self._apply_language()
        if self.library.is_empty:
            self.stack.setCurrentWidget(self.updating)
            return
        self.stack.setCurrentWidget(self.attract)
        self.attract.start()

    def wake(self) -> None:
        """First touch on the attract screen: a visit starts."""
        self.attract.stop()
        self.visit_started = self.clock()
        self.recorder.record("visit_start", language=self.language, text_size=self.text_size,
                             theme=self.theme_name)
        self.idle.start()
        self.show_home()

    def _leave_page(self) -> None:
        """Close what the patient is leaving: the page's dwell time, an unfinished quiz, and
        a page being read aloud. Quiz results Back can return to are kept."""
        self.read_aloud.stop()
        self.quiz.leave(keep_results=any(p.screen == "results" for p in self.history))
        if self.position is not None:
            seconds = max(0, round(self.clock() - self.position.since))
            self.recorder.record("page_dwell", section=self.position.slug,
                                 page=self.position.page + 1, seconds=seconds)
            self.position = None

    def show_home(self) -> None:
        self.history.clear()  # home is where every path starts again
        self._leave_page()
        self.footer.show()
        self.stack.setCurrentWidget(self.home)
        self.home.scroll_area.verticalScrollBar().setValue(0)
        self.recorder.record("screen_view", screen="home")

    def _tile_chosen(self, key: str) -> None:
        if key == QUIZ_KEY:
            self.show_quiz()
        else:
            self.open_section(key)

    def open_section(self, slug: str, page: int = 0) -> None:
        found = self.section(slug)
        if found is None:
            return
        self._leave_page()
        section = found[0]
        page = min(max(page, 0), len(section.pages) - 1)
        self.position = ReaderPosition(slug, page, self.clock())
        self.footer.show()
        self.stack.setCurrentWidget(self.reader)
        self._render_page()
        self.recorder.record("screen_view", screen="reader", section=slug, page=page + 1)

    def turn_page(self, step: int) -> None:
        """Next (+1) or Back (-1) on the reader, by button or swipe."""
        if self.position is None or self.current_screen() is not self.reader:
            return
        if step < 0:
            self.go_back()
            return
        found = self.section(self.position.slug)
        if found is None:
            self.show_home()
            return
        target = self.position.page + step
        following = self.offer.next_section(self.language, self.position.slug, self.today())
        if target >= len(found[0].pages) and following is None:
            self.show_home()
            return
        self._remember_page()
        if target < len(found[0].pages):
            self.open_section(self.position.slug, target)
        elif following is not None:
            self.open_section(following.slug)

    def go_back(self) -> None:
        """Back to where the patient came from: the page before, the page that held a link,
        or the quiz results that led here; without any, the page before in the topic."""
        if not self.history:
            if self.position is not None and self.position.page > 0:
                self.open_section(self.position.slug, self.position.page - 1)
            return
        place = self.history[-1]
        if place.screen == "results":
            self._leave_page()  # the results are still kept: their place is in the history
            self.history.pop()
            self.quiz.show_results_again()
            return
        self.history.pop()
        if self.section(place.slug) is None:  # gone with a content reload
            self.go_back()
            return
        self.open_section(place.slug, place.page)

    def can_go_back(self) -> bool:
        return bool(self.history) or (self.position is not None and self.position.page > 0)

    def _remember(self, place: Place) -> None:
        self.history.append(place)
        del self.history[:-MAX_HISTORY]

    def _remember_page(self) -> None:
        if self.position is not None:
            self._remember(Place("reader", self.position.slug, self.position.page))

    def _read_missed_topic(self, slug: str) -> None:
        """"Read about it" on the quiz results: Back comes back to them."""
        self._remember(Place("results"))
        self.open_section(slug)

    def _render_page(self) -> None:
        assert self.position is not None
        found = self.section(self.position.slug)
        if found is None:
            return
        section, is_fallback = found
        index, count = self.position.page, len(section.pages)
        if index < count - 1:
            next_text = tr("Reader", "Next")
            next_name = tr("Reader", "Next page")
        elif following := self.offer.next_section(self.language, section.slug, self.today()):
            next_text = tr("Reader", "Next topic")
            next_name = tr("Reader", "Next topic: %1").replace("%1", following.title)
        else:
            next_text = tr("Reader", "All topics")
            next_name = next_text
        note = ""
        if is_fallback:
            # The shown language by its own name, as on the language buttons ("English").
            note = tr("Reader", "This topic is not in your language yet, so it is shown in "
                                "%1.").replace("%1", language_name(section.lang))
        self.reader.show_page(section_title=section.title, page=section.pages[index],
                              index=index, count=count, next_text=next_text, next_name=next_name,
                              note=note, reviewed_by=section.reviewed_by,
                              reviewed=section.review_date,
                              images=self.library.images, theme=self.theme,
                              ticked=self._page_ticks(section, index),
                              points=bool(section.take_home))
        self.reader.set_listen(self.read_aloud.can_speak(section.lang), self.read_aloud.speaking)
        self.reader.back_button.setEnabled(self.can_go_back())

    # -- take-home codes -----------------------------------------------------------------
    def _page_ticks(self, section: Section, page: int) -> dict[int, frozenset[int]]:
        """Each task list's ticked items on a page: this visit's, else as the file marks them."""
        lists = [b.tasks for b in page_blocks(section.pages[page].markdown) if b.tasks]
        return {n: self.ticked.get((section.slug, page, n), frozenset(tasks.ticked))
                for n, tasks in enumerate(lists)}

    def _ticked_changed(self, number: int, ticked: frozenset[int]) -> None:
        if self.position is not None:
            self.ticked[(self.position.slug, self.position.page, number)] = ticked

    def show_take_home(self, kind: str) -> None:
        """"Keep my list" (kind "list") or "Keep these points" ("points") on the page shown."""
        if self.position is None or (found := self.section(self.position.slug)) is None:
            return
        slug, page = self.position.slug, self.position.page
        self._leave_page()
        self._take_home = (slug, page, kind)
        self.footer.show()
        self.stack.setCurrentWidget(self.take_home)
        kept = self._show_take_home_code(found[0])
        self.recorder.record("take_home", total=kept)  # how many, never which

    def _show_take_home_code(self, section: Section) -> int:
        """Draw the take-home code in the visit's language; returns how many items it holds."""
        assert self._take_home is not None
        _, page, kind = self._take_home
        if kind == "points":
            title, items = section.title, list(section.take_home)
        else:
            shown = section.pages[page]
            ticks = self._page_ticks(section, page)
            lists = [b.tasks for b in page_blocks(shown.markdown) if b.tasks]
            title = shown.title or section.title
            items = [item for n, tasks in enumerate(lists) for i, item in enumerate(tasks.items)
                     if i in ticks[n]]
        site = self.library.site.in_language(self.language)
        return self.take_home.show_items(kind, title, items, site).kept

    def _back_from_take_home(self) -> None:
        if self._take_home is not None:
            slug, page, _ = self._take_home
            self.open_section(slug, page)

    def toggle_read_aloud(self) -> None:
        """Listen on the reader or a quiz question: read it in a voice of its language, or stop."""
        if self.read_aloud.speaking:
            self.read_aloud.stop()
            self.recorder.record("setting_change", setting="read_aloud", value="off")
            return
        if self.current_screen() is self.quiz.question_screen:
            text = self.quiz.question_screen.spoken_text()
            lang = self.library.content_for(self.language).lang
        else:
            position = self.position
            found = self.section(position.slug) if position is not None else None
            if found is None or position is None:
                return
            section = found[0]
            page = section.pages[position.page]
            text, lang = speech_text(page.title or section.title, page.markdown), section.lang
        if self.read_aloud.speak(text, lang):
            self.recorder.record("setting_change", setting="read_aloud", value="on")

    def _question_shown(self) -> None:
        self.read_aloud.stop()
        self._refresh_listen()

    def _speaking_changed(self, speaking: bool) -> None:
        """No "Still there?" while the kiosk reads to the patient; the button says Stop."""
        self.idle.set_held(speaking)
        self._refresh_listen()

    def _refresh_listen(self) -> None:
        speaking = self.read_aloud.speaking
        if self.position is not None and (found := self.section(self.position.slug)):
            self.reader.set_listen(self.read_aloud.can_speak(found[0].lang), speaking)
        quiz_lang = self.library.content_for(self.language).lang
        self.quiz.question_screen.set_listen(self.read_aloud.can_speak(quiz_lang), speaking)

    def _link_activated(self, url: str) -> None:
        if url.startswith("section:") and self.section(url.removeprefix("section:")):
            self._remember_page()  # Back returns to the page that held the link
            self.open_section(url.removeprefix("section:"))

    def show_disclaimer(self) -> None:
        self._leave_page()
        content = self.library.content_for(self.language)
        title = content.disclaimer_title or tr("Footer", "About this information")
        body = "".join(
            (f"<h2>{html.escape(p.title)}</h2>" if p.title else "") + markdown_to_html(p.markdown)
            for p in content.disclaimer_pages) or "<p>" + html.escape(
                self.footer.disclaimer.text()) + "</p>"
        self._show_document("disclaimer", title, body)

    def show_sources(self) -> None:
        self._leave_page()
        parts = []
        for section, _ in self.sections():
            if section.sources:
                items = "".join(f"<li>{html.escape(s)}</li>" for s in section.sources)
                parts.append(f"<h3>{html.escape(section.title)}</h3><ul>{items}</ul>")
        self._show_document("sources", tr("Home", "Sources"), "".join(parts))

    def show_quiz(self) -> None:
        self.history.clear()
        self._leave_page()
        self.quiz.start(self.settings.quiz_round_size, self.settings.quiz_shuffle_answers)

    def _show_quiz_screen(self, screen: QWidget, name: str) -> None:
        self.read_aloud.stop()
        self.footer.show()
        self.stack.setCurrentWidget(screen)
        self.recorder.record("screen_view", screen=name)

    def _show_document(self, screen: str, title: str, body: str) -> None:
        self.footer.show()
        self.stack.setCurrentWidget(self.document)
        self.document.show_document(title, body, self.library.images, self.theme)
        self._document = (screen, title, body)
        self.recorder.record("screen_view", screen=screen)

    def _refresh_current(self) -> None:
        current = self.current_screen()
        if current is self.reader and self.position is not None:
            self._render_page()
        elif current is self.document and self._document:
            _, title, body = self._document
            self.document.show_document(title, body, self.library.images, self.theme)
        elif current is self.take_home:
            self._refresh_take_home()

    def _refresh_take_home(self) -> None:
        """The code again (another language or text size), or the page's topic if it is gone."""
        shown = self._take_home
        found = self.section(shown[0]) if shown else None
        if shown is None or found is None or shown[1] >= len(found[0].pages):
            self.show_home()
        else:
            self._show_take_home_code(found[0])

    # -- the visit's settings ------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang == self.language or lang not in self.languages():
            self._sync_footer()
            return
        self.language = lang
        self.recorder.record("setting_change", setting="language", value=lang)
        self._apply_language()

    def _apply_language(self) -> None:
        self.read_aloud.stop()
        self.translations.switch(self.language)
        for screen in self._screens():
            screen.retranslate()
        self.footer.retranslate()
        self.overlay.retranslate()
        self._fill_home()
        self._sync_footer()
        current = self.current_screen()
        if current is self.reader and self.position is not None:
            if self.section(self.position.slug) is None:
                self.show_home()
            else:
                self._render_page()
        elif current is self.document and self._document:
            {"disclaimer": self.show_disclaimer, "sources": self.show_sources}[
                self._document[0]]()
        elif current in (self.quiz.question_screen, self.quiz.results_screen):
            self.quiz.language_changed()
        elif current is self.take_home:
            self._refresh_take_home()

    def set_text_size(self, size: str) -> None:
        if size != self.text_size:
            self.text_size = size
            self.recorder.record("setting_change", setting="text_size", value=size)
            self.apply_look()
        self._sync_footer()

    def set_theme(self, name: str) -> None:
        if name != self.theme_name:
            self.theme_name = name
            self.recorder.record("setting_change", setting="theme", value=name)
            self.apply_look()
        self._sync_footer()

    def toggle_contrast(self) -> None:
        """The footer's High contrast button: on, or back to the usual colours."""
        self.set_theme("standard" if self.theme_name == "high-contrast" else "high-contrast")

    def apply_settings(self, settings: Settings) -> None:
        """Settings changed in the staff panel: they hold from the next visit on."""
        self.settings = settings
        self.idle.set_timeout(settings.idle_timeout)
        self.idle.warning_s = settings.idle_warning
        self._apply_motion()
        self.set_library(self.library)  # the languages offered, the quiz tile
        self._apply_language()
        self.reset_visit("staff")

    def _apply_motion(self) -> None:
        """A short fade between screens and bouncing lists, unless `reduce_motion` is set."""
        self.fader.enabled = not self.settings.reduce_motion
        calm_scrolling(self, self.settings.reduce_motion)

    def reset_visit(self, reason: str = "idle") -> None:
        """Forget everything about this visit and go back to the attract screen."""
        self.history.clear()
        self._leave_page()
        if self.visit_started is not None:
            if reason == "idle":
                self.recorder.record("idle_reset")
            seconds = max(0, round(self.clock() - self.visit_started))
            self.recorder.record("visit_end", reason=reason, seconds=seconds)
        self.visit_started = None
        self._document = None
        self.ticked.clear()
        self._take_home = None
        language_changed = self.language != self.default_language()
        look_changed = (self.text_size, self.theme_name) != (self.settings.text_size,
                                                            self.settings.theme)
        self.language = self.default_language()
        self.text_size, self.theme_name = self.settings.text_size, self.settings.theme
        if language_changed:
            self._apply_language()
        if look_changed:
            self.apply_look()
        self.home.scroll_area.verticalScrollBar().setValue(0)
        self.reader.browser.clear()
        self.document.browser.clear()
        self._sync_footer()
        self.go_attract()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.visit_started is not None:
            self.reset_visit("exit")
        super().closeEvent(event)

