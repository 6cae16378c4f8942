"""A language switch changes the tiles' words, not the tiles (rebuilding them cost 40 ms a tap)."""

from __future__ import annotations

from kiosk.ui.home import TileInfo
from tests.helpers.touch import tap


def test_language_switch_keeps_tiles_and_their_pictures(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tiles = list(window.home.tiles)
    titles = [t.title_label.text() for t in tiles]
    shown = [t.icon_label.pixmap().cacheKey() for t in tiles if t.icon_label.isVisible()]
    assert shown, "the shipped tiles have pictures"
    tap(window.footer.language_buttons["es"])
    assert window.home.tiles == tiles
    assert [t.title_label.text() for t in tiles] != titles
    # the very pictures on screen stay: none was drawn again
    assert [t.icon_label.pixmap().cacheKey() for t in tiles if t.icon_label.isVisible()] == shown
    tap(window.footer.language_buttons["en"])  # the interface language is application-wide


def test_other_topics_get_tiles_of_their_own(make_window, library) -> None:
    window = make_window(library)
    old = list(window.home.tiles)
    window.home.set_content("Clinic", b"", [TileInfo("a", "A", "", b""),
                                            TileInfo("b", "B", "", b"")], "")
    assert [t.key for t in window.home.tiles] == ["a", "b"]
    assert not any(t in old for t in window.home.tiles)
    assert [t.title_label.text() for t in window.home.tiles] == ["A", "B"]
