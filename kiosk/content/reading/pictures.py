"""Pictures as the kiosk will show them: one reader and one set of limits, for loading and
drawing alike.

The loader checks every picture it puts into the in-memory snapshot with `picture_problem`, so
`rls-kiosk validate` names each picture the kiosk will not show, and the screens decode with
`decode_raster` (kiosk/ui/look/widgets.py), so what passed the check is what gets drawn.

SVG is shown only when it is self-contained. An SVG file is XML that may point elsewhere: an
`<image>` or `<use>` naming a file or web address, a stylesheet, CSS `url()`, an entity. Qt's SVG
renderer follows some of these (an `<image>` with a local path shows a file from anywhere on the
PC), so the file is parsed first with defusedxml (no entities, no external references, no DTD
fetching) and refused when any element, attribute or style points outside the picture. A
picture embedded in the SVG as PNG or JPEG data (`data:image/png;base64,...`) is allowed, and is
decoded with the same reader and limits as a picture file (Qt would otherwise decode it with no
limit of its own while drawing).

Uses QtGui and QtSvg to decode (no widgets, no application object needed).
"""

from __future__ import annotations

import binascii
import io
import re
import xml.etree.ElementTree as ET
import zlib
from base64 import b64decode

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtSvg import QSvgRenderer

MAX_PIXELS = 40_000_000  # 8000 x 5000; decoded, 160 MB of memory for one picture
RASTER_FORMATS = {"png": "PNG", "jpeg": "JPEG"}
MAX_SVG_ELEMENTS = 100_000
MAX_SVG_DEPTH = 100
SVG_NS = "{http://www.w3.org/2000/svg}"
_URL_RE = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)
_IMPORT_RE = re.compile(r"@import", re.I)
_EMBEDDED_RE = re.compile(r"^data:image/(png|jpeg);base64,", re.I)
_JPEG_END = b"\xff\xd9"


