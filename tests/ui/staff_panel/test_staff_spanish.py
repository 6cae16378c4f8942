"""With a Spanish interface the staff screens are Spanish throughout: the dashboard's figures and
chart words (drawn by the Qt-free layers, which get the words from the panel), dates, the report
export's outcome, the recorder's state and the PIN pad's messages."""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.engagement.recorder import RecorderStatus
from kiosk.engagement.reports.dashboard import DashboardWords
from kiosk.engagement.reports.export import ExportWords
from kiosk.settings.config import Settings
from kiosk.settings.paths import DB_FILENAME
from kiosk.ui.look.i18n import Translations
from kiosk.ui.staff_panel.pages.dashboard_page import dashboard_words
from kiosk.ui.staff_panel.pages.export_page import export_words
from tests.helpers.touch import tap
from tests.helpers.visits import write_visits
from tests.ui.staff_panel.conftest import PIN_HASH

# Words the English panel shows that must not survive in Spanish (English month names included:
# Qt's Spanish ones are lower case, e.g. "nov").
ENGLISH = re.compile(
    r"\b(Visits?|visits|Median|Quizzes|Quiz answers|per day|by hour|today|Topics opened|"
    r"Dashed bars|fewer than|exact number|No visits|No topics|Recording|Saved|tables|"
    r"spreadsheet|damaged|moved aside|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def shown_texts(root: QWidget) -> list[str]:
    """The text of every label and button a person can see under `root`, with spoken names."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts += [widget.text(), widget.accessibleName()]
    return [text for text in texts if text]


def svg_texts(svg: str) -> list[str]:
    return [text for text in re.findall(r">([^<>]+)<", svg) if text.strip()] + re.findall(
        r'aria-label="([^"]*)"', svg)


def english_in(texts: list[str]) -> list[str]:
    return [text for text in texts if ENGLISH.search(text)]


def spanish_kiosk(make_kiosk, **kwargs):
    kiosk = make_kiosk(Settings(staff_pin_hash=PIN_HASH, default_language="es"), **kwargs)
    kiosk.log_in()
    assert kiosk.staff.panel.nav_buttons["visits"].text() == "Visitas"
    return kiosk


def test_dashboard_speaks_spanish_in_every_period(make_kiosk, folders) -> None:
    starts = [datetime(2026, 11, 22, 9, m) for m in range(6)]
    starts += [datetime(2026, 11, 19, 10, m) for m in range(3)]  # hidden as "fewer than 5"
    starts += [datetime(2026, 10, 30, 11, m) for m in range(8)]  # October: a month name
    write_visits(folders["data"] / DB_FILENAME, starts)
    kiosk = spanish_kiosk(make_kiosk)
    tap(kiosk.staff.panel.nav_buttons["visits"])
    page = kiosk.staff.dashboard_page
    for period in ("today", "7days", "30days"):
        tap(page.periods.buttons[period])
        assert page.dashboard is not None and len(page.dashboard.charts) == 2
        charts = [text for svg in page.dashboard.charts for text in svg_texts(svg)]
        assert english_in(shown_texts(kiosk.staff.panel)) == [], period
        assert english_in(charts) == [], period
    assert [label.text() for label in page.figure_captions] == [
        "Visitas", "Duración mediana", "Pruebas terminadas", "Respuestas correctas"]
    assert "oct" in page.span.text() and "nov" in page.span.text()
    assert "Topic 1 es" in page.dashboard.charts[1]  # topics in the interface's language
    tap(page.periods.buttons["7days"])
    assert "menos de 5" in page.dashboard.charts[0]  # the note under the dashed bars


def test_dashboard_with_few_visits_says_fewer_than_in_spanish(make_kiosk, folders) -> None:
    write_visits(folders["data"] / DB_FILENAME, [datetime(2026, 11, 22, 9, 0)])
    kiosk = spanish_kiosk(make_kiosk)
    tap(kiosk.staff.panel.nav_buttons["visits"])
    page = kiosk.staff.dashboard_page
    assert page.figure_values[0].text() == "menos de 5"
    assert page.figure_values[1].text().startswith("menos de ")  # a time: "menos de 1 minuto"
    assert page.figure_values[1].text().endswith(("minuto", "minutos", "segundos"))
    assert english_in(shown_texts(kiosk.staff.panel)) == []


def test_export_system_and_content_pages_speak_spanish(make_kiosk, folders) -> None:
    log = folders["data"] / "logs" / "crash.log"
    log.parent.mkdir(parents=True)
    log.write_text("=== crash 2026-11-21 10:15:00 in the main thread ===\nValueError: x\n",
                   encoding="utf-8")
    kiosk = spanish_kiosk(make_kiosk)
    kiosk.recorder.status = RecorderStatus(True, "Recording visits.", kind="recording")
    assert english_in(shown_texts(kiosk.staff.content_page)) == []
    assert "22 nov 2026" in kiosk.staff.content_page.loaded.text()
    tap(kiosk.staff.panel.nav_buttons["export"])
    page = kiosk.staff.export_page
    tap(page.destination_buttons[-1][1])  # the kiosk's data folder
    assert page.last_result is not None and page.last_result.ok
    assert page.result.text().startswith("Guardado")
    assert english_in(shown_texts(page)) == []
    tap(kiosk.staff.panel.nav_buttons["system"])
    assert "21 nov 2026 10:15" in kiosk.staff.system_page.crash_summary.text()
    assert kiosk.staff.system_page.recording.text() == "Se están registrando las visitas."
    assert english_in(shown_texts(kiosk.staff.system_page)) == []


def test_recorder_that_moved_a_damaged_database_aside_says_so_in_spanish(make_kiosk) -> None:
    kiosk = spanish_kiosk(make_kiosk)
    kiosk.recorder.status = RecorderStatus(
        False, "Database was damaged and moved aside to /x/old.db; a new one was started.",
        kind="moved", path=Path("/x/old.db"))
    tap(kiosk.staff.panel.nav_buttons["system"])
    text = kiosk.staff.system_page.recording.text()
    assert "/x/old.db" in text and english_in([text]) == []


def test_pin_pad_with_a_damaged_pin_speaks_spanish(make_kiosk) -> None:
    kiosk = make_kiosk(Settings(staff_pin_hash="scrypt$1$2$3", default_language="es"))
    kiosk.hold_logo()
    text = kiosk.staff.pad.message.text()
    assert "rls-kiosk set-pin" in text and english_in([text]) == []


def test_english_panel_words_are_the_qt_free_defaults() -> None:
    """The Qt-free layers' English defaults (reports, tests) and the panel's English source
    strings are the same words, so an English panel reads as it always did."""
    Translations().switch("en")
    words = asdict(dashboard_words())
    assert words.pop("day")(date(2026, 11, 2)) == "2 Nov"
    defaults = asdict(DashboardWords())
    defaults.pop("day")
    rough, default_rough = words.pop("rough"), defaults.pop("rough")
    bounds = (30, 60, 300, 3601)
    assert [rough(b) for b in bounds] == [default_rough(b) for b in bounds]
    assert words == defaults
    panel, default = asdict(export_words()), asdict(ExportWords())
    say, said = panel.pop("saved"), default.pop("saved")
    assert [say(n) for n in (1, 16)] == [said(n) for n in (1, 16)]
    assert panel == default
