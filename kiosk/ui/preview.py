"""Render every patient screen to PNG without a display, for proofreading and review."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.config import Settings
from kiosk.content.model import Library
from kiosk.ui.i18n import Translations
from kiosk.ui.staff.preview import preview_staff_mode, staff_screens
from kiosk.ui.window import KioskWindow


PREVIEW_SEED = 1  # the same quiz questions in every preview, so reviews compare like with like


class PreviewRecorder:
    """Previews are not visits: nothing is recorded."""

    def record(self, kind: str, **fields: object) -> None:
        del kind, fields


def _snap(window: KioskWindow, out: Path, name: str) -> Path:
    QApplication.processEvents()
    path = out / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def _screens(window: KioskWindow, lang: str) -> Iterator[str]:
    """Drive the window through every screen, yielding a file name for each."""
    yield f"{lang}-attract"
    window.wake()
    window.set_language(lang)
    yield f"{lang}-home"
    for section, _ in window.sections():
        for page in range(len(section.pages)):
            window.open_section(section.slug, page)
            yield f"{lang}-reader-{section.order:02d}-{section.slug}-p{page + 1}"
    if window.library.content_for(lang).quiz:
        yield from _quiz_screens(window, lang)
    window.show_disclaimer()
    yield f"{lang}-disclaimer"
    window.show_sources()
    yield f"{lang}-sources"
    window.show_home()
    window.idle.idle_timer.timeout.emit()
    yield f"{lang}-idle"
    window.reset_visit("attract")


def _quiz_screens(window: KioskWindow, lang: str) -> Iterator[str]:
    """A question, the feedback after a wrong answer (both marks show), and the results.

    Every other answer is wrong, starting with the first, so the results list missed topics.
    """
    window.show_quiz()
    yield f"{lang}-quiz-question"
    flow, number = window.quiz, 0
    while flow.round is not None and (drawn := flow.round.current) is not None:
        wrong = number % 2 == 0
        flow.choose((drawn.correct + 1) % len(drawn.answers) if wrong else drawn.correct)
        if number == 0:
            yield f"{lang}-quiz-feedback"
        flow.next()
        number += 1
    yield f"{lang}-quiz-results"


def render_previews(library: Library, settings: Settings, out: Path, *, width: int,
                    height: int, languages: list[str], text_size: str,
                    theme: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    settings = replace(settings, text_size=text_size, theme=theme)
    window = KioskWindow(library, settings, PreviewRecorder(), Translations(),
                         rng=random.Random(PREVIEW_SEED))
    window.resize(width, height)
    window.show()
    written: list[Path] = []
    try:
        with preview_staff_mode(window) as staff:
            for lang in languages:
                if library.is_empty:
                    written.append(_snap(window, out, f"{lang}-updating"))
                    continue
                window.set_language(lang)
                window.go_attract()
                for name in chain(_screens(window, lang), staff_screens(staff, lang)):
                    written.append(_snap(window, out, _safe(name)))
    finally:
        window.idle.stop()
        window.close()
        window.deleteLater()
    return written


def _safe(name: str) -> str:
    return re.sub(r"[^a-z0-9_.-]+", "-", name.lower())