class PictureProblem(Exception):
    """Why a picture will not be shown (after the picture's name), and what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def is_svg(data: bytes) -> bool:
    """SVG is text; PNG and JPEG start with their own signatures."""
    return not data.startswith((b"\x89PNG", b"\xff\xd8"))


def picture_problem(data: bytes) -> PictureProblem | None:
    """Why the kiosk will not show `data`, or None when it will."""
    if not data.strip():
        return PictureProblem("is empty", "save the picture again (as SVG, PNG or JPEG)")
    try:
        if is_svg(data):
            check_svg(data)
        else:
            decode_raster(data)
    except PictureProblem as problem:
        return problem
    return None


def _png_chunks_whole(data: bytes) -> bool:
    """Every chunk of a PNG is whole and its checksum right, up to IEND. Checked before the
    decoder sees the file, because libpng writes its own complaints straight to stderr."""
    position = 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        end = position + 8 + length
        if end + 4 > len(data) or (position == 8 and kind != b"IHDR"):
            return False
        if zlib.crc32(data[position + 4:end]) != int.from_bytes(data[end:end + 4], "big"):
            return False
        if kind == b"IEND":
            return True
        position = end + 4
    return False


def decode_raster(data: bytes) -> QImage:
    """A PNG or JPEG picture, decoded; PictureProblem when it is damaged, cut short or too big."""
    if data.startswith(b"\x89PNG") and not _png_chunks_whole(data):
        raise PictureProblem("is cut short or damaged (its parts do not add up)",
                             "copy the picture again from where it came from, or save it "
                             "again as PNG in a picture editor")
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    size = reader.size()
    kind = bytes(reader.format().data()).decode("ascii", "replace")
    if not size.isValid() or kind not in RASTER_FORMATS:
        raise PictureProblem("cannot be decoded (it is damaged, or not a PNG or JPEG picture)",
                             "open it in a picture editor and save it again as PNG or JPEG")
    pixels = size.width() * size.height()
    if pixels > MAX_PIXELS:
        raise PictureProblem(f"has too many pixels ({size.width()} x {size.height()}; at most "
                             f"{MAX_PIXELS // 1_000_000} million)",
                             "make it smaller, e.g. 2000 pixels wide, and save it again")
    if kind == "jpeg" and not _jpeg_ends_whole(data):
        raise PictureProblem("is cut short (the file ends before the picture does)",
                             "copy the picture again from where it came from, or save it "
                             "again in a picture editor")
    image = reader.read()
    if image.isNull():
        raise PictureProblem(f"cannot be decoded ({reader.errorString()})",
                             "open it in a picture editor and save it again as PNG or JPEG")
    return image


def _jpeg_ends_whole(data: bytes) -> bool:
    """A JPEG ends with its end-of-image marker (some cameras and editors add padding after
    it); a cut-short one would show with its bottom grey."""
    return data[-1024:].rstrip(b"\x00\r\n\t ").endswith(_JPEG_END)


def check_svg(data: bytes) -> None:
    """PictureProblem unless `data` is well-formed SVG that refers to nothing outside itself
    and that Qt's SVG renderer accepts."""
    depth = elements = 0
    try:
        for event, element in SafeET.iterparse(io.BytesIO(data), events=("start", "end", "pi"),
                                               forbid_dtd=False):
            if event == "pi":
                _refuse_instruction(element)
            elif event == "start":
                depth, elements = depth + 1, elements + 1
                if elements == 1 and element.tag != SVG_NS + "svg":
                    raise PictureProblem("is not an SVG picture (its first element is not "
                                         "<svg>)", "save it again as SVG from a drawing program")
                if depth > MAX_SVG_DEPTH or elements > MAX_SVG_ELEMENTS:
                    raise PictureProblem(
                        f"is too complex (more than {MAX_SVG_DEPTH} levels or "
                        f"{MAX_SVG_ELEMENTS:,} parts)", "simplify it in a drawing program, or "
                        "save it as PNG")
                _refuse_references(element)
            else:
                depth -= 1
                if _local(element.tag) == "style":
                    _refuse_style(element.text or "")
                element.clear()  # keep memory flat on large files
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 0
        raise PictureProblem(f"is not well-formed SVG (XML) (line {line} of the picture: "
                             f"{str(exc).split(':')[0]})",
                             "open it in a drawing program and save it again as plain "
                             "SVG") from exc
    except DefusedXmlException as exc:
        raise PictureProblem("declares entities or external parts (<!ENTITY ...>), which the "
                             "kiosk does not read", "save it again as plain SVG") from exc
    if not QSvgRenderer(QByteArray(data)).isValid():
        raise PictureProblem("cannot be drawn by the kiosk's SVG reader",
                             "save it again as plain SVG (or as PNG)")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _refuse_instruction(element: ET.Element) -> None:
    target = (element.text or "").split(" ", 1)[0]
    if target.lower() == "xml-stylesheet":
        raise PictureProblem("links a stylesheet (<?xml-stylesheet ...?>), which the kiosk does "
                             "not load", "delete that line, or save the picture again as plain "
                             "SVG")


def _refuse_references(element: ET.Element) -> None:
    tag = _local(element.tag)
    for name, value in element.attrib.items():
        if _local(name) == "href":
            target = value.strip()
            embedded = tag == "image" and _EMBEDDED_RE.match(target)
            if not (target.startswith("#") or embedded):
                raise PictureProblem(f'refers to "{target[:80]}" outside the picture (<{tag}>), '
                                     "which the kiosk does not load",
                                     "embed that part in the SVG, or save the picture as PNG")
            if embedded:
                _check_embedded(target[embedded.end():])
        for target in _URL_RE.findall(value):
            if not target.startswith("#"):
                raise PictureProblem(f'refers to "{target[:80]}" outside the picture (url() in '
                                     f"<{tag}>), which the kiosk does not load",
                                     "embed that part in the SVG, or save the picture as PNG")


def _check_embedded(encoded: str) -> None:
    """A PNG or JPEG inside the SVG passes the checks a picture file passes."""
    try:
        data = b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise PictureProblem("holds an embedded picture that is not readable base64 data",
                             "embed the picture again, or save the whole picture as PNG") from exc
    try:
        decode_raster(data)
    except PictureProblem as problem:
        raise PictureProblem(f"holds an embedded picture that {problem.message}",
                             problem.hint) from problem


def _refuse_style(css: str) -> None:
    targets = [t for t in _URL_RE.findall(css) if not t.startswith("#")]
    if targets or _IMPORT_RE.search(css):
        where = f'"{targets[0][:80]}"' if targets else "another stylesheet (@import)"
        raise PictureProblem(f"refers to {where} outside the picture (in <style>), which the "
                             "kiosk does not load", "save the picture again as plain SVG, or "
                             "as PNG")
