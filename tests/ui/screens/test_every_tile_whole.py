"""Every home tile and every footer control whole on screen, without scrolling, at the five
screen sizes the kiosk is sold with, at every text size, in both languages and both themes.

Measured on the widgets after layout (their rectangles against the window), not on pixels.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.settings.config import TEXT_SIZES, Settings
from kiosk.ui.look.widgets import WrappingButton
from kiosk.ui.window import KioskWindow
from tests.helpers.screens import Shown, describe, fit_problems, window_rect
from tests.ui.look.test_accessibility import shipped

SIZES = [(1920, 1080), (1366, 768), (1280, 800), (1024, 768), (1080, 1920)]


def _problems(window: KioskWindow, what: str) -> list[str]:
    home, footer = window.home, window.footer
    screen = QRect(0, 0, window.width(), window.height())
    viewport = window_rect(home.scroll_area.viewport())
    problems = [f"{what}: {p}" for p in fit_problems(Shown("home", (home, footer)))]
    if home.scroll_area.verticalScrollBar().maximum() > 0:
        problems.append(f"{what}: the tiles scroll")
    for tile in home.tiles:
        rect = window_rect(tile)
        if not tile.isVisible() or not viewport.contains(rect) or not screen.contains(rect):
            problems.append(f"{what}: tile {tile.accessibleName()!r} at {rect} is not whole "
                            f"in {viewport}")
    for button in footer.findChildren(QAbstractButton):
        rect = window_rect(button)
        if button.isVisibleTo(footer) and not screen.contains(rect):
            problems.append(f"{what}: footer {describe(button)} at {rect} is cut off")
        elif (button.isVisibleTo(footer) and not isinstance(button, WrappingButton)
              and button.width() < button.sizeHint().width()):
            problems.append(f"{what}: footer {describe(button)} is squeezed")
    return problems


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_tile_and_footer_control_is_whole_on_screen(make_window, size) -> None:
    window = make_window(shipped(), Settings(), size=size)
    window.wake()
    problems: list[str] = []
    checked = 0
    for theme in ("standard", "high-contrast"):
        window.set_theme(theme)
        for text_size in TEXT_SIZES:
            window.set_text_size(text_size)
            for lang in ("en", "es"):
                window.set_language(lang)
                window.show_home()
                QApplication.processEvents()
                problems += _problems(window, f"{size} {theme} {text_size} {lang}")
                checked += 1
    assert checked == 12
    assert problems == []
