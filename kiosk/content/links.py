"""Links in content: `section:` links move inside the kiosk; web addresses become QR codes.

A kiosk must never open a browser, so a web link is not a link on screen: its text stays, and
below its paragraph (or list) comes a QR code with the address written under it, for a patient
to take home on a phone. `find_links` gives `validate` every link with its line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from kiosk.content.qr import qr_key

SECTION_SCHEME = "section:"
WEB_RE = re.compile(r"https?://[^\s<>\"'`]+", re.I)
_TRAILING = ".,;:!?)]}'\""
_VOID = {"br", "img", "hr"}
# [text](target "title") but not ![picture](...); <https://...>; <a href="...">
_MD_LINK_RE = re.compile(
    r"(?<!!)\[[^\]\n]*\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK_RE = re.compile(r"<([a-z][a-z0-9+.-]*:[^\s<>]*)>", re.I)
_HREF_RE = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']?([^\"'\s>]*)", re.I)


@dataclass(frozen=True)
class Link:
    line: int
    target: str

    @property
    def is_web(self) -> bool:
        return self.target.lower().startswith(("http://", "https://"))

    @property
    def is_section(self) -> bool:
        return self.target.startswith(SECTION_SCHEME)


def web_address(text: str) -> str:
    """A web address found in running text, without the sentence's punctuation after it."""
    return text.rstrip(_TRAILING)


def find_links(markdown: str, first_line: int) -> list[Link]:
    """Every link target in `markdown` (Markdown links, <autolinks>, HTML links, bare web
    addresses), each with its line in the file."""
    found: list[Link] = []
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        spans: list[tuple[int, int, str]] = []
        for pattern in (_MD_LINK_RE, _AUTOLINK_RE, _HREF_RE):
            spans += [(*m.span(), m.group(1)) for m in pattern.finditer(line)]
        bare = [(m.start(), m.end(), web_address(m.group(0))) for m in WEB_RE.finditer(line)
                if not any(start <= m.start() < end for start, end, _ in spans)]
        found += [Link(number, target) for _, _, target in sorted(spans + bare)]
    return found


class _Targets(HTMLParser):
    """Every <a href> and <img src> in HTML, in order, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        value = dict(attrs).get(wanted) if wanted else None
        if value is not None:
            self.found.append((tag, value.strip()))

    handle_startendtag = handle_starttag


def rendered_targets(html_text: str) -> list[tuple[str, str]]:
    """("a", address) and ("img", source) for every link and picture in rendered HTML."""
    parser = _Targets()
    parser.feed(html_text)
    parser.close()
    return parser.found


class _QrRewriter(HTMLParser):
    """Re-emits clean HTML: web links become text, and QR blocks follow each top-level block."""

    def __init__(self, caption: str) -> None:
        super().__init__(convert_charrefs=True)
        self.caption = caption
        self.out: list[str] = []
        self.depth = 0
        self.pending: list[str] = []  # addresses waiting for the end of their block
        self.shown: set[str] = set()
        self.anchors: list[bool] = []  # for each open <a>: was it turned into a <span>?

    def _want(self, url: str) -> None:
        if url not in self.shown:
            self.shown.add(url)
            self.pending.append(url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href") or ""
            keep = href.startswith(SECTION_SCHEME)
            self.anchors.append(not keep)
            if not keep:
                if WEB_RE.fullmatch(href):
                    self._want(href)
                self.out.append("<span>")
                self.depth += 1
                return
        self.out.append(_start(tag, attrs))
        if tag not in _VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(_start(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == "a" and self.anchors:
            self.out.append("</span>" if self.anchors.pop() else "</a>")
        else:
            self.out.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)
        if self.depth == 0:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not (self.anchors and self.anchors[-1]):
            for match in WEB_RE.finditer(data):
                self._want(web_address(match.group(0)))
        self.out.append(html.escape(data, quote=False))

    def flush(self) -> None:
        for url in self.pending:
            address = html.escape(url)
            caption = f"<br />{html.escape(self.caption)}" if self.caption else ""
            self.out.append(  # line-height: a taller line would put a gap under the code
                f'<p align="center" style="line-height: 100%"><img src="{qr_key(url)}" '
                f'alt="QR code: {address}" /><br />{address}{caption}</p>')
        self.pending = []


def _start(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = "".join(f' {name}="{html.escape(value or "")}"' for name, value in attrs)
    return f"<{tag}{parts}>"


def web_links_as_qr(clean_html: str, caption: str = "") -> str:
    """`clean_html` (already cleaned by nh3) with every web address shown as a QR code below
    its block and no link left on screen but `section:` links. Each address is shown once."""
    rewriter = _QrRewriter(caption)
    rewriter.feed(clean_html)
    rewriter.close()
    rewriter.flush()
    return "".join(rewriter.out)
