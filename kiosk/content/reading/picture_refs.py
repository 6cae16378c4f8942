"""Markdown's picture references, rewritten to the in-memory snapshot's keys.

Markdown lets a picture be written several ways; each is found here and loaded (or reported)
the same way, so a picture shows on screen exactly when `rls-kiosk validate` accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

# Every way Markdown lets a picture be written, so each is loaded (or reported) the same way:
# ![alt](path "title") and ![alt](<path with spaces>), a reference definition `[id]: path`
# (used by ![alt][id]), and raw HTML <img src="path">. Paths may be percent-encoded (%20).
IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*(?:<([^<>\n]*)>|([^\s()<>]+))"
                      r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)")
REFERENCE_RE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(?:<([^<>\n]*)>|(\S+))", re.M)
HTML_IMG_RE = re.compile(r"(<img\b[^>]*?\bsrc\s*=\s*)(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.I)
URL_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}
IMAGE_SCHEME = "kiosk-img:"

# Loads the picture written as `ref` on `line`; returns its snapshot key, or None (reported).
PictureLoader = Callable[[int, str], str | None]


def markdown_with_pictures(body: str, first_line: int, picture: PictureLoader) -> str:
    """Replace picture paths by snapshot keys, however the picture is written; a bad
    picture becomes its alt text (or is dropped)."""
    def line_of(match: re.Match[str]) -> int:
        return first_line + body.count("\n", 0, match.start())

    def inline(match: re.Match[str]) -> str:
        key = picture(line_of(match), _path(match.group(2), match.group(3)))
        alt = match.group(1)
        return f"![{alt}]({IMAGE_SCHEME}{key})" if key else f"*{alt}*" if alt else ""

    def reference(match: re.Match[str]) -> str:
        ref = _path(match.group(2), match.group(3))
        if Path(ref).suffix.lower() not in IMAGE_SUFFIXES or URL_SCHEME_RE.match(ref):
            return match.group(0)  # a link, checked by validate
        key = picture(line_of(match), ref)
        return f"{match.group(1)}{IMAGE_SCHEME}{key or ''}"  # none: reported, shows nothing

    def html(match: re.Match[str]) -> str:
        ref = _path(match.group(2), match.group(3) or match.group(4))
        key = picture(line_of(match), ref)
        return f'{match.group(1)}"{IMAGE_SCHEME}{key or ""}"'

    body = IMAGE_RE.sub(inline, body)
    body = REFERENCE_RE.sub(reference, body)
    return HTML_IMG_RE.sub(html, body)


def _path(*written: str | None) -> str:
    """A picture path as written (one of the regex groups), percent-encoding undone."""
    return unquote(next((w for w in written if w is not None), "").strip())
