"""A kiosk window with staff mode attached, on temporary folders and fake clocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.access.pin import hash_pin, verify_pin
from kiosk.settings.config import Settings, load_settings, save_settings
from kiosk.ui.machine.awake import KeepAwake
from kiosk.ui.machine.kiosk_mode import KioskMode, attach_kiosk_mode
from kiosk.ui.machine.share_snapshots import ShareSnapshots
from kiosk.ui.staff_panel.context import ContentSource, StaffContext
from kiosk.ui.window import KioskWindow
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import press, release, tap

PIN = "2468"
PIN_HASH = hash_pin(PIN, n=2**10)  # cheap parameters keep the tests fast


class FakeKernel32:
    """Stands in for Windows' kernel32 so keep-awake calls can be checked anywhere."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def SetThreadExecutionState(self, flags: int) -> int:  # noqa: N802 - Windows API name
        self.calls.append(flags)
        return 1


class WallClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Kiosk:
    window: KioskWindow
    mode: KioskMode
    recorder: ListRecorder
    context: StaffContext
    wall: WallClock
    kernel32: FakeKernel32 = field(default_factory=FakeKernel32)

    @property
    def staff(self):
        return self.mode.staff

    def hold_logo(self) -> None:
        """Wake the kiosk if needed, then press and hold the clinic name for 3 s."""
        if self.window.current_screen() is self.window.attract:
            tap(self.window.attract)
        press(self.window.home.clinic)
        assert self.staff.gesture.hold_timer.isActive()
        self.staff.gesture.hold_timer.timeout.emit()  # the 3 seconds have passed
        release(self.window.home.clinic)

    def type_pin(self, pin: str) -> None:
        for digit in pin:
            tap(self.staff.pad.digits[digit])
        tap(self.staff.pad.ok_button)

    def log_in(self) -> None:
        self.hold_logo()
        self.type_pin(PIN)
        assert self.staff.panel.isVisible()


@pytest.fixture
def folders(tmp_path: Path) -> dict[str, Path]:
    return {"config": tmp_path / "etc" / "kiosk.toml", "data": tmp_path / "data"}


@pytest.fixture
def make_kiosk(qtbot, make_window, library, folders, content_dir) -> Iterator[Callable[..., Kiosk]]:
    wall = WallClock()
    made: list[Kiosk] = []

    def make(settings: Settings | None = None, *, locked: bool = True,
             write_settings: bool = True, size: tuple[int, int] = (1920, 1080),
             drives: list[Path] | None = None, content: ContentSource | None = None,
             verify_pin: Callable[[str, str], bool] = verify_pin,
             snapshots: ShareSnapshots | None = None) -> Kiosk:
        settings = settings or Settings(staff_pin_hash=PIN_HASH)
        if write_settings:
            save_settings(settings, folders["config"])
            settings = load_settings(folders["config"])[0]
        recorder = ListRecorder()
        window = make_window(library, settings, recorder=recorder, size=size)
        context = StaffContext(folders["config"], folders["data"], content_dir, recorder,
                               wall_clock=wall, now=lambda: datetime(2026, 11, 22, 15, 30),
                               list_drives=lambda: list(drives or []),
                               run_in_background=lambda job: job(), content=content,
                               verify_pin=verify_pin, snapshots=snapshots)
        kernel32 = FakeKernel32()
        mode = attach_kiosk_mode(window, context, locked=locked,
                                 awake=KeepAwake(kernel32=kernel32))
        kiosk = Kiosk(window, mode, recorder, context, wall, kernel32)
        if mode.lockdown is not None:  # as if staff chose Exit, so qtbot can close it
            qtbot.addWidget(window, before_close_func=lambda _: mode.lockdown.allow_exit())
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:  # a Spanish interface must not follow into the next test
        kiosk.window.translations.switch("en")
