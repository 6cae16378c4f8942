"""`rls-kiosk doctor`: one readable report for whoever installs or looks after a kiosk PC.

Each line is OK, WARN (works, but look at it), FAIL (the kiosk is not ready) or INFO. The exit
code is 1 when any line is FAIL, so scripts and remote checks can rely on it.

The doctor only reads: it never creates the data folder or writes logs there, because it is
often run as root or an administrator, and a file it made could lock the kiosk account out.
"""

from __future__ import annotations

import getpass
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk import __version__
from kiosk.settings import paths
from kiosk.settings.config import Settings, SettingsProblem, load_settings

if TYPE_CHECKING:
    from kiosk.content.model import Library

OK, WARN, FAIL, INFO = "OK", "WARN", "FAIL", "INFO"
MAX_LISTED = 5
SCREENSAVER = "org.freedesktop.ScreenSaver"


@dataclass(frozen=True)
class Check:
    status: str
    name: str
    detail: str
    more: tuple[str, ...] = ()


def run_doctor(*, config: str | None, data_dir: str | None, content: str | None,
               out: TextIO | None = None) -> int:
    checks = gather(config=config, data_dir=data_dir, content=content)
    write_report(checks, out or sys.stdout)
    return 1 if any(check.status == FAIL for check in checks) else 0


def gather(*, config: str | None, data_dir: str | None, content: str | None) -> list[Check]:
    config_path = paths.config_file(config)
    settings, problems = load_settings(config_path)
    data = paths.resolve_data_dir(data_dir, settings.data_dir)
    content_dir = Path(content or settings.content_dir or paths.shipped_content_dir())
    library = _checked_content(content_dir, None)
    checks = [check_version(), check_settings(config_path, problems),
              check_pin(settings, config_path),
              *content_checks(content_dir, library=library), check_content_changed(content_dir),
              check_data(data), check_share(settings)]
    if sys.platform == "win32":
        from kiosk.doctor_windows import windows_checks

        checks += windows_checks()
    checks += qt_checks(tuple(library.languages))
    checks.append(check_last_crash(data))
    return checks


def write_report(checks: list[Check], out: TextIO) -> None:
    out.write("rls-kiosk doctor: is this PC ready to be a kiosk?\n\n")
    width = max(len(check.name) for check in checks)
    for check in checks:
        out.write(f"  {check.status:<5} {check.name:<{width}}  {check.detail}\n")
        for line in check.more:
            out.write(f"  {'':<5} {'':<{width}}    {line}\n")
    failed = sum(check.status == FAIL for check in checks)
    warned = sum(check.status == WARN for check in checks)
    if failed:
        out.write(f"\nReady: NO - fix the {failed} line(s) marked FAIL, then run "
                  "`rls-kiosk doctor` again.\n")
    else:
        note = f" ({warned} warning(s) above are worth a look)" if warned else ""
        out.write(f"\nReady: yes{note}.\n")


def check_version() -> Check:
    root = paths.program_root()
    where = (f"installed bundle in {Path(sys.executable).parent}" if getattr(sys, "frozen", False)
             else f"installed package in {root.parent}" if root.name == paths.SHIPPED_DIR
             else f"from source in {root}")
    return Check(INFO, "version", f"rls-kiosk {__version__}, {where}; Python "
                 f"{platform.python_version()} on {platform.system()} {platform.release()}")


def check_settings(path: Path, problems: list[SettingsProblem]) -> Check:
    if problems:
        return Check(FAIL, "settings", f"{path}: {len(problems)} problem(s); the defaults are "
                     "used for these until the file is fixed",
                     tuple(str(p) for p in problems[:MAX_LISTED]))
    if not path.exists():
        return Check(WARN, "settings", f"no settings file at {path}; every setting is at its "
                     "default (the installer normally writes one)")
    return Check(OK, "settings", f"{path} is valid")


def check_pin(settings: Settings, config_path: Path) -> Check:
    from kiosk.access.pin import PinHashError, check_hash

    if not settings.staff_pin_hash:
        try:
            config_path.open("rb").close()
        except PermissionError:
            return Check(FAIL, "staff PIN", "not checked: this account may not read "
                         f"{config_path} (see the settings line)")
        except OSError:
            pass
        return Check(FAIL, "staff PIN", "not set, so staff cannot open staff mode; run "
                     "`rls-kiosk set-pin`")
    try:
        check_hash(settings.staff_pin_hash)
    except PinHashError as exc:
        return Check(FAIL, "staff PIN", str(exc))
    if sys.platform == "win32":
        from kiosk.doctor_windows import check_pin_file

        return check_pin_file(config_path)
    try:
        everyone_reads = os.name == "posix" and config_path.stat().st_mode & 0o004
    except OSError:
        everyone_reads = False
    if everyone_reads:
        return Check(WARN, "staff PIN", f"set, but {config_path} (which holds its hash) is "
                     "readable by every local account, and a short PIN's hash is cracked in "
                     f"minutes; run `chmod o-rwx {config_path}` (the installer does)")
    return Check(OK, "staff PIN", "set")


