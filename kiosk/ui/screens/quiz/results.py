"""The quiz results: the score in numbers and words, a warm message, and a way back to learning.

The message depends on the score band (kiosk/content/quiz_round.py) and never shames: every
band thanks or praises. Each missed question whose topic exists gets a button to that topic.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.content.quiz_round import score_band
from kiosk.ui.look.i18n import PLURAL, tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import ScreenWidget, name_home_button, role_label, touch_button
from kiosk.ui.screens.quiz.parts import CardButton, ScrollColumn


@dataclass(frozen=True)
class MissedTopic:
    question: str  # the question's text
    section: str  # the slug of the section that teaches it
    title: str  # that section's title


def band_message(band: str) -> str:
    return {
        "all": tr("Quiz", "Wonderful! You got every question right."),
        "most": tr("Quiz", "Well done! You already know a lot about restless legs."),
        "some": tr("Quiz", "Good effort! Every question you try helps you learn more."),
        "start": tr("Quiz", "Thank you for taking the quiz! Learning about restless legs "
                            "is a great first step."),
    }[band]


class ResultsScreen(ScreenWidget):
    section_requested = Signal(str)
    again_requested = Signal()
    home_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("QuizResults")
        self.kicker = role_label(role="kicker")
        self.score = role_label(name="QuizScore", wrap=False)
        self.summary = role_label()
        self.message = role_label(name="QuizMessage")
        self.missed_heading = role_label(name="QuizMissedHeading")
        self.missed_buttons: list[CardButton] = []
        self._missed_box = QVBoxLayout()
        self._missed_box.setContentsMargins(0, 0, 0, 0)
        self.staff = role_label(name="QuizStaff")
        self.staff.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.summary)
        words.addWidget(self.message)
        self._score_row = QHBoxLayout()
        self._score_row.addWidget(self.score, 0, Qt.AlignmentFlag.AlignVCenter)
        self._score_row.addLayout(words, 1)
        self.scroll_area = ScrollColumn()
        column = self.scroll_area.box
        column.addStretch(1)  # centred: the topic buttons sit low enough to reach
        column.addWidget(self.kicker)
        column.addLayout(self._score_row)
        column.addWidget(self.missed_heading)
        column.addLayout(self._missed_box)
        column.addStretch(1)
        self.home_button = touch_button(name="HomeButton")
        self.again_button = touch_button(role="primary", name="AgainButton")
        self.home_button.clicked.connect(self.home_requested.emit)
        self.again_button.clicked.connect(self.again_requested.emit)
        nav = QHBoxLayout()
        nav.addWidget(self.home_button)
        nav.addStretch(1)
        nav.addWidget(self.again_button)
        self._nav = nav
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.scroll_area, 1)
        self._layout.addWidget(self.staff)
        self._layout.addLayout(nav)
        self._result: tuple[str, int, int, tuple[MissedTopic, ...]] | None = None
        self.retranslate()

    def show_results(self, title: str, score: int, total: int,
                     missed: tuple[MissedTopic, ...]) -> None:
        self._result = (title, score, total, missed)
        for button in self.missed_buttons:
            self._missed_box.removeWidget(button)
            button.hide()  # gone at once, not only when the event loop deletes it
            button.deleteLater()
        self.missed_buttons = []
        for topic in missed:
            button = CardButton("Missed", stacked=True)
            button.clicked.connect(lambda _=False, s=topic.section: self.section_requested.emit(s))
            self._missed_box.addWidget(button)
            self.missed_buttons.append(button)
        self.scroll_area.to_top()
        self.retranslate()

    def clear(self) -> None:
        """Forget the result (an idle reset: the next patient sees nothing of it)."""
        self.show_results("", 0, 0, ())
        self._result = None
        for label in (self.kicker, self.score, self.summary, self.message):
            label.clear()

    def retranslate(self) -> None:
        name_home_button(self.home_button)
        self.again_button.setText("↻  " + tr("Quiz", "Try again"))
        self.again_button.setAccessibleName(tr("Quiz", "Try again with new questions"))
        self.missed_heading.setText(tr("Quiz", "Read more about the ones you missed:"))
        self.staff.setText(tr("Quiz", "Questions? Ask our staff. We are happy to help."))
        if self._result is not None:
            title, score, total, missed = self._result
            self.kicker.setText(title)
            self.score.setText(tr("Quiz", "%1 of %2").replace("%1", str(score))
                               .replace("%2", str(total)))
            self.summary.setText(tr("Quiz", "You got %1 out of %n questions right.", None,
                                    PLURAL, total).replace("%1", str(score)))
            self.message.setText(band_message(score_band(score, total)))
            for topic, button in zip(missed, self.missed_buttons, strict=True):
                button.set_texts(tr("Quiz", "Read about it: %1").replace("%1", topic.title)
                                 + "  ›", topic.question)
        self.missed_heading.setVisible(bool(self.missed_buttons))
        if self.theme is not None:
            self.apply_theme(self.theme)

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        self._nav.setSpacing(spacing)
        self._score_row.setSpacing(spacing * 2)
        self._missed_box.setSpacing(spacing)
        for button in self.missed_buttons:
            button.apply_theme(theme)
        self._place_staff_prompt(self.width() - 2 * margin, spacing)
        self.scroll_area.fit(theme, self.width() - 2 * margin)

    def _place_staff_prompt(self, width: int, spacing: int) -> None:
        """Between Home and Try again when it fits on one line there, else on its own row."""
        self.staff.ensurePolished()
        needed = self.staff.fontMetrics().horizontalAdvance(self.staff.text()) + 4 * spacing
        room = width - self.home_button.sizeHint().width() - \
            self.again_button.sizeHint().width() - 2 * spacing
        inline = needed <= room
        if inline == (self._nav.indexOf(self.staff) >= 0):
            return
        if inline:  # the prompt takes the room the spacer had
            self._layout.removeWidget(self.staff)
            self._nav.insertWidget(1, self.staff, 1)
            self._nav.setStretch(2, 0)
        else:
            self._nav.removeWidget(self.staff)
            self._nav.setStretch(1, 1)
            self._layout.insertWidget(1, self.staff)
