"""The content model: plain frozen dataclasses that the screens read. No Qt, no file access."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Literal

# The clinic's details: fields of `Site`, keys of site.toml's [clinic] and [clinic.<lang>].
CLINIC_KEYS = ("name", "phone", "website", "address", "hours", "logo")


class Severity(StrEnum):
    """How much a finding matters to the clinic.

    error: the file, page, question or picture is left out (or removed) until it is fixed.
    warning: it is shown, but staff should act (a missing translation, an old review date).
    info: nothing to do unless staff want to (a web address shown as a QR code). Kept apart so
    the shipped content gives no warnings and staff do not learn to ignore them.

    A `StrEnum`: each level equals its word ("error" == Severity.ERROR) and prints as it.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One problem found in the content folder, worded for clinic staff."""

    path: Path
    line: int  # 0 when the problem is about the whole file
    severity: Severity  # a plain "error", "warning" or "info" is turned into its level
    message: str  # what is wrong
    hint: str = ""  # what to do

    if TYPE_CHECKING:  # the generated __init__, as callers may call it: with the level's word
        def __init__(self, path: Path, line: int,
                     severity: Severity | Literal["error", "warning", "info"], message: str,
                     hint: str = "") -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", Severity(self.severity))  # "warn": ValueError

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text} - {self.hint}" if self.hint else text


def count_findings(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each level, every level present (0 when there are none)."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def counts_text(findings: Iterable[Finding]) -> str:
    """ "2 errors, 1 warning, 6 info": the one wording of the counts, for validate, doctor
    and the log."""
    counts = count_findings(findings)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    return (f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}, {counts[Severity.INFO]} info")


@dataclass(frozen=True)
class Page:
    title: str
    markdown: str  # the page body, without its `## ` title line
    line: int  # line of the `## ` title in the file
    body_line: int = 0  # line of the body's first line in the file (0: not known)


@dataclass(frozen=True)
class Section:
    slug: str
    order: int
    lang: str
    path: Path
    title: str
    subtitle: str = ""
    icon: str = ""  # picture key (see Library.images), "" for none
    review_date: date | None = None
    reviewed_by: str = ""  # the clinician who checked the section: name and role
    sources: tuple[str, ...] = ()
    pages: tuple[Page, ...] = ()
    show_from: date | None = None
    show_until: date | None = None
    take_home: tuple[str, ...] = ()  # "Keep these points": lines a patient can take home
    key_lines: tuple[tuple[str, int], ...] = ()  # front-matter key -> line, for findings

    def line_of(self, key: str) -> int:
        return dict(self.key_lines).get(key, 0)

    @property
    def is_signed(self) -> bool:
        """A clinician is named and dated, so patients see "Reviewed by NAME, MONTH YEAR"."""
        return bool(self.reviewed_by and self.review_date)

    def visible_on(self, day: date) -> bool:
        if self.show_from and day < self.show_from:
            return False
        return not (self.show_until and day > self.show_until)


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    text: str
    answers: tuple[str, ...]
    correct: int
    explanation: str
    section: str
    line: int


@dataclass(frozen=True)
class Slide:
    title: str
    markdown: str


@dataclass(frozen=True)
class Site:
    name: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    hours: str = ""
    logo: str = ""  # picture key, "" for none
    languages: tuple[str, ...] = ("en",)
    default_language: str = "en"
    colours: dict[str, str] = field(default_factory=dict)
    # Per-language details from [clinic.<lang>]: {"es": {"hours": "..."}}, only the keys named.
    by_language: dict[str, dict[str, str]] = field(default_factory=dict)

    def in_language(self, lang: str) -> Site:
        """The clinic's details as patients reading `lang` see them: that language's table
        over [clinic], key by key."""
        over = self.by_language.get(lang, {})
        return replace(self, name=over.get("name", self.name), phone=over.get("phone", self.phone),
                       website=over.get("website", self.website),
                       address=over.get("address", self.address),
                       hours=over.get("hours", self.hours), logo=over.get("logo", self.logo))


@dataclass(frozen=True)
class LanguageContent:
    lang: str
    sections: tuple[Section, ...] = ()
    quiz: tuple[QuizQuestion, ...] = ()
    quiz_title: str = ""
    quiz_icon: str = ""  # picture key for the quiz's home tile, "" for none
    attract_title: str = ""
    slides: tuple[Slide, ...] = ()
    disclaimer_title: str = ""
    disclaimer_short: str = ""
    disclaimer_pages: tuple[Page, ...] = ()
    notice: str = ""

    def section(self, slug: str) -> Section | None:
        return next((s for s in self.sections if s.slug == slug), None)


@dataclass(frozen=True)
class Library:
    """Everything the kiosk shows, held in memory: a snapshot that files going away cannot touch."""

    root: Path
    site: Site
    languages: dict[str, LanguageContent]
    images: dict[str, bytes]  # key: path relative to root, "/" separated
    findings: tuple[Finding, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self.of_level(Severity.ERROR)

    def of_level(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    def awaiting_review(self) -> tuple[Section, ...]:
        """Sections, in every language, that no clinician has signed yet (see Section.is_signed)."""
        return tuple(s for content in self.languages.values() for s in content.sections
                     if not s.is_signed)

    @property
    def is_empty(self) -> bool:
        return not any(lc.sections for lc in self.languages.values())

    def content_for(self, lang: str) -> LanguageContent:
        """The language's content, or the default language's when it has none."""
        found = self.languages.get(lang)
        if found and found.sections:
            return found
        return self.languages.get(self.site.default_language) or LanguageContent(lang)
