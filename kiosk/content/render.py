"""Markdown -> safe HTML for the reader. No Qt.

Raw HTML in a content file is cleaned with an allow-list (nh3), so a pasted script, iframe,
form, event handler or style attribute can never reach the screen, and a link or picture
address without an allowed scheme (`javascript:`, `file:`, a relative path) is dropped. Pictures
only ever come from the in-memory snapshot (`kiosk-img:` keys made by the loader); web addresses
become QR codes (`kiosk.content.links`), so nothing on a page opens a browser.
"""

from __future__ import annotations

import html as html_module
import re
import threading

import markdown
import nh3
from markdown.extensions.sane_lists import SaneListExtension

from kiosk.content.links import web_links_as_qr
from kiosk.content.reading.picture_refs import IMAGE_SCHEME

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "a", "img", "code", "pre", "hr", "span", "sub", "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
ALLOWED_SCHEMES = {"http", "https", "section", IMAGE_SCHEME.rstrip(":")}

_local = threading.local()


def _markdown() -> markdown.Markdown:
    """This thread's converter (content reloads run in the background), reset for each text:
    building one costs more than converting a page, and naming the extension ("sane_lists")
    makes Markdown scan every installed package's entry points first (35 ms at start-up)."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=[SaneListExtension()], output_format="html")
        _local.converter = converter
    return converter.reset()


def _clean_html(text: str) -> str:
    """Markdown -> HTML with only allowed tags, attributes and addresses left.

    The loader has already left out files nested too deeply for the renderer
    (`kiosk.content.reading.hazards`); the RecursionError guard is for text that did not come
    through it.
    """
    return nh3.clean(markdown_to_raw_html(text), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=ALLOWED_SCHEMES, url_relative="deny", link_rel=None,
                     attribute_filter=_only_snapshot_pictures)


def markdown_to_raw_html(text: str) -> str:
    """Python-Markdown's own HTML for `text`, not yet cleaned: what every form of link and
    picture (inline, reference-style, autolink, raw HTML) becomes, so `validate` checks them
    all by the same rules."""
    try:
        return _markdown().convert(text)
    except RecursionError:
        return "<p>" + nh3.clean_text(text) + "</p>"


def _only_snapshot_pictures(tag: str, attribute: str, value: str) -> str | None:
    """A picture comes from the loader's snapshot or not at all (never from the web)."""
    if tag == "img" and attribute == "src" and not value.startswith(IMAGE_SCHEME):
        return None
    return value


def markdown_to_html(text: str, qr_caption: str = "") -> str:
    """Safe HTML for a page; each web address is shown once as a QR code under its block,
    with `qr_caption` (e.g. "Scan with your phone camera") under the address."""
    return web_links_as_qr(_clean_html(text), qr_caption)


def markdown_to_plain(text: str) -> str:
    """Markdown as one line of plain text (for short facts and accessible descriptions)."""
    cleaned = nh3.clean(_clean_html(text), tags=set())
    return re.sub(r"\s+", " ", html_module.unescape(cleaned)).strip()
