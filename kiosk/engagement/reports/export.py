"""Save the engagement report (HTML page and CSV tables) into a folder staff chose, e.g. a USB
stick. A stick pulled out halfway gives a sentence saying so, never a traceback.

The report is written to a temporary folder first and then copied, so the slow part never
touches the stick and a stick that goes away fails the copy cleanly. The report itself is in
English; the sentence staff read afterwards comes from the panel (`ExportWords`), in its language.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.engagement.reports.build import Report, build_report
from kiosk.engagement.reports.csv import write_csv
from kiosk.engagement.reports.drives import Destination, is_present
from kiosk.engagement.reports.html import render_html
from kiosk.engagement.reports.tables import Names, all_tables
from kiosk.engagement.store_errors import ReadError

log = logging.getLogger(__name__)


def _saved(tables: int) -> str:
    tables_text = "1 table" if tables == 1 else f"{tables} tables"
    return f"Saved: the report page and {tables_text} for a spreadsheet, in %1."


@dataclass(frozen=True)
class ExportWords:
    """The outcome sentences, English by default; `%1`, `%2` are filled in."""

    drive_gone: str = ("%1 is not there any more (was the drive unplugged?). Plug it in again "
                       "and choose it from the list.")
    drive_went_away: str = ("%1 went away before the report was saved (was the drive "
                            "unplugged?). Plug it in again and save once more.")
    not_saved: str = "The report could not be saved in %1 (%2). Try another drive."
    saved: Callable[[int], str] = _saved  # (how many tables) -> sentence; %1: the folder


@dataclass(frozen=True)
class ExportResult:
    ok: bool
    message: str
    folder: Path | None = None


def read_report(db: Path, since: date, until: date) -> Report:
    """The report for one kiosk database; an empty one when nothing was recorded yet.

    Raises ReadError (one sentence) when the file exists but cannot be read."""
    if not db.exists():
        return Report(since=since, until=until)
    return build_report([db], since, until)


def _copy_tree(source: Path, folder: Path, *, create_parents: bool) -> None:
    """Copy the staged report. Folders are made one level at a time, so a drive that vanished
    makes this fail instead of quietly re-creating its mount folder on the kiosk's own disk."""
    folder.mkdir(parents=create_parents)
    for item in sorted(source.rglob("*")):
        target = folder / item.relative_to(source)
        if item.is_dir():
            target.mkdir()
        else:
            shutil.copyfile(item, target)


def export_report(db: Path, destination: Destination, since: date, until: date, *,
                  now: datetime, words: ExportWords | None = None,
                  names: Names | None = None) -> ExportResult:
    """Write `kiosk-report-<date>-<time>/report.html` and its CSV files into `destination`;
    sections and questions by their titles in `names`."""
    words = words or ExportWords()
    target = destination.path
    if destination.removable and not is_present(target):
        return ExportResult(False, words.drive_gone.replace("%1", str(target)))
    try:
        report = read_report(db, since, until)
    except ReadError as exc:
        return ExportResult(False, str(exc))
    folder = target / f"kiosk-report-{now:%Y-%m-%d-%H%M%S}"
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-report-") as staging:
            staged = Path(staging)
            page = render_html(report, generated=now, names=names)
            (staged / "report.html").write_text(page, encoding="utf-8")
            files = write_csv(all_tables(report, names=names), staged / "csv")
            _copy_tree(staged, folder, create_parents=not destination.removable)
    except OSError as exc:
        log.warning("Report export to %s failed: %s", folder, exc)
        if not target.exists():
            return ExportResult(False, words.drive_went_away.replace("%1", str(target)))
        return ExportResult(False, words.not_saved.replace("%1", str(target))
                            .replace("%2", str(exc.strerror or exc)))
    log.info("Report for %s to %s saved in %s", since, until, folder)
    return ExportResult(True, words.saved(len(files)).replace("%1", str(folder)), folder)
