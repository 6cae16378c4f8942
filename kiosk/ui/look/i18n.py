"""Interface translations from Qt Linguist `.ts` files, read directly at start-up.

Reading the `.ts` XML (instead of compiled `.qm` files) means a translation can never be stale:
what translators edit in Qt Linguist is exactly what the kiosk shows. Strings are marked in the
code with `tr(context, text)` so `pyside6-lupdate` finds them.

A string with a count says `%n` and is marked `tr(context, text, None, PLURAL, n)`: Qt picks the
plural form ("1 second", "2 seconds") from the file's `<numerusform>`s and puts the number in.
English has its own small file, `kiosk_en.ts`, holding only those forms (lupdate -pluralonly).
The odd spelling is the one lupdate's Python reader takes as "this string is counted"; give it
the count as a plain name: the reader hangs on a call such as `len(x)` and skips `a.b`.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk.settings import paths

log = logging.getLogger(__name__)


PLURAL = "plural"  # marks a counted string for lupdate; see the module's docstring


def tr(context: str, text: str, disambiguation: str | None = None, plural: str | None = None,
       n: int = -1) -> str:
    """`text` in the interface language; with `n`, the plural form for n, `%n` filled in."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def plural_form(lang: str, n: int) -> int:
    """Which `<numerusform>` Qt Linguist writes for `n` in `lang`: English and Spanish have
    one for exactly 1 and one for every other number (0 included: "0 segundos")."""
    if lang in {"fr", "pt"}:  # the French-style rule, for a translation that may come
        return 0 if n in (0, 1) else 1
    return 0 if n == 1 else 1


def interface_date(moment: date | datetime, pattern: str) -> str:
    """`moment` in the interface language's words, with a Qt date pattern: "dd MMM yyyy" is
    "22 Nov 2026" in English and "22 nov 2026" in Spanish (Python's `%b` would follow the
    computer's locale instead)."""
    locale = QLocale(Translations.interface_language)
    return locale.toString(moment, pattern)  # type: ignore[call-overload,no-any-return]  # PySide6 takes Python dates; its stub lists only QDate and QDateTime


Translation = str | tuple[str, ...]  # one text, or the plural forms of a counted one


def read_ts(path: Path) -> dict[tuple[str, str], Translation]:
    """(context, source) -> translation for every finished message in a `.ts` file; a counted
    message (`numerus="yes"`) gives the tuple of its plural forms."""
    table: dict[tuple[str, str], Translation] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in {"unfinished", "obsolete",
                                                                       "vanished"}:
                continue
            if message.get("numerus") == "yes":
                forms = tuple(form.text or "" for form in node.iter("numerusform"))
                if forms and all(forms):
                    table[(name, source)] = forms
            elif node.text:
                table[(name, source)] = node.text
    return table


class TsTranslator(QTranslator):
    """A QTranslator fed from a `.ts` table; `lang` chooses among plural forms."""

    def __init__(self, table: dict[tuple[str, str], Translation], lang: str = "en") -> None:
        super().__init__()
        self._table = table
        self._lang = lang

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        found = self._table.get((context, source))
        if isinstance(found, tuple):
            return found[min(plural_form(self._lang, n), len(found) - 1)]
        return found

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._table


class Translations:
    """Installs the translator for the current interface language.

    The application has one interface language at a time, so the translator installed last,
    by whichever Translations, is the one replaced (a window that was replaced cannot leave
    its language behind).
    """

    _installed: ClassVar[TsTranslator | None] = None
    interface_language: ClassVar[str] = "en"  # the language switched to last

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or paths.translations_dir()
        self._cache: dict[str, TsTranslator | None] = {}
        self.language = "en"

    def _translator(self, lang: str) -> TsTranslator | None:
        if lang not in self._cache:
            path = self._folder / f"kiosk_{lang}.ts"
            translator = None
            if path.exists():
                try:
                    translator = TsTranslator(read_ts(path), lang)
                except (OSError, ET.ParseError) as exc:
                    log.warning("Translation file %s cannot be read (%s); English is shown",
                                path, exc)
            self._cache[lang] = translator
        return self._cache[lang]

    def available(self) -> list[str]:
        found = {p.stem.removeprefix("kiosk_") for p in self._folder.glob("kiosk_*.ts")}
        return ["en", *sorted(found - {"en"})]  # kiosk_en.ts holds English plural forms only

    def translate_in(self, lang: str, context: str, text: str) -> str:
        """`text` in `lang` without switching the interface (for the bilingual attract prompt)."""
        translator = self._translator(lang)
        return (translator.translate(context, text) if translator else None) or text

    def switch(self, lang: str) -> None:
        if Translations._installed is not None:
            QCoreApplication.removeTranslator(Translations._installed)
            Translations._installed = None
        translator = self._translator(lang)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            Translations._installed = translator
        self.language = lang
        Translations.interface_language = lang
