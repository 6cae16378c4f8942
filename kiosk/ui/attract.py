"""The attract screen: calm rotating "Did you know?" facts and "Touch anywhere to start".

The first touch only wakes the kiosk: this screen takes the whole press and release, so nothing
under the finger on the next screen is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from kiosk.content.render import markdown_to_plain
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import PictureLabel, ScreenWidget, role_label

SLIDE_MS = 9000


@dataclass(frozen=True)
class AttractSlide:
    kicker: str  # e.g. "Did you know?" in the slide's language
    title: str
    text: str


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
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(head)
        self._layout.addStretch(2)
        self._layout.addWidget(self.kicker)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.fact)
        self._layout.addStretch(3)
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
        self.logo.draw(self._logo_bytes, theme.px("icon"))

    def start(self) -> None:
        self.index = 0
        self._show_slide()
        if len(self.slides) > 1:
            self.slide_timer.start()

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
        self.kicker.setVisible(bool(slide.kicker))

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


def plain_slides(kicker: str, slides: list[tuple[str, str]]) -> list[AttractSlide]:
    return [AttractSlide(kicker, title, markdown_to_plain(body)) for title, body in slides]
