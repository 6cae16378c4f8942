"""Save the engagement report (HTML page and CSV tables) into a folder staff chose, e.g. a USB
stick. A stick pulled out halfway gives a sentence saying so, never a traceback.

The report is written to a temporary folder first and then copied, so the slow part never
touches the stick and a stick that goes away fails the copy cleanly.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kiosk.engagement.report import Report, build_report
from kiosk.engagement.report_csv import write_csv
from kiosk.engagement.report_html import render_html
from kiosk.engagement.report_tables import all_tables
from kiosk.engagement.store import ReadError
from kiosk.staff.drives import Destination, is_present

log = logging.getLogger(__name__)


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
                  now: datetime) -> ExportResult:
    """Write `kiosk-report-<date>-<time>/report.html` and its CSV files into `destination`."""
    target = destination.path
    if destination.removable and not is_present(target):
        return ExportResult(False, f"{target} is not there any more (was the drive unplugged?). "
                            "Plug it in again and choose it from the list.")
    try:
        report = read_report(db, since, until)
    except ReadError as exc:
        return ExportResult(False, str(exc))
    folder = target / f"kiosk-report-{now:%Y-%m-%d-%H%M%S}"
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-report-") as staging:
            staged = Path(staging)
            (staged / "report.html").write_text(render_html(report, generated=now),
                                                encoding="utf-8")
            files = write_csv(all_tables(report), staged / "csv")
            _copy_tree(staged, folder, create_parents=not destination.removable)
    except OSError as exc:
        log.warning("Report export to %s failed: %s", folder, exc)
        if not target.exists():
            return ExportResult(False, f"{target} went away before the report was saved "
                                "(was the drive unplugged?). Plug it in again and save once "
                                "more.")
        return ExportResult(False, f"The report could not be saved in {target} "
                            f"({exc.strerror or exc}). Try another drive.")
    log.info("Report for %s to %s saved in %s", since, until, folder)
    return ExportResult(True, f"Saved: the report page and {len(files)} tables for a "
                        f"spreadsheet, in {folder}.", folder)
