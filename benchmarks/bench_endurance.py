"""Endurance: tens of thousands of touch interactions in one kiosk process, memory and objects.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_endurance.py                 # 20,000
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_endurance.py --interactions 2000

The real window (shipped content, 1920x1080) and the real recorder (a temporary database, its
writer thread running) are used by tests/helpers/patient.py's patient: whole visits of taps
(topics, pages, Home, language and text-size switches, quiz rounds) that end by walking away
(the idle warning and its countdown, then the reset to the attract screen). After a warm-up of
`--warm-up` interactions (2,000: Qt's pixmap cache, which keeps drawn style-sheet backgrounds up
to its 10 MB limit, glyph caches and SQLite's page cache fill once), a sample is taken every
tenth of the run: resident memory (VmRSS), widgets alive (QApplication.allWidgets() after
deleteLater() has run), Python wrappers of Qt objects (shiboken objects among gc's objects), all
objects gc tracks, and the reference count of None.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from shiboken6 import Shiboken  # noqa: E402

from kiosk.app import create_application  # noqa: E402
from kiosk.content.reading.loader import load_library  # noqa: E402
from kiosk.engagement.recorder import Recorder  # noqa: E402
from kiosk.settings.config import Settings  # noqa: E402
from kiosk.ui.look.i18n import Translations  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402
from tests.helpers.patient import Patient  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sample(interactions: int) -> tuple[int, float, int, int, int, int]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    objects = gc.get_objects()
    wrappers = sum(isinstance(o, Shiboken.Object) for o in objects)
    return (interactions, rss_mb(), len(QApplication.allWidgets()), wrappers, len(objects),
            sys.getrefcount(None))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interactions", type=int, default=20_000)
    parser.add_argument("--warm-up", type=int, default=2000)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    app = create_application()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-endurance-") as tmp:
        recorder = Recorder(Path(tmp) / "engagement.sqlite3")
        window = KioskWindow(load_library(args.content), Settings(), recorder, Translations(),
                             rng=random.Random(1))
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        first = sample(0)
        patient = Patient(window, random.Random(11))
        while patient.interactions < args.warm_up:
            patient.visit()
        samples = [sample(patient.interactions)]
        step = max(1, args.interactions // 10)
        goal = patient.interactions + args.interactions
        next_sample = patient.interactions + step
        visits = 0
        while patient.interactions < goal:
            patient.visit()
            visits += 1
            if patient.interactions >= next_sample:
                samples.append(sample(patient.interactions))
                next_sample += step
        recorder.flush()
        recorder.close()
        window.close()
    elapsed = time.perf_counter() - started
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, Python "
          f"{platform.python_version()}, {os.environ['QT_QPA_PLATFORM']}: {args.interactions:,} "
          f"interactions in {visits:,} visits after a {args.warm_up}-interaction warm-up, "
          f"{elapsed:.0f} s")
    print(f"{'interactions':>12s} {'RSS MB':>8s} {'widgets':>8s} {'wrappers':>9s} "
          f"{'gc objects':>11s} {'None refs':>10s}")
    for row in (first, *samples):
        print(f"{row[0]:12,d} {row[1]:8.1f} {row[2]:8d} {row[3]:9d} {row[4]:11,d} {row[5]:10,d}")
    base, end = samples[0], samples[-1]
    print(f"after warm-up -> end: RSS {end[1] - base[1]:+.1f} MB, widgets {end[2] - base[2]:+d}, "
          f"wrappers {end[3] - base[3]:+d}, gc objects {end[4] - base[4]:+,d}, "
          f"None refs {end[5] - base[5]:+,d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
