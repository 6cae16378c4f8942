"""Markdown -> safe HTML for the reader. No Qt.

Raw HTML in a content file is cleaned with an allow-list (nh3), so a pasted script, iframe,
form or style attribute can never reach the screen. Pictures only ever come from the in-memory
snapshot (`kiosk-img:` keys made by the loader).
"""

from __future__ import annotations

import html as html_module
import re

import markdown
import nh3

from kiosk.content.loader import IMAGE_SCHEME

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h2", "h3", "h4",
    "blockquote", "a", "img", "code", "pre", "hr", "span", "sub", "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
ALLOWED_SCHEMES = {"http", "https", "section", IMAGE_SCHEME.rstrip(":")}


def markdown_to_html(text: str) -> str:
    """Render Markdown and clean it. Never raises on deep nesting (it is flattened to text)."""
    try:
        html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    except RecursionError:
        html = "<p>" + nh3.clean_text(text) + "</p>"
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=ALLOWED_SCHEMES, link_rel=None)


def markdown_to_plain(text: str) -> str:
    """Markdown as one line of plain text (for short facts and accessible descriptions)."""
    cleaned = nh3.clean(markdown_to_html(text), tags=set())
    return re.sub(r"\s+", " ", html_module.unescape(cleaned)).strip()
