"""Markdown -> HTML for the screen, without Qt: nothing active survives, web links become QR
codes, and Markdown that would hang the renderer never reaches it."""

from __future__ import annotations

import time
from urllib.parse import unquote

import pytest

from kiosk.content.links import find_links, web_links_as_qr
from kiosk.content.qr import QR_SCHEME, qr_key, qr_side, qr_svg, url_of_key
from kiosk.content.reading.hazards import MAX_DEPTH, markdown_hazards, page_hazard
from kiosk.content.render import markdown_to_html, markdown_to_plain

NASTY = """Hello.

<script>alert("x")</script><iframe src="https://evil.example"></iframe>
<form action="https://evil.example"><input name="q"><button>Go</button></form>
<p onclick="alert(1)" onmouseover="alert(2)" style="background: url(https://evil.example/t.png)">
Styled</p>
<a href="javascript:alert(1)">js</a> <a href="file:///etc/passwd">file</a>
<a href="JaVaScRiPt:alert(1)">mixed case</a> <a href="data:text/html,hi">data</a>
[md js](javascript:alert(1)) [md file](file:///C:/secret.txt)
<img src="file:///etc/passwd"> <img src="../../secret.png"> <img src="https://evil.example/p.png">
<style>p { color: red }</style><object data="x.swf"></object><embed src="x.swf">
<link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh">
"""


def test_nothing_active_survives_cleaning() -> None:
    html = markdown_to_html(NASTY).lower()
    for banned in ("<script", "<iframe", "<form", "<input", "<button", "onclick", "onmouseover",
                   "style=", "javascript:", "file:", "data:", "<style", "<object", "<embed",
                   "<link", "<meta", "evil.example", "secret.png", 'alert("x")'):
        assert banned not in html, banned
    assert "hello." in html and "styled" in html and "mixed case" in html


def test_web_links_become_qr_codes_below_their_block() -> None:
    html = markdown_to_html(
        "Read [the guide](https://example.org/guide?a=1&b=2) now.\n\n"
        "- one <https://example.org/two>\n- again [same](https://example.org/two)\n\n"
        "Bare https://example.org/three. [A topic](section:treatment)\n\nLast.",
        "Scan me")
    assert "<a" not in html.replace('<a href="section:treatment">', "")
    keys = [unquote(part.split('"')[0]) for part in html.split(f'src="{QR_SCHEME}')[1:]]
    assert keys == ["https://example.org/guide?a=1&b=2", "https://example.org/two",
                    "https://example.org/three"]
    blocks = html.split("\n")
    assert blocks[0].startswith("<p>Read <span>the guide</span> now.</p><p align=\"center\"")
    assert "https://example.org/guide?a=1&amp;b=2<br />Scan me</p>" in blocks[0]
    assert blocks[4].startswith("</ul><p align=\"center\"")  # after the whole list, once
    assert html.endswith("<p>Last.</p>")
    assert '<a href="section:treatment">A topic</a>' in html


def test_qr_code_holds_the_address() -> None:
    url = "https://medlineplus.gov/restlesslegs.html"
    assert url_of_key(qr_key(url)) == url
    assert '"' not in qr_key('https://x.org/"><script>')
    svg = qr_svg(url)
    assert svg.startswith(b"<svg") and b"path" in svg


def test_plain_text_has_no_qr_blocks() -> None:
    assert markdown_to_plain("Go to [the site](https://example.org).") == "Go to the site."


def test_links_are_found_with_their_lines() -> None:
    text = ("one [a](section:x) and [b](javascript:alert(1))\n"
            '<a href="file:///etc">c</a> <https://e.org/x>\nbare https://f.org/y.\n')
    assert [(link.line, link.target) for link in find_links(text, 10)] == [
        (10, "section:x"), (10, "javascript:alert(1)"), (11, "file:///etc"),
        (11, "https://e.org/x"), (12, "https://f.org/y")]


@pytest.mark.parametrize("text", [
    "\n".join("    " * level + "- item" for level in range(1000)),
    "\n".join(">" * level + " quote" for level in range(1, 1001)),
    "\n".join("\t" * level + "> - mixed" for level in range(1000)),
])
def test_deep_nesting_is_refused_before_rendering_quickly(text: str) -> None:
    started = time.perf_counter()
    hazards = markdown_hazards(text, 1)
    assert time.perf_counter() - started < 1
    assert hazards and f"is nested {MAX_DEPTH + 1} levels deep" in hazards[0][1]


def test_nesting_people_write_is_fine() -> None:
    text = "- a\n    - b\n        - c\n\n> quote\n> > reply\n\n    code block\n"
    assert markdown_hazards(text, 1) == []


def test_stray_brackets_are_refused_and_links_are_not_counted() -> None:
    assert markdown_hazards("[ok](section:a) " * 500 + "[x] " * 30 + "[" * 20, 1) == []
    problems = markdown_hazards("line one\nthen " + "[" * 21, 5)
    assert problems[0][:2] == (6, 'has 21 "[" without a matching "]"')


def test_the_largest_page_allowed_renders_fast() -> None:
    """Just inside every limit: 64 KB, 20 stray brackets at the start, 8 levels deep."""
    nested = "\n".join("    " * (level % MAX_DEPTH) + "- item" for level in range(200))
    text = "[" * 20 + " " + ("word " * 10_000) + "\n\n" + nested
    text = text[:64 * 1024]
    assert markdown_hazards(text, 1) == [] and page_hazard(text, 1) is None
    started = time.perf_counter()
    markdown_to_html(text)
    assert time.perf_counter() - started < 2


def test_a_too_long_page() -> None:
    assert page_hazard("x" * (64 * 1024 + 1), 7) == (
        7, "the page is too long (64 KB; at most 64 KB)",
        'split it into several pages with "## " headings')


def test_rewriting_keeps_clean_html_intact() -> None:
    html = '<p>a &amp; b &lt;c&gt; <strong>d</strong><br><img src="kiosk-img:x.svg" alt="p"></p>'
    assert web_links_as_qr(html) == (
        '<p>a &amp; b &lt;c&gt; <strong>d</strong><br><img src="kiosk-img:x.svg" alt="p"></p>')


def test_qr_size_gives_whole_pixels_per_module() -> None:
    url = "https://www.example.org"  # 25 modules + 2 x 4 quiet zone = 33
    assert qr_side(url, 400) == 396 and qr_side(url, 33) == 33 and qr_side(url, 10) == 33
