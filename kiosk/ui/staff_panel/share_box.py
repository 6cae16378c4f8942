"""The System page's "Shared reports" card: the last snapshot written to the clinic group's
shared report folder, and a button that writes one now (kiosk/ui/machine/share_snapshots.py)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.engagement.snapshot import SnapshotResult
from kiosk.ui.look.i18n import interface_date, tr
from kiosk.ui.look.widgets import restyle, role_label, touch_button
from kiosk.ui.machine.share_snapshots import ShareSnapshots
from kiosk.ui.staff_panel.parts import card


class ShareBox(QWidget):
    """A card of its own, up to date whenever it is shown."""

    def __init__(self, snapshots: ShareSnapshots | None) -> None:
        super().__init__()
        self.snapshots = snapshots
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box, layout = card()
        outer.addWidget(box)
        layout.addWidget(role_label(tr("Staff", "Shared reports"), "h2"))
        self.status = role_label()
        self.result = role_label(name="StaffResult")
        self.result.hide()
        self.write_button = touch_button(tr("Staff", "Write a snapshot now"))
        self.write_button.clicked.connect(self.write_now)
        for widget in (self.status, self.result, self.write_button):
            layout.addWidget(widget)
        if snapshots is not None:
            snapshots.finished.connect(self._written)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        snapshots = self.snapshots
        self.write_button.setVisible(snapshots is not None)
        if snapshots is None:
            self.status.setText(tr("Staff", "This kiosk's visits stay on this computer "
                                   "(share_dir is not set in the settings file)."))
            return
        self.write_button.setEnabled(not snapshots.busy)
        folder = str(snapshots.share_dir / snapshots.kiosk_id)
        if snapshots.last_written is None:
            self.status.setText(tr("Staff", "No snapshot in %1 yet. The kiosk writes one a "
                                   "day.").replace("%1", folder))
        else:
            self.status.setText(tr("Staff", "Last snapshot written %1 to %2.")
                                .replace("%1", interface_date(snapshots.last_written,
                                                              "dd MMM yyyy HH:mm"))
                                .replace("%2", folder))

    def write_now(self) -> None:
        if self.snapshots is None:
            return
        self.result.setText(tr("Staff", "Writing the snapshot..."))
        self.result.setProperty("state", "")
        self.result.show()
        self.snapshots.write_now()
        self.refresh()

    def _written(self, result: SnapshotResult) -> None:
        text = (tr("Staff", "Snapshot written.") if result.ok else
                tr("Staff", "The snapshot could not be written: %1").replace("%1", result.message))
        self.result.setText(text)
        self.result.setProperty("state", "ok" if result.ok else "problem")
        restyle(self.result)
        self.result.show()
        self.refresh()
