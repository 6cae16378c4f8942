"""The daily snapshot to the shared report folder, and the System page's Shared reports card."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.engagement.reports.build import build_report
from kiosk.settings.paths import DB_FILENAME
from kiosk.ui.machine.share_snapshots import ShareSnapshots
from tests.helpers.touch import tap
from tests.helpers.visits import write_visits

NOW = datetime(2026, 11, 22, 15, 30)


def _snapshots(folders: dict[str, Path], share: Path, flushes: list[int]) -> ShareSnapshots:
    database = folders["data"] / DB_FILENAME
    write_visits(database, [datetime(2026, 11, 21, 9, m) for m in range(3)])
    return ShareSnapshots(database, share, "lobby", before=lambda: flushes.append(1),
                          run_in_background=lambda job: job(), now=lambda: NOW)


def test_a_snapshot_is_written_once_a_day(qtbot, folders, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    flushes: list[int] = []
    snapshots = _snapshots(folders, share, flushes)
    with qtbot.waitSignal(snapshots.finished, timeout=2000) as written:
        snapshots.start()
    assert written.args[0].ok and snapshots.timer.isActive()
    assert build_report([share / "lobby" / DB_FILENAME]).visits == 3
    assert flushes == [1] and snapshots.last_written is not None
    snapshots.check()  # an hour later: the last one is not a day old
    qtbot.wait(10)
    assert flushes == [1] and not snapshots.busy
    snapshots.timer.stop()


def test_staff_see_the_last_snapshot_and_write_one_now(make_kiosk, folders,
                                                       tmp_path: Path, qtbot) -> None:
    share = tmp_path / "share"
    share.mkdir()
    kiosk = make_kiosk(snapshots=_snapshots(folders, share, []))
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["system"])
    box = kiosk.staff.share_box
    assert box.isVisible() and "No snapshot in" in box.status.text()
    with qtbot.waitSignal(box.snapshots.finished, timeout=2000):
        tap(box.write_button)
    assert box.result.text() == "Snapshot written."
    assert box.status.text().startswith("Last snapshot written ")
    assert str(share / "lobby") in box.status.text()
    assert (share / "lobby" / DB_FILENAME).is_file()


def test_a_share_that_is_gone_is_a_sentence(make_kiosk, folders, tmp_path: Path,
                                            qtbot) -> None:
    kiosk = make_kiosk(snapshots=_snapshots(folders, tmp_path / "offline", []))
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["system"])
    box = kiosk.staff.share_box
    with qtbot.waitSignal(box.snapshots.finished, timeout=2000):
        tap(box.write_button)
    assert box.result.text().startswith("The snapshot could not be written: No snapshot: the "
                                        "shared folder")
    assert box.result.property("state") == "problem"


def test_without_share_dir_the_card_says_visits_stay_here(make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["system"])
    box = kiosk.staff.share_box
    assert "stay on this computer" in box.status.text()
    assert not box.write_button.isVisible()
