"""The quiz question screen: one question, 2 to 4 answers; a tap answers at once.

After the tap the chosen answer is marked right or wrong (a sign, a word and a colour, never colour
alone), the right answer is shown with the explanation, and Next appears. The answers are then
disabled, so an answer cannot be changed. The flow (kiosk/ui/screens/quiz/flow.py) decides what a
tap means; this screen only shows and reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import ScreenWidget, name_home_button, role_label, touch_button
from kiosk.ui.machine.speech import spoken
from kiosk.ui.screens.quiz.parts import CardButton, ScrollColumn, text_width

MAX_ANSWERS = 4


@dataclass(frozen=True)
class Feedback:
    chosen: int
    correct: int
    explanation: str


def marks() -> dict[str, str]:
    """The mark beside an answer once the question is answered, by state."""
    return {"right": "✓  " + tr("Quiz", "Right"),
            "wrong": "✗  " + tr("Quiz", "Not quite"),
            "answer": "✓  " + tr("Quiz", "Right answer")}


class QuizScreen(ScreenWidget):
    answer_chosen = Signal(int)  # shown position of the tapped answer
    next_requested = Signal()
    home_requested = Signal()
    listen_requested = Signal()  # Listen, or Stop while reading aloud
    question_shown = Signal()  # a new question replaced the one being read, if any

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Quiz")
        self.progress = role_label(role="kicker", name="QuizProgress")
        self.question = role_label(name="QuizQuestion")
        self.answer_buttons: list[CardButton] = []
        answers = QVBoxLayout()
        answers.setContentsMargins(0, 0, 0, 0)
        self._answers = answers
        for position in range(MAX_ANSWERS):
            button = CardButton("Answer")
            button.clicked.connect(lambda _=False, p=position: self.answer_chosen.emit(p))
            answers.addWidget(button)
            self.answer_buttons.append(button)
        self.explanation = role_label(name="QuizExplanation")
        self.explanation.setVisible(False)
        self.scroll_area = ScrollColumn()
        column = self.scroll_area.box
        column.addStretch(1)  # centred: the answers sit low enough to reach from a wheelchair
        column.addWidget(self.progress)
        column.addWidget(self.question)
        column.addLayout(answers)
        column.addWidget(self.explanation)
        column.addStretch(1)
        self.home_button = touch_button(name="HomeButton")
        self.next_button = touch_button(role="primary", name="NextButton")
        self.home_button.clicked.connect(self.home_requested.emit)
        self.next_button.clicked.connect(self.next_requested.emit)
        self.listen_button = touch_button(name="ListenButton")
        self.listen_button.setVisible(False)
        self.listen_button.clicked.connect(self.listen_requested.emit)
        self._speaking = False
        nav = QHBoxLayout()
        nav.addWidget(self.home_button)
        nav.addStretch(1)
        nav.addWidget(self.listen_button)
        nav.addWidget(self.next_button)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.scroll_area, 1)
        self._layout.addLayout(nav)
        self._title = ""
        self._number = self._total = 0
        self._feedback: Feedback | None = None
        self.clear()
        self.retranslate()

    # -- what is shown -------------------------------------------------------------------------
    def show_question(self, *, title: str, number: int, total: int, text: str,
                      answers: tuple[str, ...]) -> None:
        """Question `number` (1-based) of `total`, answers in the order given, none marked."""
        self._title, self._number, self._total = title, number, total
        self._feedback = None
        self.question.setText(text)
        for position, button in enumerate(self.answer_buttons):
            shown = position < len(answers)
            button.setVisible(shown)
            button.setEnabled(shown)
            button.set_texts(answers[position] if shown else "")
            button.set_state("")
        self.explanation.setVisible(False)
        self.next_button.setVisible(False)
        self.scroll_area.to_top()
        self.retranslate()
        self.question_shown.emit()

    def show_feedback(self, feedback: Feedback) -> None:
        """Mark the chosen answer, show the right one and the explanation; lock the answers."""
        self._feedback = feedback
        for position, button in enumerate(self.answer_buttons):
            button.setEnabled(False)
            if position == feedback.correct:
                button.set_state("right")
            elif position == feedback.chosen:
                button.set_state("wrong")
            else:
                button.set_state("other")
        self.explanation.setText(feedback.explanation)
        self.explanation.setVisible(bool(feedback.explanation))
        self.next_button.setVisible(True)
        self.retranslate()
        self.scroll_area.ensureWidgetVisible(
            self.explanation if feedback.explanation else self.answer_buttons[feedback.correct])

    def clear(self) -> None:
        """Forget the question (an idle reset: the next patient sees nothing of it)."""
        self._title, self._number, self._total, self._feedback = "", 0, 0, None
        self.progress.clear()
        self.question.clear()
        self.explanation.clear()
        self.explanation.setVisible(False)
        for button in self.answer_buttons:
            button.set_texts("")
            button.set_state("")
            button.setVisible(False)
        self.next_button.setVisible(False)

    def spoken_text(self) -> str:
        """The question, then each answer in the order shown, as sentences to read aloud."""
        answers = [b.text() for b in self.answer_buttons if b.isVisibleTo(self)]
        return spoken([self.question.text(), *answers])

    def set_listen(self, available: bool, speaking: bool) -> None:
        """Show Listen (or Stop while reading) only when a voice for the quiz is there."""
        self._speaking = speaking
        self.listen_button.setVisible(available and bool(self.question.text()))
        if speaking:
            self.listen_button.setText("■  " + tr("Reader", "Stop"))
            self.listen_button.setAccessibleName(tr("Reader", "Stop reading aloud"))
        else:
            self.listen_button.setText("▶  " + tr("Reader", "Listen"))
            self.listen_button.setAccessibleName(
                tr("Quiz", "Listen: read the question and answers aloud"))

    def is_last(self) -> bool:
        return self._number == self._total

    # -- language and look ---------------------------------------------------------------------
    def retranslate(self) -> None:
        name_home_button(self.home_button)
        self.set_listen(self.listen_button.isVisibleTo(self), self._speaking)
        if self._total:
            progress = tr("Quiz", "Question %1 of %2").replace("%1", str(self._number)) \
                .replace("%2", str(self._total))
            self.progress.setText(f"{self._title}  ·  {progress}" if self._title else progress)
        self.next_button.setText((tr("Quiz", "See my score") if self.is_last()
                                  else tr("Quiz", "Next question")) + "  ›")
        words = marks()
        for position, button in enumerate(self.answer_buttons):
            mark = ""
            if self._feedback is not None:
                if position == self._feedback.chosen:
                    mark = words["right" if position == self._feedback.correct else "wrong"]
                elif position == self._feedback.correct:
                    mark = words["answer"]
            button.set_texts(button.text(), mark)
        if self.theme is not None:
            self.apply_theme(self.theme)

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        self._answers.setSpacing(spacing)
        mark_width = text_width(theme, "button", list(marks().values()))
        for button in self.answer_buttons:
            button.apply_theme(theme, mark_width)
        self.scroll_area.fit(theme, self.width() - 2 * margin)
