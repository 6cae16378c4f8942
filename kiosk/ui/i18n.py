"""Interface translations from Qt Linguist `.ts` files, read directly at start-up.

Reading the `.ts` XML (instead of compiled `.qm` files) means a translation can never be stale:
what translators edit in Qt Linguist is exactly what the kiosk shows. Strings are marked in the
code with `tr(context, text)` so `pyside6-lupdate` finds them.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kiosk import paths

log = logging.getLogger(__name__)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def interface_date(moment: date | datetime, pattern: str) -> str:
    """`moment` in the interface language's words, with a Qt date pattern: "dd MMM yyyy" is
    "22 Nov 2026" in English and "22 nov 2026" in Spanish (Python's `%b` would follow the
    computer's locale instead)."""
    return QLocale(Translations.interface_language).toString(moment, pattern)


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for every finished message in a `.ts` file."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in {"unfinished", "obsolete",
                                                                       "vanished"}:
                continue
            if node.text:
                table[(name, source)] = node.text
    return table


class TsTranslator(QTranslator):
    """A QTranslator fed from a `.ts` table."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self._table.get((context, source))

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
                    translator = TsTranslator(read_ts(path))
                except (OSError, ET.ParseError) as exc:
                    log.warning("Translation file %s cannot be read (%s); English is shown",
                                path, exc)
            self._cache[lang] = translator
        return self._cache[lang]

    def available(self) -> list[str]:
        found = (p.stem.removeprefix("kiosk_") for p in self._folder.glob("kiosk_*.ts"))
        return ["en", *sorted(found)]

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
