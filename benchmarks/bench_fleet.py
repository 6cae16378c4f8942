"""A clinic group's report: 200 kiosks x a year of synthetic use, merged by `report --db FOLDER`.

    python benchmarks/bench_fleet.py [--kiosks 200] [--days 365] [--keep DIR]

One kiosk's year is generated (kiosk/engagement/synthetic.py), pruned and rolled up as a kiosk
keeps it (180 days of raw events, daily totals before), then copied once per kiosk with its own
kiosk_id into `share/<kiosk_id>/engagement.sqlite3`, the layout the daily snapshots make. The
`rls-kiosk report --db share --html --csv` command is then timed as a child process, with its
peak memory (max RSS). Targets (issue 17): under 10 s and under 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.engagement import store  # noqa: E402
from kiosk.engagement.snapshot import write_snapshot  # noqa: E402
from kiosk.engagement.synthetic import write_synthetic_db  # noqa: E402


def one_kiosk_year(path: Path, days: int, visits_per_day: float) -> int:
    first = date(2025, 1, 1)
    events = write_synthetic_db(path, first, days, kiosk_id="kiosk-0", seed=17,
                                visits_per_day=visits_per_day)
    last_day = first + timedelta(days=days - 1)
    conn = sqlite3.connect(path, isolation_level=None)
    store.prune(conn, last_day + timedelta(days=1) - timedelta(days=180))
    store.roll_up(conn, last_day)
    conn.execute("VACUUM")
    conn.close()
    return events


def fleet(share: Path, template: Path, kiosks: int) -> None:
    for n in range(kiosks):
        kiosk = f"kiosk-{n + 1:03d}"
        target = share / kiosk / "engagement.sqlite3"
        target.parent.mkdir(parents=True)
        shutil.copyfile(template, target)
        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("UPDATE events SET kiosk_id = ?", (kiosk,))
        conn.execute("UPDATE daily_totals SET kiosk_id = ?", (kiosk,))
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=200)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--visits-per-day", type=float, default=30.0)
    parser.add_argument("--keep", type=Path, help="leave the share and the report here")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    with tempfile.TemporaryDirectory(prefix="bench-fleet-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "snapshot").mkdir()
        start = time.perf_counter()
        template = folder / "template.sqlite3"
        events = one_kiosk_year(template, args.days, args.visits_per_day)
        snapshot = write_snapshot(template, folder / "snapshot", "kiosk-0")  # as kiosks send
        assert snapshot.ok and snapshot.path, snapshot.message
        share = folder / "share"
        fleet(share, snapshot.path, args.kiosks)
        size = sum(p.stat().st_size for p in share.rglob("*.sqlite3")) / 1e6
        print(f"{args.kiosks} kiosks x {args.days} days, {args.visits_per_day:g} visits a day: "
              f"{events:,} raw events a kiosk before retention, {size:.0f} MB in the share "
              f"(made in {time.perf_counter() - start:.0f} s)")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", "--db",
                               str(share), "--html", str(folder / "report.html"), "--csv",
                               str(folder / "csv")], capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB -> MB
        if done.returncode:
            print(done.stderr)
            return 1
        page = (folder / "report.html").stat().st_size / 1000
        print(f"rls-kiosk report --db FOLDER --html --csv: {elapsed:.2f} s, peak memory "
              f"{peak:.0f} MB, HTML {page:.0f} kB (targets: 10 s, 300 MB)")
        return 0 if elapsed < 10 and peak < 300 else 1


if __name__ == "__main__":
    raise SystemExit(main())
