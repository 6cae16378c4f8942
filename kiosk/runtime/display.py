"""Is there a display to show the kiosk on? Asked before Qt starts.

Without one, Qt prints its own advice ("reinstalling the application may fix this problem")
and aborts the process (exit code 134). The kiosk and the doctor ask here first and say in one
sentence what is missing and what to do instead. Only the environment and the display's socket
are looked at, so the answer is cheap and testable without Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# Qt platforms that draw without a desktop session (no display server needed).
_HEADLESS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay", "minimalegl"}
_FIX = ("start the kiosk from the kiosk's desktop session (its autostart entry), or, on a "
        "server without a screen, run it under xvfb-run, for example: xvfb-run rls-kiosk "
        "preview --out previews")


def display_problem(env: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """One sentence naming what is missing and the fix, or None when Qt can find a display.

    Windows and macOS always have one for a logged-in program. On Linux (and other X11 or
    Wayland systems) the platform named by QT_QPA_PLATFORM, or else X11 or Wayland, needs
    DISPLAY or WAYLAND_DISPLAY pointing at a running display server.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    wanted = [name.split(":", 1)[0].strip() for name in
              env.get("QT_QPA_PLATFORM", "").split(";") if name.strip()]
    if any(name in _HEADLESS for name in wanted):
        return None
    tried = wanted or ["wayland", "xcb"]
    if "wayland" in tried and _wayland_socket(env) is not None:
        return None
    if "xcb" in tried and _x_display_reachable(env):
        return None
    return f"rls-kiosk: there is no display to show the kiosk on ({_missing(tried, env)}): {_FIX}."


def _missing(tried: list[str], env: Mapping[str, str]) -> str:
    """What exactly is missing, in the words an installer would search for."""
    parts = []
    if "xcb" in tried:
        display = env.get("DISPLAY", "")
        parts.append(f"no X server answers on DISPLAY={display}" if display
                     else "DISPLAY is not set")
    if "wayland" in tried:
        wayland = env.get("WAYLAND_DISPLAY", "")
        parts.append(f"no Wayland compositor at WAYLAND_DISPLAY={wayland}" if wayland
                     else "WAYLAND_DISPLAY is not set")
    others = [name for name in tried if name not in ("xcb", "wayland")]
    if others:
        parts.append(f"QT_QPA_PLATFORM names {', '.join(others)}, which this check does not "
                     "know")
    return " and ".join(parts)


def _wayland_socket(env: Mapping[str, str]) -> Path | None:
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return None
    socket = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/")) / name
    return socket if socket.exists() else None


def _x_display_reachable(env: Mapping[str, str], unix_sockets: Path = Path("/proc/net/unix")
                         ) -> bool:
    """DISPLAY is set, and for a local display (":0") its socket is there, as a file or as
    an abstract socket; a display over the network ("host:0", ssh -X's "localhost:10") cannot
    be checked without connecting, so it is taken as there."""
    display = env.get("DISPLAY", "")
    if not display:
        return False
    host, _, number = display.rpartition(":")
    if host.startswith("/"):  # a socket path (macOS launchd)
        return Path(display).exists()
    if host and host != "unix":
        return True
    socket = f"/tmp/.X11-unix/X{number.split('.', 1)[0]}"
    if Path(socket).exists():
        return True
    try:
        return f"@{socket}" in unix_sockets.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True  # cannot tell: let Qt try rather than refuse a working display
