"""Motion: a fade of at most 200 ms between screens, and none at all with reduce_motion."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties

from kiosk.settings.config import Settings
from kiosk.ui.look.motion import FADE_FROM, FADE_MS
from tests.helpers.touch import tap

_OVERSHOOT = QScrollerProperties.ScrollMetric.VerticalOvershootPolicy


def _overshoot(widget: QAbstractScrollArea) -> object:
    return QScroller.scroller(widget.viewport()).scrollerProperties().scrollMetric(_OVERSHOOT)


def test_a_new_screen_fades_in_quickly_then_draws_plainly(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[0])
    fade = window.fader.running
    assert fade is not None and fade.duration() == FADE_MS <= 200
    effect = fade.targetObject()
    assert effect.parent() is window.reader and effect.isEnabled()
    assert fade.startValue() == FADE_FROM > 0  # drawn at once, never a blank screen
    fade.setCurrentTime(fade.duration())  # the clock reaches the end of the fade
    assert window.fader.running is None and not effect.isEnabled()
    assert effect.opacity() == 1.0
    tap(window.reader.home_button)
    tap(window.home.tiles[1])  # a fade cut short by the next screen ends at once
    first = window.fader.running
    tap(window.reader.home_button)
    assert not first.targetObject().isEnabled()
    assert window.fader.running is not first


def test_reduce_motion_means_no_fade_and_no_bounce(make_window, library) -> None:
    window = make_window(library, Settings(reduce_motion=True))
    tap(window.attract)
    tap(window.home.tiles[0])
    assert window.fader.running is None
    assert all(screen.graphicsEffect() is None for screen in window._screens())
    calm = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    assert _overshoot(window.reader.browser) == calm
    assert _overshoot(window.home.scroll_area) == calm


def test_lists_bounce_only_without_reduce_motion(make_window, library) -> None:
    window = make_window(library)
    assert _overshoot(window.reader.browser) == \
        QScrollerProperties.OvershootPolicy.OvershootWhenScrollable
