"""Reports: the numbers, small-count hiding, merging kiosks, date ranges and the outputs."""

from __future__ import annotations

import argparse
import csv
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.engagement.reports.build import Report, build_report, median_of
from kiosk.engagement.reports.cli import add_report_arguments, run_report
from kiosk.engagement.reports.csv import write_csv
from kiosk.engagement.reports.html import render_html
from kiosk.engagement.reports.small_counts import Hider
from kiosk.engagement.reports.tables import Names, all_tables
from kiosk.engagement.reports.text import summary_text
from kiosk.settings.paths import DB_FILENAME
from tests.helpers.content import write_content

from ..conftest import FakeClock
from ..helpers import record_visit

SVG_ELEMENTS = {"svg", "title", "rect", "line", "text", "g"}


def monday_visits(
    make_recorder: Any, clock: FakeClock, path: Path | None = None, **kwargs: Any
) -> Path:
    """Six visits on Monday 3 March 2025 from 09:15: all read symptoms, two read causes,
    four of six answer q-iron right."""
    recorder = make_recorder(path, **kwargs)
    for n in range(6):
        record_visit(recorder, clock, right=n < 4, language="es" if n == 0 else "en")
        if n < 2:
            recorder.record("visit_start", language="en")
            recorder.record("screen_view", screen="reader", section="causes", page=1)
            recorder.record("setting_change", setting="text_size", value="large")
            recorder.record("visit_end", reason="idle", seconds=200)
    recorder.close()
    return recorder._db_path


def test_numbers_of_a_small_known_day(make_recorder: Any, clock: FakeClock) -> None:
    db = monday_visits(make_recorder, clock)
    report = build_report([db])

    assert report.visits == 8
    assert report.visits_per_day == {date(2025, 3, 3): 8}
    assert report.visits_by_hour()[9] == 8 and sum(report.visits_by_hour()) == 8
    assert report.visits_by_weekday() == [8, 0, 0, 0, 0, 0, 0]
    assert median_of(report.visit_seconds()) == 60
    sections = {s.section: s for s in report.sections()}
    assert (sections["symptoms"].visits, sections["causes"].visits) == (6, 2)
    assert median_of(sections["symptoms"].dwell) == 30
    [question] = report.questions()
    assert (question.answers, question.right) == (6, 4)
    assert report.by_key("start_language") == {"en": 7, "es": 1}
    assert report.setting_changes() == {("text_size", "large"): 2}
    assert report.count("quiz_complete") == 6


def test_small_counts_are_hidden_everywhere(make_recorder: Any, clock: FakeClock) -> None:
    report = build_report([monday_visits(make_recorder, clock)])
    tables = {t.name: t for t in all_tables(report, threshold=5)}

    sections = {row[0]: row for row in tables["sections"].rows}
    assert sections["symptoms"][1] == 6
    assert sections["causes"][1] == "fewer than 5"
    assert sections["causes"][3] == "–"  # no page of it was timed
    assert sections["symptoms"][3] == "30 s"
    languages = {row[0]: row for row in tables["languages"].rows}
    assert languages["es"][1] == "fewer than 5"
    assert dict(tables["visits_by_weekday"].rows)["Tuesday"] == 0  # zero is not hidden
    settings = {row[0]: row for row in tables["settings"].rows}
    assert settings["Text size"][1] == "fewer than 5"
    assert settings["Text size"][2] == "fewer than 5"  # 25% of 8 visits would give it away

    counts_only = {
        "visits_per_day",
        "visits_by_hour",
        "visits_by_weekday",
        "visit_length",
        "visit_end",
        "languages",
        "screens",
        "kiosks",
        "start_settings",
    }
    for table in all_tables(report, threshold=5):
        if table.name in counts_only:
            for row in table.rows:
                assert not any(isinstance(c, int) and 0 < c < 5 for c in row), (table.name, row)

    loose = {t.name: t for t in all_tables(report, threshold=1)}
    assert {row[0]: row for row in loose["sections"].rows}["causes"][1] == 2


def test_hider_rules() -> None:
    hide = Hider(5)
    assert [hide.count(n) for n in (0, 1, 4, 5)] == [0, "fewer than 5", "fewer than 5", 5]
    assert hide.part(0, 3) == "fewer than 5"  # never "0" beside a hidden whole
    assert hide.part(0, 0) == 0 and hide.part(2, 10) == 2
    assert hide.percent(3, 4, "answers") == "not shown (fewer than 5 answers)"
    assert hide.percent(3, 6) == "fewer than 5"  # the share would reveal the small count
    assert hide.percent(3, 6, hide_part=False) == 50  # unless the share is the point
    assert hide.percent(5, 10) == 50
    assert hide.percent(0, 0) == "–"


@pytest.mark.parametrize(("seconds", "expected"), [
    ({200: 5}, "3 min 20 s"),  # enough visits: exact
    ({40: 3}, "under 1 minute"),  # too few: roughly, and in time words
    ({20: 1}, "under 30 seconds"),
    ({200: 2, 250: 2}, "under 5 minutes"),
    ({100: 1, 400: 1}, "under 5 minutes"),  # the median of two lies between them
    ({4000: 1}, "an hour or more"),
    ({}, "–"),
])
def test_a_typical_length_is_always_a_time(seconds: dict[int, int], expected: str) -> None:
    assert Hider(5).duration(Counter(seconds)) == expected


