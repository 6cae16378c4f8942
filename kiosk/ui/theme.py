"""The look: colour palettes, sizes derived from the screen and text size, and the QSS template.

Everything visual is decided here and in `assets/theme.qss`; widgets only set object names and
roles. Sizes are given for a 1080-pixel-high landscape screen at normal text size and scaled by
the shorter side of the window, so 1366x768, 1080x1920 portrait and 3840x2160 all look designed.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from kiosk import paths

TEXT_SCALE = {"normal": 1.0, "large": 1.2, "largest": 1.4}
FONT_FAMILY = "Atkinson Hyperlegible"

PALETTES: dict[str, dict[str, str]] = {
    "standard": {
        "bg": "#f5f2ec", "surface": "#ffffff", "text": "#18212b", "muted": "#46505c",
        "primary": "#1d5b79", "on_primary": "#ffffff", "accent": "#b4531a",
        "border": "#b9c0c9", "pressed": "#d7e4ec", "notice_bg": "#fff1c7",
        "notice_text": "#3d2e00", "overlay": "rgba(10, 20, 30, 200)", "dot": "#9aa4ae",
        "right": "#1e6b34", "wrong": "#a12a1f",
    },
    "high-contrast": {
        "bg": "#000000", "surface": "#000000", "text": "#ffffff", "muted": "#ffffff",
        "primary": "#ffff00", "on_primary": "#000000", "accent": "#ffff00",
        "border": "#ffffff", "pressed": "#333300", "notice_bg": "#000000",
        "notice_text": "#ffff00", "overlay": "rgba(0, 0, 0, 235)", "dot": "#ffffff",
        "right": "#7dff8a", "wrong": "#ff9e9e",
    },
}

# Base sizes in px for a 1080-px-high screen; "font" keys also follow the text size.
BASE_FONTS = {
    "body": 30, "small": 24, "h1": 50, "h2": 38, "tile_title": 32, "tile_sub": 23,
    "button": 28, "attract_title": 72, "attract_fact": 44, "attract_prompt": 36,
}
BASE_SIZES = {
    "button_h": 88, "margin": 32, "spacing": 18, "radius": 18, "icon": 112, "dot": 16,
    "border": 3, "tile_min_h": 150,
}


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
            colours.update({k: v for k, v in site_colours.items() if k in ("primary", "accent")})
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
        c, f = self.colours, self.font_px
        return (
            f"body {{ font-family: '{FONT_FAMILY}'; font-size: {f('body')}px;"
            f" color: {c['text']}; }}"
            f" p, li {{ line-height: 135%; }}"
            f" p {{ margin-top: 0px; margin-bottom: {round(f('body') * 0.7)}px; }}"
            f" li {{ margin-bottom: {round(f('body') * 0.35)}px; }}"
            f" h2 {{ font-size: {f('h2')}px; font-weight: bold; margin-bottom: 12px; }}"
            f" h3 {{ font-size: {round(f('body') * 1.15)}px; font-weight: bold;"
            f" margin-top: 8px; margin-bottom: 6px; }}"
            f" a {{ color: {c['primary']};"
            f" font-weight: bold; }}"
            f" .muted {{ color: {c['muted']}; font-size: {f('small')}px; }}"
        )
