"""Front matter: `key: value` lines between two `---` lines at the top of a Markdown file.

Deliberately not YAML: staff write it in Notepad, and every problem must point to a line.
A key may be followed by indented `- item` lines to make a list (used for `sources`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(.*)$")
_ITEM_RE = re.compile(r"^\s+-\s+(.*\S)\s*$")


@dataclass
class FrontMatter:
    values: dict[str, str | list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line
    body: str = ""
    body_line: int = 1  # 1-based line where the body starts
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, message, hint)

    def text(self, key: str) -> str:
        value = self.values.get(key, "")
        return value if isinstance(value, str) else ""


def split_front_matter(text: str) -> FrontMatter:
    """Split `text` into front matter and body. Problems are collected, never raised."""
    lines = text.split("\n")
    fm = FrontMatter()
    if not lines or lines[0].strip() != "---":
        fm.body = text
        return fm
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        fm.problems.append((1, "the front matter starting with --- is never closed",
                            "add a line with just --- after the last key"))
        return fm
    current_list: str | None = None
    for index in range(1, end):
        raw = lines[index].rstrip("\r")
        number = index + 1
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        item = _ITEM_RE.match(raw)
        if item and current_list is not None:
            listed = fm.values[current_list]
            assert isinstance(listed, list)
            listed.append(item.group(1))
            continue
        match = _KEY_RE.match(raw)
        if not match or raw[0].isspace():
            fm.problems.append((number, f'"{raw.strip()}" is not a "key: value" line',
                                'write one setting per line, like "title: What is RLS?"'))
            current_list = None
            continue
        key, value = match.group(1).lower(), match.group(2).strip()
        if key in fm.values:
            fm.problems.append((number, f'"{key}" is given twice', "keep only one of them"))
        fm.lines[key] = number
        if value:
            fm.values[key] = value
            current_list = None
        else:
            fm.values[key] = []
            current_list = key
    fm.body = "\n".join(lines[end + 1:])
    fm.body_line = end + 2
    return fm
