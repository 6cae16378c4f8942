"""A language switch changes the tiles' words, not the tiles (rebuilding them cost 40 ms a tap)."""

from __future__ import annotations

from kiosk.ui.screens.home import TileInfo
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


def test_the_quiz_tile_has_its_picture_in_every_language(make_window) -> None:
    """The quiz file's `icon:` (the shipped images/icons/quiz.svg) is drawn on its tile."""
    from kiosk.settings.config import Settings
    from kiosk.ui.screens.home import QUIZ_KEY
    from tests.ui.look.test_accessibility import shipped

    library = shipped()
    window = make_window(library, Settings())
    window.wake()
    for lang in ("en", "es"):
        window.set_language(lang)
        assert library.content_for(lang).quiz_icon.endswith("icons/quiz.svg")
        quiz = next(t for t in window.home.tiles if t.key == QUIZ_KEY)
        assert quiz.icon_label.isVisible() and not quiz.icon_label.pixmap().isNull(), lang
