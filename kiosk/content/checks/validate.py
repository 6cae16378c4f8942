"""Checks on loaded content that are not parsing: across languages, across files, over time.

The loader reports what it cannot read; these checks look at what it read: a section or quiz
question missing in one language, a review date more than a year old, text above the reading
level patients need, links the kiosk cannot follow, raw HTML it removes. No Qt, no file access:
everything comes from the in-memory `Library`, so the same checks run in `rls-kiosk validate`
and in the kiosk's background reload. Reading level is graded only when asked for
(`rls-kiosk validate`): it needs the authoring extra, which the kiosk never loads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote

from kiosk.content.links import Link, find_links, rendered_targets
from kiosk.content.model import Finding, LanguageContent, Library, Page, Section, Severity
from kiosk.content.reading.picture_refs import IMAGE_SCHEME
from kiosk.content.render import ALLOWED_TAGS, markdown_to_raw_html
from kiosk.content.take_home import section_findings as take_home_findings

MAX_GRADE = 8.0
REVIEW_MONTHS = 12
_TAG_RE = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)/?>")
_BAD_ATTR_RE = re.compile(r"\s(on[a-z]+|style)\s*=", re.I)
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def check_library(library: Library, today: date, *,
                  reading_level: bool = False) -> tuple[Finding, ...]:
    """Every finding about `library` that loading it did not already make; with
    `reading_level`, also the pages that read above grade 8 (or one line saying how to get
    grades when the authoring extra is not installed)."""
    found: list[Finding] = []
    langs = [lang for lang in library.site.languages if lang in library.languages]
    found += _across_languages(library, langs)
    grade = _no_findings
    if reading_level:
        from kiosk.content.checks.readability import AUTHORING_INSTALL, authoring_problem

        problem = authoring_problem()
        if problem:
            found.append(Finding(library.root, 0, Severity.INFO,
                                 f"reading level was not graded: the authoring tools are not "
                                 f"installed ({problem})",
                                 f"every other check ran; for grades, run `{AUTHORING_INSTALL}` "
                                 "on a computer with Python 3.11+ and validate there"))
        else:
            grade = _reading_level
    for lang in langs:
        content = library.languages[lang]
        slugs = _reachable_slugs(library, lang)
        for section in content.sections:
            found += _section_dates(section, today)
            found += _page_text(section.path, section.pages, slugs)
            found += grade(section.path, section.pages, lang)
            found += take_home_findings(section, library.site)
        found += _quiz(library.root / lang / "quiz.md", content, slugs)
        found += grade(library.root / lang / "quiz.md", _quiz_pages(content), lang)
        for name, pages in (("attract.md", [Page(s.title, s.markdown, 0) for s in
                                            content.slides]),
                            ("disclaimer.md", list(content.disclaimer_pages))):
            found += _page_text(library.root / lang / name, pages, slugs)
            found += grade(library.root / lang / name, pages, lang)
    return tuple(found)


def with_checks(library: Library, today: date, *, reading_level: bool = False) -> Library:
    """`library` with the checks' findings added to the loader's."""
    return replace(library, findings=library.findings + check_library(
        library, today, reading_level=reading_level))


def _reachable_slugs(library: Library, lang: str) -> set[str]:
    """Sections a `section:` link in `lang` can open (its own, or the default language's)."""
    slugs = {s.slug for s in library.languages[lang].sections}
    default = library.languages.get(library.site.default_language)
    return slugs | {s.slug for s in default.sections} if default else slugs


# -- across languages --------------------------------------------------------------------------
def _across_languages(library: Library, langs: list[str]) -> Iterator[Finding]:
    if len(langs) < 2:
        return
    root = library.root
    broken = {f.path for f in library.errors}  # reported already, as what it is
    files: dict[str, dict[str, Section]] = {
        lang: {s.slug: s for s in library.languages[lang].sections} for lang in langs}
    for lang in langs:
        for other in langs:
            if other == lang:
                continue
            for slug, section in files[other].items():
                path = root / lang / section.path.name
                if slug not in files[lang] and path not in broken:
                    yield Finding(path, 0, "warning",
                                  f'section "{slug}" is missing in "{lang}" (it exists as '
                                  f"{other}/{section.path.name})",
                                  f"add a translation; until then patients reading {lang} "
                                  f"see the {library.site.default_language} version or no tile")
    yield from _quiz_ids(library, langs)
    pages_files: tuple[tuple[str, Callable[[LanguageContent], bool]], ...] = (
        ("attract.md", lambda c: bool(c.slides)),
        ("disclaimer.md", lambda c: bool(c.disclaimer_pages)))
    for name, has in pages_files:
        having = [lang for lang in langs if has(library.languages[lang])]
        for lang in langs:
            if having and lang not in having:
                yield Finding(root / lang / name, 0, "warning",
                              f'"{lang}" has no {name} with content, but "{having[0]}" has one',
                              f"add {lang}/{name} (translate {having[0]}/{name})")


def _quiz_ids(library: Library, langs: list[str]) -> Iterator[Finding]:
    ids = {lang: {q.id for q in library.languages[lang].quiz} for lang in langs}
    for lang in langs:
        if not library.languages[lang].quiz:
            continue
        for other in langs:
            missing = sorted(ids[other] - ids[lang]) if other != lang else []
            if missing and library.languages[other].quiz:
                shown = ", ".join(f'"{m}"' for m in missing[:5])
                more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
                yield Finding(library.root / lang / "quiz.md", 0, "warning",
                              f"quiz questions {shown}{more} from {other}/quiz.md are missing "
                              f'in "{lang}"', "translate them with the same id: lines")


# -- one section -------------------------------------------------------------------------------
def _months_before(day: date, months: int) -> date:
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    return date(year, month + 1, min(day.day, 28))


def _section_dates(section: Section, today: date) -> Iterator[Finding]:
    path = section.path
    if not section.reviewed_by:  # info, not a warning: the shipped content is signed by no one
        yield Finding(path, section.line_of("title"), "info",
                      "awaits a clinician's review: it has no reviewed_by, so patients see no "
                      '"Reviewed by" line',
                      "once a clinician has checked it, add their name and role, like "
                      "reviewed_by: Dr. Ana Ruiz, sleep medicine, and set review_date")
    if section.review_date is None:
        yield Finding(path, section.line_of("title"), "warning", "has no review_date",
                      "add a line like review_date: 2026-11 once a clinician has checked it")
    elif section.review_date < _months_before(today, REVIEW_MONTHS):
        yield Finding(path, section.line_of("review_date"), "warning",
                      f"was last reviewed on {section.review_date.isoformat()}, more than "
                      f"{REVIEW_MONTHS} months ago",
                      "have a clinician check it, then update review_date")
    if section.show_from and section.show_until and section.show_until < section.show_from:
        yield Finding(path, section.line_of("show_until"), "error",
                      "show_until is before show_from, so the section is never shown",
                      "swap the two dates or correct one of them")


def _page_text(path: Path, pages: Iterable[Page], slugs: set[str]) -> Iterator[Finding]:
    for page in pages:
        first = page.body_line or page.line
        yield from _raw_html(path, page.markdown, first)
        links = find_links(page.markdown, first)
        for link in links:
            yield from _link(path, link, slugs)
        yield from _rendered(path, page.markdown, first, {link.target for link in links}, slugs)


def _rendered(path: Path, markdown: str, first: int, seen: set[str],
              slugs: set[str]) -> Iterator[Finding]:
    """Links and pictures as the renderer reads them, for the forms a line-by-line look misses
    (reference-style, entity- or percent-encoded, split over lines): the same rules apply."""
    for tag, target in rendered_targets(markdown_to_raw_html(markdown)):
        line = _line_of(markdown, target, first)
        if tag == "img" and not target.startswith(IMAGE_SCHEME):
            yield Finding(path, line, Severity.ERROR,
                          f'picture "{target[:80]}" is written in a way the kiosk does not '
                          "follow, so it is not shown",
                          "write it as ![what it shows](../images/name.svg), with a path "
                          "inside the content folder")
        elif tag == "a" and target not in seen:
            seen.add(target)
            yield from _link(path, Link(line, target), slugs)


def _line_of(markdown: str, target: str, first: int) -> int:
    """Line of `target` in `markdown` (as written, percent-encoded or not, else by its end,
    which survives an encoded scheme), else the page's first line."""
    for written in (target, unquote(target), quote(target, safe=":/#?&="), target[-12:]):
        index = markdown.find(written)
        if written and index >= 0:
            return first + markdown.count("\n", 0, index)
    return first


def _raw_html(path: Path, markdown: str, first_line: int) -> Iterator[Finding]:
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        for match in _TAG_RE.finditer(line):
            tag, attrs = match.group(1).lower(), match.group(2)
            if tag not in ALLOWED_TAGS:
                yield Finding(path, number, "error",
                              f"HTML <{tag}> is not allowed, so the kiosk removes it",
                              "delete it; write the page in plain Markdown")
            elif bad := _BAD_ATTR_RE.search(attrs):
                yield Finding(path, number, "error",
                              f'HTML attribute "{bad.group(1).lower()}" on <{tag}> is not '
                              "allowed, so the kiosk removes it", "delete the attribute")


def _link(path: Path, link: Link, slugs: set[str]) -> Iterator[Finding]:
    if link.is_web:
        yield Finding(path, link.line, Severity.INFO,
                      f"web address {link.target} is shown as a QR code, not as a link",
                      "nothing to do if patients may scan it; the kiosk never opens a browser")
    elif link.is_section:
        slug = link.target.removeprefix("section:")
        if slug not in slugs:
            known = ", ".join(sorted(slugs)) or "none"
            yield Finding(path, link.line, "error",
                          f'link to "{link.target}" names no section',
                          f"use a section's file name without its number and .md ({known})")
    elif _SCHEME_RE.match(link.target):
        yield Finding(path, link.line, "error",
                      f'link to "{link.target}" is not allowed, so the kiosk removes it',
                      "link to a section with section:name, or to a web page with https://")
    else:
        yield Finding(path, link.line, "error",
                      f'link to "{link.target}" does not work in the kiosk',
                      "to open another section write section:name (the section's file name "
                      "without its number and .md)")


def _quiz_pages(content: LanguageContent) -> list[Page]:
    """The quiz as pages of text to grade: each question with its answers and explanation."""
    return [Page(q.text, "\n\n".join([*(f"- {a}" for a in q.answers), q.explanation]), q.line)
            for q in content.quiz]


def _no_findings(path: Path, pages: Sequence[Page], lang: str) -> Iterator[Finding]:
    return iter(())


def _reading_level(path: Path, pages: Sequence[Page], lang: str) -> Iterator[Finding]:
    from kiosk.content.checks.readability import grade_level

    text = "\n\n".join(f"## {p.title}\n\n{p.markdown}" for p in pages)
    if not text.strip():
        return
    try:
        grade = grade_level(text, lang)
    except ValueError:  # no formula for this language
        return
    if grade <= MAX_GRADE:
        return
    hardest = max(pages, key=lambda p: grade_level(f"## {p.title}\n\n{p.markdown}", lang))
    yield Finding(path, hardest.line, "warning",
                  f"reads at US school grade {grade:.1f} (the aim is {MAX_GRADE:.0f} or below); "
                  f'the hardest page is "{hardest.title}"',
                  "use shorter sentences and everyday words")


# -- the quiz ----------------------------------------------------------------------------------
def _quiz(path: Path, content: LanguageContent, slugs: set[str]) -> Iterator[Finding]:
    for question in content.quiz:
        if question.section and question.section not in slugs:
            yield Finding(path, question.line, "error",
                          f'question "{question.id}" names section "{question.section}", '
                          "which does not exist",
                          "use a section's file name without its number and .md, "
                          'e.g. "what-is-rls"')

