"""Builds the application: settings, content, fonts, translations, recorder and the window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.content import last_good
from kiosk.content.model import Finding, Library, Severity, Site
from kiosk.content.reading.loader import load_library
from kiosk.content.refresh import Fingerprint, in_background, load_in_time
from kiosk.content.status import ContentStatus, log_status
from kiosk.runtime.logs import setup_logging
from kiosk.settings import paths
from kiosk.settings.config import Settings, load_settings
from kiosk.ui.look.i18n import Translations
from kiosk.ui.look.theme import FONT_FAMILY
from kiosk.ui.machine.heartbeat_timer import Heartbeat

if TYPE_CHECKING:  # imported where they are built, after the first frame
    from kiosk.engagement.recorder import Recorder
    from kiosk.ui.machine.share_snapshots import ShareSnapshots
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)
START_SECONDS = 20.0  # longest the start waits for the content folder (a slow share: 2-5 s)


@dataclass
class Setup:
    settings: Settings
    config_path: Path
    data_dir: Path
    content_dir: Path


def resolve_setup(config: str | None, data_dir: str | None, content: str | None) -> Setup:
    """Read settings and decide the folders (command line > environment > settings > default)."""
    config_path = paths.config_file(config)
    settings, problems = load_settings(config_path)
    data = paths.resolve_data_dir(data_dir, settings.data_dir)
    setup_logging(data)
    for problem in problems:
        log.warning("Settings: %s", problem)
    content_dir = Path(content or settings.content_dir or paths.shipped_content_dir())
    return Setup(settings, config_path, data, content_dir)


@dataclass(frozen=True)
class StartContent:
    """What the kiosk shows at start, and what staff are told about the folder it read."""

    library: Library  # the folder's content, or the shipped content in its place
    status: ContentStatus  # the folder's load (shown=False when the shipped content stands in)
    shown: Fingerprint  # the folder as loaded; () when it was not, so the watcher reads it


def start_content(content_dir: Path, seconds: float = START_SECONDS, *,
                  load: Callable[[Path], Library] = load_library,
                  kept: Path | None = None,
                  run: Callable[[Callable[[], object]], None] = in_background) -> StartContent:
    """Read the content folder within `seconds`. When it cannot be read in time, or nothing in
    it can be shown, the kiosk starts on the copy of the content last shown (`kept`, see
    kiosk/content/last_good.py), else on the shipped content; the watcher keeps reading the
    folder, which replaces either as soon as something in it can be shown. A folder that shows
    something is copied to `kept` by `run` (in the background)."""
    loaded = load_in_time(content_dir, seconds, load=load)
    now = datetime.now()
    if loaded is None:
        library = Library(content_dir, Site(), {}, {}, (Finding(
            content_dir, 0, Severity.ERROR,
            f"could not be read within {seconds:.0f} seconds (a network share that does not "
            "answer, or a file the kiosk could not read)",
            f"check the folder; run `rls-kiosk validate {content_dir}`"),))
        shown: Fingerprint = ()
    else:
        shown, library = loaded
    status = ContentStatus.of(library, now, shown=not library.is_empty)
    log_status(status)
    shipped = paths.shipped_content_dir()
    is_shipped = content_dir.resolve() == shipped.resolve()
    if not library.is_empty or is_shipped:
        if kept is not None and not library.is_empty and not is_shipped:
            run(lambda: last_good.keep(content_dir, kept))
        if library.is_empty:
            log.error("No content can be shown from %s; the kiosk shows \"Information is "
                      "being updated\". Run `rls-kiosk validate %s` to see what to fix.",
                      content_dir, content_dir)
        return StartContent(library, status, shown)
    copy = last_good.load_kept(kept) if kept is not None else None
    if copy is not None:
        log.error("No content can be shown from %s; the kiosk starts on the copy of the content "
                  "it last showed (kept %s) until the folder can be read. Run `rls-kiosk "
                  "validate %s` to see what to fix.", content_dir,
                  copy[1].strftime("%Y-%m-%d %H:%M"), content_dir)
        return StartContent(copy[0], status, ())
    log.error("No content can be shown from %s; the kiosk starts on the content it was "
              "shipped with until the folder can be read. Run `rls-kiosk validate %s` to see "
              "what to fix.", content_dir, content_dir)
    return StartContent(load_library(shipped), status, ())


def load_content(content_dir: Path) -> Library:
    """The content to show (see `start_content`)."""
    return start_content(content_dir).library


def _qt_message(mode: QtMsgType, context: object, message: str) -> None:
    """Qt's own messages go to the log file, never as raw lines on stderr."""
    del context
    if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.error("Qt: %s", message)
    else:
        log.debug("Qt: %s", message)


