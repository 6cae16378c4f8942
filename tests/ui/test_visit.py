"""A patient's visit, driven by touch: wake, tiles, pages, swipes, Home."""

from __future__ import annotations

from kiosk.ui.screens.home import QUIZ_KEY
from kiosk.ui.visit import MAX_HISTORY, Look, Place, ShownDocument, TakeHomePlace, Visit
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import swipe, tap


def test_first_touch_only_wakes(make_window, library) -> None:
    window = make_window(library)
    assert window.current_screen() is window.attract
    # Tap where the first tile will be: it must wake the kiosk and press nothing.
    tile_spot = window.home.tiles[0].mapTo(window, window.home.tiles[0].rect().center())
    tap(window.attract, window.attract.mapFrom(window, tile_spot))
    assert window.current_screen() is window.home
    assert window.visit.position is None


def test_tile_tap_opens_the_section_and_home_returns(make_window, library) -> None:
    recorder = ListRecorder()
    window = make_window(library, recorder=recorder)
    tap(window.attract)
    tap(window.home.tiles[1])
    assert window.current_screen() is window.reader
    assert window.visit.position is not None
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-2", 0)
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
    assert window.visit.position.page == 1
    assert "●" in window.reader.dots.text()
    swipe(viewport, viewport.width() // 2)
    assert window.visit.position.page == 0
    tap(window.reader.next_button)
    tap(window.reader.next_button)
    assert window.visit.position.page == 2
    assert window.reader.next_button.text().startswith("Next topic")
    tap(window.reader.next_button)
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-2", 0)
    tap(window.reader.back_button)  # back to where the patient came from
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-1", 2)


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
    assert window.visit.position.page == 0


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
    assert window.visit.position.slug == "topic-3"
    window.reader.browser.anchorClicked.emit(__import__("PySide6.QtCore").QtCore.QUrl(
        "https://example.org"))
    assert window.visit.position.slug == "topic-3"


def test_language_switch_keeps_section_and_page(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[1])
    tap(window.reader.next_button)
    tap(window.footer.language_buttons["es"])
    assert window.visit.language == "es"
    assert (window.visit.position.slug, window.visit.position.page) == ("topic-2", 1)
    assert window.reader.page_title.text() == "Topic 2 es page 2"


def test_text_size_buttons_grow_the_text(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    before = window.theme.font_px("body")
    tap(window.footer.size_buttons["largest"])
    assert window.visit.text_size == "largest"
    assert window.theme.font_px("body") > before
    assert window.footer.size_buttons["largest"].isChecked()


# -- the visit's state, without a window ------------------------------------------------------
def _visit(recorder: ListRecorder, clock: list[float]) -> Visit:
    return Visit(recorder, lambda: clock[0], Look("en", "normal", "standard"))


def test_a_visit_records_its_start_its_pages_and_its_end() -> None:
    recorder, clock = ListRecorder(), [100.0]
    visit = _visit(recorder, clock)
    visit.start()
    visit.show_page("topic-1", 0)
    clock[0] += 42.4
    assert visit.choose("language", "es") and not visit.choose("language", "es")
    visit.leave_page()
    visit.show_page("topic-2", 1)
    clock[0] += 8
    visit.reset("idle", Look("en", "normal", "standard"))
    assert recorder.events == [
        ("visit_start", {"language": "en", "text_size": "normal", "theme": "standard"}),
        ("setting_change", {"setting": "language", "value": "es"}),
        ("page_dwell", {"section": "topic-1", "page": 1, "seconds": 42}),
        ("page_dwell", {"section": "topic-2", "page": 2, "seconds": 8}),
        ("idle_reset", {}),
        ("visit_end", {"reason": "idle", "seconds": 50}),
    ]


def test_a_reset_forgets_everything_the_visit_changed() -> None:
    recorder = ListRecorder()
    visit = _visit(recorder, [0.0])
    visit.start()
    visit.choose("text_size", "largest")
    visit.choose("theme", "high-contrast")
    visit.show_page("topic-1", 2)
    visit.remember_page()
    visit.remember(Place("results"))
    visit.tick(0, frozenset({1}))
    visit.take_home = TakeHomePlace("topic-1", 2, "list")
    visit.document = ShownDocument("sources", "Sources", "<p>x</p>")
    visit.reset("staff", Look("es", "large", "standard"))
    assert visit.look() == Look("es", "large", "standard")
    assert (visit.started, visit.position, visit.history, visit.ticked, visit.take_home,
            visit.document) == (None, None, [], {}, None, None)
    assert recorder.kinds()[-1] == "visit_end"
    visit.reset("idle", Look("es", "large", "standard"))  # no visit going on: nothing recorded
    assert recorder.kinds().count("visit_end") == 1


def test_back_remembers_at_most_a_hundred_places() -> None:
    visit = _visit(ListRecorder(), [0.0])
    assert not visit.can_go_back()
    visit.show_page("topic-1", 1)
    assert visit.can_go_back()  # the page before in the topic
    for page in range(MAX_HISTORY + 20):
        visit.remember(Place("reader", "topic-2", page))
    assert len(visit.history) == MAX_HISTORY
    assert visit.history[0].page == 20 and not visit.keeps_results()
    visit.remember(Place("results"))
    assert visit.keeps_results()
