"""WCAG 2 contrast ratios between theme colours (no Qt).

The theme uses these to refuse a clinic's brand colour that would make text hard to read, and the
tests use them to check every text/background pair the style sheet and page CSS actually use.
"""

from __future__ import annotations

import re

# WCAG 2.2: 4.5:1 is level AA for body text, 7:1 level AAA (the high-contrast theme's promise).
MIN_STANDARD = 4.5
MIN_HIGH_CONTRAST = 7.0

_HEX_RE = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_RGBA_RE = re.compile(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(\d+(?:\.\d+)?)\s*)?\)")

RGB = tuple[float, float, float]


def parse_colour(text: str) -> tuple[RGB, float]:
    """`#rgb`, `#rrggbb` or `rgba(r, g, b, a)` (a as 0-255, like Qt) -> ((r, g, b), alpha 0-1)."""
    text = text.strip()
    if match := _HEX_RE.fullmatch(text):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        rgb = tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4))
        return (float(rgb[0]), float(rgb[1]), float(rgb[2])), 1.0
    if match := _RGBA_RE.fullmatch(text):
        r, g, b, a = match.groups()
        alpha = 1.0 if a is None else min(1.0, float(a) / 255)
        return (float(r), float(g), float(b)), alpha
    raise ValueError(f"{text!r} is not a colour such as #1d5b79")


def is_colour(text: str) -> bool:
    try:
        parse_colour(text)
    except ValueError:
        return False
    return True


def over(top: str, below: str) -> RGB:
    """The colour seen when `top` (possibly translucent) is painted over opaque `below`."""
    (tr, tg, tb), alpha = parse_colour(top)
    (br, bg, bb), _ = parse_colour(below)
    return (tr * alpha + br * (1 - alpha), tg * alpha + bg * (1 - alpha),
            tb * alpha + bb * (1 - alpha))


def luminance(rgb: RGB) -> float:
    """Relative luminance as defined by WCAG 2."""
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: str | RGB, background: str | RGB) -> float:
    """Contrast ratio 1..21 between two opaque colours (strings or RGB tuples)."""
    fg = parse_colour(foreground)[0] if isinstance(foreground, str) else foreground
    bg = parse_colour(background)[0] if isinstance(background, str) else background
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def minimum_for(theme_name: str) -> float:
    return MIN_HIGH_CONTRAST if theme_name == "high-contrast" else MIN_STANDARD


# Where text whose rule names no background of its own (nor an ancestor's) may be drawn: the
# page, a card or button face, and a pressed button.
PAGE_BACKGROUNDS = ("bg", "surface", "pressed")
_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_BRACED_RE = re.compile(r"\$\{([a-z0-9_]+)\}")
_KEY_RE = re.compile(r"\$([a-z0-9_]+)")
_PSEUDO_RE = re.compile(r"::?[a-z-]+")


def _declarations(body: str) -> dict[str, str]:
    found = {}
    for part in body.split(";"):
        name, sep, value = part.partition(":")
        if sep:
            found[name.strip().lower()] = value.strip()
    return found


def _colour_key(value: str | None) -> str | None:
    match = _KEY_RE.fullmatch(value.strip()) if value else None
    return match.group(1) if match else None


def text_pairs(template: str) -> set[tuple[str, str]]:
    """(text colour key, background key) for every text a style-sheet template can draw.

    Works on the QSS/CSS templates with `$key` placeholders. A rule's text colour goes with the
    rule's own background; else with the background of an ancestor named in the selector
    (`QWidget#Attract QLabel#AttractTitle`); else with every page background. A button or label
    rule that sets only a background (a pressed state) goes with the colour of the same selector
    without its state, or of its widget type, or of `QWidget`.
    """
    rules: list[tuple[str, dict[str, str]]] = []
    plain = _BRACED_RE.sub(r"$\1", _COMMENT_RE.sub("", template))
    for selectors, body in _RULE_RE.findall(plain):
        declarations = _declarations(body)
        for selector in selectors.split(","):
            rules.append((" ".join(selector.split()), declarations))

    def declared(selector: str, prop: str) -> str | None:
        for sel, decls in rules:
            if sel == selector and _colour_key(decls.get(prop)):
                return _colour_key(decls.get(prop))
        return None

    def background(decls: dict[str, str]) -> str | None:
        return _colour_key(decls.get("background") or decls.get("background-color"))

    pairs: set[tuple[str, str]] = set()
    for selector, decls in rules:
        fg, bg = _colour_key(decls.get("color")), background(decls)
        parts = selector.replace(">", " ").split()
        if fg and bg:
            pairs.add((fg, bg))
        elif fg:
            ancestors = [declared(part, "background") or declared(part, "background-color")
                         for part in reversed(parts[:-1])]
            found = next((key for key in ancestors if key), None)
            pairs.update((fg, key) for key in ([found] if found else PAGE_BACKGROUNDS))
        elif bg and parts[-1].startswith(("QPushButton", "QLabel")):
            base = _PSEUDO_RE.sub("", parts[-1])
            kind = re.match(r"[A-Za-z]+", base)
            colour = (declared(base, "color") or (kind and declared(kind.group(0), "color"))
                      or declared("QWidget", "color") or declared("body", "color"))
            if colour:
                pairs.add((colour, bg))
    return pairs
