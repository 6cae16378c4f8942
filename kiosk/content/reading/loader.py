"""Read a content folder into a `Library`: every good file is used, every bad one is reported.

Loading never raises for bad content: each problem becomes a `Finding` with the file and line,
and the file (or the one question, picture or key) with the error is left out.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote, unquote

from kiosk.content.model import (
    Finding,
    LanguageContent,
    Library,
    Page,
    QuizQuestion,
    Section,
    Severity,
    Site,
    Slide,
)
from kiosk.content.reading.frontmatter import FrontMatter, split_front_matter
from kiosk.content.reading.hazards import markdown_hazards, page_hazard
from kiosk.content.reading.pictures import is_svg, picture_problem
from kiosk.content.reading.site import (
    PLACEHOLDER_KEYS,
    empty_placeholders,
    fill_placeholders,
    read_site,
    unknown_placeholders,
)
from kiosk.content.reading.textfile import TextFileError, read_file, read_text
from kiosk.runtime.logs import FILE_ONLY
from kiosk.runtime.sync_names import conflict_original
from kiosk.settings import paths

log = logging.getLogger(__name__)
T = TypeVar("T")

SECTION_FILE_RE = re.compile(r"^(\d{2})-([a-z0-9][a-z0-9-]*)\.md$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
# Every way Markdown lets a picture be written, so each is loaded (or reported) the same way:
# ![alt](path "title") and ![alt](<path with spaces>), a reference definition `[id]: path`
# (used by ![alt][id]), and raw HTML <img src="path">. Paths may be percent-encoded (%20).
IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*(?:<([^<>\n]*)>|([^\s()<>]+))"
                      r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")
REFERENCE_RE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(?:<([^<>\n]*)>|(\S+))", re.M)
HTML_IMG_RE = re.compile(r"(<img\b[^>]*?\bsrc\s*=\s*)(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}
MAX_IMAGE_BYTES = 8 * 1024 * 1024
LARGE_IMAGE_BYTES = 2 * 1024 * 1024
IMAGE_SCHEME = "kiosk-img:"
SPECIAL_FILES = {"quiz.md", "attract.md", "disclaimer.md", "notice.md", "readme.md"}

SECTION_KEYS = {"title", "subtitle", "icon", "review_date", "reviewed_by", "sources", "show_from",
                "show_until", "take_home"}
QUIZ_KEYS = {"title", "icon"}
ATTRACT_KEYS = {"title"}
DISCLAIMER_KEYS = {"title", "short"}
QUIZ_LINE_KEYS = {"id", "section", "explanation"}


@dataclass
class _Loader:
    root: Path
    findings: list[Finding] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)
    root_resolved: Path = field(init=False)

    def __post_init__(self) -> None:
        self.root_resolved = self.root.resolve()

    def error(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.findings.append(Finding(path, line, "error", message, hint))

    def warning(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.findings.append(Finding(path, line, "warning", message, hint))

    def example(self, path: Path, line: int, message: str, hint: str = "") -> None:
        """A detail still copied from the example clinic: a warning in a clinic's own folder,
        where patients would see it; only info in the shipped folder, where it belongs (the
        doctor still warns when an installed kiosk shows the shipped folder)."""
        shipped = self.root_resolved == paths.shipped_content_dir().resolve()
        severity = Severity.INFO if shipped else Severity.WARNING
        self.findings.append(Finding(path, line, severity, message, hint))

    def guarded(self, path: Path, fallback: T, read: Callable[[], T]) -> T:
        """`read()`, or `fallback` with a finding about `path` when it raises anything: a
        parser's own failure on strange input (a RecursionError, say) must cost that file,
        never the start of the kiosk."""
        try:
            return read()
        except Exception as exc:
            log.error("Reading %s failed", path, exc_info=True, extra=FILE_ONLY)
            self.error(path, 0, f"could not be read: the kiosk met a problem it does not know "
                       f"({type(exc).__name__}: {str(exc)[:120]})",
                       "look for something unusual in the file (very deep nesting, odd "
                       "characters) and simplify it; the rest of the content is shown")
            return fallback

    def listing(self, folder: Path) -> list[Path]:
        """The entries of `folder`, sorted; [] (reported) when it cannot be listed."""
        try:
            return sorted(folder.iterdir())
        except OSError as exc:
            self.error(folder, 0, f"cannot be listed ({exc.strerror or exc})",
                       "check that the folder exists and that the kiosk may read it")
            return []

    # -- files -----------------------------------------------------------------------------
    def read(self, path: Path) -> str | None:
        """The text of a file inside the folder, or None (reported): the one way in for text."""
        if not self._inside(path, path, 0, "is a link to a file outside the content folder",
                            "copy the file into the content folder instead"):
            return None
        try:
            return read_text(path)
        except TextFileError as exc:
            self.error(path, exc.line, exc.message, exc.hint)
            return None

    def _inside(self, path: Path, source: Path, line: int, outside: str, hint: str) -> bool:
        """True when `path`, links followed, is in the content folder; else reported against
        `source` at `line` (a link that loops is named as one)."""
        try:
            path.resolve().relative_to(self.root_resolved)
        except RuntimeError:  # Python 3.11's resolve() on a loop of links
            self.error(source, line, f"{_quoted(path, source)}is a link that leads back to "
                       "itself (a loop)", "delete the link and put the real file there")
            return False
        except (ValueError, OSError):
            self.error(source, line, outside, hint)
            return False
        return True

    def front_matter(self, path: Path, text: str, allowed: set[str]) -> FrontMatter:
        fm = split_front_matter(text)
        for line, message, hint in fm.problems:
            self.error(path, line, message, hint)
        for key, line in fm.lines.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = (f'did you mean "{close[0]}"?' if close
                        else "known keys: " + ", ".join(sorted(allowed)))
                self.error(path, line, f'"{key}" is not a known key', hint)
        return fm

    def renderable(self, path: Path, body: str, first_line: int) -> bool:
        """False (with findings) when rendering a Markdown body could hang the kiosk."""
        found = markdown_hazards(body, first_line)
        found += [h for p in split_pages(body, first_line)
                  if (h := page_hazard(p.markdown, p.line)) is not None]
        for line, message, hint in found:
            self.error(path, line, message, hint)
        return not found

    def date_value(self, path: Path, fm: FrontMatter, key: str) -> date | None:
        raw = fm.text(key)
        if not raw:
            return None
        try:
            if re.fullmatch(r"\d{4}-\d{2}", raw):
                return date.fromisoformat(raw + "-01")
            return date.fromisoformat(raw)
        except ValueError:
            self.error(path, fm.lines.get(key, 0), f'{key} "{raw}" is not a date',
                       "write it as YEAR-MONTH-DAY, for example 2026-11-30")
            return None

    # -- pictures --------------------------------------------------------------------------
    def picture(self, source: Path, line: int, ref: str) -> str | None:
        """Load a referenced picture into the snapshot; return its key or None."""
        if _SCHEME_RE.match(ref) or ref.startswith(("/", "\\")):
            self.error(source, line, f'picture "{ref}" is not a path inside the content folder',
                       "put the picture in the content folder and use a relative path")
            return None
        target = (source.parent / ref)
        if not self._inside(target, source, line, f'picture "{ref}" is outside the content '
                            "folder", "put the picture in the content folder and use a "
                            "relative path"):
            return None
        # A URL-safe key: a name with a space becomes %20, so it survives Markdown and HTML.
        key = quote(target.resolve().relative_to(self.root_resolved).as_posix(), safe="/")
        if key in self.images:
            return key
        if target.suffix.lower() not in IMAGE_SUFFIXES:
            self.error(source, line, f'"{ref}" is not a picture the kiosk can show',
                       "use an .svg, .png or .jpg file")
            return None
        if not target.exists():
            self.error(source, line, f'picture "{ref}" does not exist',
                       "check the file name and folder (names are case-sensitive)")
            return None
        try:
            data = read_file(target, MAX_IMAGE_BYTES, "make it smaller than 2 MB")
        except TextFileError as exc:
            self.error(source, line, f'picture "{ref}" {exc.message}', exc.hint)
            return None
        if len(data) > LARGE_IMAGE_BYTES:
            self.warning(source, line, f'picture "{ref}" is over 2 MB',
                         "a smaller picture loads faster")
        if (target.suffix.lower() == ".svg") != is_svg(data):
            self.error(source, line, f'"{ref}" is not a valid picture file',
                       "open it in a picture editor and save it again as SVG, PNG or JPEG")
            return None
        if problem := picture_problem(data):
            self.error(source, line, f'picture "{ref}" {problem.message}', problem.hint)
            return None
        self.images[key] = data
        return key

    def markdown_with_pictures(self, source: Path, body: str, first_line: int) -> str:
        """Replace picture paths by snapshot keys, however the picture is written; a bad
        picture becomes its alt text (or is dropped)."""
        def line_of(match: re.Match[str]) -> int:
            return first_line + body.count("\n", 0, match.start())

        def inline(match: re.Match[str]) -> str:
            key = self.picture(source, line_of(match), _path(match.group(2), match.group(3)))
            alt = match.group(1)
            return f"![{alt}]({IMAGE_SCHEME}{key})" if key else f"*{alt}*" if alt else ""

        def reference(match: re.Match[str]) -> str:
            ref = _path(match.group(2), match.group(3))
            if Path(ref).suffix.lower() not in IMAGE_SUFFIXES or _SCHEME_RE.match(ref):
                return match.group(0)  # a link, checked by validate
            key = self.picture(source, line_of(match), ref)
            return f"{match.group(1)}{IMAGE_SCHEME}{key or ''}"  # none: reported, shows nothing

        def html(match: re.Match[str]) -> str:
            ref = _path(match.group(2), match.group(3) or match.group(4))
            key = self.picture(source, line_of(match), ref)
            return f'{match.group(1)}"{IMAGE_SCHEME}{key or ""}"'

        body = IMAGE_RE.sub(inline, body)
        body = REFERENCE_RE.sub(reference, body)
        return HTML_IMG_RE.sub(html, body)


def _path(*written: str | None) -> str:
    """A picture path as written (one of the regex groups), percent-encoding undone."""
    return unquote(next((w for w in written if w is not None), "").strip())


def _quoted(path: Path, source: Path) -> str:
    """`"name" ` when a finding about `path` is reported against another file."""
    return "" if path == source else f'"{path.name}" '


def split_pages(body: str, first_line: int) -> list[Page]:
    """Cut a body into pages at each `## ` heading (outside fenced code)."""
    pages: list[Page] = []
    title: str | None = None
    title_line = first_line
    chunk: list[str] = []
    in_fence = False

    def finish() -> None:
        if title is not None or "".join(chunk).strip():
            text = "\n".join(chunk)
            skipped = len(text) - len(text.lstrip("\n"))
            start = title_line + (1 if title is not None else 0) + skipped
            pages.append(Page(title or "", text.strip("\n"), title_line, start))

    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            finish()
            title, title_line, chunk = line[3:].strip(), first_line + offset, []
        else:
            chunk.append(line)
    finish()
    return pages


def _site_from_folders(root: Path) -> Site:
    """Without a usable site.toml, offer every language folder that holds a section."""
    def has_sections(folder: Path) -> bool:
        try:
            return folder.is_dir() and any(SECTION_FILE_RE.match(f.name)
                                           for f in folder.iterdir())
        except OSError:
            return False

    try:
        found = sorted(p.name for p in root.iterdir() if SLUG_RE.match(p.name)
                       and has_sections(p))
    except OSError:
        found = []
    if not found:
        return Site()
    default = "en" if "en" in found else found[0]
    return Site(languages=tuple(sorted(found, key=lambda lang: lang != default)),
                default_language=default)


def load_site(loader: _Loader) -> Site:
    path = loader.root / "site.toml"
    if not path.exists():
        loader.warning(path, 0, "is missing", "copy site.toml from the shipped content and edit it")
        return _site_from_folders(loader.root)
    site = read_site(loader, path)
    return _site_from_folders(loader.root) if site is None else site


def load_section(loader: _Loader, path: Path, lang: str, site: Site) -> Section | None:
    match = SECTION_FILE_RE.match(path.name)
    assert match
    text = loader.read(path)
    if text is None:
        return None
    if not text.strip():
        loader.error(path, 0, "is empty", "write the section in it (see content/README.md), "
                     "or delete the file")
        return None
    details = site.in_language(lang)
    for line, key in empty_placeholders(text, details):
        loader.warning(path, line, f"{{clinic.{key}}} shows nothing: site.toml has no {key}",
                       f'add {key} = "..." under [clinic] in site.toml, or take the line out')
    for line, written, close in unknown_placeholders(text):
        known = ", ".join(f"{{clinic.{k}}}" for k in PLACEHOLDER_KEYS)
        loader.error(path, line, f"{written} is not a clinic detail the kiosk knows, so it is "
                     "removed from the page",
                     f"did you mean {{clinic.{close}}}?" if close else f"use one of {known}")
    fm = loader.front_matter(path, fill_placeholders(text, details), SECTION_KEYS)
    if fm.problems:
        return None
    title = fm.text("title")
    if not title:
        loader.error(path, fm.lines.get("title", 1), "the section has no title",
                     'add a line like "title: What is RLS?" to the front matter')
        return None
    if not loader.renderable(path, fm.body, fm.body_line):
        return None
    body = loader.markdown_with_pictures(path, fm.body, fm.body_line)
    pages = tuple(p for p in split_pages(body, fm.body_line) if p.markdown.strip() or p.title)
    if not pages:
        loader.error(path, fm.body_line, "the section has no pages",
                     'start each page with a line like "## Page title"')
        return None
    icon = ""
    if fm.text("icon"):
        icon = loader.picture(path, fm.lines["icon"], fm.text("icon")) or ""
    sources = fm.values.get("sources", [])
    take_home = fm.values.get("take_home", [])
    return Section(
        slug=match.group(2), order=int(match.group(1)), lang=lang, path=path, title=title,
        subtitle=fm.text("subtitle"), icon=icon,
        review_date=loader.date_value(path, fm, "review_date"), reviewed_by=fm.text("reviewed_by"),
        sources=tuple(sources) if isinstance(sources, list) else (str(sources),),
        pages=pages, show_from=loader.date_value(path, fm, "show_from"),
        show_until=loader.date_value(path, fm, "show_until"),
        take_home=tuple(take_home) if isinstance(take_home, list) else (take_home,),
        key_lines=tuple(fm.lines.items()))


def load_quiz(loader: _Loader, path: Path) -> tuple[str, str, tuple[QuizQuestion, ...]]:
    """The quiz's title, its tile's picture key ("" for none) and its questions."""
    text = loader.read(path)
    if text is None:
        return "", "", ()
    fm = loader.front_matter(path, text, QUIZ_KEYS)
    icon = ""
    if fm.text("icon"):
        icon = loader.picture(path, fm.lines["icon"], fm.text("icon")) or ""
    questions: list[QuizQuestion] = []
    seen: set[str] = set()
    for block in split_pages(fm.body, fm.body_line):
        question = _parse_question(loader, path, block)
        if question is None:
            continue
        if question.id in seen:
            loader.error(path, block.line, f'question id "{question.id}" is used twice',
                         "give every question its own id")
            continue
        seen.add(question.id)
        questions.append(question)
    if not questions:
        loader.warning(path, 0, "has no usable questions, so the quiz is not offered",
                       "fix the errors above, or write questions as content/README.md shows")
    return fm.text("title"), icon, tuple(questions)


def _parse_question(loader: _Loader, path: Path, block: Page) -> QuizQuestion | None:
    if not block.title:
        loader.error(path, block.line, "text before the first question",
                     'start every question with "## " and the question text')
        return None
    values: dict[str, str] = {}
    answers: list[tuple[str, bool]] = []
    ok = _plain(loader, path, block.line, block.title)
    for offset, raw in enumerate(block.markdown.split("\n"), start=1):
        line, number = raw.strip(), block.line + offset
        if not line:
            continue
        if answer := re.match(r"^[-*]\s*\[( |x|X)\]\s*(.+)$", line):
            answers.append((answer.group(2).strip(), answer.group(1) != " "))
            ok = _plain(loader, path, number, answer.group(2)) and ok
        elif keyed := re.match(r"^([A-Za-z_]+)\s*:\s*(.*)$", line):
            key = keyed.group(1).lower()
            if key not in QUIZ_LINE_KEYS:
                close = difflib.get_close_matches(key, sorted(QUIZ_LINE_KEYS), n=1)
                loader.error(path, number, f'"{key}" is not a known question key',
                             f'did you mean "{close[0]}"?' if close
                             else "use id:, section: and explanation:")
                ok = False
            values[key] = keyed.group(2).strip()
            ok = _plain(loader, path, number, values[key]) and ok
        else:
            loader.error(path, number, f'"{line[:40]}" is not an answer or a key',
                         'write answers as "- [ ] wrong" or "- [x] right"')
            ok = False
    qid = values.get("id", "")
    if not SLUG_RE.match(qid):
        loader.error(path, block.line, "the question has no valid id",
                     'add a line like "id: iron-test" (lower-case letters, digits, -)')
        return None
    correct = [i for i, (_, right) in enumerate(answers) if right]
    if not 2 <= len(answers) <= 4:
        loader.error(path, block.line, f'question "{qid}" has {_count(len(answers), "answer")}',
                     "give 2 to 4 answers")
        return None
    if len(correct) != 1:
        loader.error(path, block.line,
                     f'question "{qid}" has {_count(len(correct), "answer")} marked right',
                     "mark exactly one answer with [x]")
        return None
    if not ok:
        return None
    return QuizQuestion(id=qid, text=block.title, answers=tuple(a for a, _ in answers),
                        correct=correct[0], explanation=values.get("explanation", ""),
                        section=values.get("section", ""), line=block.line)


def _plain(loader: _Loader, path: Path, line: int, text: str) -> bool:
    """False (reported) when quiz text holds HTML: quiz screens show text as typed."""
    if tag := HTML_TAG_RE.search(text):
        loader.error(path, line, f"HTML {tag.group(0)[:40]} in a quiz question would be shown "
                     "as typed, so the question is left out",
                     "write questions, answers and explanations as plain text")
        return False
    return True


def _count(number: int, noun: str) -> str:
    return f"no {noun}" if number == 0 else f"{number} {noun}" + ("s" if number > 1 else "")


def load_language(loader: _Loader, lang: str, site: Site) -> LanguageContent | None:
    folder = loader.root / lang
    if not folder.is_dir():
        loader.error(folder, 0, f'the language folder "{lang}" is missing',
                     f'create it, or remove "{lang}" from site.toml')
        return None
    sections: dict[str, Section] = {}
    for path in loader.listing(folder):
        name = path.name
        if path.is_dir():
            if SECTION_FILE_RE.match(name):
                loader.error(path, 0, "is a folder named like a section file",
                             "rename the folder or move its contents")
            continue
        if name.lower() in SPECIAL_FILES or not name.lower().endswith(".md"):
            continue
        original = conflict_original(name)
        if original is not None:
            loader.warning(path, 0, f"is a conflict copy made by Syncthing (two edits of "
                           f"{original} met), so it is not shown",
                           f"compare it with {original}, keep the right text in {original}, "
                           "then delete this copy")
            continue
        if not SECTION_FILE_RE.match(name):
            loader.warning(path, 0, "is not named like a section file, so it is not shown",
                           'name it like "03-my-topic.md" (two digits, dash, lower-case words)')
            continue
        section = loader.guarded(path, None, partial(load_section, loader, path, lang, site))
        if section is None:
            continue
        if section.slug in sections:
            loader.error(path, 0, f'section id "{section.slug}" is also used by '
                         f"{sections[section.slug].path.name}", "rename one of the files")
            continue
        sections[section.slug] = section
    no_quiz: tuple[str, str, tuple[QuizQuestion, ...]] = ("", "", ())
    quiz_title, quiz_icon, quiz = no_quiz
    if (folder / "quiz.md").exists():
        quiz_title, quiz_icon, quiz = loader.guarded(folder / "quiz.md", no_quiz,
                                                     lambda: load_quiz(loader, folder / "quiz.md"))
    elif sections:
        loader.warning(folder / "quiz.md", 0, "is missing, so the quiz is not offered in "
                       f'"{lang}"', "add one (see content/README.md), or leave it out on purpose")
    no_pages: tuple[str, list[Page]] = ("", [])
    attract = folder / "attract.md"
    attract_title, slides = loader.guarded(
        attract, no_pages, lambda: _load_pages_file(loader, attract, ATTRACT_KEYS))
    disclaimer = folder / "disclaimer.md"
    dis_title, dis_pages = loader.guarded(
        disclaimer, no_pages, lambda: _load_pages_file(loader, disclaimer, DISCLAIMER_KEYS))
    dis_short = ""
    if disclaimer.exists() and (text := loader.read(disclaimer)) is not None:
        dis_short = split_front_matter(text).text("short")
    notice = _notice(loader, folder / "notice.md")
    return LanguageContent(
        lang=lang, sections=tuple(sorted(sections.values(), key=lambda s: (s.order, s.slug))),
        quiz=quiz, quiz_title=quiz_title, quiz_icon=quiz_icon, attract_title=attract_title,
        slides=tuple(Slide(p.title, p.markdown) for p in slides),
        disclaimer_title=dis_title, disclaimer_short=dis_short,
        disclaimer_pages=tuple(dis_pages), notice=notice)


def _notice(loader: _Loader, path: Path) -> str:
    """The clinic's notice (plain text for the home-screen banner), "" while there is none."""
    if not path.is_file():
        return ""
    return " ".join((loader.read(path) or "").split())


