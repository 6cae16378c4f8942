"""The reader: a section's pages, one screen at a time, by buttons or a one-finger swipe."""

from __future__ import annotations

import html
import re
from datetime import date

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QResizeEvent, QTextDocument
from PySide6.QtWidgets import (
    QGridLayout,
    QScroller,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Page
from kiosk.content.qr import QR_SCHEME, qr_side, qr_svg, url_of_key
from kiosk.content.reading.picture_refs import IMAGE_SCHEME
from kiosk.content.render import markdown_to_html
from kiosk.content.take_home import Block, page_blocks
from kiosk.ui.look.i18n import interface_date, tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.touch import SwipeDetector, enable_kinetic_scroll
from kiosk.ui.look.widgets import (
    PageDots,
    ScreenWidget,
    name_home_button,
    render_picture,
    role_label,
    touch_button,
)
from kiosk.ui.screens.task_list import TaskPage
from kiosk.ui.screens.whole_lines import view_end

_IMAGE_SRC_RE = re.compile(r'src="' + re.escape(IMAGE_SCHEME) + r'([^"]+)"')
_QR_SRC_RE = re.compile(r'src="(' + re.escape(QR_SCHEME) + r'[^"]+)"')


class SnapshotDocument(QTextDocument):
    """A document that loads nothing: every picture is handed to it from the in-memory
    snapshot before a page is shown, and any other name (a file path, a `file:` or web address)
    gets an empty, transparent stand-in.

    Returning nothing is not enough: Qt then falls back to reading local files itself (in
    QTextDocument.loadResource, and again in its image handler when a picture comes back null).
    """

    def loadResource(self, kind: int, name: QUrl | str) -> QImage | QByteArray:  # noqa: N802
        del name
        if kind == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(Qt.GlobalColor.transparent)
            return blank
        return QByteArray()


class ContentBrowser(QTextBrowser):
    """Read-only rich text that opens nothing, loads nothing, selects nothing and scrolls by
    finger. At rest its view ends between blocks or lines (kiosk/ui/screens/whole_lines.py), never
    through a line, and `more_below` says whether some of the page lies below it."""

    more_below = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self._fitting = False
        self._more = False
        self.setDocument(SnapshotDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAcceptDrops(False)
        enable_kinetic_scroll(self)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._report_more)
        bar.rangeChanged.connect(self._report_more)
        QScroller.scroller(self.viewport()).stateChanged.connect(self._scroller_state)

    def fit_view(self) -> None:
        """End the view at a whole line or block below the current top."""
        if self._fitting:
            return
        self._fitting = True
        try:
            full = self.contentsRect().height()
            top = self.verticalScrollBar().value()
            end = view_end(self.document(), top, full)
            self.setViewportMargins(0, 0, 0, max(0, round(full - (end - top))))
        finally:
            self._fitting = False
        self._report_more()

    def show_more(self) -> None:
        """The "more below" cue: the first line not shown whole comes to the top."""
        bar = self.verticalScrollBar()
        bar.setValue(min(bar.maximum(), bar.value() + self.viewport().height()))
        self.fit_view()

    def _report_more(self, *_: int) -> None:
        bar = self.verticalScrollBar()
        more = bar.value() < bar.maximum()
        if more != self._more:
            self._more = more
            self.more_below.emit(more)

    def _scroller_state(self, state: QScroller.State) -> None:
        if state == QScroller.State.Inactive:  # a flick came to rest
            self.fit_view()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_view()

    def show_html(self, html: str, images: dict[str, bytes], theme: Theme) -> None:
        """Show `html`; its pictures come from `images`, drawn to fit this viewport."""
        doc = self.document()
        doc.clear()  # also drops the previous page's pictures
        doc.setDefaultStyleSheet(theme.document_css())
        doc.setDocumentMargin(0)
        self.setViewportMargins(0, 0, 0, 0)
        viewport = self.viewport().size()
        width = max(160, round(viewport.width() * 0.7))
        height = max(120, round(viewport.height() * 0.5))
        ratio = self.devicePixelRatioF()
        for key in set(_IMAGE_SRC_RE.findall(html)):
            data = images.get(key)
            if data is not None:
                picture = render_picture(data, width, height, ratio)
                doc.addResource(QTextDocument.ResourceType.ImageResource,
                                QUrl(IMAGE_SCHEME + key), picture)
        side = max(160, round(min(viewport.width() * 0.4, viewport.height() * 0.45)))
        for key in set(_QR_SRC_RE.findall(html)):
            url = url_of_key(key)
            crisp = qr_side(url, round(side * ratio)) / ratio  # whole device pixels a module
            code = render_picture(qr_svg(url), round(crisp), round(crisp), ratio)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), code)
        doc.setHtml(_center_pictures(html))
        self.verticalScrollBar().setValue(0)
        self.fit_view()


def limit_measure(column: QWidget, theme: Theme, available: int) -> None:
    """Keep lines short enough to read (about 70 characters), centred on wide screens."""
    measure = round(theme.font_px("body") * 36)
    column.setFixedWidth(max(200, min(available, measure)))


