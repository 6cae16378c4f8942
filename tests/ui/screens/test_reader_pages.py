"""Reader pages end between blocks, never through a line, and say when there is more below."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.settings.config import Settings
from kiosk.ui.screens.reader import ContentBrowser
from kiosk.ui.screens.whole_lines import _lines
from tests.helpers.touch import tap
from tests.ui.look.test_accessibility import shipped


def _settle() -> None:
    for _ in range(3):  # the cue follows the layout pass that changed the text's height
        QApplication.processEvents()


def _cut_lines(browser: ContentBrowser) -> list[str]:
    top = browser.verticalScrollBar().value()
    bottom = top + browser.viewport().height()
    return [f"line {line_top:.0f}-{line_bottom:.0f} cut at {bottom}"
            for line_top, line_bottom, _ in _lines(browser.document())
            if line_top < bottom - 1 and line_bottom > bottom + 1]


@pytest.mark.parametrize("size", [(1024, 768), (1080, 1920)], ids=["1024x768", "1080x1920"])
def test_no_line_is_cut_and_more_below_is_shown(make_window, size) -> None:
    library = shipped()
    window = make_window(library, Settings(text_size="largest"), size=size)
    window.wake()
    reader, problems, overflowing = window.reader, [], 0
    for lang in ("en", "es"):
        window.set_language(lang)
        for section, _ in window.sections():
            for page in range(len(section.pages)):
                window.reader_flow.open(section.slug, page)
                _settle()
                browser = reader.browser
                if not browser.isVisible():
                    continue  # a page of task lists scrolls on its own
                where = f"{lang} {section.slug} p{page + 1}"
                bar = browser.verticalScrollBar()
                overflowing += bar.maximum() > 0
                for _ in range(20):
                    problems += [f"{where}: {p}" for p in _cut_lines(browser)]
                    more = bar.value() < bar.maximum()
                    if reader.more_button.isVisible() != more:
                        problems.append(f"{where}: more below shown={more} wrong at "
                                        f"{bar.value()}/{bar.maximum()}")
                    if not more:
                        break
                    before = bar.value() + browser.viewport().height()
                    tap(reader.more_button)
                    _settle()
                    if bar.value() + browser.viewport().height() <= before:
                        problems.append(f"{where}: More below did not move on")
                        break
                else:
                    problems.append(f"{where}: never reached the end")
    assert overflowing > 3  # the check met pages longer than the screen
    assert problems == []
