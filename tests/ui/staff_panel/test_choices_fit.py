"""Rows of option buttons on the staff pages fit the screen: on a narrow (portrait) screen, or with
longer Spanish words, a row wraps onto more lines instead of running past the right edge, and
the page buttons on the left are wide enough for their names."""

from __future__ import annotations

import pytest

from kiosk.settings.config import Settings
from kiosk.ui.staff_panel.parts import Choices
from tests.helpers.screens import MIN_TARGET, SLACK, text_problem, window_rect
from tests.helpers.touch import tap
from tests.ui.staff_panel.conftest import PIN_HASH

SIZES = [(1080, 1920), (1366, 768), (1920, 1080), (3840, 2160)]


def choice_problems(kiosk, page_key: str) -> list[str]:
    """Every option button on a staff page that is cut off, squeezed, too small or covered."""
    tap(kiosk.staff.panel.nav_buttons[page_key])
    page = kiosk.staff.panel.pages[page_key]
    seen = window_rect(page.viewport()).adjusted(-SLACK, 0, SLACK, 0)
    buttons = [(key, button) for choices in page.widget().findChildren(Choices)
               for key, button in choices.buttons.items()]
    assert buttons, f"no option buttons on the {page_key} page"
    problems = []
    for key, button in buttons:
        rect = window_rect(button)
        if rect.left() < seen.left() or rect.right() > seen.right():
            problems.append(f"{key} {button.text()!r} at {rect} outside {seen}")
        if (problem := text_problem(button)) is not None:
            problems.append(f"{key} {button.text()!r} {problem}")
        if min(rect.width(), rect.height()) < MIN_TARGET:
            problems.append(f"{key} {button.text()!r} smaller than {MIN_TARGET} px: {rect}")
    for i, (key, one) in enumerate(buttons):
        for other_key, other in buttons[i + 1:]:
            if window_rect(one).intersects(window_rect(other)):
                problems.append(f"{key} {one.text()!r} overlaps {other_key} {other.text()!r}")
    return problems


def test_settings_choices_fit_a_portrait_screen_in_spanish_at_the_largest_text(make_kiosk) -> None:
    kiosk = make_kiosk(Settings(staff_pin_hash=PIN_HASH, default_language="es",
                                text_size="largest"), size=(1080, 1920))
    kiosk.log_in()
    assert kiosk.staff.panel.nav_buttons["settings"].text() == "Configuración"
    assert choice_problems(kiosk, "settings") == []


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_staff_page_choices_fit(make_kiosk, size, lang) -> None:
    # The panel draws at the normal text size whatever the patients' size (StaffMode._retheme),
    # but the largest size is the one that can make the window itself grow.
    kiosk = make_kiosk(Settings(staff_pin_hash=PIN_HASH, default_language=lang,
                                text_size="largest"), size=size)
    kiosk.log_in()
    for key in ("visits", "export", "settings"):
        assert choice_problems(kiosk, key) == [], key
    nav = kiosk.staff.panel.nav_buttons.values()
    assert [(b.text(), text_problem(b)) for b in nav if text_problem(b)] == []
