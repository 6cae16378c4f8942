"""Text contrast (WCAG 2) for every text/background pair the style sheet and page CSS draw."""

from __future__ import annotations

import logging
import re

import pytest

from kiosk.settings import paths
from kiosk.ui.look import contrast
from kiosk.ui.look.theme import PALETTES, Theme, readable, text_pairs


def test_ratio_matches_wcag_reference_values() -> None:
    assert contrast.ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast.ratio("#777", "#777777") == pytest.approx(1.0)
    assert contrast.ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast.over("rgba(0, 0, 0, 255)", "#ffffff") == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="not a colour"):
        contrast.parse_colour("blue-ish")


def test_pairs_follow_own_ancestor_and_page_backgrounds() -> None:
    sample = """
    QWidget { color: $text; }
    QWidget#Banner { background: $primary; }
    QWidget#Banner QLabel#Title { font-size: ${f_h1}px; color: $on_primary; }
    QLabel#Note { color: $notice_text; background: $notice_bg; }
    QPushButton:pressed { background: $pressed; }
    /* QLabel#Gone { color: $accent; } */
    """
    assert contrast.text_pairs(sample) == {
        ("text", "bg"), ("text", "surface"), ("text", "pressed"),
        ("on_primary", "primary"), ("notice_text", "notice_bg"),
    }


def test_the_real_sheets_are_parsed() -> None:
    pairs = text_pairs()
    # The attract screen, the notice, buttons, and links in the page CSS.
    assert {("on_primary", "primary"), ("attract_text", "attract_bg"),
            ("prompt_text", "prompt_bg"), ("notice_text", "notice_bg"),
            ("text", "surface"), ("muted", "pressed"), ("primary", "bg")} <= pairs


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_text_pair_is_readable(name: str) -> None:
    minimum = contrast.minimum_for(name)
    assert minimum == (7.0 if name == "high-contrast" else 4.5)
    failing = [f"{fg} on {bg}: {value:.2f}:1" for fg, bg, value in readable(PALETTES[name],
                                                                           minimum)]
    assert failing == []


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_control_outlines_stand_out_from_the_page(name: str) -> None:
    """WCAG 1.4.11: a button's outline is what shows where it is (3:1 for non-text)."""
    colours = PALETTES[name]
    for page in ("bg", "surface"):
        assert contrast.ratio(colours["border"], colours[page]) >= 3.0


def test_every_placeholder_is_a_known_value_of_the_right_kind() -> None:
    sheet = re.sub(r"/\*.*?\*/", "", Theme.create("standard", "largest", 1366, 768).stylesheet(),
                   flags=re.DOTALL)
    assert "$" not in sheet
    assert not re.search(r"#[0-9a-fA-F]{3,6}px", sheet), "a colour was used as a size"
    keys = set(re.findall(r"\$\{?([a-z0-9_]+)", paths.theme_file().read_text(encoding="utf-8")))
    assert set(PALETTES["standard"]) == set(PALETTES["high-contrast"])
    values = Theme.create("standard", "normal", 1920, 1080).values()
    assert keys <= set(values)
    # A size must never share a name with a colour (it would replace the colour).
    assert all(values[key] == colour for key, colour in PALETTES["standard"].items())


def test_a_clinic_colour_that_would_be_unreadable_is_refused(caplog) -> None:
    caplog.set_level(logging.WARNING, logger="kiosk.ui.look.theme")
    light = Theme.create("standard", "normal", 1920, 1080, {"primary": "#9fd3ff"})
    assert light.colours["primary"] == PALETTES["standard"]["primary"]
    assert "primary = #9fd3ff is not used" in caplog.text
    dark = Theme.create("standard", "normal", 1920, 1080, {"primary": "#6a1b4d"})
    assert dark.colours["primary"] == "#6a1b4d"
    high = Theme.create("high-contrast", "normal", 1920, 1080, {"primary": "#6a1b4d"})
    assert high.colours == PALETTES["high-contrast"]
