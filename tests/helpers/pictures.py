"""Picture files made byte by byte, so tests need no picture editor and no display."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int = 4, height: int = 3, *, padding: int = 0, pixels: bool = True) -> bytes:
    """A grey PNG; `padding` bytes of text metadata make the file larger without more pixels;
    `pixels=False` gives only the first row's data (a header that claims a size, cheaply)."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    row = b"\x00" + b"\x80" * width
    data = _chunk(b"IDAT", zlib.compress(row * (height if pixels else 1)))
    extra = _chunk(b"tEXt", b"Comment\x00" + b"x" * padding) if padding else b""
    return b"\x89PNG\r\n\x1a\n" + header + extra + data + _chunk(b"IEND", b"")


def svg(inner: str = '<circle cx="5" cy="5" r="4"/>', head: str = "") -> bytes:
    return (f'{head}<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{inner}</svg>'
            ).encode()