def route_qt_messages() -> None:
    """Send Qt's own messages (a picture decoder's complaint, say) to the log, not stderr."""
    qInstallMessageHandler(_qt_message)


def create_application(argv: list[str] | None = None) -> QApplication:
    route_qt_messages()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(paths.APP_NAME)
    load_fonts()
    return app


def load_fonts() -> None:
    for font_file in sorted(paths.fonts_dir().glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(font_file)) < 0:
            log.warning("Font %s could not be loaded; a system font is used", font_file)
    QApplication.setFont(QFont(FONT_FAMILY))


class _FirstFrame(QObject):
    """Logs when the window's first frame is painted (start-up time in the logs and
    benchmarks), then calls `then`."""

    def __init__(self, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # runs once every widget of the frame is drawn
        return False

    def _painted(self) -> None:
        log.info("First frame painted")
        self.then()


def run_kiosk(*, config: str | None, data_dir: str | None, content: str | None,
              windowed: bool) -> int:
    from kiosk.runtime.crash import install_crash_handlers
    from kiosk.runtime.instance import AlreadyRunning, hold_instance_lock
    from kiosk.ui.window import KioskWindow

    setup = resolve_setup(config, data_dir, content)
    install_crash_handlers(setup.data_dir)
    try:
        instance_lock = hold_instance_lock(setup.data_dir)
    except AlreadyRunning as exc:
        print(f"rls-kiosk: {exc}", file=sys.stderr)
        return 1
    app = create_application()
    start = start_content(setup.content_dir, kept=paths.last_good_content_dir(setup.data_dir))
    recorder = _open_recorder(setup)
    window = KioskWindow(start.library, setup.settings, recorder, Translations(), later=True)
    kept: list[object] = []  # what runs the kiosk after the first frame, alive until the end
    window.installEventFilter(_FirstFrame(lambda: window.build_later(
        then=lambda: kept.extend(_after_first_frame(window, setup, start, recorder,
                                                    locked=not windowed))), window))
    Heartbeat(paths.heartbeat_file(setup.data_dir), parent=window).start()
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.setWindowFlags(Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        screen = app.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())  # bare X ignores full-screen requests
            screen.geometryChanged.connect(window.setGeometry)  # a new resolution, or monitor
        window.showFullScreen()
    try:
        return app.exec()
    finally:
        kept.clear()
        del instance_lock  # kept alive until here; the lock is released then
        close = getattr(recorder, "close", None)
        if close:
            close()


def _after_first_frame(window: KioskWindow, setup: Setup, start: StartContent,
                       recorder: Recorder, *, locked: bool) -> list[object]:
    """What the patient does not see, started once the attract screen is painted and the other
    screens are built: the content watcher, the staff mode, the lockdown and opening hours,
    shared snapshots and (a second later: an engine takes a second or two to start) the speech
    engine. A patient cannot reach them sooner: staff mode opens after a long hold, the watcher
    waits for quiet."""
    from kiosk.ui.machine.content_watch import watch_content
    from kiosk.ui.machine.kiosk_mode import attach_kiosk_mode
    from kiosk.ui.machine.speech import default_engine
    from kiosk.ui.staff_panel.context import StaffContext

    updater = watch_content(window, setup.content_dir, setup.settings.content_poll_seconds,
                            start.status, start.shown,
                            kept=paths.last_good_content_dir(setup.data_dir))
    snapshots = _share_snapshots(setup, recorder, window)
    mode = attach_kiosk_mode(window, StaffContext(setup.config_path, setup.data_dir,
                                                  setup.content_dir, recorder, content=updater,
                                                  snapshots=snapshots),
                             locked=locked)
    QTimer.singleShot(1000, lambda: window.read_aloud.set_engine(default_engine()))
    return [updater, mode]


def _share_snapshots(setup: Setup, recorder: object,
                     window: QObject) -> ShareSnapshots | None:
    """The daily snapshot to the clinic group's shared folder, when share_dir is set."""
    from kiosk.ui.machine.share_snapshots import ShareSnapshots

    settings = setup.settings
    if not settings.share_dir:
        return None
    flush = getattr(recorder, "flush", None)
    snapshots = ShareSnapshots(setup.data_dir / paths.DB_FILENAME, Path(settings.share_dir),
                               settings.kiosk_id, before=(lambda: flush(5.0)) if flush else
                               (lambda: None), parent=window)
    snapshots.start()
    return snapshots


def _open_recorder(setup: Setup) -> Recorder:
    from kiosk.engagement.recorder import Recorder

    return Recorder(setup.data_dir / paths.DB_FILENAME, kiosk_id=setup.settings.kiosk_id,
                    retention_days=setup.settings.retention_days)
