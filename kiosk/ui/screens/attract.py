"""The attract screen: calm rotating "Did you know?" facts and "Touch anywhere to start".

The first touch only wakes the kiosk: this screen takes the whole press and release, so nothing
under the finger on the next screen is pressed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.content.model import Library
from kiosk.content.offer import take_turns
from kiosk.content.reading.picture_refs import IMAGE_SCHEME
from kiosk.content.render import markdown_to_plain
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import PictureLabel, ScreenWidget, role_label

SLIDE_MS = 9000


@dataclass(frozen=True)
class AttractSlide:
    kicker: str  # e.g. "Did you know?" in the slide's language
    title: str
    text: str
    picture: bytes = b""  # the fact's own picture, else the clinic's logo, else none
    lang: str = ""


class AttractScreen(ScreenWidget):
    woken = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.slides: list[AttractSlide] = []
        self.index = 0
        self.slide_timer = QTimer(self)
        self.slide_timer.setInterval(SLIDE_MS)
        self.slide_timer.timeout.connect(self.next_slide)
        self._logo_bytes = b""
        self.logo = PictureLabel()
        self.illustration = PictureLabel()
        self.illustration.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._illustration_px = 0
        self.clinic = role_label(name="AttractClinic")
        self.kicker = role_label(name="AttractKicker")
        self.title = role_label(name="AttractTitle")
        self.fact = role_label(name="AttractFact")
        self.prompt = role_label(name="AttractPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(False)
        for label in (self.kicker, self.title, self.fact):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.addWidget(self.logo)
        head.addWidget(self.clinic, 1)
        self._words = QVBoxLayout()
        self._words.addStretch(2)
        self._words.addWidget(self.kicker)
        self._words.addWidget(self.title)
        self._words.addWidget(self.fact)
        self._words.addStretch(3)
        self._body = QHBoxLayout()
        self._body.addLayout(self._words, 1)
        self._body.addWidget(self.illustration)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(head)
        self._layout.addLayout(self._body, 1)
        self._layout.addWidget(self.prompt, 0, Qt.AlignmentFlag.AlignHCenter)
        for child in self.findChildren(QLabel):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_content(self, clinic: str, logo: bytes, slides: list[AttractSlide],
                    prompt: str) -> None:
        self.clinic.setText(clinic)
        self._logo_bytes = logo
        self.slides = slides
        self.prompt.setText(prompt)
        self.index = 0
        self._show_slide()

    def apply_theme(self, theme: Theme) -> None:
        margin = theme.px("margin") * 2
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(theme.px("spacing"))
        self._body.setSpacing(margin)
        self._words.setSpacing(theme.px("spacing"))
        self.logo.draw(self._logo_bytes, theme.px("icon"))
        portrait = self.height() > self.width()
        self._body.setDirection(QHBoxLayout.Direction.TopToBottom if portrait
                                else QHBoxLayout.Direction.LeftToRight)
        self._illustration_px = round(min(self.width() * (0.6 if portrait else 0.28),
                                          self.height() * (0.3 if portrait else 0.45)))
        self._show_slide()

    def start(self) -> None:
        self.index = 0
        self._show_slide()
        if len(self.slides) > 1:
            self.slide_timer.start()

    def show_language(self, lang: str) -> None:
        """Show the first fact in `lang` (a preview of that language's attract screen)."""
        self.index = next((i for i, s in enumerate(self.slides) if s.lang == lang), 0)
        self._show_slide()

    def stop(self) -> None:
        self.slide_timer.stop()

    def next_slide(self) -> None:
        if self.slides:
            self.index = (self.index + 1) % len(self.slides)
            self._show_slide()

    def _show_slide(self) -> None:
        slide = self.slides[self.index] if self.slides else AttractSlide("", "", "")
        self.kicker.setText(slide.kicker)
        self.title.setText(slide.title)
        self.fact.setText(slide.text)
        shown = (bool(slide.picture) and self._illustration_px > 0
                 and self._words_fit(self._illustration_px, kicker=True))
        # At the largest text on a small screen "Did you know?" gives its line to the fact.
        self.kicker.setVisible(bool(slide.kicker) and (shown or self._words_fit(0, kicker=True)))
        if shown:
            self.illustration.draw(slide.picture, self._illustration_px)
        self.illustration.setVisible(shown)

    def _words_fit(self, picture: int, *, kicker: bool) -> bool:
        """Whether the fact's words fit whole beside (or above) a picture of `picture` px
        (0: none), with or without the kicker's line."""
        if not self._illustration_px:  # not laid out for a size yet
            return picture == 0
        self._layout.activate()
        body, gap = self._body.geometry(), self._body.spacing()
        beside = self._body.direction() == QHBoxLayout.Direction.LeftToRight
        width = body.width() - (picture + gap if picture and beside else 0)
        shown = (self.kicker, self.title, self.fact) if kicker else (self.title, self.fact)
        labels = [label for label in shown if label.text()]
        need = sum(label.heightForWidth(width) for label in labels)
        need += self._words.spacing() * (len(labels) - 1)
        return need + (picture + gap if picture and not beside else 0) <= body.height()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            event.accept()
            self.woken.emit()
            return True
        if kind in (QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.MouseButtonRelease,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove):
            event.accept()
            return True
        return super().event(event)


_PICTURE_RE = re.compile(r"!\[[^\]]*\]\(" + re.escape(IMAGE_SCHEME) + r"([^)\s]+)")


def plain_slides(kicker: str, slides: list[tuple[str, str]], *, lang: str = "",
                 images: dict[str, bytes] | None = None,
                 fallback: bytes = b"") -> list[AttractSlide]:
    """Facts as plain text, each with the first picture of its Markdown (from `images`) or,
    without one, the `fallback` illustration (the clinic's logo)."""
    made = []
    for title, body in slides:
        found = _PICTURE_RE.search(body)
        picture = (images or {}).get(found.group(1), b"") if found else b""
        made.append(AttractSlide(kicker, title, markdown_to_plain(body),
                                 picture or fallback, lang))
    return made


def library_slides(library: Library, languages: list[str], fallback: bytes) -> list[AttractSlide]:
    """The facts of every offered language, taking turns (each pictured as plain_slides)."""
    groups: list[list[AttractSlide]] = []
    for lang in languages:
        content = library.languages[lang]
        groups.append(plain_slides(content.attract_title,
                                   [(s.title, s.markdown) for s in content.slides],
                                   lang=lang, images=library.images, fallback=fallback))
    return take_turns(groups)
