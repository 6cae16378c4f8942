"""Save settings in the staff panel edits clinic IT's file: comments stay, a backup is kept."""

from __future__ import annotations

import stat
import sys

from kiosk.settings.config import load_settings
from tests.helpers.touch import tap
from tests.ui.staff_panel.conftest import PIN_HASH

INSTALLER_FILE = """\
# Lobby kiosk. Written by clinic IT - ask before changing.
content_dir = "{content}"  # the shared content folder
kiosk_id = "lobby-1"

# Patients walk away quickly here
idle_timeout = 60
staff_pin_hash = "{pin}"
"""


def test_saving_keeps_comments_order_and_a_backup(make_kiosk, folders, content_dir) -> None:
    config = folders["config"]
    config.parent.mkdir(parents=True)
    before = INSTALLER_FILE.format(content=content_dir.as_posix(), pin=PIN_HASH)
    config.write_text(before, encoding="utf-8")
    if sys.platform != "win32":
        config.chmod(0o600)
    kiosk = make_kiosk(load_settings(config)[0], write_settings=False)
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["settings"])
    page = kiosk.staff.settings_page
    tap(page.idle.buttons["180"])
    tap(page.save_button)
    assert page.result.text().startswith("Saved")
    after = config.read_text(encoding="utf-8")
    assert after.startswith(before.replace("idle_timeout = 60", "idle_timeout = 180"))
    assert config.with_name("kiosk.toml.bak").read_text(encoding="utf-8") == before
    if sys.platform != "win32":
        assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_saving_refuses_a_file_it_cannot_read_and_leaves_it(make_kiosk, folders) -> None:
    text = 'kiosk_id = "lobby-1"\n' + "languages = " + "[" * 3000 + "\n"
    kiosk = make_kiosk()
    folders["config"].write_text(text, encoding="utf-8")
    kiosk.log_in()
    tap(kiosk.staff.panel.nav_buttons["settings"])
    tap(kiosk.staff.settings_page.save_button)
    assert "fix it first" in kiosk.staff.settings_page.result.text()
    assert folders["config"].read_text(encoding="utf-8") == text
