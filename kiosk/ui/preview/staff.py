"""Staff screens for `rls-kiosk preview`: the PIN pad and every page of the panel.

Nothing real is touched: settings (with a made-up PIN), data and the lockout live in a
temporary folder, and the visits dashboard shows a month of made-up visits to the content's
own topics (kiosk/engagement/synthetic.py) so its layout can be reviewed with charts in it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.access.pin import hash_pin
from kiosk.engagement.synthetic import write_synthetic_db
from kiosk.settings.config import save_settings
from kiosk.settings.paths import DB_FILENAME
from kiosk.ui.staff_panel.context import StaffContext
from kiosk.ui.staff_panel.mode import StaffMode

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

PREVIEW_DRIVE = Path("/media/kiosk/CLINIC-USB")


class _NoRecorder:
    def record(self, kind: str, **fields: object) -> None:
        del kind, fields


@contextmanager
def preview_staff_mode(window: KioskWindow) -> Iterator[StaffMode]:
    today = window.today()
    with tempfile.TemporaryDirectory(prefix="kiosk-preview-") as folder:
        data = Path(folder)
        content = window.library.languages.get(window.library.site.default_language)
        write_synthetic_db(data / DB_FILENAME, today - timedelta(days=35), 36,
                           sections=[s.slug for s in content.sections] if content else None)
        save_settings(replace(window.settings, staff_pin_hash=hash_pin("0000", n=2**10)),
                      data / "kiosk.toml")
        context = StaffContext(data / "kiosk.toml", data, window.library.root, _NoRecorder(),
                               now=lambda: datetime.combine(today, time(15, 30)),
                               list_drives=lambda: [PREVIEW_DRIVE])
        staff = StaffMode(window, context)
        try:
            yield staff
        finally:
            staff.close()


def staff_screens(staff: StaffMode, window: KioskWindow, lang: str) -> Iterator[str]:
    """Drive staff mode through the pad and each panel page, yielding a file name for each."""
    window.wake()
    window.set_language(lang)
    staff.open_pad()
    for digit in "246":
        staff.pad.digits[digit].click()
    yield f"{lang}-staff-pin"
    staff.pad.hide()
    staff.open_panel()
    yield f"{lang}-staff-panel"
    staff.dashboard_page.choose("30days")
    for key in ("visits", "export", "settings", "system"):
        staff.panel.show_page(key)
        yield f"{lang}-staff-{key}"
    staff.close()
