"""A patient's visit, driven by touch: wake, tiles, pages, swipes, Home."""

from __future__ import annotations

from kiosk.ui.screens.home import QUIZ_KEY
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import swipe, tap


def test_first_touch_only_wakes(make_window, library) -> None:
    window = make_window(library)
    assert window.current_screen() is window.attract
    # Tap where the first tile will be: it must wake the kiosk and press nothing.
    tile_spot = window.home.tiles[0].mapTo(window, window.home.tiles[0].rect().center())
    tap(window.attract, window.attract.mapFrom(window, tile_spot))
    assert window.current_screen() is window.home
    assert window.position is None


def test_tile_tap_opens_the_section_and_home_returns(make_window, library) -> None:
    recorder = ListRecorder()
    window = make_window(library, recorder=recorder)
    tap(window.attract)
    tap(window.home.tiles[1])
    assert window.current_screen() is window.reader
    assert window.position is not None
    assert (window.position.slug, window.position.page) == ("topic-2", 0)
    assert window.reader.page_title.text() == "Topic 2 en page 1"
    tap(window.reader.home_button)
    assert window.current_screen() is window.home
    assert recorder.kinds()[:3] == ["visit_start", "screen_view", "screen_view"]
    assert ("screen_view", {"screen": "reader", "section": "topic-2", "page": 1}) \
        in recorder.events


def test_tiles_follow_content_order_with_quiz_last(make_window, library) -> None:
    window = make_window(library)
    assert [t.key for t in window.home.tiles] == ["topic-1", "topic-2", "topic-3", QUIZ_KEY]


def test_swipe_and_buttons_turn_pages(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[0])
    viewport = window.reader.browser.viewport()
    swipe(viewport, -viewport.width() // 2)
    assert window.position.page == 1
    assert "●" in window.reader.dots.text()
    swipe(viewport, viewport.width() // 2)
    assert window.position.page == 0
    tap(window.reader.next_button)
    tap(window.reader.next_button)
    assert window.position.page == 2
    assert window.reader.next_button.text().startswith("Next topic")
    tap(window.reader.next_button)
    assert (window.position.slug, window.position.page) == ("topic-2", 0)
    tap(window.reader.back_button)  # back to where the patient came from
    assert (window.position.slug, window.position.page) == ("topic-1", 2)


def test_vertical_drag_is_not_a_swipe(make_window, library) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from tests.helpers.touch import device

    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[0])
    viewport = window.reader.browser.viewport()
    start = viewport.mapTo(window, viewport.rect().center())
    QTest.touchEvent(window, device()).press(0, start).commit()
    QTest.touchEvent(window, device()).move(0, start + QPoint(-60, -200)).commit()
    QTest.touchEvent(window, device()).release(0, start + QPoint(-60, -300)).commit()
    assert window.position.page == 0


def test_page_dwell_is_recorded_with_the_clock(make_window, library, clock) -> None:
    recorder = ListRecorder()
    window = make_window(library, recorder=recorder)
    tap(window.attract)
    tap(window.home.tiles[0])
    clock.advance(42)
    tap(window.reader.next_button)
    assert ("page_dwell", {"section": "topic-1", "page": 1, "seconds": 42}) in recorder.events


def test_section_link_navigates_inside_the_kiosk(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[0])
    window.reader.browser.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl(
        "section:topic-3"))
    assert window.position.slug == "topic-3"
    window.reader.browser.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl(
        "https://example.org"))
    assert window.position.slug == "topic-3"


def test_language_switch_keeps_section_and_page(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[1])
    tap(window.reader.next_button)
    tap(window.footer.language_buttons["es"])
    assert window.language == "es"
    assert (window.position.slug, window.position.page) == ("topic-2", 1)
    assert window.reader.page_title.text() == "Topic 2 es page 2"


def test_text_size_buttons_grow_the_text(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    before = window.theme.font_px("body")
    tap(window.footer.size_buttons["largest"])
    assert window.text_size == "largest"
    assert window.theme.font_px("body") > before
    assert window.footer.size_buttons["largest"].isChecked()
