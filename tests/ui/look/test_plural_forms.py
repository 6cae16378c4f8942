"""Counts read right in both languages: Qt's plural forms (`%n`) from the `.ts` files."""

from __future__ import annotations

import pytest

from kiosk.settings import paths
from kiosk.ui.look.i18n import PLURAL, Translations, read_ts, tr
from kiosk.ui.screens.still_there import IdleOverlay
from tests.ui.look.test_translations import code_strings

COUNTDOWN = ("Idle", "Starting over in %n seconds")


@pytest.fixture
def translations(qapp):
    translations = Translations()
    yield translations
    translations.switch("en")


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("en", 1, "Starting over in 1 second"),
    ("en", 2, "Starting over in 2 seconds"),
    ("en", 0, "Starting over in 0 seconds"),
    ("es", 1, "Volverá al inicio en 1 segundo"),
    ("es", 5, "Volverá al inicio en 5 segundos"),
])
def test_the_countdown_says_second_or_seconds(translations, lang, n, expected) -> None:
    translations.switch(lang)
    assert tr(*COUNTDOWN, None, PLURAL, n) == expected


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_still_there_card_never_says_1_seconds(qtbot, translations, lang) -> None:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    translations.switch(lang)
    overlay = IdleOverlay(host)
    overlay.set_seconds(1)
    text = overlay.countdown.text()
    assert text.endswith(("1 second", "1 segundo")), text
    overlay.set_seconds(10)
    assert overlay.countdown.text().endswith(("10 seconds", "10 segundos"))


def test_every_counted_string_has_plural_forms_in_both_files() -> None:
    counted = sorted(key for key in code_strings()[0] if "%n" in key[1])
    assert len(counted) >= 8
    for lang in ("en", "es"):
        table = read_ts(paths.translations_dir() / f"kiosk_{lang}.ts")
        for key in counted:
            forms = table.get(key)
            assert isinstance(forms, tuple) and len(forms) == 2, (lang, key)
            assert all("%n" in form for form in forms), (lang, key)
            assert forms[0] != forms[1] or "more" in key[1], (lang, key)  # "y 1 más"


def test_a_count_without_n_is_not_written_as_a_number_word() -> None:
    """A count put in with %1 would read "1 seconds": every count word in a marked string
    comes with %n."""
    words = ("seconds", "minutes", "topics", "questions", "problems", "warnings", "languages",
             "tables", "tries")
    wrong = sorted(f"{ctx}: {text}" for ctx, text in code_strings()[0]
                   if any(f"%1 {w}" in text or f"%2 {w}" in text or f"%3 {w}" in text
                          for w in words))
    assert wrong == []


def test_english_is_listed_once(translations) -> None:
    assert translations.available().count("en") == 1
