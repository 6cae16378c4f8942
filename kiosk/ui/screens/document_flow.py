"""The long texts behind the footer and the home screen: the disclaimer and the sources.

Drawn in the visit's language and again at another text size or language; records screen_view
as "disclaimer" or "sources".
"""

from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.content.model import LanguageContent, Library
from kiosk.content.offer import Offered
from kiosk.content.render import markdown_to_html
from kiosk.engagement.events import EventRecorder
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.screens.document import DocumentScreen
from kiosk.ui.visit import ShownDocument, Visit


def short_disclaimer(content: LanguageContent) -> str:
    """The disclaimer's one line on the footer."""
    return content.disclaimer_short or tr(
        "Footer", "General information, not a diagnosis. Talk to your care team.")


class DocumentHost(Protocol):
    """What the documents need of the window around them."""

    @property
    def theme(self) -> Theme: ...

    library: Library  # for its pictures

    def content(self) -> LanguageContent: ...  # in the visit's language

    def sections(self) -> list[Offered]: ...

    def leave_page(self) -> None: ...

    def show_screen(self, screen: QWidget) -> None: ...


class DocumentFlow(QObject):
    def __init__(self, visit: Visit, host: DocumentHost, recorder: EventRecorder) -> None:
        super().__init__()
        self.visit = visit
        self.host = host
        self.recorder = recorder
        self.screen = DocumentScreen()

    def show_disclaimer(self) -> None:
        self.host.leave_page()
        content = self.host.content()
        title = content.disclaimer_title or tr("Footer", "About this information")
        body = "".join(
            (f"<h2>{html.escape(p.title)}</h2>" if p.title else "") + markdown_to_html(p.markdown)
            for p in content.disclaimer_pages) or "<p>" + html.escape(
                short_disclaimer(content)) + "</p>"
        self._show(ShownDocument("disclaimer", title, body))

    def show_sources(self) -> None:
        self.host.leave_page()
        parts = []
        for section, _ in self.host.sections():
            if section.sources:
                items = "".join(f"<li>{html.escape(s)}</li>" for s in section.sources)
                parts.append(f"<h3>{html.escape(section.title)}</h3><ul>{items}</ul>")
        self._show(ShownDocument("sources", tr("Home", "Sources"), "".join(parts)))

    def redraw(self) -> None:
        """The same text at another text size or theme."""
        if (shown := self.visit.document) is not None:
            self.screen.show_document(shown.title, shown.body, self.host.library.images,
                                      self.host.theme)

    def language_changed(self) -> None:
        """The same document, in the new language."""
        if self.visit.document is not None:
            {"disclaimer": self.show_disclaimer, "sources": self.show_sources}[
                self.visit.document.name]()

    def _show(self, shown: ShownDocument) -> None:
        self.host.show_screen(self.screen)
        self.visit.document = shown
        self.redraw()
        self.recorder.record("screen_view", screen=shown.name)
