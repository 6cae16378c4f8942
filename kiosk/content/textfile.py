"""Reading staff-edited text files safely: size limit, encodings Notepad produces, clear errors."""

from __future__ import annotations

import codecs
import re
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


def read_text(path: Path) -> str:
    """Return the text of `path` (UTF-8 with or without BOM, or UTF-16 with BOM), LF line ends."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise TextFileError(
                f"is too large ({size / 1024 / 1024:.1f} MB; the limit is "
                f"{MAX_TEXT_BYTES // 1024} KB)",
                "split it into smaller files or remove pasted data")
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(f"cannot be read ({exc.strerror or exc})",
                            "check that the file exists and that the kiosk may read it") from exc
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
