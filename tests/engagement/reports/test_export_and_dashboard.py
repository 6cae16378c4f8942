"""Report export to a chosen folder, removable drives, and the dashboard's numbers."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.engagement.reports import export
from kiosk.engagement.reports.dashboard import DashboardWords, build_dashboard, period_days
from kiosk.engagement.reports.drives import (
    Destination,
    destinations,
    linux_mount_points,
    windows_removable_drives,
)
from kiosk.engagement.reports.small_counts import Hider
from kiosk.engagement.reports.tables import summary_table
from kiosk.settings.paths import DB_FILENAME
from tests.helpers.visits import write_visits

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 15, 30)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / DB_FILENAME
    starts = [datetime(2026, 11, 22, 9, m) for m in range(0, 42, 7)]  # 6 today
    starts += [datetime(2026, 11, 18, 10, m) for m in range(3)]  # 3 four days ago
    starts += [datetime(2026, 11, 1, 11, 0)]  # 1 three weeks ago
    write_visits(path, starts)
    return path


def test_linux_mounts_under_media_roots_only() -> None:
    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "/dev/sdb1 /media/kiosk/CLINIC\\040USB vfat rw 0 0\n"
              "/dev/sdc1 /run/media/kiosk/STICK vfat rw 0 0\n"
              "/dev/sdd1 /mnt/usb vfat rw 0 0\n"
              "tmpfs /run/user/1000 tmpfs rw 0 0\n")
    assert linux_mount_points(mounts) == [Path("/media/kiosk/CLINIC USB"),
                                          Path("/run/media/kiosk/STICK"), Path("/mnt/usb")]


def test_windows_removable_drive_letters() -> None:
    types = {"C:\\": 3, "D:\\": 5, "E:\\": 2, "F:\\": 2}
    assert windows_removable_drives(lambda root: types.get(root, 1), "CDEFG") == [
        Path("E:\\"), Path("F:\\")]


def test_data_folder_is_always_offered_last(tmp_path: Path) -> None:
    found = destinations(tmp_path, [Path("/media/kiosk/STICK")])
    assert [(d.label, d.removable) for d in found] == [("STICK", True),
                                                      ("Kiosk data folder", False)]
    assert found[-1].path == tmp_path / "exports"


def test_export_writes_html_and_csv(db: Path, tmp_path: Path) -> None:
    target = Destination("data", tmp_path / "out" / "exports", False)
    result = export.export_report(db, target, TODAY - timedelta(days=6), TODAY, now=NOW)
    assert result.ok, result.message
    assert result.folder is not None
    page = (result.folder / "report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "Visits" in page
    summary = (result.folder / "csv" / "summary.csv").read_text(encoding="utf-8-sig")
    assert "Visits,9" in summary  # 6 today + 3 four days ago, the one in November 1 is out


def test_missing_removable_drive_is_refused_without_writing(tmp_path: Path, db: Path) -> None:
    gone = Destination("STICK", tmp_path / "media" / "STICK", True)
    result = export.export_report(db, gone, TODAY, TODAY, now=NOW)
    assert not result.ok and "not there any more" in result.message
    assert not gone.path.exists()


def test_drive_pulled_out_mid_export(tmp_path: Path, db: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    monkeypatch.setattr(export, "is_present", Path.is_dir)
    real_copy = shutil.copyfile
    copied: list[str] = []

    def unplug_after_two_files(source: Path, target: Path) -> None:
        if len(copied) == 2:
            shutil.rmtree(stick)
        copied.append(target.name)
        real_copy(source, target)

    monkeypatch.setattr(export.shutil, "copyfile", unplug_after_two_files)
    result = export.export_report(db, Destination("STICK", stick, True), TODAY, TODAY, now=NOW)
    assert not result.ok
    assert "went away before the report was saved" in result.message
    assert not stick.exists()  # nothing was re-created on the kiosk's own disk


def test_damaged_database_is_a_sentence(tmp_path: Path) -> None:
    bad = tmp_path / DB_FILENAME
    bad.write_bytes(b"not a database at all" * 100)
    result = export.export_report(bad, Destination("d", tmp_path / "x", False), TODAY, TODAY,
                                  now=NOW)
    assert not result.ok and str(bad) in result.message
    dashboard = build_dashboard(bad, "today", TODAY)
    assert dashboard.problem and not dashboard.charts


def test_dashboard_periods_and_hidden_small_counts(db: Path) -> None:
    today = build_dashboard(db, "today", TODAY)
    assert dict(today.figures)["Visits"] == "6"
    assert "Visits by hour today" in today.charts[0]
    week = build_dashboard(db, "7days", TODAY, titles={"topic-1": "Topic one"})
    assert dict(week.figures)["Visits"] == "9"
    assert "Visits per day" in week.charts[0] and "Topic one" in week.charts[1]
    assert "Dashed bars" in week.charts[0]  # the day with 3 visits is hidden as "<5"
    month = build_dashboard(db, "30days", TODAY)
    assert (month.since, dict(month.figures)["Visits"]) == (date(2026, 10, 24), "10")


def test_dashboard_figures_are_the_report_summary(db: Path) -> None:
    """The dashboard words its figures itself (in the panel's language) but shows the numbers
    and hidden counts the printed report's summary shows."""
    since, until = period_days("7days", TODAY)
    summary = dict(summary_table(export.read_report(db, since, until), Hider()).rows)
    figures = dict(build_dashboard(db, "7days", TODAY).figures)
    assert figures == {"Visits": str(summary["Visits"]),
                       "Median visit": summary["Median visit length"],
                       "Quizzes finished": str(summary["Quizzes finished"]),
                       "Quiz answers right": f"{summary['Quiz answers right, %']}%"}
    one = build_dashboard(db, "30days", date(2026, 11, 1))  # one visit: every figure hidden
    figures = dict(one.figures)
    assert figures.pop("Median visit").startswith("under ")  # a time, never "5 visits"
    assert figures == {"Visits": "fewer than 5", "Quizzes finished": "fewer than 5",
                       "Quiz answers right": "not shown (fewer than 5 answers)"}


def test_dashboard_in_other_words(db: Path) -> None:
    words = DashboardWords(visits="Visitas", fewer_than="menos de %1", per_day_title="Por día",
                           dashed_note="Punteadas: %1.", day=lambda d: f"{d.day}/{d.month}")
    week = build_dashboard(db, "7days", TODAY, words=words)
    assert dict(week.figures)["Visitas"] == "9"
    assert "Por día" in week.charts[0] and "Punteadas: menos de 5." in week.charts[0]
    assert "16/11" in week.charts[0]  # the first day, then each Monday


def test_dashboard_without_a_database(tmp_path: Path) -> None:
    empty = build_dashboard(tmp_path / DB_FILENAME, "7days", TODAY)
    assert dict(empty.figures)["Visits"] == "0"
    assert "No visits in this period yet" in empty.charts[0]
