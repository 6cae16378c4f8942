"""A language switch changes the tiles' words, not the tiles (rebuilding them cost 40 ms a tap)."""

from __future__ import annotations

from unittest import mock

from kiosk.ui import widgets
from kiosk.ui.home import TileInfo
from tests.helpers.touch import tap


def test_language_switch_keeps_tiles_and_their_pictures(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tiles = list(window.home.tiles)
    titles = [t.title_label.text() for t in tiles]
    with mock.patch.object(widgets, "render_picture", wraps=widgets.render_picture) as drawn:
        tap(window.footer.language_buttons["es"])
    assert window.home.tiles == tiles
    assert [t.title_label.text() for t in tiles] != titles
    assert drawn.call_count == 0
    tap(window.footer.language_buttons["en"])  # the interface language is application-wide


def test_other_topics_get_tiles_of_their_own(make_window, library) -> None:
    window = make_window(library)
    old = list(window.home.tiles)
    window.home.set_content("Clinic", b"", [TileInfo("a", "A", "", b""),
                                            TileInfo("b", "B", "", b"")], "")
    assert [t.key for t in window.home.tiles] == ["a", "b"]
    assert not any(t in old for t in window.home.tiles)
    assert [t.title_label.text() for t in window.home.tiles] == ["A", "B"]
