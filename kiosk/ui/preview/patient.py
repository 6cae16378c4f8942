"""Render every patient screen to PNG without a display, for proofreading and review."""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from kiosk.content.model import Library
from kiosk.settings.config import Settings
from kiosk.ui.look.i18n import Translations
from kiosk.ui.window import KioskWindow

if TYPE_CHECKING:
    from kiosk.ui.staff_panel.mode import StaffMode

PREVIEW_SEED = 1  # the same quiz questions in every preview, so reviews compare like with like
# Kinds of screen `--screens` can pick; file names start with "<lang>-<kind>".
SCREEN_KINDS = ("attract", "home", "reader", "takehome", "quiz", "disclaimer", "sources",
                "idle", "staff")
TICKED_IN_PREVIEW = 3  # items ticked on a page with a task list before "Keep my list"


class PreviewRecorder:
    """Previews are not visits: nothing is recorded."""

    def record(self, kind: str, **fields: object) -> None:
        del kind, fields


def _snap(window: KioskWindow, out: Path, name: str) -> Path:
    for _ in range(3):  # what follows a layout pass (the reader's "more below") settles
        QApplication.processEvents()
    path = out / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def _screens(window: KioskWindow, lang: str, kinds: Collection[str]) -> Iterator[str]:
    """Drive the window through the screens of `kinds`, yielding a file name for each."""
    if "attract" in kinds:
        window.attract.show_language(lang)  # the facts take turns: show this language's
        yield f"{lang}-attract"
    window.wake()
    window.set_language(lang)
    if "home" in kinds:
        yield f"{lang}-home"
    if "reader" in kinds:
        for section, _ in window.sections():
            for page in range(len(section.pages)):
                window.reader_flow.open(section.slug, page)
                yield f"{lang}-reader-{section.order:02d}-{section.slug}-p{page + 1}"
    if "takehome" in kinds:
        yield from _take_home_screens(window, lang)
    if "quiz" in kinds and window.library.content_for(lang).quiz:
        yield from _quiz_screens(window, lang)
    if "disclaimer" in kinds:
        window.document_flow.show_disclaimer()
        yield f"{lang}-disclaimer"
    if "sources" in kinds:
        window.document_flow.show_sources()
        yield f"{lang}-sources"
    if "idle" in kinds:
        window.show_home()
        window.idle.idle_timer.timeout.emit()
        yield f"{lang}-idle"
    window.reset_visit("attract")


def _take_home_screens(window: KioskWindow, lang: str) -> Iterator[str]:
    """Each page with a task list with its first items ticked, then its "Keep my list" code;
    each section's "Keep these points" code."""
    for section, _ in window.sections():
        name = f"{lang}-takehome-{section.order:02d}-{section.slug}"
        for page in range(len(section.pages)):
            window.reader_flow.open(section.slug, page)
            toggles = [t for ts in window.reader.tasks.toggles for t in ts]
            if not toggles:
                continue
            for toggle in toggles[:TICKED_IN_PREVIEW]:
                toggle.setChecked(True)
            yield f"{name}-p{page + 1}-ticked"
            window.take_home_flow.show("list")
            yield f"{name}-p{page + 1}-list"
        if section.take_home:
            window.reader_flow.open(section.slug)
            window.take_home_flow.show("points")
            yield f"{name}-points"


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
                    theme: str, screens: Collection[str] = SCREEN_KINDS) -> list[Path]:
    """Write a PNG of each screen of the kinds in `screens` (all by default) per language."""
    out.mkdir(parents=True, exist_ok=True)
    # No fade: each screen is captured the moment it is shown.
    settings = replace(settings, text_size=text_size, theme=theme, reduce_motion=True)
    window = KioskWindow(library, settings, PreviewRecorder(), Translations(),
                         rng=random.Random(PREVIEW_SEED))
    window.resize(width, height)
    window.show()
    written: list[Path] = []
    try:
        # Staff mode makes a month of made-up visits: only when its screens are wanted (the
        # import too: it brings the engagement store, a quarter of `--screens home`'s start-up).
        with _staff_mode(window) if "staff" in screens else nullcontext() as staff:
            for lang in languages:
                if library.is_empty:
                    written.append(_snap(window, out, f"{lang}-updating"))
                    continue
                window.set_language(lang)
                window.go_attract()
                extra = _staff_screens(staff, window, lang) if staff is not None else ()
                for name in chain(_screens(window, lang, screens), extra):
                    written.append(_snap(window, out, _safe(name)))
    finally:
        window.idle.stop()
        window.close()
        window.deleteLater()
    return written


def _staff_mode(window: KioskWindow) -> AbstractContextManager[StaffMode]:
    from kiosk.ui.preview.staff import preview_staff_mode

    return preview_staff_mode(window)


def _staff_screens(staff: StaffMode, window: KioskWindow, lang: str) -> Iterator[str]:
    from kiosk.ui.preview.staff import staff_screens

    return staff_screens(staff, window, lang)


def _safe(name: str) -> str:
    return re.sub(r"[^a-z0-9_.-]+", "-", name.lower())
