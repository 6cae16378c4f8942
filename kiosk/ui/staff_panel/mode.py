"""Staff mode: the hidden hold, the PIN pad, the panel, and closing itself when left alone.

Holding the clinic's name or logo on the home screen for 3 seconds ends the patient's visit
(recorded as ended by staff) and opens the PIN pad, so nothing of the visit stays on screen
behind it. A right PIN opens the panel. Staff mode closes itself after `staff_idle_timeout`
seconds without a touch, back to the attract screen. Every PIN check is recorded as
"staff_login" with ok true or false, never the digits. The hash of a typed PIN is computed in
the background (a tenth of a second or more), so the screen never waits for it; a PIN checked
after the pad was closed still counts, but opens nothing.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk.access.lockout import GateState, PinGate
from kiosk.content.model import Library
from kiosk.content.names import question_texts, section_titles
from kiosk.content.refresh import load_checked
from kiosk.content.status import ContentStatus, log_status
from kiosk.engagement.reports.tables import Names
from kiosk.settings import paths
from kiosk.settings.config import Settings, load_settings
from kiosk.ui.look.i18n import PLURAL, tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.staff_panel.context import StaffContext
from kiosk.ui.staff_panel.gesture import HoldGesture
from kiosk.ui.staff_panel.kiosk_view import KioskView
from kiosk.ui.staff_panel.pages.content_page import ContentPage
from kiosk.ui.staff_panel.pages.dashboard_page import DashboardPage
from kiosk.ui.staff_panel.pages.export_page import ExportPage
from kiosk.ui.staff_panel.pages.settings_page import SettingsPage, duration_text
from kiosk.ui.staff_panel.pages.system_page import SystemPage
from kiosk.ui.staff_panel.panel import StaffPanel
from kiosk.ui.staff_panel.pinpad import PinPad
from kiosk.ui.staff_panel.share_box import ShareBox

log = logging.getLogger(__name__)

_INPUT = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
          QEvent.Type.Wheel, QEvent.Type.MouseMove}


class _ShownContent:
    """Without the background content watcher (tests, previews) a reload goes straight to the
    kiosk, which is on its attract screen while staff mode is open."""

    def __init__(self, kiosk: KioskView, now: Callable[[], datetime]) -> None:
        self.kiosk = kiosk
        self.now = now
        self.status = ContentStatus.of(kiosk.library, now())

    def take(self, library: Library) -> None:
        self.status = ContentStatus.of(library, self.now(), shown=not library.is_empty)
        log_status(self.status)
        if self.status.shown:
            self.kiosk.set_library(library)


class StaffMode(QObject):
    panel_shown = Signal(bool)  # True when the panel opens, False when it closes
    exit_requested = Signal()
    _reloaded = Signal(object)  # the Library read by "Reload content now", or None
    _pin_checked = Signal(object, object)  # (the check's token, right: bool | None if damaged)

    def __init__(self, kiosk: KioskView, context: StaffContext) -> None:
        window = kiosk.surface()
        super().__init__(window)
        self.kiosk = kiosk
        self.context = context
        self._startup_hash = kiosk.settings.staff_pin_hash
        self._pin_hash = self._startup_hash
        self.gate = PinGate(paths.staff_lockout_file(context.data_dir), lambda: self._pin_hash,
                            clock=context.wall_clock, verify=context.verify_pin)
        self._pending_check: object | None = None  # the token of the PIN being checked
        self.content = context.content or _ShownContent(kiosk, context.now)
        self._reloading = False
        self._theme: Theme | None = None
        self.gesture = HoldGesture(kiosk.staff_door(), self)
        self.pad = PinPad(window)
        self.content_page = ContentPage(lambda: self.content.status)
        self.dashboard_page = DashboardPage(context.database, kiosk.today, self._section_titles,
                                            context.recorder_status)
        self.export_page = ExportPage(context.database, context.data_dir, context.list_drives,
                                      kiosk.today, context.now, context.flush_events,
                                      self._report_names)
        self.settings_page = SettingsPage(context.config_path, lambda: self.kiosk.settings,
                                          self._content_languages)
        self.system_page = SystemPage(context.data_dir, context.config_path,
                                      context.recorder_status,
                                      lambda: self.gate.wrong_before_login)
        self.share_box = ShareBox(context.snapshots)
        self.system_page.column.insertWidget(2, self.share_box)  # after the kiosk's own card
        self.panel = StaffPanel(window, [
            ("content", tr("Staff", "Content"), self.content_page),
            ("visits", tr("Staff", "Visits"), self.dashboard_page),
            ("export", tr("Staff", "Save report"), self.export_page),
            ("settings", tr("Staff", "Settings"), self.settings_page),
            ("system", tr("Staff", "System"), self.system_page),
        ])
        self.session_timer = QTimer(self)
        self.session_timer.setSingleShot(True)
        self.session_timer.timeout.connect(self.close)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self._show_gate)

        self.gesture.held.connect(self.open_pad)
        self.pad.submitted.connect(self._check_pin)
        self._pin_checked.connect(self._show_pin_result)
        self.pad.cancelled.connect(self.close)
        self.panel.close_requested.connect(self.close)
        self.content_page.reload_requested.connect(self.reload_content)
        self._reloaded.connect(self._show_reload)
        self.settings_page.saved.connect(self._settings_saved)
        self.system_page.exit_requested.connect(self.exit_requested.emit)
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.pad.isVisible() or self.panel.isVisible()

    # -- getting in ----------------------------------------------------------------------
    def _read_pin_hash(self) -> str:
        """The PIN as set now: `set-pin` while the kiosk runs works without a restart."""
        settings, problems = load_settings(self.context.config_path)
        if any(not problem.key for problem in problems):
            return self._startup_hash  # the file cannot be read right now: keep what we had
        return settings.staff_pin_hash

    def open_pad(self) -> None:
        if self.active or not self.kiosk.at_home():
            return
        self.kiosk.reset_visit("staff")
        self._pin_hash = self._read_pin_hash()
        self._retheme()
        self.pad.open_over(self.kiosk.surface(), self.gate.state())
        self._show_gate()
        self._restart_session()
        self._watch_input(True)

    def _show_gate(self) -> None:
        state = self.gate.state()
        if self.pad.state.state == "wrong" and state.state == "ready":
            return  # keep "Wrong PIN, n more tries" on screen until the next try
        self.pad.show_state(state)
        if state.state == "locked":
            self.lock_timer.start()
        else:
            self.lock_timer.stop()

    def _check_pin(self, pin: str) -> None:
        before = self.gate.state()
        if before.state != "ready" or self._pending_check is not None:
            self.pad.show_state(before)
            return
        token, stored = object(), self._pin_hash
        self._pending_check = token
        self.lock_timer.stop()
        self.pad.show_state(GateState("checking"))

        def job() -> None:
            right: bool | None
            try:
                right = self.gate.verify(pin, stored)
            except Exception:  # a damaged hash (or a hashing failure) must not end the kiosk
                log.exception("The staff PIN could not be checked")
                right = None
            with contextlib.suppress(RuntimeError):  # staff mode was deleted meanwhile
                self._pin_checked.emit(token, right)

        self.context.run_in_background(job)

    def _show_pin_result(self, token: object, right: bool | None) -> None:
        current = token is self._pending_check
        if current:
            self._pending_check = None
        if right is None:
            result = GateState("damaged")
        else:
            result = self.gate.record(right)
            self.context.record("staff_login", ok=right)
        if not current or not self.pad.isVisible():
            return  # the pad was closed meanwhile: the try counts, nothing opens
        if result.state == "ok":
            self.pad.hide()
            self.lock_timer.stop()
            self.open_panel()
            return
        self.pad.show_state(result)
        if result.state == "locked":
            self.lock_timer.start()

    # -- the panel -----------------------------------------------------------------------
    def open_panel(self, page: str = "content") -> None:
        self._retheme()
        self.panel.note.setText(
            tr("Staff", "Goes back to the kiosk by itself after %1 without a touch.")
            .replace("%1", duration_text(self.kiosk.settings.staff_idle_timeout)))
        self.panel.open_over(self.kiosk.surface(), page)
        self._restart_session()
        self.panel_shown.emit(True)

    def close(self) -> None:
        """Back to the kiosk: Cancel on the pad, "Back to the kiosk", or left alone."""
        was_panel = self.panel.isVisible()
        self._pending_check = None
        self.pad.hide()
        self.pad.clear()
        self.panel.hide()
        self.lock_timer.stop()
        self.session_timer.stop()
        self._watch_input(False)
        self.kiosk.go_attract()
        if was_panel:
            self.panel_shown.emit(False)

    def _watch_input(self, on: bool) -> None:
        """Every touch anywhere restarts the staff timeout; watched only while staff mode is
        open, so patients' touches cost nothing here."""
        app = QApplication.instance()
        if app is not None:
            (app.installEventFilter if on else app.removeEventFilter)(self)

    def _restart_session(self) -> None:
        self.session_timer.start(self.kiosk.settings.staff_idle_timeout * 1000)

    # -- what the pages change -----------------------------------------------------------
    def reload_content(self) -> None:
        """Read the content folder now (in the background) and show what was found."""
        if self._reloading:
            return
        self._reloading = True
        self.content_page.reload_button.setEnabled(False)
        self.content_page.show_result(tr("Staff", "Reading the content folder..."), ok=True)
        root, today = self.context.content_dir, self.kiosk.today()

        def job() -> None:
            try:
                library = load_checked(root, today)
            except Exception:  # a reload must never take the kiosk down
                log.exception("Reading the content folder %s failed", root)
                library = None
            with contextlib.suppress(RuntimeError):  # staff mode was deleted meanwhile
                self._reloaded.emit(library)

        self.context.run_in_background(job)

    def _show_reload(self, library: Library | None) -> None:
        self._reloading = False
        self.content_page.reload_button.setEnabled(True)
        if library is not None:
            self.content.take(library)
        status = self.content.status
        self.content_page.show_status(status)
        if library is None or not status.shown:
            self.content_page.show_result(
                tr("Staff", "No content could be read from %1, so the kiosk keeps showing "
                   "what it had. Check the folder (or the network share), then reload again.")
                .replace("%1", str(self.context.content_dir)), ok=False)
            return
        errors, cautions, offered = len(status.skipped), len(status.warnings), len(status.languages)
        infos = len(status.infos)
        # lupdate's reader hangs on a call as the count: give it plain names
        languages = tr("Staff", "%n languages", None, PLURAL, offered)
        problems = tr("Staff", "%n problems", None, PLURAL, errors)
        warnings = tr("Staff", "%n warnings", None, PLURAL, cautions)
        notes = tr("Staff", "%n notes", None, PLURAL, infos)
        self.content_page.show_result(
            tr("Staff", "Reloaded: %1, %2, %3, %4.").replace("%1", languages)
            .replace("%2", problems).replace("%3", warnings).replace("%4", notes), ok=not errors)

    def _settings_saved(self, settings: Settings) -> None:
        self.kiosk.apply_settings(settings)
        self.panel.raise_()

    def _section_titles(self) -> dict[str, str]:
        """Section names for the charts, in the panel's language where it has them, else in the
        site's default language, else in any."""
        return section_titles(self.kiosk.library, [self.kiosk.visit_look().language])

    def _report_names(self) -> Names:
        """Sections and questions by title in a saved report, from the content on screen."""
        library, prefer = self.kiosk.library, [self.kiosk.visit_look().language]
        return Names(section_titles(library, prefer), question_texts(library, prefer))

    def _content_languages(self) -> list[str]:
        library = self.kiosk.library
        return [lang for lang in library.site.languages if lang in library.languages]

    # -- events --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.kiosk.surface() and kind == QEvent.Type.Resize and self.active:
            QTimer.singleShot(0, self, self._retheme)
        elif kind in _INPUT and self.active:
            self._restart_session()
        return False

    def _retheme(self) -> None:
        """Staff screens use the kiosk's colours at the normal text size, whatever size the
        last patient chose (their text size is a setting for patients, and the panel's long
        labels must fit a 1366x768 or portrait screen)."""
        window = self.kiosk.surface()
        theme = Theme.create(self.kiosk.visit_look().theme_name, "normal", window.width(),
                             window.height(), self.kiosk.library.site.colours)
        if theme != self._theme:
            self._theme = theme
            sheet = theme.stylesheet()
            self.pad.setStyleSheet(sheet)
            self.panel.setStyleSheet(sheet)
        self.pad.apply_theme(theme)
        self.panel.apply_theme(theme)
