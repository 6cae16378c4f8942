"""A reader page with task lists: its text, one large toggle per item, and the take-home buttons.

The page scrolls as a whole by finger; its stretches of text are shown by browsers as tall as
their text (`fitted_browser`), so the toggles sit where the staff wrote the list.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.take_home import Block, TaskList
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.touch import enable_kinetic_scroll
from kiosk.ui.look.widgets import FitsItsWords, restyle, role_label, touch_button

if TYPE_CHECKING:
    from kiosk.ui.screens.reader import ContentBrowser


class TaskToggle(FitsItsWords, QCheckBox):
    """One item of a task list. The whole row is the target; the checked state shows three
    ways (a filled box with a tick, bold text, a coloured border), never by colour alone; a
    screen reader hears a check box named by the item."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setObjectName("TaskToggle")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.mark = role_label(name="TaskMark", wrap=False)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label = role_label(text, name="TaskText")
        for label in (self.mark, self.text_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._box = QHBoxLayout(self)
        self._box.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        self._box.addWidget(self.text_label, 1)
        self.setAccessibleName(text)
        self.toggled.connect(self._show_state)
        self._show_state(False)

    def item_text(self) -> str:
        return self.text_label.text()

    def _show_state(self, on: bool) -> None:
        self.mark.setText("✓" if on else "")
        for widget in (self, self.mark, self.text_label):
            widget.setProperty("state", "on" if on else "off")
        restyle(self, self.mark, self.text_label)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return self.rect().contains(pos)

    def apply_theme(self, theme: Theme) -> None:
        pad, gap = round(theme.px("spacing") * 1.2), theme.px("spacing")
        self._box.setContentsMargins(pad, gap // 2, pad, gap // 2)
        self._box.setSpacing(gap)
        side = round(theme.font_px("button") * 1.7)  # the tick's line height and the border
        self.mark.setFixedSize(QSize(side, side))
        self.setMinimumHeight(theme.touch_px())
        self.updateGeometry()


def fitted_browser(refitted: Callable[[], None]) -> ContentBrowser:
    """A reader browser for a stretch of page text, exactly as tall as its text (after
    `fit_height`): the page around it scrolls, so it neither scrolls nor grabs the finger."""
    from kiosk.ui.screens.reader import ContentBrowser  # the reader shows TaskPage: imported late

    browser = ContentBrowser()
    QScroller.ungrabGesture(browser.viewport())
    browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    browser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    _HeightFollowsWidth(browser, refitted)
    return browser


def fit_height(browser: ContentBrowser) -> None:
    document = browser.document()
    document.setTextWidth(browser.viewport().width())
    browser.setFixedHeight(math.ceil(document.size().height()) + 2 * browser.frameWidth())


class _HeightFollowsWidth(QObject):
    """Fits a browser's height to its text again whenever its width changes (watched on the
    viewport: the browser's own resize comes before its viewport has the new width), then
    calls `refitted`."""

    def __init__(self, browser: ContentBrowser, refitted: Callable[[], None]) -> None:
        super().__init__(browser)
        self._browser = browser
        self._refitted = refitted
        browser.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent) \
                and event.size().width() != event.oldSize().width():
            fit_height(self._browser)
            self._refitted()
        return False


class TaskPage(QWidget):
    """A page's blocks (text and task lists) in one column that scrolls by finger, and below
    it, always in sight, "Keep my list" (with a task list) and "Keep these points" (for a
    section with take_home)."""

    ticked_changed = Signal(int, object)  # the list's number on the page, frozenset of items
    keep_requested = Signal(str)  # "list" or "points"
    link_activated = Signal(str)
    more_below = Signal(bool)  # some of the page lies below the view (the reader's cue)

    def __init__(self) -> None:
        super().__init__()
        self.column = QWidget()
        self.box = QVBoxLayout(self.column)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("TaskPage")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.column)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scroll(self.scroll_area)
        bar = self.scroll_area.verticalScrollBar()
        bar.valueChanged.connect(self._report_more)
        bar.rangeChanged.connect(self._report_more)
        self._more = False
        self.keep_list = touch_button(role="primary", name="KeepListButton")
        self.keep_points = touch_button(name="KeepPointsButton")
        self.keep_list.clicked.connect(lambda: self.keep_requested.emit("list"))
        self.keep_points.clicked.connect(lambda: self.keep_requested.emit("points"))
        self._keep_row = QHBoxLayout()
        self._keep_row.addWidget(self.keep_list)
        self._keep_row.addWidget(self.keep_points)
        self._keep_row.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.scroll_area, 1)
        self._layout.addLayout(self._keep_row)
        self.toggles: list[list[TaskToggle]] = []
        self._parts: list[QWidget] = []

    def show_blocks(self, blocks: tuple[Block, ...], ticked: dict[int, frozenset[int]],
                    points: bool, html_of: dict[int, str], images: dict[str, bytes],
                    theme: Theme) -> None:
        """Show `blocks`; `html_of` holds each text block's HTML by its index (the last may
        carry the "Last reviewed" line), `ticked` each list's ticked items by its number."""
        self.clear()
        self.apply_theme(theme)
        for index, block in enumerate(blocks):
            if block.tasks is not None:
                self._add_list(block.tasks, ticked.get(len(self.toggles), frozenset()), theme)
            else:
                self._add_text(html_of[index], images, theme)
        self.box.addStretch(1)
        self.fit_column()
        self.keep_list.setVisible(bool(self.toggles))
        self.keep_points.setVisible(points)
        self._update_keep()
        self.scroll_area.verticalScrollBar().setValue(0)

    def hold_cue(self, cue: QWidget) -> None:
        """Place the reader's "More below" button between the scrolling part and the keep row."""
        if self._layout.indexOf(cue) < 0:
            self._layout.insertWidget(1, cue, 0, Qt.AlignmentFlag.AlignHCenter)

    def has_more(self) -> bool:
        bar = self.scroll_area.verticalScrollBar()
        return bar.value() < bar.maximum()

    def show_more(self) -> None:
        """The "more below" cue: the first text or item not shown whole comes to the top (a
        text taller than the view moves on by one view instead)."""
        bar = self.scroll_area.verticalScrollBar()
        top, bottom = bar.value(), bar.value() + self.scroll_area.viewport().height()
        cut = next((part.y() for part in self._parts if part.isVisibleTo(self.column)
                    and part.geometry().bottom() >= bottom), bottom)
        bar.setValue(min(bar.maximum(), cut if cut > top else bottom))

    def _report_more(self, *_: int) -> None:
        more = self.has_more()
        if more != self._more:
            self._more = more
            self.more_below.emit(more)

    def clear(self) -> None:
        while self.box.count():
            self.box.takeAt(0)
        for part in self._parts:
            part.hide()
            part.deleteLater()
        self._parts = []
        self.toggles = []

    def _add_text(self, html: str, images: dict[str, bytes], theme: Theme) -> None:
        browser = fitted_browser(self.fit_column)
        browser.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        browser.setFixedHeight(max(200, self.scroll_area.viewport().height()))  # room for pictures
        self.box.addWidget(browser)
        browser.show()  # now, not from the event loop: fit_column counts only shown widgets
        browser.show_html(html, images, theme)
        fit_height(browser)
        self._parts.append(browser)

    def _add_list(self, tasks: TaskList, ticked: frozenset[int], theme: Theme) -> None:
        number = len(self.toggles)
        toggles = []
        for item_number, item in enumerate(tasks.items):
            toggle = TaskToggle(item)
            toggle.apply_theme(theme)
            toggle.setChecked(item_number in ticked)
            toggle.toggled.connect(lambda _=False, n=number: self._toggled(n))
            self.box.addWidget(toggle)
            toggle.show()
            self._parts.append(toggle)
            toggles.append(toggle)
        self.toggles.append(toggles)

    def _toggled(self, number: int) -> None:
        ticked = frozenset(n for n, t in enumerate(self.toggles[number]) if t.isChecked())
        self._update_keep()
        self.ticked_changed.emit(number, ticked)

    def _update_keep(self) -> None:
        self.keep_list.setEnabled(any(t.isChecked() for ts in self.toggles for t in ts))

    def apply_theme(self, theme: Theme) -> None:
        self.box.setSpacing(theme.px("spacing"))
        self._layout.setSpacing(theme.px("spacing"))
        self._keep_row.setSpacing(theme.px("spacing"))
        for toggles in self.toggles:
            for toggle in toggles:
                toggle.apply_theme(theme)
        self.fit_column()

    def fit_column(self) -> None:
        """QScrollArea ignores height-for-width: without this, wrapped toggles would be
        squeezed over each other instead of scrolled to."""
        width = self.scroll_area.viewport().width()
        self.column.ensurePolished()
        self.box.invalidate()
        wrapped = self.box.totalHeightForWidth(width)  # -1: nothing wraps
        self.column.setMinimumHeight(max(wrapped, self.box.totalMinimumSize().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_column()