def content_checks(folder: Path, today: date | None = None,
                   library: Library | None = None) -> list[Check]:
    """The content folder, read once: its findings, and whether it still holds the example
    clinic's details."""
    if library is None:
        library = _checked_content(folder, today)
    return [_content(library, folder), _clinic_details(library)]


def check_content(folder: Path, today: date | None = None) -> Check:
    return _content(_checked_content(folder, today), folder)


def _checked_content(folder: Path, today: date | None) -> Library:
    """The same load and checks as `rls-kiosk validate`, so both count findings alike."""
    from kiosk.content.refresh import load_checked

    return load_checked(folder, today or date.today(), reading_level=True)


def _clinic_details(library: Library) -> Check:
    """WARN while site.toml holds the example clinic's details: in the shipped folder that is
    only info for `validate`, but a kiosk showing them to patients is not ready."""
    from kiosk.content.reading.site import EXAMPLE_MARK

    example = [f for f in library.findings if EXAMPLE_MARK in f.message]
    if not example:
        return Check(OK, "clinic details", "site.toml holds the clinic's own details")
    return Check(WARN, "clinic details", f"{example[0].path} still holds the example clinic's "
                 "details, which patients would see; change these lines:",
                 tuple(str(f) for f in example))


def _content(library: Library, folder: Path) -> Check:
    from kiosk.content.model import Severity, counts_text

    errors = library.errors
    sections = sum(len(c.sections) for c in library.languages.values())
    summary = (f"{folder}: {sections} sections in {len(library.languages)} language(s), "
               f"{counts_text(library.findings)}")
    listed = tuple(str(f) for f in errors[:MAX_LISTED])
    if len(errors) > MAX_LISTED:
        listed += (f"... and {len(errors) - MAX_LISTED} more: run `rls-kiosk validate {folder}`",)
    if library.is_empty:
        return Check(FAIL, "content", f"{summary}; nothing can be shown", listed)
    if errors:
        return Check(FAIL, "content", f"{summary}; the files with errors are left out", listed)
    if waiting := len(library.awaiting_review()):
        summary += (f"; {waiting} of {sections} sections await a clinician's review (no "
                    "reviewed_by and review_date, so patients see no \"Reviewed by\" line)")
    if warnings := library.of_level(Severity.WARNING):
        return Check(WARN, "content", f"{summary}; run `rls-kiosk validate {folder}` to see "
                     "them all", tuple(str(f) for f in warnings[:MAX_LISTED]))
    if waiting:
        return Check(WARN, "content", f"{summary}; once a clinician has checked a section, add "
                     "reviewed_by: with their name and role (see content/README.md)")
    return Check(OK, "content", summary)


# Free space in the data folder: a year of visits is a few MB, logs are capped at a few MB,
# so under LOW_SPACE something else is filling the disk; under FULL the kiosk cannot record.
FULL_BYTES = 20 * 1024 * 1024
LOW_SPACE_BYTES = 200 * 1024 * 1024


def _free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def check_data(folder: Path, *, free_bytes: Callable[[Path], int] = _free_bytes) -> Check:
    who = _user()
    if not folder.is_dir():
        base = next((p for p in folder.parents if p.exists()), None)
        if base is not None and base.is_dir() and os.access(base, os.W_OK | os.X_OK):
            return Check(WARN, "data folder", f"{folder} does not exist yet; the kiosk creates "
                         f"it when it first starts ({base} can be written, checked as {who})")
        return Check(FAIL, "data folder", f"{folder} does not exist and cannot be made in "
                     f"{base}; the installer creates it (or create it and let the kiosk "
                     "account write to it)")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
        free = free_bytes(folder)
    except OSError as exc:
        return Check(FAIL, "data folder", f"{folder} cannot be written by {who} "
                     f"({exc.strerror or exc}); the kiosk account must be allowed to change it")
    space = f"{free / 1024 / 1024:,.0f} MB free"
    if free < FULL_BYTES:
        return Check(FAIL, "data folder", f"{folder} is (almost) full: {space}; visits cannot "
                     "be recorded. Free space on that disk")
    if free < LOW_SPACE_BYTES:
        return Check(WARN, "data folder", f"{folder} is writable but low on space: {space} "
                     f"(under {LOW_SPACE_BYTES // 1024 // 1024} MB); free space on that disk")
    return Check(OK, "data folder", f"{folder} is writable (checked as {who}), {space}")


