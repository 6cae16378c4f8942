"""Idle reset: the "Still there?" countdown, and nothing of a visit left for the next patient."""

from __future__ import annotations

from kiosk.settings.config import Settings
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import press, release, tap


def _count_down(window) -> None:
    for _ in range(window.settings.idle_warning):
        window.idle.countdown_timer.timeout.emit()


def test_idle_warns_then_resets_everything(make_window, library, clock) -> None:
    recorder = ListRecorder()
    window = make_window(library, recorder=recorder)
    tap(window.attract)
    tap(window.home.tiles[1])
    tap(window.reader.next_button)
    tap(window.footer.language_buttons["es"])
    tap(window.footer.size_buttons["largest"])
    clock.advance(120)
    window.idle.idle_timer.timeout.emit()
    assert window.overlay.isVisible()
    assert "15" in window.overlay.countdown.text()
    window.idle.countdown_timer.timeout.emit()
    assert "14" in window.overlay.countdown.text()
    _count_down(window)
    assert window.current_screen() is window.attract
    assert not window.overlay.isVisible()
    assert (window.visit.language, window.visit.text_size) == ("en", "normal")
    assert window.visit.position is None
    assert window.reader.browser.toPlainText() == ""
    assert recorder.kinds()[-2:] == ["idle_reset", "visit_end"]
    assert recorder.events[-1] == ("visit_end", {"reason": "idle", "seconds": 120})
    assert not window.idle.active


def test_a_tap_on_the_warning_keeps_the_visit(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.home.tiles[0])
    window.idle.idle_timer.timeout.emit()
    assert window.overlay.isVisible()
    tap(window.overlay)
    assert not window.overlay.isVisible()
    assert window.current_screen() is window.reader
    assert not window.idle.countdown_timer.isActive()
    assert window.idle.idle_timer.isActive()


def test_a_finger_held_down_never_times_out(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    press(window.home.scroll_area.viewport())
    window.idle.idle_timer.timeout.emit()
    assert not window.overlay.isVisible()
    assert window.idle.idle_timer.isActive()
    release(window.home.scroll_area.viewport())
    window.idle.idle_timer.timeout.emit()
    assert window.overlay.isVisible()


def test_idle_timeout_comes_from_settings(make_window, library) -> None:
    window = make_window(library, Settings(idle_timeout=30, idle_warning=5))
    tap(window.attract)
    assert window.idle.idle_timer.interval() == 30_000
    window.idle.idle_timer.timeout.emit()
    assert "5" in window.overlay.countdown.text()


def test_real_short_timers_reset_the_kiosk(qtbot, make_window, library) -> None:
    """The same path with real (very short) timers instead of fired signals."""
    recorder = ListRecorder()
    window = make_window(library, Settings(idle_timeout=15, idle_warning=3), recorder=recorder)
    window.idle.set_timeout(0)
    window.idle.countdown_timer.setInterval(1)
    tap(window.attract)
    assert window.current_screen() is window.home  # the visit has begun
    qtbot.waitUntil(lambda: window.current_screen() is window.attract, timeout=5000)
    assert not window.overlay.isVisible()
    assert recorder.kinds()[-2:] == ["idle_reset", "visit_end"]


def test_attract_screen_does_not_time_out(make_window, library) -> None:
    window = make_window(library)
    assert not window.idle.idle_timer.isActive()
    window.idle.idle_timer.timeout.emit()
    assert not window.overlay.isVisible()
