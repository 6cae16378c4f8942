"""Every interface string is in the Spanish file, finished, and lupdate regenerates that file."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from kiosk.content.model import Library
from kiosk.settings import paths
from kiosk.ui.look.i18n import read_ts
from tests.helpers.touch import tap
from tools.update_translations import ROOT, lupdate_command

MARKERS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def _marker(call: ast.Call) -> str | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else \
        func.attr if isinstance(func, ast.Attribute) else None
    return name if name in MARKERS else None


def code_strings() -> tuple[set[tuple[str, str]], list[str]]:
    """(context, text) of every marked string in kiosk/, and calls lupdate could not read."""
    found: set[tuple[str, str]] = set()
    unreadable: list[str] = []
    for path in sorted((ROOT / "kiosk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _marker(node) is None:
                continue
            if isinstance(node.func, ast.Attribute) and node.func.attr == "translate" and not (
                    isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "QCoreApplication"):
                continue  # a translator's own translate(), not a marked string
            args = node.args[:2]
            if len(args) == 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                      for a in args):
                found.add((args[0].value, args[1].value))
            elif not (path.name == "i18n.py" and node.func.__class__ is ast.Attribute):
                unreadable.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found, unreadable


def test_every_marked_string_is_a_literal_lupdate_can_read() -> None:
    found, unreadable = code_strings()
    assert len(found) > 30
    assert unreadable == [], "tr() needs two literal strings, or lupdate cannot find them"


def test_every_string_has_a_finished_spanish_translation() -> None:
    spanish = read_ts(paths.translations_dir() / "kiosk_es.ts")
    found, _ = code_strings()
    missing = sorted(f"{ctx}: {text}" for ctx, text in found if not spanish.get((ctx, text)))
    assert missing == [], "translate these in assets/translations/kiosk_es.ts"
    for (ctx, text), translation in spanish.items():
        for form in translation if isinstance(translation, tuple) else [translation]:
            assert re.findall(r"%\d|%n", text) == re.findall(r"%\d|%n", form), (ctx, text)
            words = re.sub(r"%\d|%n", "", text)  # "%1: %2, %3" has no words to translate
            assert form != text or not re.search(r"[A-Za-z]", words), \
                f"{ctx}: {text!r} is still English"


def test_lupdate_regenerates_the_committed_file(tmp_path: Path) -> None:
    """The README command finds exactly the strings the code marks, and the file is current."""
    target = tmp_path / "kiosk_xx.ts"
    subprocess.run(lupdate_command([target]), cwd=ROOT, check=True, capture_output=True,
                   timeout=120)
    text = target.read_text(encoding="utf-8")
    generated = set(re.findall(r"<name>(.*?)</name>", text))
    sources = {(ctx, src) for ctx, src in _all_messages(target)}
    found, _ = code_strings()
    assert sources == found
    assert generated == {ctx for ctx, _ in found}
    committed = set(_all_messages(paths.translations_dir() / "kiosk_es.ts"))
    assert committed == found, "run: python tools/update_translations.py"


def _all_messages(path: Path) -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return [(context.findtext("name", ""), message.findtext("source", ""))
            for context in root.iter("context") for message in context.iter("message")]


@pytest.fixture
def spanish_gap(tmp_path: Path) -> Library:
    from kiosk.content.reading.loader import load_library
    from tests.helpers.content import write_content

    root = write_content(tmp_path / "content")
    (root / "es" / "02-topic-2.md").unlink()
    return load_library(root)


def test_spanish_screens_speak_spanish(make_window, library) -> None:
    window = make_window(library)
    tap(window.attract)
    tap(window.footer.language_buttons["es"])
    assert window.home.heading.text() == "Piernas inquietas: qué ayuda"
    assert window.footer.size_buttons["large"].accessibleName() == "Letra grande"
    tap(window.home.tiles[0])
    assert window.reader.home_button.text().endswith("Inicio")
    tap(window.footer.language_buttons["en"])
    assert window.reader.home_button.text().endswith("Home")


def test_a_topic_missing_in_spanish_is_shown_in_english_with_a_note(make_window,
                                                                    spanish_gap) -> None:
    window = make_window(spanish_gap)
    tap(window.attract)
    tap(window.footer.language_buttons["es"])
    titles = [tile.title_label.text() for tile in window.home.tiles]
    assert titles[:3] == ["Topic 1 es", "Topic 2 en", "Topic 3 es"]
    tap(window.home.tiles[1])
    assert window.reader.page_title.text() == "Topic 2 en page 1"
    assert window.reader.note.isVisible()
    assert window.reader.note.text() == ("Este tema todavía no está en su idioma, por eso "
                                         "se muestra en English.")
    tap(window.reader.home_button)
    tap(window.home.tiles[0])
    assert not window.reader.note.isVisible()
