"""For bench_first_frame.py: the real kiosk, touched DELAY ms after its first frame.

    QT_QPA_PLATFORM=offscreen python benchmarks/tap_after_start.py 50 [rls-kiosk options]

Starts the kiosk as `rls-kiosk` does (kiosk.cli.main, the same imports, window and event loop).
When the kiosk logs "First frame painted", Qt's test touch device is made and a DELAY ms timer
starts; then one finger taps the middle of the attract screen. The stopwatch runs from DELAY
ms after the first frame (when the timer is due: a touch at that moment waits while the kiosk
is busy, and so does the timer) to the end of the first repaint pass of the window that paints the
screen shown after the tap (the home screen): the frame is flushed then, whatever the event
loop does next. Then, warm: WARM times, the visit is reset to the
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
            self.due = time.perf_counter() + self.delay_ms / 1000
            QTimer.singleShot(self.delay_ms, self.run)

    def run(self) -> None:
        from PySide6.QtWidgets import QApplication

        window = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "KioskWindow")
        # A finger that lands while the kiosk is busy waits: the stopwatch starts when it lands.
        timings = [self.timed_tap(window, since=self.due)]
        for _ in range(WARM):
            window.reset_visit("idle")
            settle(1.0)
            timings.append(self.timed_tap(window))
        print("tap", *(f"{ms:.2f}" for ms in timings), flush=True)
        QApplication.exit(0)  # quit() asks the windows, and the locked kiosk refuses

    def timed_tap(self, window, since: float | None = None) -> float:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        painted: list[object] = []
        done: list[float] = []

        class Frames(QObject):
            """Times the end of the window's first repaint pass that paints the new screen."""

            def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
                kind = event.type()
                if kind == QEvent.Type.Paint:
                    painted.append(watched)
                elif kind == QEvent.Type.UpdateRequest and watched is window and not done:
                    painted.clear()
                    window.event(event)  # paints every dirty widget and flushes the frame
                    screen = window.current_screen()
                    if any(w is screen or screen.isAncestorOf(w) for w in painted):
                        done.append(time.perf_counter())
                    return True
                return False

        watch = Frames()
        app = QApplication.instance()
        app.installEventFilter(watch)
        point = window.rect().center()
        start = time.perf_counter()
        QTest.touchEvent(window, self.device).press(0, point).commit()
        QTest.touchEvent(window, self.device).release(0, point).commit()
        while not done:
            if time.perf_counter() > start + 5.0:
                raise SystemExit("no screen was painted within 5 s of the tap")
            app.processEvents()
        app.removeEventFilter(watch)
        screen = window.current_screen()
        if type(screen).__name__ != "HomeScreen":
            raise SystemExit(f"the tap led to {type(screen).__name__}, not the home screen")
        return (done[0] - (since or start)) * 1000


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
