"""Markdown that would freeze or crash the renderer, caught before the renderer sees it.

Python-Markdown is fine on anything a person writes, but some shapes are slow or deep enough to
hang the kiosk (measured on Python-Markdown 3.x, see benchmarks/bench_content.py):

* 1,000 list items each nested one level deeper: 20 s, then RecursionError;
* 1,000 quote lines of growing depth (`> > > ...`): 8 s;
* `[` without a matching `]`: every one rescans the rest of its paragraph, so 2,000 of them take
  1 s and 8,000 take 18 s.

Each check here is linear, runs before anything is rendered, and turns such a file into a finding
with its line; the file is then left out, so nothing slow ever reaches the screen.
"""

from __future__ import annotations

import re

MAX_DEPTH = 8  # nesting levels of lists or quotes a page may use
MAX_PAGE_CHARS = 64 * 1024
MAX_UNMATCHED_BRACKETS = 20
# A line's block prefix: quote markers, list markers ("-", "*", "+", "1." or "1)") and spaces.
_PREFIX_RE = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_MARKER_RE = re.compile(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")
_TAB = 4

Hazard = tuple[int, str, str]  # (line, message, hint)


def _depth(line: str) -> int:
    """Levels of nesting a line asks for: indentation in steps of 4 (a list inside a list), plus
    every quote and list marker after it (mixed on one line, as in "- > 1. > text"); a list at
    the top is level 0, as plain text is."""
    expanded = line.expandtabs(_TAB)
    text = expanded.lstrip(" ")
    prefix = _PREFIX_RE.match(text)
    assert prefix is not None  # the pattern matches every string
    markers = _MARKER_RE.findall(prefix.group(0))
    top_list = bool(markers) and markers[0] != ">"
    return (len(expanded) - len(text)) // _TAB + len(markers) - top_list


def markdown_hazards(body: str, first_line: int) -> list[Hazard]:
    """Problems in a Markdown body that starts at line `first_line` of its file."""
    hazards: list[Hazard] = []
    for offset, line in enumerate(body.split("\n")):
        if line.strip() and _depth(line) > MAX_DEPTH:
            hazards.append((first_line + offset,
                            f"is nested {_depth(line)} levels deep (lists or quotes)",
                            f"use at most {MAX_DEPTH} levels; the kiosk leaves this file out"))
            break
    unmatched: list[int] = []  # offsets of "[" still waiting for their "]"
    for index, char in enumerate(body):
        if char == "[":
            unmatched.append(index)
        elif char == "]" and unmatched:
            unmatched.pop()
    if len(unmatched) > MAX_UNMATCHED_BRACKETS:
        first_open = first_line + body.count("\n", 0, unmatched[0])
        hazards.append((first_open, f'has {len(unmatched)} "[" without a matching "]"',
                        'close each "[" with "]" (links are written [text](address)), or '
                        "remove the stray brackets"))
    return hazards


def page_hazard(markdown: str, line: int) -> Hazard | None:
    """A page too long to show on one screen (and slow to lay out)."""
    if len(markdown) > MAX_PAGE_CHARS:
        return (line, f"the page is too long ({len(markdown) // 1024} KB; at most "
                      f"{MAX_PAGE_CHARS // 1024} KB)",
                'split it into several pages with "## " headings')
    return None
