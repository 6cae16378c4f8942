"""What a page can do on screen: section links move inside the kiosk, web links become QR codes
and open nothing, the page loads nothing from disk or network, and content lives in memory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from kiosk.content.qr import qr_key
from kiosk.content.reading.loader import load_library
from kiosk.content.reading.picture_refs import IMAGE_SCHEME
from kiosk.ui.look.theme import Theme
from kiosk.ui.screens.reader import ContentBrowser
from tests.content.broken_cases import CASES, apply
from tests.helpers.content import section_text, write_content
from tests.helpers.touch import tap

WEB = "https://www.example.org/rls"


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Anything that would open a browser is recorded instead."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    return opened


def _links_page(root: Path) -> None:
    body = (f"Read [the second topic](section:topic-2) or [our web page]({WEB}) today.\n\n"
            "More text under the links.")
    (root / "en" / "01-topic-1.md").write_text(section_text("Topic 1 en", [body]),
                                               encoding="utf-8")


def _tap_text(window, text: str) -> None:
    browser = window.reader.browser
    cursor = browser.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 2, QTextCursor.MoveMode.MoveAnchor)
    tap(browser.viewport(), browser.cursorRect(cursor).center())


def test_section_link_moves_inside_the_kiosk(make_window, tmp_path: Path, opened_urls) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    _links_page(root)
    window = make_window(load_library(root))
    tap(window.attract)
    tap(window.home.tiles[0])
    _tap_text(window, "the second topic")
    assert window.visit.position is not None and window.visit.position.slug == "topic-2"
    assert opened_urls == []


def test_web_link_is_a_qr_code_and_tapping_it_goes_nowhere(make_window, tmp_path: Path,
                                                           opened_urls) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    _links_page(root)
    window = make_window(load_library(root))
    tap(window.attract)
    tap(window.home.tiles[0])
    doc = window.reader.browser.document()
    code = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(qr_key(WEB)))
    assert code is not None and not code.isNull() and code.width() >= 160
    assert WEB in doc.toPlainText()  # the address is written under the code
    block = doc.begin()
    hrefs = set()
    while block.isValid():
        for fragment in (it.fragment() for it in block):
            hrefs.add(fragment.charFormat().anchorHref())
        block = block.next()
    assert hrefs - {""} == {"section:topic-2"}
    _tap_text(window, "our web page")
    assert window.visit.position is not None and window.visit.position.slug == "topic-1"
    assert window.current_screen() is window.reader
    assert opened_urls == []


def test_the_page_loads_nothing_it_was_not_given(qtbot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    secret = QImage(4, 4, QImage.Format.Format_ARGB32)
    secret.fill(QColor("red"))
    assert secret.save(str(tmp_path / "secret.png"))
    monkeypatch.chdir(tmp_path)
    html = ('<p><img src="secret.png"></p><p><img src="file://' + str(tmp_path / "secret.png")
            + '"></p>')
    plain = QTextBrowser()  # control: Qt's own browser does read files named in a page
    qtbot.addWidget(plain)
    plain.setSearchPaths([str(tmp_path)])
    plain.setHtml(html)
    assert plain.document().resource(QTextDocument.ResourceType.ImageResource,
                                     QUrl("secret.png")).toImage().pixelColor(0, 0) == QColor("red")
    browser = ContentBrowser()
    qtbot.addWidget(browser)
    browser.setSearchPaths([str(tmp_path)])
    browser.show_html(html, {}, Theme.create("standard", "normal", 1920, 1080))
    for name in ("secret.png", QUrl.fromLocalFile(str(tmp_path / "secret.png")).toString()):
        image = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image.pixelColor(0, 0).alpha() == 0  # the blank stand-in, not the red file


def test_content_stays_on_screen_when_the_folder_goes_away(make_window, tmp_path: Path) -> None:
    root = write_content(tmp_path / "share" / "content")
    library = load_library(root)
    shutil.rmtree(tmp_path / "share")
    window = make_window(library)
    tap(window.attract)
    assert [t.key for t in window.home.tiles][:3] == ["topic-1", "topic-2", "topic-3"]
    for index in range(3):
        tap(window.home.tiles[index])
        for page in range(3):
            assert window.reader.page_title.text() == f"Topic {index + 1} en page {page + 1}"
            picture = window.reader.browser.document().resource(
                QTextDocument.ResourceType.ImageResource, QUrl(IMAGE_SCHEME + "images/dot.svg"))
            assert picture is not None and not picture.isNull()
            tap(window.reader.next_button)
        tap(window.reader.home_button) if window.current_screen() is window.reader else None


def test_kiosk_shows_every_good_section_beside_broken_files(make_window, tmp_path: Path) -> None:
    root = write_content(tmp_path / "content")
    for case in CASES:
        if case.name in {"binary-garbage", "latin-1", "utf-16-without-bom", "huge-file",
                         "nested-lists", "nested-quotes", "symlink-outside", "stray-brackets",
                         "quiz-mistakes", "duplicate-section"}:
            apply(case, root)
    window = make_window(load_library(root))
    tap(window.attract)
    keys = [t.key for t in window.home.tiles]
    assert keys[:3] == ["topic-1", "topic-2", "topic-3"]
    tap(window.home.tiles[2])
    assert window.reader.page_title.text() == "Topic 3 en page 1"
