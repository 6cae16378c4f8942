"""Reading staff-edited text files safely: size limit, encodings Notepad produces, clear errors."""

from __future__ import annotations

import codecs
from pathlib import Path

MAX_TEXT_BYTES = 512 * 1024


class TextFileError(Exception):
    """A file that cannot be used as text; the message is written for clinic staff."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


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
        if b"\x00" in data:
            raise TextFileError("is not a text file", "save it as plain text (UTF-8)")
        text = _decode(data, "utf-8")
    if "\x00" in text:
        raise TextFileError("is not a text file", "save it as plain text (UTF-8)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TextFileError(
            f"is not saved as {encoding.upper()} text (problem near line {line})",
            'in Notepad use "Save as" and choose Encoding: UTF-8') from exc
