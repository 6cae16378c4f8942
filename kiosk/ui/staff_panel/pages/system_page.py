"""Staff page "System": the last crash, whether visits are recorded, wrong PINs typed before
this login, where files are, and Exit.

Exit asks once more before it closes the kiosk: it is the only way out of kiosk mode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout

from kiosk import __version__
from kiosk.runtime.crash import last_crash
from kiosk.settings import paths
from kiosk.ui.look.i18n import interface_date, tr
from kiosk.ui.look.widgets import role_label, touch_button
from kiosk.ui.staff_panel.parts import StaffPage, card

CRASH_LINES = 12


class SystemPage(StaffPage):
    exit_requested = Signal()

    def __init__(self, data_dir: Path, config_path: Path, status: Callable[[], str],
                 wrong_pins: Callable[[], int]) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._config_path = config_path
        self._status = status
        self._wrong_pins = wrong_pins
        self.crash_box, crash = card()
        crash.addWidget(role_label(tr("Staff", "Last crash"), "h2"))
        self.crash_summary = role_label()
        self.crash_text = role_label(name="CrashText")
        crash.addWidget(self.crash_summary)
        crash.addWidget(self.crash_text)
        self.info_box, info = card()
        info.addWidget(role_label(tr("Staff", "This kiosk"), "h2"))
        self.recording = role_label()
        self.wrong_pins = role_label()
        self.files = role_label(role="muted")
        info.addWidget(self.recording)
        info.addWidget(self.wrong_pins)
        info.addWidget(self.files)
        self.exit_box, exit_layout = card()
        exit_layout.addWidget(role_label(tr("Staff", "Exit kiosk"), "h2"))
        exit_layout.addWidget(role_label(tr(
            "Staff", "Closes the kiosk program and shows the computer's desktop. To start "
            "the kiosk again, restart the computer.")))
        self.exit_button = touch_button(tr("Staff", "Exit kiosk..."))
        self.exit_button.clicked.connect(self._ask)
        self.confirm = role_label(tr("Staff", "Really close the kiosk?"), "h2")
        self.confirm_button = touch_button(tr("Staff", "Yes, exit the kiosk"), role="primary",
                                           name="ExitConfirm")
        self.keep_button = touch_button(tr("Staff", "No, keep it running"))
        self.confirm_button.clicked.connect(self.exit_requested.emit)
        self.keep_button.clicked.connect(self._unask)
        row = QHBoxLayout()
        row.addWidget(self.exit_button)
        row.addWidget(self.confirm_button)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        exit_layout.addWidget(self.confirm)
        exit_layout.addLayout(row)
        for box in (self.crash_box, self.info_box, self.exit_box):
            self.column.addWidget(box)
        self.column.addStretch(1)
        self._unask()

    def _ask(self) -> None:
        self.exit_button.hide()
        for widget in (self.confirm, self.confirm_button, self.keep_button):
            widget.show()

    def _unask(self) -> None:
        self.exit_button.show()
        for widget in (self.confirm, self.confirm_button, self.keep_button):
            widget.hide()

    def refresh(self) -> None:
        self._unask()
        crash = last_crash(self._data_dir)
        if crash is None:
            self.crash_summary.setText(tr("Staff", "No crash recorded."))
            self.crash_text.hide()
        else:
            self.crash_summary.setText(
                tr("Staff", "%1: %2 (the kiosk restarted itself).")
                .replace("%1", interface_date(crash.when, "dd MMM yyyy HH:mm"))
                .replace("%2", crash.summary))
            self.crash_text.setText("\n".join(crash.text.splitlines()[-CRASH_LINES:]))
            self.crash_text.show()
        status = self._status()
        self.recording.setText(status or tr("Staff", "Visits are not recorded on this kiosk."))
        self.wrong_pins.setText(tr("Staff", "Wrong PINs typed before this login: %1. "
                                   "The pad locks after every 5, longer each time, and is "
                                   "blocked after 100.").replace("%1", str(self._wrong_pins())))
        self.files.setText("\n".join((
            tr("Staff", "Version %1").replace("%1", __version__),
            tr("Staff", "Settings file: %1").replace("%1", str(self._config_path)),
            tr("Staff", "Data folder: %1").replace("%1", str(self._data_dir)),
            tr("Staff", "Log file: %1").replace("%1", str(paths.log_file(self._data_dir))),
        )))
