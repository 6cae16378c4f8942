"""QR codes for web addresses: the kiosk never opens a browser, a patient scans the code instead.

segno is pure Python and works offline. The code is drawn as SVG, so the screen can scale it to
any size and it stays sharp.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from segno import QRCode

QR_SCHEME = "kiosk-qr:"


def qr_key(url: str) -> str:
    """The `src` that stands for `url`'s QR code in rendered HTML (safe inside an attribute)."""
    return QR_SCHEME + quote(url, safe="")


def url_of_key(key: str) -> str:
    """The web address behind a `qr_key`."""
    return unquote(key.removeprefix(QR_SCHEME))


BORDER = 4  # modules of white around the code, as the standard asks


@lru_cache(maxsize=64)
def _code(url: str) -> QRCode:
    """segno is imported here, on the first page with a web address: importing it (and the
    e-mail, HTTP and TLS modules it brings) is a tenth of the kiosk's start-up."""
    import segno

    return segno.make(url, error="m", micro=False)


def qr_svg(url: str) -> bytes:
    """`url` as a QR code: black on white with the standard quiet zone, medium error correction."""
    out = io.BytesIO()
    _code(url).save(out, kind="svg", scale=10, border=BORDER, dark="#000000", light="#ffffff",
                    xmldecl=False)
    return out.getvalue()


def qr_side(url: str, at_most: int) -> int:
    """The largest size up to `at_most` pixels at which every module is whole pixels (a crisp
    code scans best), and never less than one pixel a module."""
    units = int(_code(url).symbol_size(border=BORDER)[0])  # whole modules at scale 1
    return max(units, at_most // units * units)


# Codes of plain text (a patient's take-home list): at most this version, 97x97 modules. With
# the quiet zone that is 105 modules, 420 px at 4 px a module: under half of a 1080p screen's
# height, so a phone at arm's length resolves every module.
TEXT_MAX_VERSION = 20
# Bytes a version-20 code holds at error correction M in byte mode (ISO/IEC 18004, table 7).
TEXT_CAPACITY = 666


@lru_cache(maxsize=8)
def _text_code(text: str) -> QRCode:
    """`text` as UTF-8 bytes (never Latin-1, which segno would pick for Spanish), error
    correction M exactly (not raised to Q or H when there is room), no ECI header: phone cameras
    recognise UTF-8 by itself, and some readers show an ECI header as stray characters."""
    import segno

    return segno.make(text, error="m", micro=False, encoding="utf-8", eci=False,
                      boost_error=False)


def text_fits(text: str) -> bool:
    """True when `text` fits one code of at most TEXT_MAX_VERSION. Counted, not encoded:
    making a code takes 30 to 80 ms, and fitting a long list tries many texts."""
    return len(text.encode("utf-8")) <= TEXT_CAPACITY


def text_matrix(text: str) -> tuple[bytes, ...]:
    """The code for `text` as rows of modules (1 dark, 0 light), without the quiet zone."""
    return tuple(bytes(row) for row in _text_code(text).matrix)


def text_version(text: str) -> int:
    return int(_text_code(text).version)  # a number: never a Micro QR code ("M4")
