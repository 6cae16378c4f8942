"""A day of visits driven through the real UI, written by the real recorder, read by the report."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from kiosk.engagement.recorder import Recorder
from kiosk.engagement.reports.build import build_report
from tests.helpers.touch import tap


class DayClock:
    """One clock for the window (monotonic seconds) and the recorder (wall time)."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 20, 8, 0)

    def __call__(self) -> datetime:
        return self.moment

    def seconds(self) -> float:
        return self.moment.timestamp()

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def test_report_matches_a_day_of_touch_visits(qtbot, make_window, library,
                                              tmp_path: Path) -> None:
    day = DayClock()
    db = tmp_path / "engagement.sqlite3"
    recorder = Recorder(db, clock=day)
    window = make_window(library, recorder=recorder)
    window.visit.clock = day.seconds
    plan = [  # (hour, tiles opened, pages read per tile, switch to Spanish, ends by)
        (8, [0], 2, False, "idle"),
        (9, [0, 1], 1, True, "idle"),
        (9, [2], 3, False, "idle"),
        (13, [1], 1, False, "idle"),
        (16, [0, 2], 2, True, "idle"),
        (17, [], 0, False, "idle"),
    ]
    for hour, tiles, pages, spanish, _ in plan:
        day.moment = day.moment.replace(hour=hour, minute=5)
        tap(window.attract)
        if spanish:
            tap(window.footer.language_buttons["es"])
        for index in tiles:
            tap(window.home.tiles[index])
            for _ in range(pages - 1):
                day.advance(30)
                tap(window.reader.next_button)
            day.advance(30)
            tap(window.reader.home_button)
        day.advance(90)
        window.idle.idle_timer.timeout.emit()
        for _ in range(window.settings.idle_warning):
            window.idle.countdown_timer.timeout.emit()
        assert window.current_screen() is window.attract
    recorder.close()

    report = build_report([db])
    assert report.visits == 6
    assert report.visits_per_day == {date(2026, 11, 20): 6}
    hours = report.visits_by_hour()
    assert (hours[8], hours[9], hours[13], hours[16], hours[17]) == (1, 2, 1, 1, 1)
    visits = {s.section: s.visits for s in report.sections()}
    assert visits == {"topic-1": 3, "topic-2": 2, "topic-3": 2}
    views = {s.section: s.views for s in report.sections()}
    assert views == {"topic-1": 2 + 1 + 2, "topic-2": 1 + 1, "topic-3": 3 + 2}
    assert report.setting_changes()[("language", "es")] == 2
    assert report.by_key("visit_end") == Counter({"idle": 6})
    assert report.visit_seconds() == Counter({150: 2, 180: 1, 120: 1, 210: 1, 90: 1})
    dwell = {s.section: s.dwell for s in report.sections()}
    assert dwell["topic-3"] == Counter({30: 5})