def review_line(reviewed_by: str, reviewed: date | None) -> str:
    """"Reviewed by NAME, MONTH YEAR" (as HTML) when a clinician is named and dated, else "":
    a date alone would claim a review nobody signed."""
    if not reviewed_by or reviewed is None:
        return ""
    # The month's pattern is translated too: "noviembre de 2026" in Spanish.
    month = interface_date(reviewed, tr("Reader", "MMMM yyyy"))
    return tr("Reader", "Reviewed by %1, %2").replace("%2", month).replace(
        "%1", html.escape(reviewed_by))


def _center_pictures(html: str) -> str:
    """A paragraph holding only a picture is centred (Qt's CSS subset cannot select it), with a
    plain line height: Qt scales the picture's line by the text's 135%, leaving a gap below."""
    return re.sub(r"<p>(<img [^>]*>)</p>", r'<p align="center" style="line-height: 100%">\1</p>',
                  html)


class ReaderScreen(ScreenWidget):
    """Shows one page; the window decides what a page is and where Next leads."""

    home_requested = Signal()
    page_requested = Signal(int)  # +1 next, -1 back
    link_activated = Signal(str)
    listen_requested = Signal()  # Listen, or Stop while reading aloud
    ticked_changed = Signal(int, object)  # a task list's number on the page, its ticked items
    keep_requested = Signal(str)  # "list" (the ticked items) or "points" (the section's)

    def __init__(self) -> None:
        super().__init__()
        self.section_label = role_label(role="kicker")
        self.page_title = role_label(role="h1")
        self.note = role_label(role="muted")
        self.note.setVisible(False)
        self.browser = ContentBrowser()
        self.browser.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self.swipe = SwipeDetector(self.browser.viewport())
        self.swipe.swiped.connect(self.page_requested.emit)
        self.tasks = TaskPage()  # instead of the browser on a page with task lists
        self.tasks.setVisible(False)
        self.tasks.link_activated.connect(self.link_activated.emit)
        self.tasks.ticked_changed.connect(self.ticked_changed.emit)
        self.tasks.keep_requested.connect(self.keep_requested.emit)
        self.home_button = touch_button(name="HomeButton")
        self.back_button = touch_button(name="BackButton")
        self.next_button = touch_button(role="primary", name="NextButton")
        self.listen_button = touch_button(name="ListenButton")
        self.listen_button.setVisible(False)
        self.dots = PageDots()
        self.home_button.clicked.connect(self.home_requested.emit)
        self.back_button.clicked.connect(lambda: self.page_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.page_requested.emit(1))
        self.listen_button.clicked.connect(self.listen_requested.emit)
        # One row when everything fits; else the dots get a line of their own above the
        # buttons; else the buttons take two lines too (Home and Listen, then Back and Next),
        # so no button is ever squeezed (portrait screens, largest text, Spanish).
        self._nav = QGridLayout()
        self._nav.setColumnStretch(2, 1)
        self._nav_mode = ""
        nav = self._nav
        self._speaking = False
        self._theme: Theme | None = None
        self.column = QWidget()
        column = self._column_box = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.section_label)
        column.addWidget(self.page_title)
        column.addWidget(self.note)
        column.addWidget(self.browser, 1)
        self.more_button = touch_button(name="MoreBelow")
        self.more_button.setVisible(False)
        self.more_button.clicked.connect(self._show_more)
        self.browser.more_below.connect(self._show_more_cue)
        self.tasks.more_below.connect(self._show_more_cue)
        column.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.tasks, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.column, 1, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addLayout(nav)
        self._next_text = ""
        self.retranslate()

    def _show_more_cue(self, more: bool) -> None:
        """Shown or hidden once the layout pass that changed the text's height is over (a
        widget shown in the middle of one is never placed)."""
        del more
        QTimer.singleShot(0, self, self._sync_more_cue)

    def _show_more(self) -> None:
        if self.tasks.isVisibleTo(self):
            self.tasks.show_more()
        else:
            self.browser.show_more()

    def _sync_more_cue(self) -> None:
        bar = self.browser.verticalScrollBar()
        more = ((bar.value() < bar.maximum() and self.browser.isVisibleTo(self))
                or (self.tasks.has_more() and self.tasks.isVisibleTo(self)))
        if more != self.more_button.isVisibleTo(self):
            self.more_button.setVisible(more)
            self._column_box.activate()

    def retranslate(self) -> None:
        name_home_button(self.home_button)
        self.more_button.setText("▾  " + tr("Reader", "More below"))
        self.more_button.setAccessibleName(tr("Reader", "More below: show the rest of the page"))
        self.tasks.keep_list.setText(tr("Reader", "Keep my list"))
        self.tasks.keep_list.setAccessibleName(
            tr("Reader", "Keep my list: show the items you ticked as a QR code"))
        self.tasks.keep_points.setText(tr("Reader", "Keep these points"))
        self.tasks.keep_points.setAccessibleName(
            tr("Reader", "Keep these points: show them as a QR code"))
        self.back_button.setText("‹  " + tr("Reader", "Back"))
        self.back_button.setAccessibleName(tr("Reader", "Previous page"))
        self.set_listen(self.listen_button.isVisibleTo(self), self._speaking)

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        limit_measure(self.column, theme, self.width() - 2 * margin)
        self.tasks.apply_theme(theme)
        self._theme = theme
        self._arrange_nav()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange_nav()

    def set_listen(self, available: bool, speaking: bool) -> None:
        """Show Listen (or Stop while reading) only when a voice for the page is there."""
        self._speaking = speaking
        self.listen_button.setVisible(available)
        if speaking:
            self.listen_button.setText("■  " + tr("Reader", "Stop"))
            self.listen_button.setAccessibleName(tr("Reader", "Stop reading aloud"))
        else:
            self.listen_button.setText("▶  " + tr("Reader", "Listen"))
            self.listen_button.setAccessibleName(tr("Reader", "Listen: read this page aloud"))
        self._arrange_nav()

    def _arrange_nav(self) -> None:
        if self._theme is None:
            return
        spacing = self._theme.px("spacing")
        self._nav.setSpacing(spacing)
        available = self.width() - 2 * self._theme.px("margin")
        buttons = [b for b in (self.home_button, self.back_button, self.listen_button,
                               self.next_button) if b.isVisibleTo(self)]
        need = sum(b.sizeHint().width() + spacing for b in buttons)
        if need + self.dots.sizeHint().width() <= available:
            mode = "row"
        elif need - spacing <= available:
            mode = "dots above"
        else:
            mode = "two rows"
        if mode == self._nav_mode:
            return
        self._nav_mode = mode
        for widget in (self.home_button, self.back_button, self.dots, self.listen_button,
                       self.next_button):
            self._nav.removeWidget(widget)
        centre = Qt.AlignmentFlag.AlignCenter
        if mode == "row":
            self._nav.addWidget(self.dots, 0, 2, centre)
            places = {self.home_button: (0, 0), self.back_button: (0, 1),
                      self.listen_button: (0, 3), self.next_button: (0, 4)}
        else:
            self._nav.addWidget(self.dots, 0, 0, 1, 5, centre)
            places = {self.home_button: (1, 0), self.back_button: (1, 1),
                      self.listen_button: (1, 3), self.next_button: (1, 4)}
            if mode == "two rows":
                places.update({self.listen_button: (1, 4), self.back_button: (2, 0),
                               self.next_button: (2, 4)})
        for widget, (row, column) in places.items():
            self._nav.addWidget(widget, row, column)

    def show_page(self, *, section_title: str, page: Page, index: int, count: int,
                  next_text: str, next_name: str, note: str, reviewed_by: str,
                  reviewed: date | None, images: dict[str, bytes], theme: Theme,
                  ticked: dict[int, frozenset[int]] | None = None, points: bool = False) -> None:
        """Show `page`; a page with task lists (ticked as in `ticked`, by list number) or,
        with `points`, the section's take-home points is shown with its toggles and buttons."""
        self.section_label.setText(section_title)
        self.page_title.setText(page.title or section_title)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        caption = tr("Reader", "Scan with your phone camera")
        reviewed_html = ""
        if index == count - 1 and (line := review_line(reviewed_by, reviewed)):
            reviewed_html = f'<p class="muted">{line}</p>'
        blocks = page_blocks(page.markdown)
        with_tasks = points or any(block.tasks for block in blocks)
        self.browser.setVisible(not with_tasks)
        self.tasks.setVisible(with_tasks)
        if with_tasks:  # the cue sits under the scrolling part, above "Keep my list"
            self.tasks.hold_cue(self.more_button)
        else:
            column = self._column_box
            column.insertWidget(column.indexOf(self.browser) + 1, self.more_button, 0,
                                Qt.AlignmentFlag.AlignHCenter)
        if with_tasks:
            html_of = {n: markdown_to_html(b.markdown, caption) for n, b in enumerate(blocks)
                       if b.tasks is None}
            if reviewed_html and html_of and max(html_of) == len(blocks) - 1:
                html_of[len(blocks) - 1] += reviewed_html
            elif reviewed_html:
                html_of[len(blocks)] = reviewed_html
                blocks = (*blocks, Block())
            self.tasks.show_blocks(blocks, ticked or {}, points, html_of, images, theme)
            self.browser.clear()
        else:
            self.tasks.clear()
            self.browser.show_html(markdown_to_html(page.markdown, caption) + reviewed_html,
                                   images, theme)
        self.dots.set_position(index, count)
        self.dots.setAccessibleName(tr("Reader", "Page %1 of %2").replace("%1", str(index + 1))
                                    .replace("%2", str(count)))
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(next_text + "  ›")
        self.next_button.setAccessibleName(next_name)
        self._arrange_nav()
