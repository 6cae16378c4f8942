"""The clinic's details follow the language a patient taps: [clinic.es] on Spanish screens."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from tests.helpers.content import write_content
from tests.helpers.touch import tap

SITE = ('[clinic]\nname = "Hillview Clinic"\nphone = "212-555-7788"\n'
        'hours = "Monday to Friday, 8 a.m. to 5 p.m."\n\n'
        '[clinic.es]\nname = "Clínica Hillview"\n'
        'hours = "De lunes a viernes, de 8 a. m. a 5 p. m."\n\n'
        '[languages]\navailable = ["en", "es"]\ndefault = "en"\n')
ABOUT = ("---\ntitle: {title}\nreview_date: 2026-10\n---\n\n## {title}\n\n"
         "{label}: {{clinic.hours}}\n\n{phone}: {{clinic.phone}}\n")


def _library(root: Path) -> Library:
    write_content(root)
    (root / "site.toml").write_text(SITE, encoding="utf-8")
    for lang, title, label, phone in (("en", "Our clinic", "Hours", "Phone"),
                                      ("es", "Nuestra clínica", "Horario", "Teléfono")):
        (root / lang / "04-our-clinic.md").write_text(
            ABOUT.format(title=title, label=label, phone=phone), encoding="utf-8")
    library = load_library(root)
    assert library.findings == ()
    return library


def test_the_language_switch_shows_the_spanish_hours_and_name(make_window,
                                                               tmp_path: Path) -> None:
    window = make_window(_library(tmp_path / "content"))
    assert window.attract.clinic.text() == "Hillview Clinic"  # the default language's
    tap(window.attract)
    assert window.home.clinic.text() == "Hillview Clinic"
    tap(next(t for t in window.home.tiles if t.key == "our-clinic"))
    assert window.current_screen() is window.reader
    text = window.reader.browser.toPlainText()
    assert "Hours: Monday to Friday, 8 a.m. to 5 p.m." in text and "Phone: 212-555-7788" in text

    tap(window.footer.language_buttons["es"])  # while reading: the page is shown again
    text = window.reader.browser.toPlainText()
    assert "Horario: De lunes a viernes, de 8 a. m. a 5 p. m." in text
    assert "Teléfono: 212-555-7788" in text  # not in [clinic.es]: [clinic]'s
    tap(window.reader.home_button)
    assert window.home.clinic.text() == "Clínica Hillview"

    tap(window.footer.language_buttons["en"])  # the interface language is application-wide
    assert window.home.clinic.text() == "Hillview Clinic"