def check_content_changed(folder: Path) -> Check:
    """When staff (or Syncthing) last changed a file in the content folder, and which file."""
    from kiosk.content.refresh import fingerprint

    files = [(mtime, name) for name, _size, mtime in fingerprint(folder)
             if (folder / name).is_file()]
    if not files:
        return Check(INFO, "content changed", f"no content files in {folder}")
    mtime, name = max(files)
    changed = datetime.fromtimestamp(mtime / 1e9)
    return Check(INFO, "content changed", f"{changed:%Y-%m-%d %H:%M} ({Path(name).as_posix()})")


def check_share(settings: Settings, now: datetime | None = None) -> Check:
    """The clinic group's shared report folder: needs kiosk_id; when was the last snapshot."""
    from kiosk.engagement.snapshot import EVERY, last_snapshot

    if not settings.share_dir:
        return Check(INFO, "shared reports", "share_dir not set: this kiosk's visits stay on "
                     "this PC (see INSTALL.md, Several kiosks)")
    share = Path(settings.share_dir)
    if not settings.kiosk_id:
        return Check(FAIL, "shared reports", f"share_dir is {share} but kiosk_id is not set, so "
                     "no snapshot can be written: set kiosk_id (e.g. \"lobby-1\") in the "
                     "settings file")
    if not share.is_dir():
        return Check(WARN, "shared reports", f"{share} cannot be reached; the kiosk keeps "
                     "trying once a day. Check the network share or the Syncthing folder")
    last = last_snapshot(share, settings.kiosk_id)
    if last is None:
        return Check(INFO, "shared reports", f"no snapshot in {share} yet; the kiosk writes "
                     "one within a day of starting")
    old = (now or datetime.now()) - last > 2 * EVERY
    return Check(WARN if old else OK, "shared reports",
                 f"last snapshot written {last:%Y-%m-%d %H:%M} to {share / settings.kiosk_id}")


def check_last_crash(data: Path) -> Check:
    from kiosk.runtime.crash import last_crash

    report = last_crash(data)
    if report is None:
        return Check(INFO, "last crash", "none recorded")
    return Check(INFO, "last crash", f"{report.when:%Y-%m-%d %H:%M}: {report.summary} (see "
                 f"{paths.crash_log_file(data)})")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "this account"


# --- Qt: the display, the screens, touch, fonts, speech, keeping the screen on ----------------

def qt_checks(languages: tuple[str, ...] = ()) -> list[Check]:
    from kiosk.runtime.display import display_problem

    no_display = display_problem()
    asked = bool(os.environ.get("QT_QPA_PLATFORM"))  # for a screen that is not there
    if no_display:  # the rest is checked offscreen, where Qt cannot abort
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.app import create_application

    create_application()
    platform_check = check_platform(no_display, asked=asked)
    if platform_check.status == OK:
        checks = [platform_check, check_screens(), check_touch()]
    else:
        checks = [platform_check, Check(INFO, "screens", "not checked (no real display)"),
                  Check(INFO, "touch", "not checked (no real display)")]
    return [*checks, check_fonts(), check_read_aloud(languages), check_screen_awake()]


def check_platform(no_display: str | None, *, asked: bool = False) -> Check:
    """`no_display`: the kiosk's own sentence (kiosk.runtime.display) when there is no display. A
    session without one (ssh) is a warning; a display asked for (QT_QPA_PLATFORM) and not
    there is a failure."""
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    name = QGuiApplication.platformName()
    detail = f"Qt {qVersion()}, platform {name}"
    if no_display:
        return Check(FAIL if asked else WARN, "display", no_display.removeprefix("rls-kiosk: "),
                     ("The screens and touch were not checked: run the doctor on the kiosk's "
                      "own screen to check them.",))
    if name in ("offscreen", "minimal"):
        return Check(WARN, "display", f"{detail}: not a real display, so the screens and "
                     "touch were not checked")
    return Check(OK, "display", detail)


