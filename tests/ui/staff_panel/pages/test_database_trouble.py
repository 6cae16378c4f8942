"""The Visits page on a database with damaged records or held by another program."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.engagement.recorder import RecorderStatus
from kiosk.settings.paths import DB_FILENAME
from tests.helpers.touch import tap
from tests.helpers.visits import write_visits


def test_visits_page_leaves_out_damaged_records_and_says_how_many(make_kiosk, folders) -> None:
    db = folders["data"] / DB_FILENAME
    write_visits(db, [datetime(2026, 11, 22, 9, m) for m in range(6)])
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany("INSERT INTO events (ts, kind, visit_id, seconds) VALUES (?, ?, ?, ?)",
                         [("2026-11-22T10:00", "visit_end", "v-x", "ninety"),
                          ("2026-11-22T10:01", "visit_end", "v-y", -90)])
    conn.close()
    kiosk = make_kiosk()
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["visits"])
    page = kiosk.staff.dashboard_page
    assert page.figure_values[0].text() == "6"
    assert page.problem.isVisibleTo(page)
    assert page.problem.text().startswith("Damaged records left out")
    assert ": 2." in page.problem.text()


def test_the_panel_says_when_the_database_is_busy(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.recorder.status = RecorderStatus(False, "The database /x is busy", kind="busy")
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["visits"])
    assert kiosk.staff.dashboard_page.recording.text().startswith("The database is busy")
    tap(kiosk.staff.panel.nav_buttons["system"])
    assert kiosk.staff.system_page.recording.text().startswith("The database is busy")