def test_with_three_visits_the_report_reads_right(make_recorder: Any, clock: FakeClock) -> None:
    """Issue: "Median visit length: fewer than 5 visits", "Half the visits were shorter than
    fewer than 5 visits", "Answered right 0" beside "fewer than 5"."""
    recorder = make_recorder()
    for _ in range(3):
        record_visit(recorder, clock, right=False)  # 60 seconds each
        clock.advance(minutes=10)
    recorder.close()
    report = build_report([recorder._db_path])
    names = Names(questions={"q-iron": "Which legs?"})
    tables = {t.name: t for t in all_tables(report, names=names)}
    summary = dict(tables["summary"].rows)
    assert summary["Median visit length"] == "under 2 minutes"
    assert summary["Quiz answers right, %"] == "not shown (fewer than 5 answers)"
    assert tables["questions"].rows == [("Which legs?", "fewer than 5", "fewer than 5",
                                         "not shown (fewer than 5 answers)")]
    page = render_html(report, names=names)
    assert "fewer than 5 visits</strong>" not in page and "shorter than fewer" not in page
    assert "typical visit is given only roughly: <strong>under 2 minutes</strong>" in page
    assert "Which legs?" in page and "q-iron" not in page
    text = summary_text(report, names=names)
    assert "Median visit length: under 2 minutes" in text


def test_several_kiosks_are_merged_and_a_file_named_twice_counts_once(
    make_recorder: Any, clock: FakeClock, tmp_path: Path
) -> None:
    a = monday_visits(make_recorder, clock, tmp_path / "a.sqlite3", kiosk_id="front-desk")
    b = monday_visits(make_recorder, clock, tmp_path / "b.sqlite3", kiosk_id="clinic-b")
    report = build_report([a, b, a])
    assert report.visits == 16
    assert [(s.path.name, s.kiosk_ids, s.visits) for s in report.sources] == [
        ("a.sqlite3", ("front-desk",), 8),
        ("b.sqlite3", ("clinic-b",), 8),
    ]
    assert report.questions()[0].answers == 12


def test_since_and_until_include_both_days(make_recorder: Any, clock: FakeClock) -> None:
    recorder = make_recorder()
    for day in (3, 4, 5):
        clock.now = datetime(2025, 3, day, 23, 59)
        recorder.record("visit_start", language="en")
        recorder.record("visit_end", reason="idle")
    recorder.close()
    db = recorder._db_path
    assert build_report([db], since=date(2025, 3, 4)).visits_per_day == {
        date(2025, 3, 4): 1,
        date(2025, 3, 5): 1,
    }
    assert build_report([db], until=date(2025, 3, 4)).visits == 2
    only = build_report([db], since=date(2025, 3, 4), until=date(2025, 3, 4))
    assert only.visits == 1 and only.days() == [date(2025, 3, 4)]


def test_report_reads_while_the_kiosk_is_writing(make_recorder: Any, clock: FakeClock) -> None:
    recorder = make_recorder()
    record_visit(recorder, clock)
    recorder.flush()
    assert build_report([recorder._db_path]).visits == 1
    record_visit(recorder, clock)
    recorder.flush()
    assert build_report([recorder._db_path]).visits == 2


# --- HTML -----------------------------------------------------------------------------------


def _svgs(page: str) -> list[str]:
    return re.findall(r"<svg.*?</svg>", page, flags=re.S)


def test_html_is_self_contained_printable_and_its_charts_are_plain_svg(
    make_recorder: Any, clock: FakeClock
) -> None:
    report = build_report([monday_visits(make_recorder, clock)])
    page = render_html(report, generated=datetime(2025, 3, 4, 8, 0))

    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page
    for forbidden in ("<script", "<link", "src=", "href=", "url(", "@import", "https:"):
        assert forbidden not in page
    assert re.findall(r"http://[^\"']+", page) == ["http://www.w3.org/2000/svg"] * len(_svgs(page))
    assert len(_svgs(page)) >= 7
    for svg in _svgs(page):
        root = ET.fromstring(svg)
        tags = {el.tag.split("}")[1] for el in root.iter()}
        assert tags <= SVG_ELEMENTS
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
    assert "fewer than 5" in page
    assert "Which messages don" in page
    assert "3 March 2025 to 3 March 2025" in page


def test_html_says_clearly_when_there_is_no_data(tmp_path: Path) -> None:
    page = render_html(Report(since=None, until=None))
    assert "No visits recorded yet" in page
    assert "<svg" not in page


def test_csv_files_hold_the_same_tables(
    make_recorder: Any, clock: FakeClock, tmp_path: Path
) -> None:
    report = build_report([monday_visits(make_recorder, clock)])
    tables = all_tables(report)
    written = write_csv(tables, tmp_path / "csv")
    assert [p.name for p in written] == [f"{t.name}.csv" for t in tables]
    with (tmp_path / "csv" / "sections.csv").open(encoding="utf-8-sig", newline="") as handle:
        content = list(csv.reader(handle))
    assert content[0] == [
        "Section",
        "Visits that opened it",
        "Pages shown",
        "Median time on a page",
    ]
    assert content[1][:2] == ["symptoms", "6"]
    assert content[2][:2] == ["causes", "fewer than 5"]


