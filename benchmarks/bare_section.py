"""The floor for bench_first_frame.py: a bare PySide6 window showing one section as HTML.

    python benchmarks/bare_section.py PAGE.html

No kiosk code is imported: a QApplication, the fonts the kiosk loads, one full-screen
QTextBrowser with the page. Once its first frame is drawn it writes "First frame painted" to
stderr, as the kiosk logs it, and exits. This is what any Qt program showing the same words pays.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QTextBrowser

FONTS = Path(__file__).resolve().parents[1] / "assets" / "fonts"


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self.painted)  # as the kiosk: once the whole frame is drawn
        return False

    def painted(self) -> None:
        print("First frame painted", file=sys.stderr, flush=True)
        QApplication.exit(0)


def main() -> int:
    page = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    for font in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    app.setFont(QFont("Atkinson Hyperlegible"))
    view = QTextBrowser()
    view.setHtml(page.read_text(encoding="utf-8"))
    first = FirstPaint()
    app.installEventFilter(first)
    view.showFullScreen()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
