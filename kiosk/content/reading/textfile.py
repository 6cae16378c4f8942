"""Reading staff-edited files safely: regular files only, size limits, encodings Notepad
produces, clear errors.

`read_file` is the one way the content loader opens a file. A content folder can hold things
that are not files: a named pipe (a FIFO), a device, a socket, a link that loops. Opening a FIFO
the usual way waits forever for a writer, so files are opened without waiting (O_NONBLOCK), and
only then is it checked, on the open handle, that this is a regular file; a file that grows
while it is read is cut at the limit and refused rather than read on.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

MAX_TEXT_BYTES = 512 * 1024
_CONTROL_RE = re.compile(rb"[\x00-\x08\x0e-\x1f]")


class TextFileError(Exception):
    """A file that cannot be used as text; the message is written for clinic staff."""

    def __init__(self, message: str, hint: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line  # 0: the whole file


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def read_file(path: Path, limit: int, too_large_hint: str) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them; TextFileError otherwise.

    Never waits on a pipe or device and never reads past `limit` (a file still being written
    counts as too large)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise TextFileError("is a link that leads back to itself (a loop)",
                                "delete the link and put the real file here") from exc
        raise TextFileError(f"cannot be read ({exc.strerror or exc})",
                            "check that the file exists and that the kiosk may read it") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise TextFileError("is a folder, not a file", "rename or move the folder")
        raise TextFileError("is not a regular file (it is a pipe, device or other special "
                            "file), so the kiosk does not read it",
                            "delete it and save a normal file in its place")
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise TextFileError(f"is too large ({_size_text(info.st_size)}; the limit is "
                                f"{_size_text(limit)})", too_large_hint)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise TextFileError(f"cannot be read ({exc.strerror or exc})",
                                "check the disk or network share, then save the file "
                                "again") from exc
    if len(data) > limit:
        raise TextFileError(f"is too large (it grew past {_size_text(limit)} while being "
                            "read)", too_large_hint)
    return data


def read_text(path: Path) -> str:
    """Return the text of `path` (UTF-8 with or without BOM, or UTF-16 with BOM), LF line ends."""
    data = read_file(path, MAX_TEXT_BYTES, "split it into smaller files or remove pasted data")
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16")
    else:
        if _looks_like_utf16(data):
            raise TextFileError("is saved as UTF-16 without a byte-order mark",
                                'in Notepad use "Save as" and choose Encoding: UTF-8')
        if _CONTROL_RE.search(data[:8192]):
            raise TextFileError("is not a text file (it holds binary data, like a picture "
                                "or a Word document)", "save it as plain text (UTF-8)")
        text = _decode(data, "utf-8")
    if "\x00" in text:
        raise TextFileError("is not a text file", "save it as plain text (UTF-8)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_utf16(data: bytes) -> bool:
    """Plain text saved as UTF-16 has a zero byte beside almost every letter."""
    head = data[:4096]
    zeros = max(head[0::2].count(0), head[1::2].count(0))
    return len(head) >= 4 and zeros >= len(head) // 2 * 0.8


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TextFileError(
            f"is not saved as {encoding.upper()} text (the first problem is on this line)",
            'in Notepad use "Save as" and choose Encoding: UTF-8', line) from exc
