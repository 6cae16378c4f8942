"""The kiosk window: the stack of screens with the footer under it, the visit's start and
reset, and the look.

Screens only show what they are given and emit what the patient asked for; the flows beside
them (reader, take-home code, quiz) decide what comes next within their screens, and this
window switches between them. Everything a visit changed lives in its `Visit`, forgotten at
`reset_visit`. With `later=True` (the running kiosk) only the attract screen is built at
first, the other screens after the first frame or on first use (ui/screen_parts.py).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import LanguageContent, Library, Section, Site
from kiosk.content.offer import Offer, Offered
from kiosk.engagement.events import EventRecorder
from kiosk.settings.config import Settings
from kiosk.ui.footer import Footer
from kiosk.ui.look.i18n import Translations
from kiosk.ui.look.motion import ScreenFader, calm_scrolling
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import ScreenWidget
from kiosk.ui.machine.idle import IdleWatcher
from kiosk.ui.machine.speech import ReadAloud
from kiosk.ui.screen_parts import BuiltLater, ScreenParts
from kiosk.ui.screens.attract import AttractScreen, library_slides
from kiosk.ui.screens.document import UpdatingScreen
from kiosk.ui.screens.still_there import IdleOverlay
from kiosk.ui.visit import Look, Visit

# Shown in every offered language at once, so it is translated without switching languages.
ATTRACT_PROMPT: tuple[str, str] = (
    "Attract", QT_TRANSLATE_NOOP("Attract", "Touch anywhere to start"))  # type: ignore[assignment]  # PySide6's stub says object; it returns the text


class KioskWindow(QWidget, BuiltLater):
    def __init__(self, library: Library, settings: Settings, recorder: EventRecorder,
                 translations: Translations, *, clock: Callable[[], float] = time.monotonic,
                 today: Callable[[], date] = date.today,
                 rng: random.Random | None = None, later: bool = False) -> None:
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
        self.visit = Visit(recorder, clock, self._start_look())
        self._theme: Theme | None = None
        self.pending_library: Library | None = None  # new content waiting for the attract screen
        self.read_aloud = ReadAloud(self)  # silent until the app gives it an engine

        self.stack = QStackedWidget()
        self.fader = ScreenFader(self.stack)
        self.parts = ScreenParts(self, rng or random.Random())
        self.attract = AttractScreen()
        self.updating = UpdatingScreen()
        self.parts.add(self.attract, self.updating)
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
        # No "Still there?" while the kiosk reads to the patient.
        self.read_aloud.speaking_changed.connect(self.idle.set_held)
        self.attract.woken.connect(self.wake)
        self.footer.disclaimer_requested.connect(lambda: self.document_flow.show_disclaimer())
        self.footer.language_chosen.connect(self.set_language)
        self.footer.text_size_chosen.connect(self.set_text_size)
        self.footer.contrast_toggled.connect(self.toggle_contrast)
        self.idle.warning.connect(lambda s: self.overlay.show_over(self, s))
        self.idle.tick.connect(self.overlay.set_seconds)
        self.idle.resumed.connect(self._resumed)
        self.idle.expired.connect(lambda: self.reset_visit("idle"))

        self.translations.switch(self.visit.language)
        self.set_library(library)
        self._apply_motion()
        self.go_attract()
        if not later:
            self.parts.build_all()

    def build_later(self, then: Callable[[], None] = lambda: None) -> None:
        """The screens not built yet, one part per turn of the event loop; then `then`."""
        self.parts.build_later(then)

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

    def sections(self) -> list[Offered]:
        """Topics to show in the visit's language today."""
        return self.offer.sections(self.visit.language, self.today())

    def section(self, slug: str) -> Offered | None:
        return self.offer.section(self.visit.language, slug, self.today())

    def next_section(self, slug: str) -> Section | None:
        return self.offer.next_section(self.visit.language, slug, self.today())

    def content(self) -> LanguageContent:
        """The visit language's content (the default language's where it has none)."""
        return self.library.content_for(self.visit.language)

    def site(self) -> Site:
        return self.library.site.in_language(self.visit.language)

    def set_library(self, library: Library) -> None:
        """Show new content (at start-up, or swapped in while nobody is using the kiosk)."""
        self.library = library
        if self.visit.language not in self.offer.languages():
            self.visit.language = self.offer.default_language()
        self.footer.set_languages(self.offer.languages())
        self._fill_attract()
        if self.parts.has("home"):
            self.fill_home()
        self._sync_footer()

    def offer_library(self, library: Library) -> None:
        """New content from a reload: shown now if nobody is using the kiosk, otherwise at the
        next return to the attract screen (never under a patient's finger)."""
        self.pending_library = library
        if self.visit.started is None and self.current_screen() in (self.attract, self.updating):
            self.go_attract()

    def section_title(self, slug: str) -> str | None:
        found = self.section(slug)
        return found.section.title if found else None

    def _fill_attract(self) -> None:
        languages = self.offer.languages()
        site = self.library.site.in_language(self.offer.default_language())
        logo = self.library.images.get(site.logo, b"")
        prompts = (self.translations.translate_in(lang, *ATTRACT_PROMPT)
                   for lang in (languages or ["en"]))
        prompt = "\n".join(dict.fromkeys(prompts))  # once per distinct wording
        # The facts take turns in every language; the clinic's details are the default's.
        self.attract.set_content(site.name, logo, library_slides(self.library, languages, logo),
                                 prompt)

    def fill_home(self) -> None:
        from kiosk.ui.screens.home import home_tiles

        content, site = self.content(), self.site()
        tiles = home_tiles([s for s, _ in self.sections()], content, self.library.images,
                           quiz=self.settings.quiz_enabled)
        self.home.set_content(site.name, self.library.images.get(site.logo, b""), tiles,
                              content.notice)

    def _sync_footer(self) -> None:
        from kiosk.ui.screens.document_flow import short_disclaimer

        self.footer.set_state(self.visit.language, self.visit.text_size,
                              short_disclaimer(self.content()), self.visit.theme_name)

    # -- the look ------------------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        if self._theme is None:
            self._theme = Theme.create(self.visit.theme_name, self.visit.text_size,
                                       self.width(), self.height(), self.library.site.colours)
        return self._theme

    def look_applied(self) -> bool:
        return self._theme is not None

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

    # -- switching screens ---------------------------------------------------------------
    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _screens(self) -> tuple[ScreenWidget, ...]:
        """The screens built so far."""
        return tuple(self.parts.built)

    def show_screen(self, screen: QWidget) -> None:
        """A patient's screen, with the footer under it."""
        self.parts.hold()
        self.footer.show()
        self.stack.setCurrentWidget(screen)

    def go_attract(self) -> None:
        self.idle.stop()
        self.overlay.hide()
        self.footer.hide()
        if self.pending_library is not None:
            library, self.pending_library = self.pending_library, None
            self.set_library(library)
            if self.visit.language != self.offer.default_language():  # site.toml may name a new one
                self.visit.language = self.offer.default_language()
                self._apply_language()
        if self.library.is_empty:
            self.stack.setCurrentWidget(self.updating)
            return
        self.stack.setCurrentWidget(self.attract)
        self.attract.start()

    def wake(self) -> None:
        """First touch on the attract screen: a visit starts."""
        self.attract.stop()
        self.visit.start()
        self.idle.start()
        self.show_home()

    def leave_page(self) -> None:
        """Close what the patient is leaving: the page's dwell time, an unfinished quiz, and
        a page being read aloud. Quiz results Back can return to are kept."""
        self.read_aloud.stop()
        if self.parts.has("quiz"):
            self.quiz.leave(keep_results=self.visit.keeps_results())
        self.visit.leave_page()

    def show_home(self) -> None:
        self.visit.history.clear()  # home is where every path starts again
        self.leave_page()
        self.show_screen(self.home)
        self.home.scroll_area.verticalScrollBar().setValue(0)
        self.recorder.record("screen_view", screen="home")

    def tile_chosen(self, key: str) -> None:
        from kiosk.ui.screens.home import QUIZ_KEY

        if key == QUIZ_KEY:
            self.show_quiz()
        else:
            self.reader_flow.open(key)

    def show_quiz(self) -> None:
        self.visit.history.clear()
        self.leave_page()
        self.quiz.start(self.settings.quiz_round_size, self.settings.quiz_shuffle_answers)

    def show_quiz_screen(self, screen: QWidget, name: str) -> None:
        self.read_aloud.stop()
        self.show_screen(screen)
        self.recorder.record("screen_view", screen=name)

    def _refresh_current(self) -> None:
        current = self.current_screen()
        if not self.parts.has("pages"):
            return
        if current is self.reader and self.visit.position is not None:
            self.reader_flow.render()
        elif current is self.document:
            self.document_flow.redraw()
        elif current is self.take_home:
            self.take_home_flow.refresh()

    # -- the visit's settings ------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang not in self.offer.languages() or not self.visit.choose("language", lang):
            self._sync_footer()
            return
        self._apply_language()

    def _apply_language(self) -> None:
        self.read_aloud.stop()
        self.translations.switch(self.visit.language)
        for screen in self._screens():
            screen.retranslate()
        self.footer.retranslate()
        self.overlay.retranslate()
        if self.parts.has("home"):
            self.fill_home()
        self._sync_footer()
        current = self.current_screen()
        if not self.parts.has("quiz"):  # built with the pages: a patient is on neither
            return
        if current is self.reader:
            self.reader_flow.language_changed()
        elif current is self.document:
            self.document_flow.language_changed()
        elif current in (self.quiz.question_screen, self.quiz.results_screen):
            self.quiz.language_changed()
        elif current is self.take_home:
            self.take_home_flow.refresh()

    def set_text_size(self, size: str) -> None:
        if self.visit.choose("text_size", size):
            self.apply_look()
        self._sync_footer()

    def set_theme(self, name: str) -> None:
        if self.visit.choose("theme", name):
            self.apply_look()
        self._sync_footer()

    def toggle_contrast(self) -> None:
        """The footer's High contrast button: on, or back to the usual colours."""
        self.set_theme("standard" if self.visit.theme_name == "high-contrast"
                       else "high-contrast")

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

    def _start_look(self) -> Look:
        """How every visit starts: the settings' language, text size and theme."""
        return Look(self.offer.default_language(), self.settings.text_size, self.settings.theme)

    def reset_visit(self, reason: str = "idle") -> None:
        """Forget everything about this visit and go back to the attract screen."""
        self.read_aloud.stop()
        if self.parts.has("quiz"):
            self.quiz.leave()
        start, now = self._start_look(), self.visit.look()
        language_changed = now.language != start.language
        look_changed = (now.text_size, now.theme_name) != (start.text_size, start.theme_name)
        self.visit.reset(reason, start)
        if language_changed:
            self._apply_language()
        if look_changed:
            self.apply_look()
        if self.parts.has("home"):
            self.home.scroll_area.verticalScrollBar().setValue(0)
        if self.parts.has("pages"):
            self.reader.browser.clear()
            self.document.browser.clear()
        self._sync_footer()
        self.go_attract()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.in_visit():
            self.reset_visit("exit")
        super().closeEvent(event)

    # -- what staff mode and the dark screen see (staff_panel/kiosk_view.py) -------------
    def surface(self) -> QWidget:
        return self

    def staff_door(self) -> list[QWidget]:
        return [self.home.logo, self.home.clinic, self.home.heading]

    def at_home(self) -> bool:
        return self.parts.has("home") and self.current_screen() is self.home

    def in_visit(self) -> bool:
        return self.visit.started is not None

    def visit_look(self) -> Look:
        return self.visit.look()

    def stop_attract(self) -> None:
        self.attract.stop()
