"""The one module that knows where things live.

Program files (shipped content, assets) sit inside a PyInstaller bundle, inside the installed
package (`kiosk/_shipped/`, put there by setup.py when a wheel is built), or beside the package in
a source checkout (an editable install).
Per-machine files (settings, engagement database, logs, crash logs, PIN lockout) live in the
machine's *site* folders so that the kiosk account and clinic IT see the same ones; the
environment variables ``KIOSK_CONFIG`` and ``KIOSK_DATA_DIR`` and the command-line options
override them. Tests point both variables at a temporary folder.

The site folders are fixed, whoever asks: on Linux ``/etc/rls-kiosk`` (settings) and
``/var/lib/rls-kiosk`` (data), because the XDG variables that platformdirs reads differ between
a desktop session, the kiosk's systemd service and an ssh shell; on Windows
``C:\\ProgramData\\rls-kiosk`` for both. The installers in packaging/ create exactly these.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "rls-kiosk"
CONFIG_ENV = "KIOSK_CONFIG"
DATA_DIR_ENV = "KIOSK_DATA_DIR"
CONFIG_FILENAME = "kiosk.toml"
DB_FILENAME = "engagement.sqlite3"  # the engagement database, in the data folder
SHIPPED_DIR = "_shipped"  # in the installed package: content/ and assets/ (setup.py)


def program_root() -> Path:
    """Folder that holds `assets/` and the shipped `content/`: the frozen bundle, the installed
    package's `_shipped/`, or the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    package = Path(__file__).resolve().parents[1]  # kiosk/, above kiosk/settings/
    installed = package / SHIPPED_DIR
    return installed if installed.is_dir() else package.parent


def assets_dir() -> Path:
    return program_root() / "assets"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def theme_file() -> Path:
    return assets_dir() / "theme.qss"


def translations_dir() -> Path:
    return assets_dir() / "translations"


def shipped_content_dir() -> Path:
    return program_root() / "content"


def missing_program_files() -> list[Path]:
    """The program's own files that the screens cannot do without and that are not there (an
    incomplete installation, e.g. a wheel built without them)."""
    needed = (theme_file(), fonts_dir(), translations_dir())
    return [path for path in needed if not path.exists()]


def config_file(override: Path | str | None = None) -> Path:
    """Settings file: `--config`, then `KIOSK_CONFIG`, then the site config folder."""
    if override:
        return Path(override)
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return site_config_dir() / CONFIG_FILENAME


def data_dir(override: Path | str | None = None) -> Path:
    """Engagement database, logs and lockout state: `--data-dir`, `KIOSK_DATA_DIR`, site data."""
    if override:
        return Path(override)
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return site_data_dir()


def resolve_data_dir(override: str | None, configured: str) -> Path:
    """The data folder in force: `--data-dir`, `KIOSK_DATA_DIR`, settings' data_dir, site."""
    return data_dir(override or os.environ.get(DATA_DIR_ENV) or configured or None)


def site_config_dir() -> Path:
    if sys.platform.startswith("linux"):
        return Path("/etc") / APP_NAME
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))


def site_data_dir() -> Path:
    if sys.platform.startswith("linux"):
        return Path("/var/lib") / APP_NAME
    return Path(platformdirs.site_data_dir(APP_NAME, appauthor=False))


def log_dir(data: Path) -> Path:
    return data / "logs"


def crash_log_file(data: Path) -> Path:
    return log_dir(data) / "crash.log"


def log_file(data: Path) -> Path:
    return log_dir(data) / "kiosk.log"


def staff_lockout_file(data: Path) -> Path:
    """Wrong staff PIN count and lock time; kept on disk so a restart does not reset it."""
    return data / "staff-lockout.json"


def instance_lock_file(data: Path) -> Path:
    """Held while a kiosk runs, so two kiosks never start at once on one machine."""
    return data / "kiosk.lock"


def heartbeat_file(data: Path) -> Path:
    """Rewritten every few seconds by a running kiosk; the supervisor restarts one that stops."""
    return data / "heartbeat"


def supervisor_log_file(data: Path) -> Path:
    """The supervisor's own log (kiosk.log is rotated by the kiosk process alone)."""
    return log_dir(data) / "supervisor.log"


def last_good_content_dir(data: Path) -> Path:
    """A copy of the content folder as last shown: the kiosk starts on it when the folder
    itself cannot be read at start (a share offline), before falling back to the shipped one."""
    return data / "last-good-content"