def check_screens() -> Check:
    from PySide6.QtGui import QGuiApplication

    screens = QGuiApplication.screens()
    if not screens:
        return Check(FAIL, "screens", "no screen found; check the monitor and its cable")
    lines = []
    for number, screen in enumerate(screens, 1):
        size = screen.size()
        shape = "portrait" if size.height() > size.width() else "landscape"
        primary = " (primary: the kiosk fills this one)" if screen == screens[0] else ""
        lines.append(f"{number}. {screen.name() or 'unnamed'}: {size.width()}x{size.height()} "
                     f"{shape}, {screen.physicalDotsPerInch():.0f} dpi, scale "
                     f"{screen.devicePixelRatio():g}{primary}")
    return Check(OK, "screens", f"{len(screens)} found", tuple(lines))


def check_touch() -> Check:
    from PySide6.QtGui import QInputDevice

    touch = [device.name() for device in QInputDevice.devices()
             if device.type() == QInputDevice.DeviceType.TouchScreen]
    if not touch:
        return Check(WARN, "touch", "no touch screen found; check the monitor's USB cable "
                     "(touch travels over USB, not the video cable) and that the OS lists it")
    return Check(OK, "touch", ", ".join(touch))


def check_fonts() -> Check:
    from PySide6.QtGui import QFontDatabase

    from kiosk.ui.look.theme import FONT_FAMILY

    files = sorted(paths.fonts_dir().glob("*.ttf"))
    if FONT_FAMILY not in QFontDatabase.families():
        return Check(FAIL, "fonts", f"{FONT_FAMILY} is not loaded ({len(files)} font files in "
                     f"{paths.fonts_dir()}); reinstall the program")
    return Check(OK, "fonts", f"{FONT_FAMILY} loaded ({len(files)} files)")


def check_read_aloud(languages: tuple[str, ...] = ()) -> Check:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return Check(WARN, "read-aloud", "not available: Qt's text-to-speech module is not "
                     "installed (the PySide6-Addons package, pip extra `speech`)")
    from kiosk.ui.machine.speech import pick_engine

    engines = QTextToSpeech.availableEngines()
    name, why_none = pick_engine(engines)
    if name is None:
        hint = "" if engines else (" (Linux: install speech-dispatcher and libpulse0; Windows "
                                   "has one built in)")
        return Check(WARN, "read-aloud", f"{why_none}{hint}")
    speech = QTextToSpeech(name)
    if speech.state() == QTextToSpeech.State.Error:
        return Check(WARN, "read-aloud", f"the {speech.engine()} engine reports: "
                     f"{speech.errorString() or 'an error'}")
    return check_voices(speech, f"engine {speech.engine()} (engines: {', '.join(engines)})",
                        languages)


def check_voices(engine: object, about: str, languages: tuple[str, ...]) -> Check:
    """The voice Listen uses for each content language, or which languages have none."""
    from kiosk.ui.machine.speech import ReadAloud

    reader = ReadAloud()
    reader.set_engine(engine)
    voices = {lang: reader.voice_for(lang) for lang in languages}
    listed = tuple(f"{lang}: {voice.name() if voice else 'no voice'}"
                   for lang, voice in voices.items())
    missing = [lang for lang, voice in voices.items() if voice is None]
    if missing:
        return Check(WARN, "read-aloud", f"{about}: no voice for {', '.join(missing)}, so "
                     "Listen stays hidden on those pages; add one (Windows: Settings > Time & "
                     "language > Speech > Add voices; Linux: espeak-ng or another "
                     "speech-dispatcher voice)", listed)
    return Check(OK, "read-aloud", f"{about}: a voice for every content language", listed)


def check_screen_awake(kernel32: object | None = None,
                       session_bus: Callable[[], object] | None = None) -> Check:
    """Whether the kiosk can ask the OS to keep the screen on (kiosk/ui/machine/awake.py asks)."""
    if kernel32 is None and sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    if kernel32 is not None:
        if hasattr(kernel32, "SetThreadExecutionState"):
            return Check(OK, "screen awake", "SetThreadExecutionState is available; still set "
                         "sleep and screen off to Never in the power settings")
        return Check(WARN, "screen awake", "SetThreadExecutionState is missing")
    if session_bus is None:
        from PySide6.QtDBus import QDBusConnection

        session_bus = QDBusConnection.sessionBus
    bus = session_bus()
    if not bus.isConnected():  # type: ignore[attr-defined]
        return Check(INFO, "screen awake", "no session D-Bus to ask a screen saver; fine "
                     "under the cage kiosk session, which never blanks the screen")
    registered = bus.interface().isServiceRegistered(SCREENSAVER)  # type: ignore[attr-defined]
    if not registered.isValid() or not registered.value():
        return Check(WARN, "screen awake", f"no {SCREENSAVER} in this desktop session; turn "
                     "screen blanking and sleep off in the desktop's settings")
    return Check(OK, "screen awake", f"{SCREENSAVER} can be asked to keep the screen on")
