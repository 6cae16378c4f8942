"""Where staff can save a report: removable drives, and the kiosk's data folder as a fallback.

Linux: mounted filesystems under /media, /run/media and /mnt (where desktops and udisks mount USB
sticks), read from /proc/self/mounts. Windows: drive letters whose type is "removable"
(GetDriveTypeW). Nothing here needs a window, and a folder that cannot be looked at is skipped.
"""

from __future__ import annotations

import os
import string
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

LINUX_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")
_DRIVE_REMOVABLE = 2


@dataclass(frozen=True)
class Destination:
    label: str  # what the button says
    path: Path
    removable: bool


def _unescape_mount(path: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes (\\040)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        path = path.replace(code, char)
    return path


def linux_mount_points(mounts_text: str) -> list[Path]:
    """Mount points under the removable-media roots, from the text of /proc/self/mounts."""
    found: list[Path] = []
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        point = _unescape_mount(fields[1])
        if point.startswith(LINUX_MOUNT_ROOTS) and Path(point) not in found:
            found.append(Path(point))
    return found


def windows_removable_drives(drive_type: Callable[[str], int] | None = None,
                             letters: Iterable[str] = string.ascii_uppercase) -> list[Path]:
    """Drive roots of removable type (USB sticks, memory cards)."""
    if drive_type is None:
        import ctypes

        drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]  # Windows-only in typeshed; CI checks on Linux
    return [Path(f"{letter}:\\") for letter in letters
            if drive_type(f"{letter}:\\") == _DRIVE_REMOVABLE]


def removable_drives() -> list[Path]:
    if sys.platform == "win32":
        try:
            return windows_removable_drives()
        except (OSError, AttributeError):
            return []
    try:
        text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [p for p in linux_mount_points(text) if os.access(p, os.W_OK)]


def destinations(data_dir: Path, drives: list[Path] | None = None) -> list[Destination]:
    """Removable drives first, then the data folder's `exports` subfolder."""
    found = [Destination(p.name or str(p), p, True)
             for p in (removable_drives() if drives is None else drives)]
    found.append(Destination("Kiosk data folder", data_dir / "exports", False))
    return found


def is_present(path: Path) -> bool:
    """Is a removable drive still mounted at `path`? (An empty mount folder left behind by an
    unplugged stick on Linux is not a drive: saving there would fill the kiosk's own disk.)"""
    if not path.is_dir():
        return False
    return sys.platform == "win32" or os.path.ismount(path)