def _load_pages_file(loader: _Loader, path: Path, keys: set[str]) -> tuple[str, list[Page]]:
    if not path.exists():
        return "", []
    text = loader.read(path)
    if text is None:
        return "", []
    fm = loader.front_matter(path, text, keys)
    if fm.problems or not loader.renderable(path, fm.body, fm.body_line):
        return "", []
    body = loader.markdown_with_pictures(path, fm.body, fm.body_line)
    return fm.text("title"), split_pages(body, fm.body_line)


def load_library(root: Path) -> Library:
    """Load the content folder at `root`. Never raises for bad content."""
    loader = _Loader(root)
    if not root.is_dir():
        loader.error(root, 0, "the content folder does not exist",
                     "check the content_dir setting or the --content option")
        return Library(root, Site(), {}, {}, tuple(loader.findings))
    site = loader.guarded(root / "site.toml", None, lambda: load_site(loader)) \
        or _site_from_folders(root)
    shared_notice = _notice(loader, root / "notice.md")
    languages: dict[str, LanguageContent] = {}
    for lang in site.languages:
        content = loader.guarded(root / lang, None, partial(load_language, loader, lang, site))
        if content is not None:
            languages[lang] = replace(content, notice=content.notice or shared_notice)
    return Library(root, site, languages, dict(loader.images), tuple(loader.findings))
