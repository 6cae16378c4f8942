"""A layout that places widgets left to right and starts a new line when the next one would not fit.

Qt Widgets has none built in (this follows the shape of Qt's Flow Layout example). Each widget
keeps its size hint, so a button's words are never squeezed: on a narrow portrait screen, or with
longer words in another language, a row of buttons wraps onto more lines instead of running past
the right edge. The layout reports a height for each width, so the page around it makes room.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # QLayout leaves its items to the subclass: Qt's C++ example deletes them in the
        # destructor. The items are made by Qt (addWidget), so Python does not own them.
        items = self._items

        def delete_items() -> None:  # holds the list, never the layout
            for item in items:
                shiboken6.delete(item)

        self.destroyed.connect(delete_items)

    # -- the item list, as QLayout asks for it ---------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes -------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """All on one line, as wide as that needs."""
        hints = [item.sizeHint() for item in self._shown()]
        width = sum(h.width() for h in hints) + self._gap() * max(len(hints) - 1, 0)
        return self._with_margins(width, max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """One widget a line: as narrow as the widest one, never narrower than its words."""
        hints = [item.sizeHint() for item in self._shown()]
        return self._with_margins(max((h.width() for h in hints), default=0),
                                  max((h.height() for h in hints), default=0))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- placing -----------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        return max(self.spacing(), 0)

    def _with_margins(self, width: int, height: int) -> QSize:
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in `rect` (only measure unless `place`); the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        x, y, line_height = inner.x(), inner.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            if x > inner.x() and x + hint.width() > inner.x() + inner.width():
                x, y, line_height = inner.x(), y + line_height + gap, 0
            if place:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()
