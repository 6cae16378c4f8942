"""Staff page "Save report": the report page and CSV tables onto a USB drive (or the data folder).

The list of drives is read each time the page is shown and on "Look for drives again"; one tap
on a drive saves the report there and says where it went, or why it could not.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from kiosk.engagement.reports.drives import Destination, destinations
from kiosk.engagement.reports.export import ExportResult, ExportWords, export_report
from kiosk.engagement.reports.tables import Names
from kiosk.ui.look.i18n import PLURAL, tr
from kiosk.ui.look.widgets import restyle, role_label, touch_button
from kiosk.ui.staff_panel.parts import Choices, StaffPage, card

PERIOD_DAYS = {"7days": 7, "30days": 30, "365days": 365}


def export_words() -> ExportWords:
    """What the page says after saving, in the interface language (the report stays English)."""
    return ExportWords(
        drive_gone=tr("Staff", "%1 is not there any more (was the drive unplugged?). Plug it "
                      "in again and choose it from the list."),
        drive_went_away=tr("Staff", "%1 went away before the report was saved (was the drive "
                           "unplugged?). Plug it in again and save once more."),
        not_saved=tr("Staff", "The report could not be saved in %1 (%2). Try another drive."),
        saved=lambda tables: tr("Staff", "Saved: the report page and %n tables for a spreadsheet, "
                                "in %1.", None, PLURAL, tables),
    )


class ExportPage(StaffPage):
    def __init__(self, database: Path, data_dir: Path, list_drives: Callable[[], list[Path]],
                 today: Callable[[], date], now: Callable[[], datetime],
                 before_export: Callable[[], None],
                 names: Callable[[], Names] = Names) -> None:
        super().__init__()
        self._names = names  # sections and questions by title, from the loaded content
        self._database = database
        self._data_dir = data_dir
        self._list_drives = list_drives
        self._today = today
        self._now = now
        self._before_export = before_export
        self.period = "30days"
        self.periods = Choices([("7days", tr("Staff", "Last 7 days")),
                                ("30days", tr("Staff", "Last 30 days")),
                                ("365days", tr("Staff", "Last 12 months"))])
        self.periods.set_checked([self.period])
        self.periods.chosen.connect(self._choose)
        self.intro = role_label(tr("Staff", "Plug in a USB drive, choose the period, then tap "
                                   "where the report should go. It is a page to open in any "
                                   "web browser, and tables for a spreadsheet."))
        self.targets_box, self._targets = card()
        self.rescan_button = touch_button(tr("Staff", "Look for drives again"))
        self.rescan_button.clicked.connect(self.refresh)
        self.result = role_label(name="StaffResult")
        self.result.hide()
        self.destination_buttons: list[tuple[Destination, QPushButton]] = []
        self.last_result: ExportResult | None = None
        self.column.addWidget(self.intro)
        self.column.addWidget(self.periods)
        self.column.addWidget(self.targets_box)
        self.column.addWidget(self.rescan_button)
        self.column.addWidget(self.result)
        self.column.addStretch(1)

    def _choose(self, key: str) -> None:
        self.period = key
        self.periods.set_checked([key])

    def refresh(self) -> None:
        while self._targets.count():
            item = self._targets.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.destination_buttons = []
        found = destinations(self._data_dir, self._list_drives())
        if not any(d.removable for d in found):
            self._targets.addWidget(role_label(tr("Staff", "No USB drive found."), "muted"))
        for destination in found:
            text = (tr("Staff", "Save on USB drive \"%1\"").replace("%1", destination.label)
                    if destination.removable else
                    tr("Staff", "Save in the kiosk's data folder"))
            button = touch_button(text, role="primary" if destination.removable else "")
            button.clicked.connect(lambda _=False, d=destination: self.export_to(d))
            self._targets.addWidget(button)
            self.destination_buttons.append((destination, button))
        if self._theme is not None:
            self.apply_theme(self._theme)

    def export_to(self, destination: Destination) -> ExportResult:
        self._before_export()
        until = self._today()
        since = until - timedelta(days=PERIOD_DAYS[self.period] - 1)
        self.result.setText(tr("Staff", "Saving..."))
        self.result.show()
        self.result.repaint()  # show "Saving..." while a slow stick is written
        result = export_report(self._database, destination, since, until, now=self._now(),
                               words=export_words(), names=self._names())
        self.last_result = result
        self.result.setText(result.message)
        self.result.setProperty("state", "ok" if result.ok else "problem")
        restyle(self.result)
        if not result.ok:
            self.refresh()  # the drive may be gone: show the list as it is now
        return result
