"""The `report` sub-command: arguments and the run function that kiosk/cli.py calls.

Errors are one sentence on stderr (what, which file, what to do) and exit code 2 for a wrong
command line, 1 for anything else; never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import date, datetime
from pathlib import Path

from kiosk.engagement.reports.build import build_report
from kiosk.engagement.reports.csv import write_csv
from kiosk.engagement.reports.fleet import newest_per_kiosk
from kiosk.engagement.reports.html import render_html
from kiosk.engagement.reports.small_counts import DEFAULT_THRESHOLD
from kiosk.engagement.reports.tables import Names, all_tables
from kiosk.engagement.reports.text import summary_text
from kiosk.engagement.store_errors import ReadError
from kiosk.settings.paths import DB_FILENAME

__all__ = ["add_report_arguments", "run_report"]

log = logging.getLogger(__name__)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, for example 2025-03-01"
        ) from None


def _threshold(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of `rls-kiosk report` to `parser` (a sub-command parser)."""
    where = parser.add_mutually_exclusive_group()
    # SUPPRESS: when not given here, keep whatever the main parser put in args.data_dir.
    where.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"data folder of this kiosk (reads {DB_FILENAME} in it)",
    )
    where.add_argument(
        "--db",
        type=Path,
        metavar="FILE|FOLDER",
        action="append",
        help="an engagement database file, or a folder: every *.sqlite3 beneath it, the newest "
        "per kiosk; repeat to merge several",
    )
    parser.add_argument("--since", type=_day, metavar="DATE", help="first day, YYYY-MM-DD")
    parser.add_argument("--until", type=_day, metavar="DATE", help="last day, YYYY-MM-DD")
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,  # as --data-dir: `rls-kiosk --content DIR report` works too
        help="content folder: name sections and questions by their titles, not their file names",
    )
    parser.add_argument("--html", type=Path, metavar="FILE", help="write the report page here")
    parser.add_argument("--csv", type=Path, metavar="DIR", help="write one CSV per table here")
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"show counts below N as 'fewer than N' (default {DEFAULT_THRESHOLD})",
    )


def _fail(message: str, code: int = 1) -> int:
    print(f"rls-kiosk report: {message}", file=sys.stderr)
    return code


def _from_folders(given: list[Path]) -> list[Path] | str:
    """Files as given; a folder gives the newest database of each kiosk beneath it. Files left
    out are named on stderr; a folder without any database is an error sentence."""
    databases: list[Path] = []
    for path in given:
        if not path.is_dir():
            databases.append(path)
            continue
        scan = newest_per_kiosk(path)
        for problem in scan.problems:
            print(f"rls-kiosk report: left out: {problem}", file=sys.stderr)
        if scan.older:
            print(f"{len(scan.older)} older copies of the same kiosks left out "
                  f"(only the newest database of each kiosk counts).")
        if not scan.databases:
            return (f"no engagement database (*.sqlite3) found in {path}: check the folder, "
                    "or that the kiosks' snapshots reach it.")
        databases.extend(scan.databases)
    return databases


def _databases(args: argparse.Namespace, default_data_dir: Path | None) -> list[Path] | str:
    """The files to read, or an error sentence."""
    if getattr(args, "db", None):
        return _from_folders([Path(p) for p in args.db])
    data_dir = getattr(args, "data_dir", None) or default_data_dir
    if data_dir is None:
        return "no data folder given: pass --data-dir DIR or --db FILE."
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return (
            f"data folder {data_dir} does not exist: check --data-dir or KIOSK_DATA_DIR, "
            "or pass --db FILE."
        )
    db = data_dir / DB_FILENAME
    return [db] if db.exists() else []  # a kiosk that has not recorded anything yet


def _names(content: Path | None) -> Names | str:
    """Titles from the content folder, or an error sentence. Problems inside the content are
    `validate`'s business: whatever could be read names what it can."""
    if content is None:
        return Names()
    if not content.is_dir():
        return f"content folder {content} does not exist: check --content."
    # only when asked: content is slow to load
    from kiosk.content.names import question_texts, section_titles
    from kiosk.content.reading.loader import load_library

    logging.getLogger("kiosk.content").setLevel(logging.ERROR)  # validate reports those
    library = load_library(content)
    return Names(section_titles(library), question_texts(library))


def run_report(args: argparse.Namespace, *, default_data_dir: Path | None = None) -> int:
    """Run `rls-kiosk report`; returns the exit code."""
    since: date | None = getattr(args, "since", None)
    until: date | None = getattr(args, "until", None)
    if since and until and since > until:
        return _fail(f"--since {since} is after --until {until}: swap the two dates.", 2)
    databases = _databases(args, default_data_dir)
    if isinstance(databases, str):
        return _fail(databases, 2 if "no data folder" in databases else 1)
    threshold = getattr(args, "threshold", DEFAULT_THRESHOLD)
    content = getattr(args, "content", None)
    names = _names(Path(content) if content else None)
    if isinstance(names, str):
        return _fail(names)
    try:
        report = build_report(databases, since, until)
    except ReadError as exc:
        return _fail(str(exc))
    except Exception as exc:  # a bug, but the user still gets a sentence, not a traceback
        log.debug("report failed", exc_info=True)
        return _fail(f"could not make the report ({exc}); please report this problem.")

    html_path: Path | None = getattr(args, "html", None)
    csv_dir: Path | None = getattr(args, "csv", None)
    if html_path is not None:
        page = render_html(report, threshold=threshold, generated=datetime.now(), names=names)
        try:
            html_path.parent.mkdir(parents=True, exist_ok=True)
            html_path.write_text(page, encoding="utf-8")
        except OSError as exc:
            return _fail(
                f"cannot write the HTML report to {html_path} ({exc.strerror or exc}): "
                "choose a file in a folder you can write to."
            )
        print(f"Report written to {html_path}")
    if csv_dir is not None:
        try:
            files = write_csv(all_tables(report, threshold, names), csv_dir)
        except OSError as exc:
            return _fail(
                f"cannot write CSV files to {csv_dir} ({exc.strerror or exc}): "
                "choose a folder you can write to."
            )
        print(f"{len(files)} CSV files written to {csv_dir}")
    if not databases:
        expected = Path(getattr(args, "data_dir", None) or default_data_dir or ".") / DB_FILENAME
        print(
            f"No visits recorded yet: {expected} does not exist; the kiosk creates it when "
            "patients first use it."
        )
    elif html_path is None and csv_dir is None:
        sys.stdout.write(summary_text(report, threshold, names))
    elif not report.has_data:
        print("No visits recorded yet for this period.")  # the files say so too
    return 0
