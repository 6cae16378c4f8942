"""A language's `quiz.md` read into its questions; a question with a mistake is left out."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from kiosk.content.model import Page, QuizQuestion
from kiosk.content.reading.folder_reader import SLUG_RE, FolderReader
from kiosk.content.reading.pages import split_pages

HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
QUIZ_KEYS = {"title", "icon"}
QUIZ_LINE_KEYS = {"id", "section", "explanation"}


def load_quiz(reader: FolderReader, path: Path) -> tuple[str, str, tuple[QuizQuestion, ...]]:
    """The quiz's title, its tile's picture key ("" for none) and its questions."""
    text = reader.read(path)
    if text is None:
        return "", "", ()
    fm = reader.front_matter(path, text, QUIZ_KEYS)
    icon = ""
    if fm.text("icon"):
        icon = reader.picture(path, fm.lines["icon"], fm.text("icon")) or ""
    questions: list[QuizQuestion] = []
    seen: set[str] = set()
    for block in split_pages(fm.body, fm.body_line):
        question = _parse_question(reader, path, block)
        if question is None:
            continue
        if question.id in seen:
            reader.error(path, block.line, f'question id "{question.id}" is used twice',
                         "give every question its own id")
            continue
        seen.add(question.id)
        questions.append(question)
    if not questions:
        reader.warning(path, 0, "has no usable questions, so the quiz is not offered",
                       "fix the errors above, or write questions as content/README.md shows")
    return fm.text("title"), icon, tuple(questions)


def _parse_question(reader: FolderReader, path: Path, block: Page) -> QuizQuestion | None:
    if not block.title:
        reader.error(path, block.line, "text before the first question",
                     'start every question with "## " and the question text')
        return None
    values: dict[str, str] = {}
    answers: list[tuple[str, bool]] = []
    ok = _plain(reader, path, block.line, block.title)
    for offset, raw in enumerate(block.markdown.split("\n"), start=1):
        line, number = raw.strip(), block.line + offset
        if not line:
            continue
        if answer := re.match(r"^[-*]\s*\[( |x|X)\]\s*(.+)$", line):
            answers.append((answer.group(2).strip(), answer.group(1) != " "))
            ok = _plain(reader, path, number, answer.group(2)) and ok
        elif keyed := re.match(r"^([A-Za-z_]+)\s*:\s*(.*)$", line):
            key = keyed.group(1).lower()
            if key not in QUIZ_LINE_KEYS:
                close = difflib.get_close_matches(key, sorted(QUIZ_LINE_KEYS), n=1)
                reader.error(path, number, f'"{key}" is not a known question key',
                             f'did you mean "{close[0]}"?' if close
                             else "use id:, section: and explanation:")
                ok = False
            values[key] = keyed.group(2).strip()
            ok = _plain(reader, path, number, values[key]) and ok
        else:
            reader.error(path, number, f'"{line[:40]}" is not an answer or a key',
                         'write answers as "- [ ] wrong" or "- [x] right"')
            ok = False
    qid = values.get("id", "")
    if not SLUG_RE.match(qid):
        reader.error(path, block.line, "the question has no valid id",
                     'add a line like "id: iron-test" (lower-case letters, digits, -)')
        return None
    correct = [i for i, (_, right) in enumerate(answers) if right]
    if not 2 <= len(answers) <= 4:
        reader.error(path, block.line, f'question "{qid}" has {_count(len(answers), "answer")}',
                     "give 2 to 4 answers")
        return None
    if len(correct) != 1:
        reader.error(path, block.line,
                     f'question "{qid}" has {_count(len(correct), "answer")} marked right',
                     "mark exactly one answer with [x]")
        return None
    if not ok:
        return None
    return QuizQuestion(id=qid, text=block.title, answers=tuple(a for a, _ in answers),
                        correct=correct[0], explanation=values.get("explanation", ""),
                        section=values.get("section", ""), line=block.line)


def _plain(reader: FolderReader, path: Path, line: int, text: str) -> bool:
    """False (reported) when quiz text holds HTML: quiz screens show text as typed."""
    if tag := HTML_TAG_RE.search(text):
        reader.error(path, line, f"HTML {tag.group(0)[:40]} in a quiz question would be shown "
                     "as typed, so the question is left out",
                     "write questions, answers and explanations as plain text")
        return False
    return True


def _count(number: int, noun: str) -> str:
    return f"no {noun}" if number == 0 else f"{number} {noun}" + ("s" if number > 1 else "")
