"""For bench_first_frame.py: the real kiosk, touched DELAY ms after its first frame.

    QT_QPA_PLATFORM=offscreen python benchmarks/tap_after_start.py 50 [rls-kiosk options]

Starts the kiosk as `rls-kiosk` does (kiosk.cli.main, the same imports, window and event loop).
When the kiosk logs "First frame painted", Qt's test touch device is made and a DELAY ms timer
starts; then one finger taps the middle of the attract screen. The stopwatch runs from just
before the finger goes down until the event loop has painted a widget of the screen shown after
the tap (the home screen), as in bench_tap.py. Then, warm: WARM times, the visit is reset to the
attract screen as the idle timeout does, and one second later the same tap is timed.
Prints one line, "tap COLD_MS WARM_MS WARM_MS ...", and quits the kiosk.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WARM = 5


class TapAfterStart(logging.Handler):
    """Hears the kiosk's "First frame painted" log line; from there it drives the taps."""

    def __init__(self, delay_ms: int) -> None:
        super().__init__()
        self.delay_ms = delay_ms

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "First frame painted":
            from PySide6.QtCore import QTimer
            from PySide6.QtTest import QTest

            self.device = QTest.createTouchDevice()
            QTimer.singleShot(self.delay_ms, self.run)

    def run(self) -> None:
        from PySide6.QtWidgets import QApplication

        window = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "KioskWindow")
        timings = [self.timed_tap(window)]
        for _ in range(WARM):
            window.reset_visit("idle")
            settle(1.0)
            timings.append(self.timed_tap(window))
        print("tap", *(f"{ms:.2f}" for ms in timings), flush=True)
        QApplication.exit(0)  # quit() asks the windows, and the locked kiosk refuses

    def timed_tap(self, window) -> float:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        painted = []

        class Paints(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
                if event.type() == QEvent.Type.Paint:
                    painted.append(watched)
                return False

        watch = Paints()
        app = QApplication.instance()
        app.installEventFilter(watch)
        point = window.rect().center()
        start = time.perf_counter()
        QTest.touchEvent(window, self.device).press(0, point).commit()
        QTest.touchEvent(window, self.device).release(0, point).commit()
        screen = window.current_screen()
        deadline = start + 5.0
        while not any(w is screen or screen.isAncestorOf(w) for w in painted):
            if time.perf_counter() > deadline:
                raise SystemExit(f"{type(screen).__name__} was not painted within 5 s of the tap")
            app.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        app.removeEventFilter(watch)
        if type(screen).__name__ != "HomeScreen":
            raise SystemExit(f"the tap led to {type(screen).__name__}, not the home screen")
        return elapsed


def settle(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def main() -> int:
    delay_ms, kiosk_args = int(sys.argv[1]), sys.argv[2:]
    logging.getLogger("kiosk.app").addHandler(TapAfterStart(delay_ms))
    from kiosk.cli import main as rls_kiosk

    return rls_kiosk(kiosk_args)


if __name__ == "__main__":
    raise SystemExit(main())
