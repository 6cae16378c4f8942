"""The attract screen: an illustration beside the fact, not a yellow slab in high contrast,
and each language's preview showing that language's fact."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from kiosk.settings.config import Settings
from kiosk.ui.preview.patient import _screens
from tests.ui.look.test_accessibility import shipped


def _share_of(colour: str, image) -> float:
    wanted = QColor(colour).rgb()
    step = 8
    points = [(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(image.pixel(x, y) == wanted for x, y in points) / len(points)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_language_preview_shows_its_own_fact(make_window, lang) -> None:
    library = shipped()
    window = make_window(library, Settings())
    next(_screens(window, lang, ("attract",)))  # the preview's attract screen
    assert window.attract.title.text() == library.languages[lang].slides[0].title


def test_a_fact_with_a_picture_shows_it_and_the_others_the_clinic_logo(make_window) -> None:
    library = shipped()
    window = make_window(library, Settings())
    attract = window.attract
    with_picture = next(i for i, s in enumerate(library.languages["en"].slides)
                        if "kiosk-img:" in s.markdown)
    logo = library.images[library.site.logo]
    pictures = [slide.picture for slide in attract.slides]
    assert all(pictures) and logo in pictures and len(set(pictures)) > 1
    for _ in range(2 * with_picture):  # the facts take turns: en, es, en, es...
        attract.next_slide()
    QApplication.processEvents()
    assert attract.slides[attract.index].picture != logo
    assert attract.illustration.isVisible() and not attract.illustration.pixmap().isNull()


def test_high_contrast_is_black_with_a_yellow_prompt_not_a_yellow_screen(make_window) -> None:
    window = make_window(shipped(), Settings(theme="high-contrast"))
    QApplication.processEvents()
    image = window.grab().toImage()
    assert _share_of("#ffff00", image) < 0.1
    assert _share_of("#000000", image) > 0.5
    standard = make_window(shipped(), Settings())
    QApplication.processEvents()
    assert _share_of("#1d5b79", standard.grab().toImage()) > 0.5  # the clinic's colour
