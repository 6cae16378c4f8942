"""The doctor's lines that need Qt: the display, the screens, touch, fonts, read-aloud and
keeping the screen on."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from kiosk.doctor.report import FAIL, INFO, OK, WARN, Check
from kiosk.settings import paths

SCREENSAVER = "org.freedesktop.ScreenSaver"


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
