"""A patient ticks questions and keeps them as a QR code: driven by touch, decoded from the
screen with a real QR decoder (zxing-cpp), in both languages and at every text size."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QApplication

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.settings.config import Settings
from kiosk.ui.look.theme import TEXT_SCALE
from kiosk.ui.preview.patient import render_previews
from kiosk.ui.screens.task_list import TaskToggle
from kiosk.ui.window import KioskWindow
from tests.helpers.content import section_text, write_content
from tests.helpers.recorder import ListRecorder
from tests.helpers.touch import tap

QUESTIONS = {
    "en": ["Could my symptoms be RLS, vein disease, or both?",
           "Have my iron levels been checked, including ferritin?",
           "Could any of my medicines be making RLS worse?",
           "What can I do at home to help?",
           "When should I come back?"],
    "es": ["¿Mis síntomas podrían ser SPI, enfermedad de las venas, o ambas?",
           "¿Me revisaron el hierro, incluida la ferritina?",
           "¿Alguno de mis medicamentos podría empeorar el SPI?",
           "¿Qué puedo hacer en casa para sentirme mejor?",
           "¿Cuándo debo volver?"],
}
TITLE = {"en": "Questions to ask", "es": "Preguntas para hacer"}
POINTS = {"en": ["Walk in the evening.", "Ask for a ferritin test."],
          "es": ["Camine por la tarde.", "Pida un análisis de ferritina."]}
CLINIC = {"en": ["Lakeside Clinic", "Phone: (555) 010-0199"],
          "es": ["Clínica Lakeside", "Teléfono: (555) 010-0199"]}


def _page(lang: str, questions: list[str]) -> str:
    items = "\n".join(f"- [ ] {q}" for q in questions)
    text = section_text(f"Ask {lang}", [f"Tick what you want to ask.\n\n{items}\n\nBring it."])
    text = text.replace("## Ask " + lang + " page 1", "## " + TITLE[lang])
    return text.replace("sources:", "take_home:\n" + "".join(f"  - {p}\n" for p in POINTS[lang])
                        + "sources:")


def ask_content(root: Path, questions: dict[str, list[str]] = QUESTIONS) -> Library:
    write_content(root)
    (root / "site.toml").write_text(
        '[clinic]\nname = "Lakeside Clinic"\nphone = "(555) 010-0199"\n\n'
        '[clinic.es]\nname = "Clínica Lakeside"\n\n'
        '[languages]\navailable = ["en", "es"]\ndefault = "en"\n', encoding="utf-8")
    for lang in ("en", "es"):
        (root / lang / "04-ask.md").write_text(_page(lang, questions[lang]), encoding="utf-8")
    library = load_library(root)
    assert library.errors == ()
    return library


@pytest.fixture
def ask(tmp_path: Path) -> Library:
    return ask_content(tmp_path / "content")


def decode(window: KioskWindow) -> zxingcpp.Barcode:
    """The one QR code on the window as a phone would read it from the screen."""
    QApplication.processEvents()
    return decode_image(window.grab().toImage())


def decode_image(shown: QImage) -> zxingcpp.Barcode:
    image = shown.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(image.constBits())[:image.bytesPerLine() * image.height()]
    view = zxingcpp.ImageView(data, image.width(), image.height(), zxingcpp.ImageFormat.Lum,
                              image.bytesPerLine())
    found = zxingcpp.read_barcodes(view, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1
    return found[0]


def open_ask(window: KioskWindow, lang: str = "en", size: str = "normal") -> None:
    tap(window.attract)
    tap(window.footer.language_buttons[lang])
    tap(window.footer.size_buttons[size])
    tap(next(tile for tile in window.home.tiles if tile.key == "ask"))
    assert window.reader.tasks.isVisible()


def tap_toggle(window: KioskWindow, number: int) -> TaskToggle:
    toggle = window.reader.tasks.toggles[0][number]
    window.reader.tasks.scroll_area.ensureWidgetVisible(toggle)
    QApplication.processEvents()
    tap(toggle)
    return toggle


def keep(window: KioskWindow, button: str = "keep_list") -> None:
    tap(getattr(window.reader.tasks, button))
    assert window.current_screen() is window.take_home


@pytest.mark.parametrize("size", list(TEXT_SCALE))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_three_ticked_questions_are_read_back_from_the_screen(make_window, ask, lang,
                                                             size) -> None:
    recorder = ListRecorder()
    window = make_window(ask, recorder=recorder)
    open_ask(window, lang, size)
    for number in (0, 2, 4):
        tap_toggle(window, number)
    keep(window)
    code = decode(window)
    chosen = [QUESTIONS[lang][n] for n in (0, 2, 4)]
    assert code.text == "\n".join([TITLE[lang], *(f"- {q}" for q in chosen), "",
                                   *CLINIC[lang]])
    assert code.bytes == code.text.encode("utf-8")  # UTF-8 on the wire, not Latin-1
    assert code.ec_level == "M"
    assert window.take_home.code.module_px() >= 4
    assert ("take_home", {"total": 3}) in recorder.events
    logged = repr(recorder.events)
    assert not any(q in logged for q in QUESTIONS[lang])


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_modules_are_at_least_4_px_at_1080p_even_for_the_longest_list(make_window, ask,
                                                                      size) -> None:
    window = make_window(ask, size=size)
    open_ask(window, "es", "largest")
    for number in range(5):
        tap_toggle(window, number)
    keep(window)
    code = window.take_home.code
    assert code.module_px() >= 4
    assert code.code_rect().bottom() < code.height()
    assert decode(window).text.count("\n- ") == 5
    drawn = code.code_rect().translated(code.mapTo(window, code.rect().topLeft()))
    caption = window.take_home.caption
    line = caption.geometry().translated(caption.parentWidget().mapTo(window, caption.pos())
                                         - caption.pos())
    assert line.top() >= drawn.bottom() and line.left() < drawn.center().x() < line.right()


@pytest.mark.parametrize("size", list(TEXT_SCALE))
def test_toggles_are_large_check_boxes_a_screen_reader_can_name(make_window, ask,
                                                                size) -> None:
    window = make_window(ask)
    open_ask(window, "en", size)
    toggle = window.reader.tasks.toggles[0][1]
    assert toggle.height() >= 64
    assert toggle.width() > toggle.height() * 4  # the whole row
    face = QAccessible.queryAccessibleInterface(toggle)
    assert face.role() == QAccessible.Role.CheckBox
    assert face.text(QAccessible.Text.Name) == QUESTIONS["en"][1]
    assert not face.state().checked
    right_edge = toggle.rect().center()
    right_edge.setX(toggle.width() - 12)
    window.reader.tasks.scroll_area.ensureWidgetVisible(toggle)
    tap(toggle, right_edge)
    assert toggle.isChecked() and face.state().checked
    assert toggle.text_label.font().bold() and toggle.mark.text() == "✓"


def test_keep_my_list_waits_for_a_tick(make_window, ask) -> None:
    window = make_window(ask)
    open_ask(window)
    assert not window.reader.tasks.keep_list.isEnabled()
    tap_toggle(window, 3)
    assert window.reader.tasks.keep_list.isEnabled()


def test_back_keeps_the_ticks_and_a_language_switch_translates_the_code(make_window,
                                                                        ask) -> None:
    window = make_window(ask)
    open_ask(window)
    tap_toggle(window, 1)
    keep(window)
    tap(window.footer.language_buttons["es"])
    assert decode(window).text.splitlines()[:2] == [TITLE["es"], f"- {QUESTIONS['es'][1]}"]
    tap(window.take_home.back_button)
    assert window.current_screen() is window.reader
    assert [t.isChecked() for t in window.reader.tasks.toggles[0]] == [
        False, True, False, False, False]


def test_the_idle_reset_forgets_the_list(make_window, ask) -> None:
    window = make_window(ask)
    open_ask(window)
    tap_toggle(window, 0)
    keep(window)
    window.idle.expired.emit()
    assert window.current_screen() is window.attract
    assert window.visit.ticked == {}
    open_ask(window)
    assert not any(t.isChecked() for t in window.reader.tasks.toggles[0])


def test_keep_these_points_shows_the_sections_points(make_window, ask) -> None:
    recorder = ListRecorder()
    window = make_window(ask, recorder=recorder)
    open_ask(window, "es")
    keep(window, "keep_points")
    assert decode(window).text == "\n".join(["Ask es", *(f"- {p}" for p in POINTS["es"]), "",
                                             *CLINIC["es"]])
    assert ("take_home", {"total": 2}) in recorder.events


def test_a_list_too_long_for_one_code_keeps_the_first_items_and_says_so(make_window,
                                                                         tmp_path) -> None:
    long = {lang: [f"Q{n}: " + q * 4 for n, q in enumerate(qs)] for lang, qs in QUESTIONS.items()}
    window = make_window(ask_content(tmp_path / "long", long))
    open_ask(window)
    for number in range(5):
        tap_toggle(window, number)
    keep(window)
    note = window.take_home.note
    assert note.isVisible() and "of the 5 items" in note.text()
    kept = int(note.text().split("first ")[1].split()[0])
    lines = decode(window).text.splitlines()
    assert lines[1:kept + 1] == [f"- {q}" for q in long["en"][:kept]]
    assert window.take_home.code.module_px() >= 4


@pytest.mark.parametrize("screen", [(1366, 768), (1080, 1920)])
def test_wrapped_toggles_are_whole_and_the_page_scrolls_to_them(make_window, ask,
                                                                screen) -> None:
    window = make_window(ask, size=screen)
    open_ask(window, "es", "largest")
    toggles = window.reader.tasks.toggles[0]
    for toggle in toggles:
        assert toggle.height() >= toggle.heightForWidth(toggle.width()) >= 64
    for upper, lower in pairwise(toggles):
        assert upper.geometry().bottom() < lower.geometry().top()
    text = window.reader.tasks._parts[0]
    assert text.height() >= text.document().size().height()
    tap_toggle(window, 4)
    assert toggles[4].isChecked()


def test_preview_renders_the_ticked_page_and_its_codes(qapp, ask, tmp_path: Path) -> None:
    written = render_previews(ask, Settings(), tmp_path, width=1080, height=1920,
                              languages=["es"], text_size="largest", theme="standard",
                              screens=("takehome",))
    assert [p.name for p in written] == ["es-takehome-04-ask-p1-ticked.png",
                                         "es-takehome-04-ask-p1-list.png",
                                         "es-takehome-04-ask-points.png"]
    code = decode_image(QImage(str(written[1])))
    assert code.text.splitlines()[1:4] == [f"- {q}" for q in QUESTIONS["es"][:3]]


@pytest.mark.parametrize("screen", [(1366, 768), (1920, 1080)])
def test_more_below_leads_through_a_long_task_list_to_its_end(make_window, ask,
                                                              screen) -> None:
    window = make_window(ask, size=screen)
    open_ask(window, "es", "largest")
    tasks, cue = window.reader.tasks, window.reader.more_button
    bar = tasks.scroll_area.verticalScrollBar()
    for _ in range(3):
        QApplication.processEvents()
    assert bar.maximum() > 0  # the list is longer than the screen
    assert cue.isVisible()
    keep_row = tasks.keep_list.mapTo(window, tasks.keep_list.rect().topLeft()).y()
    view_bottom = tasks.scroll_area.mapTo(window, tasks.scroll_area.rect().bottomLeft()).y()
    cue_top = cue.mapTo(window, cue.rect().topLeft()).y()
    assert view_bottom < cue_top < keep_row  # under the list, above "Keep my list"
    for _ in range(30):
        if not cue.isVisible():
            break
        before = bar.value()
        tap(cue)
        for _ in range(3):
            QApplication.processEvents()
        assert bar.value() > before
        shown = [part for part in tasks._parts if part.geometry().top() == bar.value()]
        assert shown or bar.value() == bar.maximum()  # an item or text starts at the top
    assert bar.value() == bar.maximum()
    assert not cue.isVisible()


def test_a_task_page_that_fits_shows_no_more_below(make_window, ask) -> None:
    window = make_window(ask, size=(1080, 1920))
    open_ask(window, "en", "normal")
    for _ in range(3):
        QApplication.processEvents()
    assert window.reader.tasks.scroll_area.verticalScrollBar().maximum() == 0
    assert not window.reader.more_button.isVisible()
