"""The look: colour palettes, sizes derived from the screen and text size, and the QSS template.

Everything visual is decided here and in `assets/theme.qss`; widgets only set object names and
roles. Sizes are given for a 1080-pixel-high landscape screen at normal text size and scaled by
the shorter side of the window, so 1366x768, 1080x1920 portrait and 3840x2160 all look designed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from string import Template

from kiosk.settings import paths
from kiosk.ui.look import contrast

log = logging.getLogger(__name__)

TEXT_SCALE = {"normal": 1.0, "large": 1.2, "largest": 1.4}
FONT_FAMILY = "Atkinson Hyperlegible"

PALETTES: dict[str, dict[str, str]] = {
    "standard": {
        "bg": "#f5f2ec", "surface": "#ffffff", "text": "#18212b", "muted": "#46505c",
        "primary": "#1d5b79", "on_primary": "#ffffff", "accent": "#b4531a",
        "border": "#6b7580", "pressed": "#d7e4ec", "notice_bg": "#fff1c7",
        "notice_text": "#3d2e00", "overlay": "rgba(10, 20, 30, 200)", "dot": "#56616d",
        "right": "#1e6b34", "wrong": "#a12a1f",
        # The attract screen: the clinic's colour (primary) behind white words.
        "attract_bg": "#1d5b79", "attract_text": "#ffffff", "prompt_bg": "#ffffff",
        "prompt_text": "#1d5b79",
    },
    "high-contrast": {
        "bg": "#000000", "surface": "#000000", "text": "#ffffff", "muted": "#ffffff",
        "primary": "#ffff00", "on_primary": "#000000", "accent": "#ffff00",
        "border": "#ffffff", "pressed": "#333300", "notice_bg": "#000000",
        "notice_text": "#ffff00", "overlay": "rgba(0, 0, 0, 235)", "dot": "#ffffff",
        "right": "#7dff8a", "wrong": "#ffb0b0",
        # Black behind white words, the prompt in yellow: not a screen-filling yellow slab.
        "attract_bg": "#000000", "attract_text": "#ffffff", "prompt_bg": "#ffff00",
        "prompt_text": "#000000",
    },
}

# Base sizes in px for a 1080-px-high screen; "font" keys also follow the text size.
BASE_FONTS = {
    "body": 30, "small": 24, "h1": 50, "h2": 38, "tile_title": 32, "tile_sub": 23,
    "button": 28, "attract_title": 72, "attract_fact": 44, "attract_prompt": 36,
}
BASE_SIZES = {
    "button_h": 88, "margin": 32, "spacing": 18, "radius": 18, "icon": 112,
    "border_w": 3, "tile_min_h": 150,
}


DOCUMENT_CSS = Template(
    "body { font-family: '$font'; font-size: ${f_body}px; color: $text; }"
    " p, li { line-height: 135%; }"
    " p { margin-top: 0px; margin-bottom: ${body_gap}px; }"
    " li { margin-bottom: ${item_gap}px; }"
    " h2 { font-size: ${f_h2}px; font-weight: bold; margin-bottom: 12px; }"
    " h3 { font-size: ${f_h3}px; font-weight: bold; margin-top: 8px; margin-bottom: 6px; }"
    " a { color: $primary; font-weight: bold; }"
    " .muted { color: $muted; font-size: ${f_small}px; }"
)
SITE_COLOUR_KEYS = ("primary", "accent")
_refused: set[tuple[str, str]] = set()


@cache
def _pairs(qss_template: str) -> frozenset[tuple[str, str]]:
    return frozenset(contrast.text_pairs(qss_template) | contrast.text_pairs(DOCUMENT_CSS.template))


def text_pairs() -> frozenset[tuple[str, str]]:
    """Every (text colour, background) pair the style sheet and the page CSS can draw."""
    return _pairs(paths.theme_file().read_text(encoding="utf-8"))


def readable(colours: dict[str, str], minimum: float) -> list[tuple[str, str, float]]:
    """The text pairs in `colours` below `minimum`, with their ratio (empty: all readable)."""
    failing = []
    for fg, bg in sorted(text_pairs()):
        value = contrast.ratio(colours[fg], colours[bg])
        if value < minimum:
            failing.append((fg, bg, value))
    return failing


def _with_site_colours(colours: dict[str, str], site: dict[str, str]) -> dict[str, str]:
    """The clinic's brand colours, each only if every text drawn with or on it stays readable."""
    for key in SITE_COLOUR_KEYS:
        value = site.get(key, "")
        if not value or not contrast.is_colour(value):
            continue
        trial = {**colours, key: value}
        failing = [f for f in readable(trial, contrast.MIN_STANDARD) if key in f[:2]]
        if failing:
            if (key, value) not in _refused:
                _refused.add((key, value))
                fg, bg, ratio = failing[0]
                log.warning("Theme: the site colour %s = %s is not used: %s text on %s would "
                            "have a contrast of only %.1f:1 (at least %.1f:1 is needed)",
                            key, value, fg, bg, ratio, contrast.MIN_STANDARD)
            continue
        colours = trial
    return colours


def scale_for(width: int, height: int) -> float:
    """Layout scale for a window: 1.0 at 1080 px on the shorter side, never below 0.72."""
    return max(0.72, min(width, height) / 1080)


@dataclass(frozen=True)
class Theme:
    name: str
    text_size: str
    scale: float
    colours: dict[str, str]

    @classmethod
    def create(cls, name: str, text_size: str, width: int, height: int,
               site_colours: dict[str, str] | None = None) -> Theme:
        colours = dict(PALETTES.get(name, PALETTES["standard"]))
        if name == "standard" and site_colours:
            colours = _with_site_colours(colours, site_colours)
            colours.update(attract_bg=colours["primary"], prompt_text=colours["primary"])
        return cls(name, text_size if text_size in TEXT_SCALE else "normal",
                   scale_for(width, height), colours)

    def px(self, key: str) -> int:
        return max(1, round(BASE_SIZES[key] * self.scale))

    def font_px(self, key: str) -> int:
        return round(BASE_FONTS[key] * self.scale * TEXT_SCALE[self.text_size])

    def touch_px(self) -> int:
        """Height of a primary button: grows with the text so labels never clip."""
        return max(self.px("button_h"), round(self.font_px("button") * 2.3), 64)

    def values(self) -> dict[str, str | int]:
        values: dict[str, str | int] = {"font": FONT_FAMILY, **self.colours}
        values.update({f"f_{k}": self.font_px(k) for k in BASE_FONTS})
        values.update({k: self.px(k) for k in BASE_SIZES})
        values["touch"] = self.touch_px()
        values["pad"] = round(self.px("spacing") * 1.2)
        return values

    def stylesheet(self) -> str:
        template = Template(paths.theme_file().read_text(encoding="utf-8"))
        return template.substitute(self.values())

    def document_css(self) -> str:
        """CSS for rich text (Qt's subset): reader pages, attract facts, disclaimer."""
        body = self.font_px("body")
        return DOCUMENT_CSS.substitute(
            self.values(), body_gap=round(body * 0.7), item_gap=round(body * 0.35),
            f_h3=round(body * 1.15))
