"""Every picture is decoded when the content is read, with the reader and limits the screens
use, and SVG is shown only when it refers to nothing outside itself."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from kiosk.content.reading.loader import load_library
from kiosk.content.reading.pictures import decode_raster, picture_problem
from tests.helpers.content import section_text, write_content
from tests.helpers.pictures import png, svg

pytestmark = pytest.mark.qt_log_ignore("libpng", "JPEG", "Could not resolve property")


@pytest.mark.parametrize(("data", "words"), [
    (png()[:-20], "is cut short"),
    (png(9000, 9000, pixels=False), "has too many pixels (9000 x 9000; at most 40 million)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "is cut short or damaged"),
    (png()[:40] + b"\x00" + png()[41:], "is cut short or damaged"),  # one byte changed
    (b"\xff\xd8" + bytes(100), "cannot be decoded"),
    (svg('<image href="/etc/hosts.png" width="5" height="5"/>'),
     'refers to "/etc/hosts.png" outside the picture (<image>)'),
    (svg('<image xlink:href="file:///C:/Users/photo.png"/>'), 'refers to "file:///C:/Users'),
    (svg('<use href="other.svg#part"/>'), 'refers to "other.svg#part" outside the picture'),
    (svg('<feImage href="https://example.org/x.png"/>'), 'refers to "https://example.org/x.png"'),
    (svg('<rect style="fill: url(\'http://e.org/a.svg#g\')" width="5" height="5"/>'),
     'refers to "http://e.org/a.svg#g" outside the picture (url() in <rect>)'),
    (svg("<style>@import 'theme.css';</style>"), "another stylesheet (@import)"),
    (svg("<style>rect { fill: url(pattern.png) }</style>"), 'refers to "pattern.png"'),
    (svg(head='<?xml version="1.0"?><?xml-stylesheet href="look.css"?>'),
     "links a stylesheet (<?xml-stylesheet"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&e;</text></svg>', "declares entities"),
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
     b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>', "declares entities"),
    (b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>',
     "is not well-formed SVG (XML) (line 3 of the picture: mismatched tag)"),
    (b"<html><body>not a picture</body></html>", "is not an SVG picture"),
    (svg("<g>" * 150 + "</g>" * 150), "is too complex"),
    (b"", "is empty"),
    (svg('<image href="data:image/png;base64,'
         + base64.b64encode(png(9000, 9000, pixels=False)).decode() + '" width="5"/>'),
     "holds an embedded picture that has too many pixels (9000 x 9000"),
    (svg(f'<image href="data:image/png;base64,{base64.b64encode(png()[:-20]).decode()}"/>'),
     "holds an embedded picture that is cut short"),
    (svg('<image href="data:image/jpeg;base64,not*base64!"/>'),
     "holds an embedded picture that is not readable base64 data"),
])
def test_a_picture_the_kiosk_will_not_show_is_named_with_why(data: bytes, words: str) -> None:
    problem = picture_problem(data)
    assert problem is not None and words in problem.message, problem and problem.message
    assert problem.hint


@pytest.mark.parametrize("data", [
    png(), png(padding=3000), svg(),
    svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
        '<circle id="c" r="2"/></defs><rect fill="url(#g)" width="5" height="5"/>'
        '<use xlink:href="#c"/>'),
    svg(f'<image href="data:image/png;base64,{base64.b64encode(png()).decode()}" width="5" '
        'height="5"/>'),
    b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + svg(),
])
def test_ordinary_pictures_pass(data: bytes) -> None:
    assert picture_problem(data) is None


def test_the_screens_decode_with_the_same_reader() -> None:
    assert decode_raster(png(6, 2)).size().toTuple() == (6, 2)


def test_an_svg_pointing_at_a_file_on_the_pc_is_never_shown(tmp_path: Path) -> None:
    """The containment hole: an <image> with a local path showed a file from elsewhere."""
    root = write_content(tmp_path / "c")
    outside = tmp_path / "private.png"
    outside.write_bytes(png())
    (root / "images" / "sneaky.svg").write_bytes(
        svg(f'<image href="{outside}" width="10" height="10"/>'))
    (root / "en" / "02-topic-2.md").write_text(
        section_text("Topic 2 en", ["Text.\n\n![A picture](../images/sneaky.svg)"]),
        encoding="utf-8")
    library = load_library(root)
    assert "images/sneaky.svg" not in library.images
    assert [(f.path.name, f.line) for f in library.errors if "sneaky" in f.message] == [
        ("02-topic-2.md", 13)]
    assert "topic-2" in {s.slug for s in library.languages["en"].sections}


def test_every_way_of_writing_a_picture_reaches_the_snapshot(tmp_path: Path) -> None:
    from tests.content.broken_cases import CASES, build

    root = build(next(c for c in CASES if c.name == "every-form"), tmp_path / "c")
    library = load_library(root)
    assert {"images/my%20picture.svg", "images/dot.svg"} <= set(library.images)
    section = library.languages["en"].section("forms")
    assert section is not None
    text = section.pages[0].markdown
    assert text.count("kiosk-img:images/my%20picture.svg") == 2
    assert '<img src="kiosk-img:images/dot.svg"' in text and "[dot]: kiosk-img:images/dot.svg" \
        in text


def test_validate_prints_nothing_on_stderr_for_damaged_pictures(tmp_path: Path) -> None:
    """libpng and Qt's decoders complain on their own; validate's findings say it for them."""
    import subprocess
    import sys

    root = write_content(tmp_path / "c")
    (root / "images" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (root / "images" / "b.png").write_bytes(png()[:40] + b"\x00" + png()[41:])
    (root / "images" / "c.jpg").write_bytes(b"\xff\xd8" + bytes(100))
    (root / "en" / "02-topic-2.md").write_text(section_text("Topic 2 en", [
        "![a](../images/a.png) ![b](../images/b.png) ![c](../images/c.jpg)"]), encoding="utf-8")
    result = subprocess.run([sys.executable, "main.py", "validate", str(root)],
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).parents[3])
    assert result.returncode == 1
    assert result.stdout.count("02-topic-2.md:11: error: picture") == 3
    assert result.stderr == ""
