"""Take-home lists: task lists a patient ticks on a page, and the plain text a QR code carries.

A Markdown task list (`- [ ] Have my iron levels been checked?`, the quiz file's answer syntax)
is shown as a list of toggles with a "Keep my list" button; a section's `take_home:` lines give
its pages a "Keep these points" button. Either way the code holds plain UTF-8 text (a title, the
items, the clinic's name and phone), so any phone camera shows it as text: no web address, no
server, no app, and nothing kept on the kiosk. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.model import Finding, Section, Site
from kiosk.content.qr import text_fits
from kiosk.content.render import markdown_to_plain

TASK_RE = re.compile(r"^[-*+][ \t]+\[([ xX])\][ \t]+(\S.*?)\s*$")
_MARK_RE = re.compile(r"(?m)^([-*+][ \t]+)\[[ xX]\][ \t]+(?=\S)")
_FENCE = ("```", "~~~")
MAX_ITEMS = 10  # more toggles than this make a list too long to use on a touchscreen
# Room left for the interface's own words in the code ("Phone: ", "Teléfono: ") when `validate`
# checks a list without knowing the patient's language.
LABEL_ROOM = 16


@dataclass(frozen=True)
class TaskList:
    items: tuple[str, ...]  # each item as plain text
    lines: tuple[int, ...]  # each item's line in the file (0: not known)
    ticked: tuple[int, ...] = ()  # items written `[x]`: ticked when the page opens


@dataclass(frozen=True)
class Block:
    """A stretch of a page: Markdown to show as it is, or a task list."""

    markdown: str = ""
    tasks: TaskList | None = None


def page_blocks(markdown: str, first_line: int = 0) -> tuple[Block, ...]:
    """Cut a page's Markdown into text and task lists (outside fenced code). Blank lines
    between items keep a list together; any other line ends it."""
    blocks: list[Block] = []
    text: list[str] = []
    items: list[tuple[str, int, bool]] = []
    in_fence = False

    def close_list() -> None:
        if items:
            blocks.append(Block(tasks=TaskList(
                tuple(markdown_to_plain(i) for i, _, _ in items),
                tuple(line for _, line, _ in items),
                tuple(n for n, (_, _, ticked) in enumerate(items) if ticked))))
            items.clear()

    def close_text() -> None:
        if "".join(text).strip():
            blocks.append(Block(markdown="\n".join(text).strip("\n")))
        text.clear()

    for offset, line in enumerate(markdown.split("\n")):
        if line.lstrip().startswith(_FENCE):
            in_fence = not in_fence
        task = None if in_fence else TASK_RE.match(line)
        if task:
            close_text()
            number = first_line + offset if first_line else 0
            items.append((task.group(2), number, task.group(1) != " "))
        elif items and not line.strip():
            continue  # a blank line inside a list, or after it
        else:
            close_list()
            text.append(line)
    close_list()
    close_text()
    return tuple(blocks)


def without_task_marks(markdown: str) -> str:
    """Task lists as plain lists: what read-aloud speaks (the items, not their brackets)."""
    return _MARK_RE.sub(r"\1", markdown)


@dataclass(frozen=True)
class TakeHome:
    """What a take-home code says: `text`, holding the first `kept` of the `chosen` items."""

    text: str
    kept: int
    chosen: int

    @property
    def complete(self) -> bool:
        return self.kept == self.chosen


def compose(title: str, items: Sequence[str], closing: Sequence[str]) -> str:
    """The code's text: a title, one item a line, then the clinic's lines after a blank line."""
    lines = [title, *(f"- {item}" for item in items)]
    if closing:
        lines += ["", *closing]
    return "\n".join(lines)


def clinic_lines(site: Site, phone_label: str) -> list[str]:
    """The clinic's name and phone as the code ends (`site` already in the visit's language);
    `phone_label` is the interface's "Phone: %1" in that language."""
    lines = [site.name] if site.name else []
    if site.phone:
        lines.append(phone_label.replace("%1", site.phone))
    return lines


def take_home(title: str, items: Sequence[str], closing: Sequence[str]) -> TakeHome:
    """The text for one code: every item if they fit, else the first ones that do (never a
    code too dense for a phone). The clinic's lines go too, unless even they cannot fit."""
    for kept in range(len(items), -1, -1):
        text = compose(title, items[:kept], closing)
        if text_fits(text):
            return TakeHome(text, kept, len(items))
    return TakeHome(compose(title[:200], (), ()), 0, len(items))


def fitting_count(title: str, items: Sequence[str], closing: Sequence[str]) -> int:
    """How many of `items`, from the first, one code holds."""
    return take_home(title, items, closing).kept


# -- validate ------------------------------------------------------------------------------
def section_findings(section: Section, site: Site) -> Iterator[Finding]:
    """Task lists and `take_home:` lines that are too long for a touchscreen or for one code."""
    details = site.in_language(section.lang)
    closing = clinic_lines(details, "x" * LABEL_ROOM + "%1")
    for page in section.pages:
        for block in page_blocks(page.markdown, page.body_line):
            if block.tasks:
                yield from _list_findings(section.path, page.title or section.title,
                                          block.tasks, closing, "task list")
    if section.take_home:
        line = section.line_of("take_home")
        points = TaskList(section.take_home, tuple(line for _ in section.take_home))
        yield from _list_findings(section.path, section.title, points, closing, "take_home")


def _list_findings(path: Path, title: str, tasks: TaskList, closing: list[str],
                   what: str) -> Iterator[Finding]:
    count = len(tasks.items)
    if count > MAX_ITEMS:
        yield Finding(path, tasks.lines[0], "warning",
                      f"the {what} has {count} items; more than {MAX_ITEMS} are hard to "
                      "choose from on a touchscreen", "split it, or keep the most useful ones")
    too_long = [n for n, item in enumerate(tasks.items)
                if fitting_count(title, [item], closing) == 0]
    for n in too_long:
        yield Finding(path, tasks.lines[n], "error",
                      f'"{tasks.items[n][:40]}..." is too long to fit in a take-home code',
                      "shorten it to a sentence or two")
    if too_long:
        return
    fit = fitting_count(title, tasks.items, closing)
    if fit < count:
        yield Finding(path, tasks.lines[fit], "warning",
                      f"one take-home code holds only the first {fit} of the {what}'s {count} "
                      "items",
                      "shorten the items, or split the list")
