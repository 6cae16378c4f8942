"""Engagement logging and report benchmarks; prints the figures issue 6 asks for.

    python benchmarks/bench_engagement.py            # full run (about a minute)
    python benchmarks/bench_engagement.py --quick    # smaller, for a smoke test

1. UI-thread cost of Recorder.record(): 100,000 calls of a realistic mix of events while the
   writer thread runs, as in the kiosk; median, p99, p99.9 and max.
2. Events per second sustained to disk: bursts of events, each followed by flush(), through
   the real Recorder (synchronous=FULL: every batch is fsynced).
3. Report time for a year of synthetic events from five kiosks: build + HTML + CSV, and the
   whole `rls-kiosk report --db ... --html ... --csv ...` command (a new process, as staff run
   it). First as kiosks keep their databases (every finished day folded into daily totals, raw
   events kept), then with every event raw (a database written before schema 3, before
   roll-ups), then as kept again after the default 180-day retention deleted half the raw
   events.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.engagement import store
from kiosk.engagement.recorder import Recorder
from kiosk.engagement.reports.build import build_report
from kiosk.engagement.reports.csv import write_csv
from kiosk.engagement.reports.html import render_html
from kiosk.engagement.reports.tables import all_tables
from kiosk.engagement.synthetic import write_synthetic_db

ROOT = Path(__file__).resolve().parent.parent
MIX: list[tuple[str, dict[str, object]]] = [
    ("visit_start", {"language": "en", "text_size": "normal", "theme": "standard"}),
    ("screen_view", {"screen": "home"}),
    ("screen_view", {"screen": "reader", "section": "symptoms", "page": 1}),
    ("page_dwell", {"section": "symptoms", "page": 1, "seconds": 23.4}),
    ("screen_view", {"screen": "reader", "section": "symptoms", "page": 2}),
    ("page_dwell", {"section": "symptoms", "page": 2, "seconds": 41}),
    ("setting_change", {"setting": "text_size", "value": "large"}),
    ("quiz_start", {"questions": 6}),
    ("quiz_answer", {"question": "q-iron", "correct": False}),
    ("quiz_answer", {"question": "q-evening", "correct": True}),
    ("quiz_complete", {"score": 4, "total": 6, "seconds": 95}),
    ("idle_reset", {}),
    ("visit_end", {"reason": "idle", "seconds": 240}),
]


def percentile(sorted_values: list[int], fraction: float) -> int:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def bench_record(folder: Path, calls: int) -> None:
    recorder = Recorder(folder / "record.sqlite3")
    recorder.flush()
    record = recorder.record
    clock = time.perf_counter_ns
    timings = []
    n_mix = len(MIX)
    for i in range(calls):
        kind, fields = MIX[i % n_mix]
        start = clock()
        record(kind, **fields)
        timings.append(clock() - start)
    recorder.close()
    timings.sort()
    with sqlite3.connect(folder / "record.sqlite3") as conn:
        stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"1. record() on the UI thread, {calls:,} calls (writer thread running):")
    print(
        f"   median {statistics.median(timings) / 1000:.1f} µs, "
        f"p99 {percentile(timings, 0.99) / 1000:.1f} µs, "
        f"p99.9 {percentile(timings, 0.999) / 1000:.1f} µs, "
        f"max {timings[-1] / 1000:.0f} µs; {stored:,} events stored"
    )


def bench_sustained(folder: Path, total: int, burst: int) -> None:
    db = folder / "sustained.sqlite3"
    recorder = Recorder(db)
    recorder.flush()
    n_mix = len(MIX)
    start = time.perf_counter()
    for first in range(0, total, burst):
        for i in range(first, min(total, first + burst)):
            kind, fields = MIX[i % n_mix]
            recorder.record(kind, **fields)
        recorder.flush(timeout=60)
    elapsed = time.perf_counter() - start
    recorder.close()
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"2. Sustained to disk: {stored:,} of {total:,} events in {elapsed:.2f} s")
    print(f"   {stored / elapsed:,.0f} events/s (bursts of {burst:,}, each flushed, fsync on)")


def time_report(paths: list[Path], out: Path) -> tuple[float, float, float, int]:
    start = time.perf_counter()
    report = build_report(paths)
    built = time.perf_counter()
    page = render_html(report)
    (out / "report.html").write_text(page, encoding="utf-8")
    rendered = time.perf_counter()
    write_csv(all_tables(report), out / "csv")
    done = time.perf_counter()
    return built - start, rendered - built, done - rendered, report.visits


def time_command(paths: list[Path], out: Path) -> float:
    """Wall time of the `rls-kiosk report` command over `paths`, HTML and CSV written."""
    dbs = [arg for path in paths for arg in ("--db", str(path))]
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "report", *dbs,
                    "--html", str(out / "command.html"), "--csv", str(out / "command-csv")],
                   check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def report_line(label: str, paths: list[Path], out: Path) -> int:
    build, html, csv, visits = time_report(paths, out)
    print(
        f"   {label:30s} {build + html + csv:.2f} s (read and merge {build:.2f} s, "
        f"HTML {html:.2f} s, CSV {csv:.2f} s); `rls-kiosk report`: {time_command(paths, out):.2f} s"
    )
    return visits


def unroll(path: Path) -> None:
    """Every event raw again, as in a database from before schema 3 (no roll-ups)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM daily_totals")
    conn.execute("UPDATE rollup_state SET until = '', last_id = 0")
    conn.close()


def bench_report(folder: Path, kiosks: int, days: int, visits_per_day: float) -> None:
    first = date(2024, 1, 1)
    paths = []
    start = time.perf_counter()
    events = 0
    for k in range(kiosks):
        path = folder / f"kiosk-{k + 1}.sqlite3"
        events += write_synthetic_db(
            path, first, days, kiosk_id=f"kiosk-{k + 1}", seed=k, visits_per_day=visits_per_day
        )
        paths.append(path)
    generated = time.perf_counter() - start
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(
        f"3. Report over {kiosks} kiosks x {days} days: {events:,} raw events, "
        f"{size:.0f} MB on disk (generated in {generated:.1f} s)"
    )
    visits = report_line("rolled up daily (as kept):", paths, folder)
    for path in paths:
        unroll(path)
    assert report_line("all raw (before schema 3):", paths, folder) == visits, "roll-up changed it"
    last_day = first + timedelta(days=days - 1)
    cutoff = last_day + timedelta(days=1) - timedelta(days=180)
    start = time.perf_counter()
    for path in paths:
        conn = sqlite3.connect(path, isolation_level=None)
        store.prune(conn, cutoff)
        store.roll_up(conn, last_day)
        conn.close()
    pruned = time.perf_counter() - start
    assert report_line("as kept, 180-day retention:", paths, folder) == visits, "pruning changed it"
    print(f"   (prune and roll-up of a year of raw events took {pruned:.1f} s for all kiosks)")
    print(f"   HTML report: {(folder / 'report.html').stat().st_size / 1000:.0f} kB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs, for a smoke test")
    parser.add_argument("--keep", type=Path, help="leave the databases and report in this folder")
    parser.add_argument("--visits-per-day", type=float, default=40.0)
    args = parser.parse_args()
    calls, total, kiosks, days = (
        (20_000, 50_000, 2, 30) if args.quick else (100_000, 500_000, 5, 365)
    )
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory(prefix="bench-engagement-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        bench_record(folder, calls)
        bench_sustained(folder, total, burst=10_000)
        bench_report(folder, kiosks, days, args.visits_per_day)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
