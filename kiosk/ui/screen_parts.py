"""The window's screens after the attract screen, built in parts.

The running kiosk paints its attract screen first; the home screen, the pages (reader,
documents, take-home code) and the quiz are imported and built after that frame, one part per
turn of the event loop, so a touch between two parts is handled at once, and the screen it
leads to is painted before the next part is built. A part a patient reaches sooner is built
when first asked for: `window.home`, `window.reader_flow`,
`window.quiz`... are `Part`s that build theirs on first use.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.look.motion import calm_scrolling
from kiosk.ui.look.widgets import ScreenWidget

if TYPE_CHECKING:  # imported where they are built
    from kiosk.ui.screens.document import DocumentScreen
    from kiosk.ui.screens.document_flow import DocumentFlow
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.listen import ListenFlow
    from kiosk.ui.screens.quiz.flow import QuizFlow
    from kiosk.ui.screens.reader import ReaderScreen
    from kiosk.ui.screens.reader_flow import ReaderFlow
    from kiosk.ui.screens.take_home import TakeHomeScreen
    from kiosk.ui.screens.take_home_flow import TakeHomeFlow
    from kiosk.ui.window import KioskWindow

T = TypeVar("T")


class ScreenParts:
    def __init__(self, window: KioskWindow, rng: random.Random) -> None:
        self.window = window
        self.rng = rng
        self.built: list[ScreenWidget] = []  # in the window's stack
        self._then: Callable[[], None] | None = None  # after the last part (build_later)
        self._held: _UntilPainted | None = None
        self.home: HomeScreen
        self.reader_flow: ReaderFlow
        self.document_flow: DocumentFlow
        self.take_home_flow: TakeHomeFlow
        self.quiz: QuizFlow
        self.listen: ListenFlow
        # In the order a patient meets them.
        self._unbuilt: dict[str, Callable[[], None]] = {
            "home": self._build_home, "pages": self._build_pages, "quiz": self._build_quiz}

    def build_all(self) -> None:
        for part in list(self._unbuilt):
            self.need(part)

    def build_later(self, then: Callable[[], None]) -> None:
        """Build the parts not built yet, one per turn of the event loop; then call `then`."""
        self._then = then
        self._next()

    def hold(self) -> None:
        """The patient changed screens: build nothing more until the new one is painted."""
        if self._then is not None and self._held is None:
            self._held = _UntilPainted(self.window, self._resume)

    def _resume(self) -> None:
        self._held = None
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if self._held is not None or self._then is None:
            return
        if not self._unbuilt:
            then, self._then = self._then, None
            then()
            return
        part = next(iter(self._unbuilt))
        self.need(part)
        if part == "home" and self.window.look_applied():
            # Home and the footer drawn once off screen: their style, layout and glyphs are
            # ready for the touch that wakes the kiosk, which then costs what it costs on every
            # later visit (the first showing cost 2-3 times as much).
            window = self.window
            if window.footer.isHidden():  # home's size once the footer shows under it
                window.footer.adjustSize()
                self.home.resize(window.stack.width(),
                                 window.stack.height() - window.footer.height())
            self.home.grab()
            window.footer.grab()
        QTimer.singleShot(0, self._next)

    def need(self, part: str) -> ScreenParts:
        build = self._unbuilt.pop(part, None)
        if build is not None:
            build()
        return self

    def has(self, part: str) -> bool:
        return part not in self._unbuilt

    def add(self, *screens: ScreenWidget) -> None:
        window = self.window
        for screen in screens:
            window.stack.addWidget(screen)
            self.built.append(screen)
            calm_scrolling(screen, window.settings.reduce_motion)
            if window.look_applied():
                screen.set_theme(window.theme)

    def _build_home(self) -> None:
        from kiosk.ui.screens.home import HomeScreen

        self.home = HomeScreen()
        self.home.tile_chosen.connect(self.window.tile_chosen)
        self.add(self.home)
        self.window.fill_home()

    def _build_pages(self) -> None:
        """The reader, the documents (disclaimer, sources) and the take-home code."""
        from kiosk.ui.screens.document_flow import DocumentFlow
        from kiosk.ui.screens.reader_flow import ReaderFlow
        from kiosk.ui.screens.take_home_flow import TakeHomeFlow

        window = self.window
        self.reader_flow = ReaderFlow(window.visit, window, window.read_aloud, window.recorder)
        self.document_flow = DocumentFlow(window.visit, window, window.recorder)
        self.take_home_flow = TakeHomeFlow(window.visit, window, window.recorder)
        reader, document = self.reader_flow.screen, self.document_flow.screen
        self.add(reader, document, self.take_home_flow.screen)
        reader.home_requested.connect(window.show_home)
        reader.keep_requested.connect(self.take_home_flow.show)
        self.take_home_flow.page_requested.connect(self.reader_flow.open)
        self.reader_flow.results_requested.connect(lambda: self.need("quiz").quiz
                                                   .show_results_again())
        document.home_requested.connect(window.show_home)

    def _build_quiz(self) -> None:
        """The quiz, and Listen (on reader pages and quiz questions)."""
        from kiosk.ui.screens.listen import ListenFlow
        from kiosk.ui.screens.quiz.flow import QuizFlow

        window = self.need("pages").window
        self.quiz = QuizFlow(window.recorder, window.clock, self.rng, window.content,
                             window.section_title)
        self.listen = ListenFlow(window.read_aloud, self.reader_flow, self.quiz,
                                 window.recorder, quiz_language=lambda: window.content().lang,
                                 current_screen=window.current_screen)
        self.add(self.quiz.question_screen, self.quiz.results_screen)
        self.quiz.screen_requested.connect(window.show_quiz_screen)
        self.quiz.home_requested.connect(window.show_home)
        self.quiz.section_requested.connect(self.reader_flow.read_missed_topic)


class _UntilPainted(QObject):
    """Calls `then` once the screen `window` shows has been painted (a widget in it)."""

    def __init__(self, window: KioskWindow, then: Callable[[], None]) -> None:
        super().__init__()
        self.window = window
        self.then = then
        self.app = QApplication.instance()
        if self.app is None:  # nothing will be painted
            then()
        else:
            self.app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            screen = self.window.current_screen()
            if screen is not None and (watched is screen or screen.isAncestorOf(watched)):
                if self.app is not None:
                    self.app.removeEventFilter(self)
                self.then()
        return False


class Part(Generic[T]):
    """A window attribute whose part is built when first read (`home = Part("home")`)."""

    def __init__(self, part: str, path: str = "") -> None:
        self.part = part
        self.path = path

    def __set_name__(self, owner: type, name: str) -> None:
        self.path = self.path or name

    def __get__(self, window: Any, owner: type | None = None) -> T:
        found: Any = window.parts.need(self.part)
        for name in self.path.split("."):
            found = getattr(found, name)
        return found  # type: ignore[no-any-return]


class BuiltLater:
    """The window's screens and flows after the attract screen, each built when first read."""

    home: Part[HomeScreen] = Part("home")
    reader_flow: Part[ReaderFlow] = Part("pages")
    reader: Part[ReaderScreen] = Part("pages", "reader_flow.screen")
    document_flow: Part[DocumentFlow] = Part("pages")
    document: Part[DocumentScreen] = Part("pages", "document_flow.screen")
    take_home_flow: Part[TakeHomeFlow] = Part("pages")
    take_home: Part[TakeHomeScreen] = Part("pages", "take_home_flow.screen")
    quiz: Part[QuizFlow] = Part("quiz")
    listen: Part[ListenFlow] = Part("quiz")
