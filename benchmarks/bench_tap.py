"""Tap to painted screen: how long a patient waits between a touch and the screen it asked for.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_tap.py               # 1,000 of each
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_tap.py --count 100   # quicker

The real kiosk window (shipped content, 1920x1080, the real recorder writing to a temporary
database on its background thread) is driven by synthetic touches from Qt's test touch device
(QTest.createTouchDevice, as the UI tests do). Four kinds of tap are timed, at least `--count`
of each: a home tile (home -> reader), Next in the reader, a quiz answer (feedback shown) and a
language button (half on the home screen, half while reading, where the page is rendered again).
Screens fade in over 150 ms unless `--reduce-motion` (the setting) is given; a fade starts at
30 % opacity, so a new screen is drawn at once, through the fade's opacity effect. Each tap waits
until the last fade has ended, as a patient's would.

Method: the stopwatch starts just before the finger goes down. The touch is delivered
synchronously (press, release: the button's click and everything it triggers run inside), then
the event loop is run until the window has painted: an application event filter counts the
Paint events of widgets inside the screen that should appear (or the footer, for a language
switch), and the stopwatch stops when the event loop returns after the first such paint, i.e.
after Qt's repaint manager painted every dirty widget into the window's backing store. The
offscreen platform has no monitor, so what is measured is the kiosk's own work up to a finished
frame; a real display adds up to one refresh interval (16.7 ms at 60 Hz) before it is visible.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kiosk.app import create_application  # noqa: E402
from kiosk.content.reading.loader import load_library  # noqa: E402
from kiosk.engagement.recorder import Recorder  # noqa: E402
from kiosk.settings.config import Settings  # noqa: E402
from kiosk.ui.look.i18n import Translations  # noqa: E402
from kiosk.ui.screens.home import QUIZ_KEY  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402
from tests.helpers.patient import Patient  # noqa: E402
from tests.helpers.touch import device, tap  # noqa: E402


class PaintWatch(QObject):
    """Keeps the widgets that received a Paint event, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.painted.append(watched)  # type: ignore[arg-type] - only widgets get Paint
        return False

    def showed(self, screen: QWidget) -> bool:
        return any(w is screen or screen.isAncestorOf(w) for w in self.painted)


class Stopwatch:
    """Times a tap to the first painted frame that draws the screen shown after it."""

    def __init__(self, window: KioskWindow, app: QApplication) -> None:
        self.window = window
        self.app = app
        self.watch = PaintWatch()
        self.samples: dict[str, list[float]] = {}
        self.unpainted = 0

    def timed(self, kind: str, widget: QWidget) -> None:
        fader = getattr(self.window, "fader", None)
        settle = time.perf_counter() + 1.0
        while fader is not None and fader.running is not None and time.perf_counter() < settle:
            self.app.processEvents()  # a patient's next tap comes after the last fade ended
        self.watch.painted = []
        self.app.installEventFilter(self.watch)
        try:
            start = time.perf_counter()
            tap(widget)  # delivers press and release, then runs the event loop once
            screen = self.window.current_screen()
            deadline = start + 2.0
            while not self.watch.showed(screen) and time.perf_counter() < deadline:
                self.app.processEvents()
            elapsed = time.perf_counter() - start
        finally:
            self.app.removeEventFilter(self.watch)
        if self.watch.showed(screen):
            self.samples.setdefault(kind, []).append(elapsed * 1000)
        else:
            self.unpainted += 1


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(count: int, size: tuple[int, int], content: Path, reduce_motion: bool) -> Stopwatch:
    app = create_application()
    device()
    library = load_library(content)
    with tempfile.TemporaryDirectory(prefix="bench-tap-") as tmp:
        recorder = Recorder(Path(tmp) / "engagement.sqlite3")
        window = KioskWindow(library, Settings(reduce_motion=reduce_motion), recorder,
                             Translations(),
                             rng=random.Random(1))
        window.resize(*size)
        window.show()
        app.processEvents()
        stopwatch = Stopwatch(window, app)
        patient = Patient(window, random.Random(7))
        footer, quiz = window.footer, window.quiz.question_screen
        kinds = ("home -> reader", "next page", "quiz answer", "language switch")
        while min(len(stopwatch.samples.get(k, [])) for k in kinds) < count:
            patient.wake()
            topic = patient.rng.choice([t for t in window.home.tiles if t.key != QUIZ_KEY])
            stopwatch.timed("home -> reader", topic)
            for _ in range(2):
                stopwatch.timed("next page", window.reader.next_button)
            if window.current_screen() is window.reader:
                lang = next(k for k in footer.language_buttons if k != window.language)
                stopwatch.timed("language switch", footer.language_buttons[lang])
                patient.home()
            lang = next(k for k in footer.language_buttons if k != window.language)
            stopwatch.timed("language switch", footer.language_buttons[lang])
            tiles = [t for t in window.home.tiles if t.key == QUIZ_KEY]
            if tiles:
                tap(tiles[0])
                while window.current_screen() is quiz:
                    shown = [b for b in quiz.answer_buttons if b.isVisible() and b.isEnabled()]
                    stopwatch.timed("quiz answer", patient.rng.choice(shown))
                    tap(quiz.next_button)
                patient.home()
            patient.walk_away()
        window.close()
        recorder.close()
    return stopwatch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="taps of each kind (1000)")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--reduce-motion", action="store_true",
                        help="the reduce_motion setting: screens appear without fading in")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    started = time.perf_counter()
    stopwatch = run(args.count, (width, height), args.content, args.reduce_motion)
    total = sum(len(v) for v in stopwatch.samples.values())
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, "
          f"Python {platform.python_version()}, {os.environ['QT_QPA_PLATFORM']} {args.size}; "
          f"{total:,} timed taps in {time.perf_counter() - started:.0f} s "
          f"({stopwatch.unpainted} without a paint)")
    every: list[float] = []
    for kind, values in stopwatch.samples.items():
        every += values
        print(f"{kind:16s} n={len(values):5d}  median {statistics.median(values):5.1f} ms  "
              f"p99 {percentile(values, 0.99):5.1f} ms  max {max(values):5.1f} ms")
    print(f"{'all':16s} n={len(every):5d}  median {statistics.median(every):5.1f} ms  "
          f"p99 {percentile(every, 0.99):5.1f} ms  max {max(every):5.1f} ms")

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
