"""One section file (`03-my-topic.md`) read into a `Section`, or left out with findings."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from kiosk.content.model import Section, Site
from kiosk.content.reading.folder_reader import FolderReader
from kiosk.content.reading.pages import split_pages
from kiosk.content.reading.picture_refs import markdown_with_pictures
from kiosk.content.reading.site import (
    PLACEHOLDER_KEYS,
    empty_placeholders,
    fill_placeholders,
    unknown_placeholders,
)

SECTION_FILE_RE = re.compile(r"^(\d{2})-([a-z0-9][a-z0-9-]*)\.md$")
SECTION_KEYS = {"title", "subtitle", "icon", "review_date", "reviewed_by", "sources", "show_from",
                "show_until", "take_home"}


def load_section(reader: FolderReader, path: Path, lang: str, site: Site) -> Section | None:
    match = SECTION_FILE_RE.match(path.name)
    assert match
    text = reader.read(path)
    if text is None:
        return None
    if not text.strip():
        reader.error(path, 0, "is empty", "write the section in it (see content/README.md), "
                     "or delete the file")
        return None
    details = site.in_language(lang)
    for line, key in empty_placeholders(text, details):
        reader.warning(path, line, f"{{clinic.{key}}} shows nothing: site.toml has no {key}",
                       f'add {key} = "..." under [clinic] in site.toml, or take the line out')
    for line, written, close in unknown_placeholders(text):
        known = ", ".join(f"{{clinic.{k}}}" for k in PLACEHOLDER_KEYS)
        reader.error(path, line, f"{written} is not a clinic detail the kiosk knows, so it is "
                     "removed from the page",
                     f"did you mean {{clinic.{close}}}?" if close else f"use one of {known}")
    fm = reader.front_matter(path, fill_placeholders(text, details), SECTION_KEYS)
    if fm.problems:
        return None
    title = fm.text("title")
    if not title:
        reader.error(path, fm.lines.get("title", 1), "the section has no title",
                     'add a line like "title: What is RLS?" to the front matter')
        return None
    if not reader.renderable(path, fm.body, fm.body_line):
        return None
    body = markdown_with_pictures(fm.body, fm.body_line, partial(reader.picture, path))
    pages = tuple(p for p in split_pages(body, fm.body_line) if p.markdown.strip() or p.title)
    if not pages:
        reader.error(path, fm.body_line, "the section has no pages",
                     'start each page with a line like "## Page title"')
        return None
    icon = ""
    if fm.text("icon"):
        icon = reader.picture(path, fm.lines["icon"], fm.text("icon")) or ""
    sources = fm.values.get("sources", [])
    take_home = fm.values.get("take_home", [])
    return Section(
        slug=match.group(2), order=int(match.group(1)), lang=lang, path=path, title=title,
        subtitle=fm.text("subtitle"), icon=icon,
        review_date=reader.date_value(path, fm, "review_date"), reviewed_by=fm.text("reviewed_by"),
        sources=tuple(sources) if isinstance(sources, list) else (str(sources),),
        pages=pages, show_from=reader.date_value(path, fm, "show_from"),
        show_until=reader.date_value(path, fm, "show_until"),
        take_home=tuple(take_home) if isinstance(take_home, list) else (take_home,),
        key_lines=tuple(fm.lines.items()))
