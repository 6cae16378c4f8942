"""Read a content folder into a `Library`: every good file is used, every bad one is reported.

Loading never raises for bad content: each problem becomes a `Finding` with the file and line,
and the file (or the one question, picture or key) with the error is left out. This module puts
the library together: site.toml, then each language folder (its sections, quiz, attract slides,
disclaimer and notice); reading one file is the job of the modules it calls.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from kiosk.content.model import LanguageContent, Library, Page, QuizQuestion, Section, Site, Slide
from kiosk.content.reading.folder_reader import SLUG_RE, FolderReader
from kiosk.content.reading.frontmatter import split_front_matter
from kiosk.content.reading.pages import split_pages
from kiosk.content.reading.picture_refs import markdown_with_pictures
from kiosk.content.reading.quiz_file import load_quiz
from kiosk.content.reading.section_file import SECTION_FILE_RE, load_section
from kiosk.content.reading.site import read_site
from kiosk.runtime.sync_names import conflict_original

SPECIAL_FILES = {"quiz.md", "attract.md", "disclaimer.md", "notice.md", "readme.md"}
ATTRACT_KEYS = {"title"}
DISCLAIMER_KEYS = {"title", "short"}


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


def load_site(reader: FolderReader) -> Site:
    path = reader.root / "site.toml"
    if not path.exists():
        reader.warning(path, 0, "is missing", "copy site.toml from the shipped content and edit it")
        return _site_from_folders(reader.root)
    site = read_site(reader, path)
    return _site_from_folders(reader.root) if site is None else site


def load_language(reader: FolderReader, lang: str, site: Site) -> LanguageContent | None:
    folder = reader.root / lang
    if not folder.is_dir():
        reader.error(folder, 0, f'the language folder "{lang}" is missing',
                     f'create it, or remove "{lang}" from site.toml')
        return None
    sections: dict[str, Section] = {}
    for path in reader.listing(folder):
        name = path.name
        if path.is_dir():
            if SECTION_FILE_RE.match(name):
                reader.error(path, 0, "is a folder named like a section file",
                             "rename the folder or move its contents")
            continue
        if name.lower() in SPECIAL_FILES or not name.lower().endswith(".md"):
            continue
        original = conflict_original(name)
        if original is not None:
            reader.warning(path, 0, f"is a conflict copy made by Syncthing (two edits of "
                           f"{original} met), so it is not shown",
                           f"compare it with {original}, keep the right text in {original}, "
                           "then delete this copy")
            continue
        if not SECTION_FILE_RE.match(name):
            reader.warning(path, 0, "is not named like a section file, so it is not shown",
                           'name it like "03-my-topic.md" (two digits, dash, lower-case words)')
            continue
        section = reader.guarded(path, None, partial(load_section, reader, path, lang, site))
        if section is None:
            continue
        if section.slug in sections:
            reader.error(path, 0, f'section id "{section.slug}" is also used by '
                         f"{sections[section.slug].path.name}", "rename one of the files")
            continue
        sections[section.slug] = section
    no_quiz: tuple[str, str, tuple[QuizQuestion, ...]] = ("", "", ())
    quiz_title, quiz_icon, quiz = no_quiz
    if (folder / "quiz.md").exists():
        quiz_title, quiz_icon, quiz = reader.guarded(folder / "quiz.md", no_quiz,
                                                     lambda: load_quiz(reader, folder / "quiz.md"))
    elif sections:
        reader.warning(folder / "quiz.md", 0, "is missing, so the quiz is not offered in "
                       f'"{lang}"', "add one (see content/README.md), or leave it out on purpose")
    no_pages: tuple[str, list[Page]] = ("", [])
    attract = folder / "attract.md"
    attract_title, slides = reader.guarded(
        attract, no_pages, lambda: _load_pages_file(reader, attract, ATTRACT_KEYS))
    disclaimer = folder / "disclaimer.md"
    dis_title, dis_pages = reader.guarded(
        disclaimer, no_pages, lambda: _load_pages_file(reader, disclaimer, DISCLAIMER_KEYS))
    dis_short = ""
    if disclaimer.exists() and (text := reader.read(disclaimer)) is not None:
        dis_short = split_front_matter(text).text("short")
    notice = _notice(reader, folder / "notice.md")
    return LanguageContent(
        lang=lang, sections=tuple(sorted(sections.values(), key=lambda s: (s.order, s.slug))),
        quiz=quiz, quiz_title=quiz_title, quiz_icon=quiz_icon, attract_title=attract_title,
        slides=tuple(Slide(p.title, p.markdown) for p in slides),
        disclaimer_title=dis_title, disclaimer_short=dis_short,
        disclaimer_pages=tuple(dis_pages), notice=notice)


def _notice(reader: FolderReader, path: Path) -> str:
    """The clinic's notice (plain text for the home-screen banner), "" while there is none."""
    if not path.is_file():
        return ""
    return " ".join((reader.read(path) or "").split())


def _load_pages_file(reader: FolderReader, path: Path, keys: set[str]) -> tuple[str, list[Page]]:
    if not path.exists():
        return "", []
    text = reader.read(path)
    if text is None:
        return "", []
    fm = reader.front_matter(path, text, keys)
    if fm.problems or not reader.renderable(path, fm.body, fm.body_line):
        return "", []
    body = markdown_with_pictures(fm.body, fm.body_line, partial(reader.picture, path))
    return fm.text("title"), split_pages(body, fm.body_line)


def load_library(root: Path) -> Library:
    """Load the content folder at `root`. Never raises for bad content."""
    reader = FolderReader(root)
    if not root.is_dir():
        reader.error(root, 0, "the content folder does not exist",
                     "check the content_dir setting or the --content option")
        return Library(root, Site(), {}, {}, tuple(reader.findings))
    site = reader.guarded(root / "site.toml", None, lambda: load_site(reader)) \
        or _site_from_folders(root)
    shared_notice = _notice(reader, root / "notice.md")
    languages: dict[str, LanguageContent] = {}
    for lang in site.languages:
        content = reader.guarded(root / lang, None, partial(load_language, reader, lang, site))
        if content is not None:
            languages[lang] = replace(content, notice=content.notice or shared_notice)
    return Library(root, site, languages, dict(reader.images), tuple(reader.findings))
