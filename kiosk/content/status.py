"""What content the kiosk is showing, and what it left out: for the log and the staff panel."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.content.model import Finding, Library, Severity, counts_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    sections: tuple[str, ...]  # slugs, in tile order
    quiz_questions: int
    facts: int  # attract-screen slides


@dataclass(frozen=True)
class ContentStatus:
    """One load of the content folder. `shown` is False when the kiosk kept its last good
    content because nothing in this load could be shown."""

    root: Path
    loaded_at: datetime
    languages: tuple[LanguageStatus, ...]
    skipped: tuple[Finding, ...]  # errors: what was left out (or removed) and why
    warnings: tuple[Finding, ...]
    shown: bool = True
    infos: tuple[Finding, ...] = ()  # nothing to do unless staff want to
    awaiting_review: int = 0  # sections no clinician has signed (reviewed_by and review_date)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.skipped + self.warnings + self.infos

    @classmethod
    def of(cls, library: Library, loaded_at: datetime, *, shown: bool = True) -> ContentStatus:
        languages = tuple(
            LanguageStatus(lang, tuple(s.slug for s in content.sections), len(content.quiz),
                           len(content.slides))
            for lang, content in library.languages.items())
        return cls(library.root, loaded_at, languages, library.errors,
                   library.of_level(Severity.WARNING), shown, library.of_level(Severity.INFO),
                   len(library.awaiting_review()))

    def summary(self) -> str:
        """One line for the log, e.g. "en: 8 sections, 12 questions, 13 facts; es: ..."."""
        parts = [f"{s.lang}: {len(s.sections)} sections, {s.quiz_questions} questions, "
                 f"{s.facts} facts" for s in self.languages]
        state = "shown" if self.shown else "NOT shown (nothing could be read; the last good " \
                                            "content stays)"
        return (f"Content from {self.root} loaded at {self.loaded_at:%Y-%m-%d %H:%M:%S}, "
                f"{state}: {'; '.join(parts) or 'nothing'}; {counts_text(self.findings)}")


def log_status(status: ContentStatus) -> None:
    """The summary, then every error (as a warning) and every warning and info (as
    information)."""
    (log.info if status.shown else log.error)("%s", status.summary())
    for finding in status.skipped:
        log.warning("Content: %s", finding)
    for finding in status.warnings + status.infos:
        log.info("Content: %s", finding)
