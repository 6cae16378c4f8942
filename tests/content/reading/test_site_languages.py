"""Clinic details per language: [clinic.es] overrides only what it names (no Qt)."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.content.reading.site import EXAMPLE_MARK
from tests.helpers.content import SVG, write_content

ABOUT = ("---\ntitle: About us\nreview_date: 2026-10\n---\n\n## Contact\n\n"
         "Call {clinic.phone}, open {clinic.hours}, at {clinic.address}\n")


def _library(root: Path, site: str) -> Library:
    write_content(root)
    (root / "site.toml").write_text(site, encoding="utf-8")
    for lang in ("en", "es"):
        (root / lang / "04-about-us.md").write_text(ABOUT, encoding="utf-8")
    return load_library(root)


def _problems(library: Library) -> list[tuple[int, str, str]]:
    return [(f.line, f.message, f.hint) for f in library.findings]


BASE = ('[clinic]\nname = "Hillview Clinic"\nphone = "212-555-7788"\naddress = "1 Lake Road"\n'
        'hours = "Monday to Friday, 8 a.m. to 5 p.m."\n\n'
        '[languages]\navailable = ["en", "es"]\ndefault = "en"\n')


def test_a_language_table_overrides_only_the_keys_it_names(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE + '\n[clinic.es]\n'
                       'hours = "De lunes a viernes, de 8 a. m. a 5 p. m."\n')
    assert library.findings == ()
    spanish, english = library.site.in_language("es"), library.site.in_language("en")
    assert (spanish.hours, spanish.name, spanish.phone, spanish.address) == (
        "De lunes a viernes, de 8 a. m. a 5 p. m.", "Hillview Clinic", "212-555-7788",
        "1 Lake Road")
    assert english.hours == "Monday to Friday, 8 a.m. to 5 p.m."
    assert library.site.in_language("fr") == library.site  # no table: [clinic] as written

    def contact(lang: str) -> str:
        section = library.languages[lang].section("about-us")
        assert section is not None
        return section.pages[0].markdown

    assert contact("es") == ("Call 212-555-7788, open De lunes a viernes, de 8 a. m. a 5 p. m., "
                             "at 1 Lake Road")
    assert contact("en") == ("Call 212-555-7788, open Monday to Friday, 8 a.m. to 5 p.m., "
                             "at 1 Lake Road")


def test_the_shipped_site_toml_has_spanish_hours() -> None:
    site = load_library(Path(__file__).parents[3] / "content").site
    assert site.in_language("es").hours.startswith("De lunes a viernes")
    assert site.in_language("en").hours.startswith("Monday to Friday")


def test_a_language_table_may_change_the_logo(tmp_path: Path) -> None:
    root = tmp_path / "c"
    write_content(root)
    (root / "images" / "logo-es.svg").write_bytes(SVG)
    library = _library(root, BASE.replace("[clinic]\n", '[clinic]\nlogo = "images/dot.svg"\n')
                       + '\n[clinic.es]\nlogo = "images/logo-es.svg"\n')
    assert library.findings == ()
    assert library.site.in_language("es").logo == "images/logo-es.svg"
    assert "images/logo-es.svg" in library.images


def test_a_table_for_a_language_not_offered_is_reported_and_unused(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE + '\n[clinic.fr]\nhours = "Du lundi au vendredi"\n'
                       '\n[clinic.esp]\nhours = "Lunes"\n')
    assert _problems(library) == [
        (11, '[clinic.fr] is for "fr", which is not in [languages] available',
         'add "fr" to available under [languages], or use one of: en, es; until then the '
         "table is not used"),
        (14, '[clinic.esp] is for "esp", which is not in [languages] available',
         "did you mean [clinic.es]? Until then the table is not used")]
    assert library.site.by_language == {}
    assert all(c.sections for c in library.languages.values())  # the rest is shown


def test_unknown_keys_in_a_language_table_suggest_the_right_one(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE + '\n[clinic.es]\nhoras = "Lunes"\n'
                       'hours = "De lunes a viernes"\nopening = "x"\n')
    assert _problems(library) == [
        (12, '"horas" is not a known key in [clinic.es]', 'did you mean "hours"?'),
        (14, '"opening" is not a known key in [clinic.es]',
         "known keys: address, hours, logo, name, phone, website")]
    assert library.site.by_language == {"es": {"hours": "De lunes a viernes"}}


def test_wrong_types_are_reported_and_fall_back(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE.replace('phone = "212-555-7788"', "phone = 5550100")
                       + '\n[clinic.es]\nhours = ["lunes", "martes"]\nname = ""\n')
    assert _problems(library) == [
        (3, "[clinic] phone is not text in double quotes",
         'write it like phone = "(555) 010-0199"; until then it is left out'),
        (12, "[clinic.es] hours is not text in double quotes",
         'write it like hours = "Monday to Friday, 8 a.m. to 5 p.m."; until then the [clinic] '
         "value is used"),
        (13, "[clinic.es] name is empty",
         "write the name in the quotes, or delete the line to use the [clinic] name"),
        *[(8, "{clinic.phone} shows nothing: site.toml has no phone",
           'add phone = "..." under [clinic] in site.toml, or take the line out')] * 2]
    spanish = library.site.in_language("es")
    assert (spanish.phone, spanish.hours, spanish.name) == (
        "", "Monday to Friday, 8 a.m. to 5 p.m.", "Hillview Clinic")


def test_a_stray_text_key_under_clinic_points_to_language_tables(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE.replace("[clinic]\n", '[clinic]\nes = "Horario"\n'))
    assert _problems(library) == [
        (2, '"es" is not a known key in [clinic]',
         "known keys: address, hours, logo, name, phone, website; a table for one language "
         "is written like [clinic.es]")]


def test_inline_and_spaced_tables_are_read_and_located(tmp_path: Path) -> None:
    site = BASE.replace("[clinic]\n", '[clinic]\nes = { hours = "Lunes", horas = "x" }\n')
    library = _library(tmp_path / "c", site + '\n[ clinic . fr ]  # French, later\nhours = "x"\n')
    assert _problems(library) == [
        (2, '"horas" is not a known key in [clinic.es]', 'did you mean "hours"?'),
        (12, '[clinic.fr] is for "fr", which is not in [languages] available',
         'add "fr" to available under [languages], or use one of: en, es; until then the '
         "table is not used")]
    assert library.site.in_language("es").hours == "Lunes"


def test_the_readme_example_works_as_written(tmp_path: Path) -> None:
    """content/README.md's site.toml, with its [clinic.es] example added, is read as it says."""
    readme = (Path(__file__).parents[3] / "content" / "README.md").read_text(encoding="utf-8")
    site, example = re.findall(r"```toml\n(.*?)```", readme, re.S)
    assert example.startswith("[clinic.es]\n")
    root = tmp_path / "c"
    write_content(root)
    (root / "images" / "logo.svg").write_bytes(SVG)
    (root / "site.toml").write_text(site.replace("[languages]", example + "\n[languages]"),
                                    encoding="utf-8")
    library = load_library(root)
    example = [f for f in library.findings if EXAMPLE_MARK in f.message]  # as it says
    assert [f.message.split()[1] for f in example] == ["name", "phone", "website", "address"]
    assert [f for f in library.findings if f not in example] == []
    assert library.site.in_language("es").hours == "De lunes a viernes, de 8 a. m. a 5 p. m."
    assert library.site.in_language("en").hours == "Monday to Friday, 8 a.m. to 5 p.m."


def test_a_blank_clinic_name_is_reported(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE.replace('"Hillview Clinic"', '"  "'))
    assert _problems(library) == [
        (2, "[clinic] has no name", 'write it in the quotes, e.g. name = "Lakeside Clinic"')]


def test_a_page_showing_a_detail_the_clinic_left_out_is_named(tmp_path: Path) -> None:
    library = _library(tmp_path / "c", BASE.replace('phone = "212-555-7788"\n', ""))
    found = [(f.path.relative_to(tmp_path / "c").as_posix(), f.line, f.severity, f.message)
             for f in library.findings]
    assert found == [(f"{lang}/04-about-us.md", 8, "warning",
                      "{clinic.phone} shows nothing: site.toml has no phone")
                     for lang in ("en", "es")]
    page = library.languages["en"].sections[-1].pages[0].markdown
    assert "Call , open Monday" in page  # the rest of the page still shows