# --- the command line -------------------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rls-kiosk report")
    add_report_arguments(parser)
    return parser.parse_args(argv)


def test_cli_prints_a_summary_without_output_options(
    make_recorder: Any, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = monday_visits(make_recorder, clock)
    assert run_report(parse("--db", str(db))) == 0
    out = capsys.readouterr().out
    assert "Visits: 8" in out and "symptoms: 6" in out and "q-iron" in out


def test_cli_names_sections_and_questions_by_title_with_content(
    make_recorder: Any, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = make_recorder()
    for _ in range(5):
        record_visit(recorder, clock, section="topic-2")
    recorder.close()
    content = write_content(tmp_path / "content", languages=("es", "en"))
    html, csv_dir = tmp_path / "r.html", tmp_path / "csv"
    argv = ("--db", str(recorder._db_path), "--html", str(html), "--csv", str(csv_dir))
    assert run_report(parse(*argv, "--content", str(content))) == 0
    page = html.read_text(encoding="utf-8")
    assert "Topic 2 es" in page and ">topic-2<" not in page  # the site's default language
    sections = (csv_dir / "sections.csv").read_text(encoding="utf-8-sig")
    assert sections.splitlines()[1].startswith("Topic 2 es,5,")
    assert run_report(parse("--db", str(recorder._db_path), "--content", str(content))) == 0
    assert "Topic 2 es: 5" in capsys.readouterr().out
    assert run_report(parse("--db", str(recorder._db_path), "--content",
                            str(tmp_path / "nowhere"))) == 1
    assert "content folder" in capsys.readouterr().err


def test_cli_writes_html_and_csv(
    make_recorder: Any, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monday_visits(make_recorder, clock)
    data_dir = tmp_path / "data"
    args = parse(
        "--data-dir",
        str(data_dir),
        "--html",
        str(tmp_path / "out" / "report.html"),
        "--csv",
        str(tmp_path / "out" / "csv"),
        "--since",
        "2025-03-01",
    )
    assert run_report(args) == 0
    assert (tmp_path / "out" / "report.html").read_text(encoding="utf-8").count("<svg") >= 7
    assert (tmp_path / "out" / "csv" / "questions.csv").exists()
    assert "Report written to" in capsys.readouterr().out


def test_cli_uses_the_data_dir_given_by_the_main_parser(
    make_recorder: Any, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monday_visits(make_recorder, clock)
    args = parse()
    assert not hasattr(args, "data_dir")  # the sub-command does not overwrite it
    args.data_dir = str(tmp_path / "data")  # as kiosk/cli.py sets it, a str or a Path
    assert run_report(args) == 0
    assert run_report(parse(), default_data_dir=tmp_path / "data") == 0
    assert DB_FILENAME == "engagement.sqlite3"


def _one_sentence_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1
    return err


@pytest.mark.parametrize(
    ("make_args", "code", "words"),
    [
        (lambda tmp: ["--db", str(tmp / "missing.sqlite3")], 1, "No engagement database at"),
        (lambda tmp: ["--data-dir", str(tmp / "nowhere")], 1, "does not exist"),
        (lambda tmp: ["--db", str(tmp / "garbage.sqlite3")], 1, "damaged or not a database"),
        (lambda tmp: ["--db", str(tmp / "other.sqlite3")], 1, "not a kiosk engagement database"),
        (lambda tmp: ["--since", "2025-03-05", "--until", "2025-03-01"], 2, "swap"),
        (lambda tmp: [], 2, "no data folder given"),
        (
            lambda tmp: ["--data-dir", str(tmp), "--html", str(tmp / "garbage.sqlite3" / "r.html")],
            1,
            "cannot write the HTML report",
        ),
    ],
)
def test_cli_errors_are_one_clear_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_args: Any, code: int, words: str
) -> None:
    (tmp_path / "garbage.sqlite3").write_bytes(b"not a database at all" * 100)
    import sqlite3

    other = sqlite3.connect(tmp_path / "other.sqlite3")
    other.execute("CREATE TABLE notes (x)")
    other.close()
    assert run_report(parse(*make_args(tmp_path))) == code
    err = _one_sentence_error(capsys)
    assert words in err


def test_cli_bad_dates_and_conflicting_options_are_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in (["--since", "03/01/2025"], ["--data-dir", "a", "--db", "b"], ["--threshold", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            parse(*argv)
        assert exit_info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_with_an_empty_data_folder_says_there_is_no_data_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    assert run_report(parse("--data-dir", str(tmp_path / "data"))) == 0
    assert "No visits recorded yet" in capsys.readouterr().out
    html = tmp_path / "r.html"
    assert run_report(parse("--data-dir", str(tmp_path / "data"), "--html", str(html))) == 0
    assert "No visits recorded yet" in html.read_text(encoding="utf-8")
