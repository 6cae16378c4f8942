"""The staff panel by touch: content status and reload, visits, report export, settings."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.content.status import ContentStatus
from kiosk.engagement.reports import export
from kiosk.runtime.crash import last_crash
from kiosk.settings.config import Settings, load_settings
from kiosk.settings.paths import DB_FILENAME
from kiosk.ui.machine.content_watch import ContentUpdater, ContentWatcher
from kiosk.ui.screens.home import QUIZ_KEY
from tests.helpers.content import section_text
from tests.helpers.touch import tap
from tests.helpers.visits import write_visits
from tests.ui.staff_panel.conftest import PIN_HASH


def test_content_page_lists_languages_and_problems(make_kiosk, content_dir: Path) -> None:
    (content_dir / "en" / "09-broken.md").write_text("---\ntitle x\n---\n", encoding="utf-8")
    kiosk = make_kiosk()
    kiosk.log_in()
    page = kiosk.staff.content_page
    assert "Test Clinic" not in page.loaded.text() and "15:30" in page.loaded.text()
    # The window still shows what it loaded at start; Reload picks up the broken file.
    tap(page.reload_button)
    texts = [label.text() for label in page.finding_labels]
    assert any(t.startswith("Problem - en/09-broken.md:2") for t in texts)
    assert "1 problem (" in page.findings_title.text()
    assert "2 languages, 1 problem," in page.result.text()
    assert [label.text() for label in page.language_labels] == [
        "English: 3 topics, 1 quiz question", "Español: 3 topics, 1 quiz question"]


def test_content_page_counts_notes_apart_from_warnings(make_kiosk, content_dir: Path) -> None:
    (content_dir / "en" / "04-topic-4.md").write_text(
        section_text("Topic 4 en", ["See https://example.org/a for more."]), encoding="utf-8")
    kiosk = make_kiosk()
    kiosk.log_in()
    page = kiosk.staff.content_page
    tap(page.reload_button)
    notes = [label for label in page.finding_labels if label.text().startswith("Note - ")]
    assert [label.property("severity") for label in notes] == ["info"]
    assert "en/04-topic-4.md:11: web address https://example.org/a" in notes[0].text()
    assert "0 problems" in page.findings_title.text() and "1 note (" in page.findings_title.text()
    assert page.result.text().endswith("0 problems, 1 warning, 1 note.")


def test_content_page_names_the_example_clinics_lines(make_kiosk, content_dir: Path) -> None:
    (content_dir / "site.toml").write_text(
        '[clinic]\nname = "Test Clinic"\nphone = "(555) 010-0199"\n\n[languages]\n'
        'available = ["en", "es"]\n', encoding="utf-8")
    kiosk = make_kiosk()
    kiosk.log_in()
    page = kiosk.staff.content_page
    tap(page.reload_button)
    texts = [label.text() for label in page.finding_labels]
    assert ("Warning - site.toml:3: [clinic] phone is still the example clinic's "
            "((555) 010-0199); patients see it on the clinic page (write your clinic's phone "
            "on this line)") in texts
    assert page.example.isVisible()
    assert page.example.text() == ("site.toml still holds the example clinic's details, which "
                                   "patients see. Change these lines: 3.")


def test_reload_now_shows_new_content(make_kiosk, content_dir: Path) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    (content_dir / "en" / "04-topic-4.md").write_text(
        section_text("Topic 4 en", ["New page."]), encoding="utf-8")
    tap(kiosk.staff.content_page.reload_button)
    assert "0 problems" in kiosk.staff.content_page.result.text()
    assert kiosk.staff.content_page.language_labels[0].text().startswith("English: 4 topics")
    tap(kiosk.staff.panel.back_button)
    tap(kiosk.window.attract)
    assert [t.key for t in kiosk.window.home.tiles][:4] == ["topic-1", "topic-2", "topic-3",
                                                           "topic-4"]


def test_reload_of_a_vanished_folder_keeps_what_is_shown(make_kiosk, content_dir: Path) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    shutil.rmtree(content_dir)
    tap(kiosk.staff.content_page.reload_button)
    assert "keeps showing what it had" in kiosk.staff.content_page.result.text()
    assert not kiosk.window.library.is_empty


def test_visits_dashboard_by_period(make_kiosk, folders) -> None:
    starts = [datetime(2026, 11, 22, 9, m) for m in range(6)]
    starts += [datetime(2026, 11, 19, 9, m) for m in range(5)]
    write_visits(folders["data"] / DB_FILENAME, starts)
    kiosk = make_kiosk()
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["visits"])
    page = kiosk.staff.dashboard_page
    assert page.figure_values[0].text() == "6"
    assert page.figure_captions[0].text() == "Visits"
    assert not page.chart_labels[0].pixmap().isNull()
    assert page.chart_labels[0].accessibleName() == "Visits by hour today"
    tap(page.periods.buttons["7days"])
    assert page.figure_values[0].text() == "11"
    assert page.chart_labels[0].accessibleName() == "Visits per day"
    assert page.chart_labels[1].accessibleName() == "Topics opened (visits)"


def test_report_saved_on_a_usb_drive(make_kiosk, tmp_path: Path, folders,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "media" / "CLINIC"
    stick.mkdir(parents=True)
    write_visits(folders["data"] / DB_FILENAME, [datetime(2026, 11, 20, 9, m) for m in range(5)],
                 section="topic-2")
    monkeypatch.setattr(export, "is_present", Path.is_dir)  # a plain folder stands in
    kiosk = make_kiosk(drives=[stick])
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["export"])
    page = kiosk.staff.export_page
    labels = [button.text() for _, button in page.destination_buttons]
    assert labels == ['Save on USB drive "CLINIC"', "Save in the kiosk's data folder"]
    tap(page.periods.buttons["7days"])
    tap(page.destination_buttons[0][1])
    saved = stick / "kiosk-report-2026-11-22-153000"
    assert (saved / "report.html").is_file() and (saved / "csv" / "summary.csv").is_file()
    assert page.result.text().startswith("Saved") and str(saved) in page.result.text()
    report = (saved / "report.html").read_text(encoding="utf-8")
    assert "Topic 2 en" in report and ">topic-2<" not in report  # by title, as on screen
    assert "Is this a question?" in report


def test_a_drive_that_was_pulled_out_is_a_message(make_kiosk, tmp_path: Path) -> None:
    stick = tmp_path / "media" / "GONE"
    stick.mkdir(parents=True)
    kiosk = make_kiosk(drives=[stick])
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["export"])
    stick.rmdir()
    tap(kiosk.staff.export_page.destination_buttons[0][1])
    assert "not there any more" in kiosk.staff.export_page.result.text()
    assert not stick.exists()


def test_settings_change_by_touch_round_trips(make_kiosk, folders) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["settings"])
    page = kiosk.staff.settings_page
    assert page.idle.checked() == ["90"]
    tap(page.idle.buttons["180"])
    tap(page.language_choices.buttons["en"])  # Spanish only
    tap(page.language_choices.buttons["es"])  # the last one cannot be switched off
    assert page.language_choices.checked() == ["es"]
    assert "At least one language" in page.result.text()
    tap(page.text_size.buttons["largest"])
    tap(page.quiz.buttons["off"])
    tap(page.save_button)
    assert page.result.text().startswith("Saved")
    saved, problems = load_settings(folders["config"])
    assert problems == []
    assert (saved.idle_timeout, saved.languages, saved.text_size, saved.quiz_enabled,
            saved.staff_pin_hash) == (180, ("es",), "largest", False, PIN_HASH)
    window = kiosk.window
    assert window.settings == saved
    assert window.idle.idle_timer.interval() == 180_000
    assert (window.visit.language, window.visit.text_size) == ("es", "largest")
    assert QUIZ_KEY not in [t.key for t in window.home.tiles]
    tap(kiosk.staff.panel.nav_buttons["content"])
    tap(kiosk.staff.panel.nav_buttons["settings"])
    assert page.idle.checked() == ["180"] and page.quiz.checked() == ["off"]


def test_all_languages_on_is_saved_as_the_default(make_kiosk, folders) -> None:
    kiosk = make_kiosk(Settings(staff_pin_hash=PIN_HASH, languages=("en",)))
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["settings"])
    tap(kiosk.staff.settings_page.language_choices.buttons["es"])
    tap(kiosk.staff.settings_page.save_button)
    assert load_settings(folders["config"])[0].languages == ()


def test_a_malformed_settings_file_is_not_overwritten(make_kiosk, folders) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    folders["config"].write_text("idle_timeout = = 3\n", encoding="utf-8")
    tap(kiosk.staff.panel.nav_buttons["settings"])
    tap(kiosk.staff.settings_page.quiz.buttons["off"])
    tap(kiosk.staff.settings_page.save_button)
    assert "fix it first" in kiosk.staff.settings_page.result.text()
    assert folders["config"].read_text(encoding="utf-8") == "idle_timeout = = 3\n"
    assert kiosk.window.settings.quiz_enabled


def test_system_page_shows_the_last_crash(make_kiosk, folders) -> None:
    log = folders["data"] / "logs" / "crash.log"
    log.parent.mkdir(parents=True)
    log.write_text("=== crash 2026-11-21 10:15:00 in the main thread ===\nTraceback (most "
                   "recent call last):\n  File \"x.py\", line 1\nValueError: bad page\n",
                   encoding="utf-8")
    assert last_crash(folders["data"]) is not None
    kiosk = make_kiosk()
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["system"])
    page = kiosk.staff.system_page
    assert "21 Nov 2026 10:15: ValueError: bad page" in page.crash_summary.text()
    assert "Traceback" in page.crash_text.text()


def test_system_page_without_a_crash(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["system"])
    assert kiosk.staff.system_page.crash_summary.text() == "No crash recorded."


def test_reload_now_goes_through_the_content_updater(make_kiosk, content_dir: Path) -> None:
    kiosk = make_kiosk()
    watcher = ContentWatcher(content_dir, 10, today=lambda: date(2026, 11, 22),
                             run=lambda job: job(), parent=kiosk.window)
    updater = ContentUpdater(kiosk.window, watcher,
                             ContentStatus.of(kiosk.window.library, datetime(2026, 1, 1, 8, 0)),
                             now=lambda: datetime(2026, 11, 22, 9, 30))
    kiosk.staff.content = updater
    kiosk.log_in()
    page = kiosk.staff.content_page
    assert "08:00 on 01 Jan 2026" in page.loaded.text()
    (content_dir / "en" / "04-topic-4.md").write_text(
        section_text("Topic 4 en", ["New page."]), encoding="utf-8")
    tap(page.reload_button)
    assert "09:30 on 22 Nov 2026" in page.loaded.text()
    assert updater.status.languages[0].sections[-1] == "topic-4"
    tap(kiosk.staff.panel.back_button)
    tap(kiosk.window.attract)
    assert "topic-4" in [t.key for t in kiosk.window.home.tiles]
