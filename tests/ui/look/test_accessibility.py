"""Every patient screen, measured: text fits, targets are big and low, names are spoken right.

The screens are the preview's (attract, home, every reader page, quiz question, feedback and
results, disclaimer, sources, "Still there?") on the shipped content, with read-aloud available
so the Listen button is measured too.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.settings import paths
from kiosk.settings.config import Settings
from kiosk.ui.look.i18n import read_ts
from kiosk.ui.look.widgets import Tile
from kiosk.ui.screens.task_list import TaskToggle
from kiosk.ui.window import KioskWindow
from tests.helpers.screens import (
    MIN_TARGET,
    Shown,
    accessible_name,
    describe,
    fit_problems,
    targets,
    walk,
    window_rect,
)
from tests.helpers.speech import FakeEngine

LANGUAGES = ("en", "es")


@cache
def shipped() -> Library:
    return load_library(paths.shipped_content_dir())


def _window(make_window, size: tuple[int, int], text_size: str = "largest",
            theme: str = "standard") -> KioskWindow:
    window = make_window(shipped(), Settings(text_size=text_size, theme=theme), size=size)
    window.read_aloud.set_engine(FakeEngine())
    return window


@pytest.mark.parametrize(("size", "text_size"), [
    ((1366, 768), "largest"), ((1280, 800), "largest"), ((1024, 768), "largest"),
    ((1080, 1920), "largest"), ((1920, 1080), "largest"), ((1920, 1080), "normal")],
    ids=["1366x768-largest", "1280x800-largest", "1024x768-largest", "1080x1920-largest",
         "1920x1080-largest", "1920x1080-normal"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_fits(make_window, size, text_size, lang) -> None:
    window = _window(make_window, size, text_size)
    problems: list[str] = []
    names = []
    for shown in walk(window, lang):
        names.append(shown.name)
        problems += fit_problems(shown)
    assert {"home", "reader", "quiz-question", "quiz-feedback", "quiz-results",
            "idle"} <= {n.split("-", 1)[1].rsplit("-p", 1)[0].split("-0")[0] for n in names}
    assert problems == []


@pytest.mark.parametrize(("size", "text_size"), [
    ((1366, 768), "normal"), ((1366, 768), "large"), ((1366, 768), "largest"),
    ((1024, 768), "largest"), ((1080, 1920), "largest"), ((1920, 1080), "largest"),
    ((3840, 2160), "largest")],
    ids=["1366x768-normal", "1366x768-large", "1366x768-largest", "1024x768-largest",
         "1080x1920-largest", "1920x1080-largest", "3840x2160-largest"])
def test_every_target_is_at_least_48_px(make_window, size, text_size) -> None:
    # 1366x768 has the smallest layout scale of the supported screens; portrait is the narrowest.
    window = _window(make_window, size, text_size)
    small = []
    for lang in LANGUAGES:
        for shown in walk(window, lang):
            small += [f"{shown.name}: {describe(b)} {b.width()}x{b.height()}"
                      for b in targets(shown) if b.width() < MIN_TARGET
                      or b.height() < MIN_TARGET]
    assert small == []


def _english_only() -> set[str]:
    """English interface strings whose Spanish differs: never a name on a Spanish screen."""
    table = read_ts(paths.translations_dir() / "kiosk_es.ts")
    return {source for (_, source), spanish in table.items() if spanish != source}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_control_has_a_name_in_the_screen_language(make_window, lang) -> None:
    window = _window(make_window, (1366, 768), "normal")
    english = _english_only()
    problems, checked = [], 0
    for shown in walk(window, lang):
        for widget in targets(shown):
            name = accessible_name(widget).strip()
            checked += 1
            if len(re.findall(r"\w", name)) < 2:
                problems.append(f"{shown.name}: {describe(widget)} has no spoken name {name!r}")
            elif lang == "es" and re.sub(r"^\W+|\W+$", "", name) in english:
                problems.append(f"{shown.name}: {describe(widget)} is named in English {name!r}")
            if isinstance(widget, Tile) and not widget.accessibleDescription():
                problems.append(f"{shown.name}: tile {name!r} has no description")
    assert checked > 300
    assert problems == []


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (1080, 1920)],
                         ids=["1366x768", "1024x768", "1080x1920"])
def test_controls_sit_in_the_lower_two_thirds(make_window, size) -> None:
    """Reachable from a wheelchair. Exceptions: the home tiles fill the screen from the top and
    scroll, and so do a page's task-list toggles, because they are the content itself (README,
    Accessibility)."""
    window = _window(make_window, size)
    high = []
    for shown in walk(window, "es"):
        for button in targets(shown):
            if isinstance(button, Tile | TaskToggle) or not button.isEnabled():
                continue
            if window_rect(button).center().y() < window.height() / 3:
                high.append(f"{shown.name}: {describe(button)} at {window_rect(button)}")
    assert high == []


@pytest.mark.parametrize("theme", ["standard", "high-contrast"])
def test_every_target_shows_it_is_pressed(make_window, theme) -> None:
    window = _window(make_window, (1366, 768), "normal", theme)
    silent, seen = [], set()
    for shown in walk(window, "en"):
        for button in targets(shown):
            key = (type(button).__name__, button.objectName(), button.property("role"),
                   button.isChecked(), button.property("state"))
            if key in seen or not button.isEnabled() or not isinstance(button, QPushButton):
                continue
            seen.add(key)
            if not _press_changes_look(button):
                silent.append(f"{shown.name}: {describe(button)}")
    assert len(seen) > 8
    assert silent == []


def _press_changes_look(button: QPushButton) -> bool:
    before = button.grab().toImage()
    button.setDown(True)
    after = button.grab().toImage()
    button.setDown(False)
    return before != after


def test_the_checks_catch_cut_off_and_overlapping_text(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 300)
    squeezed = QLabel("A sentence far too long for this little box", host)
    squeezed.setWordWrap(True)
    squeezed.setGeometry(0, 0, 120, 20)
    button = QPushButton("A wide button label", host)
    button.setGeometry(10, 10, 40, 30)
    outside = QLabel("Hi", host)
    outside.setGeometry(380, 290, 60, 30)
    host.show()
    problems = fit_problems(Shown("sample", (host,)))
    assert any("QLabel 'A sentence" in p and "needs" in p for p in problems)
    assert any("QPushButton 'A wide" in p and "needs" in p for p in problems)
    assert any("'Hi'" in p and "sticks out" in p for p in problems)
    assert any("overlaps" in p for p in problems)
    assert button.sizeHint().width() > QSize(40, 30).width()


def test_staff_screens_have_named_targets_of_48_px(make_window) -> None:
    """The PIN pad and every panel page (staff see them in the kiosk's default language)."""
    from kiosk.ui.preview.staff import preview_staff_mode, staff_screens

    window = _window(make_window, (1366, 768))
    problems, checked = [], 0
    with preview_staff_mode(window) as staff:
        for name in staff_screens(staff, window, "en"):
            layers = tuple(layer for layer in (staff.pad, staff.panel) if layer.isVisible())
            for button in targets(Shown(name, layers)):
                checked += 1
                if button.width() < MIN_TARGET or button.height() < MIN_TARGET:
                    problems.append(f"{name}: {describe(button)} {button.size().toTuple()}")
                if not re.search(r"\w", accessible_name(button)):
                    problems.append(f"{name}: {describe(button)} has no spoken name")
    assert checked > 40
    assert problems == []
