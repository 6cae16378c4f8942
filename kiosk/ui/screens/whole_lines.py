"""Where a page of text may end on screen: between blocks, else between lines, never through one.

A scrolled QTextBrowser shows whatever fits its viewport, so its bottom edge can cut a line in
half. `view_end` finds, for a view starting at `top`, the lowest edge at or above `top + height`
that cuts no line: the end of a paragraph (or list item, or picture) when one lies in the lower
part of the view, else the end of a line. The reader sets its viewport's height to that edge.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

BLOCK_REACH = 0.35  # a block's end this far up the view is still preferred to a line's end
SLACK = 1.0  # px: layout positions are fractions; scrolling is in whole pixels


def _lines(doc: QTextDocument) -> list[tuple[float, float, bool]]:
    """(top, bottom, ends a block) of every line in the document, in document pixels."""
    layout = doc.documentLayout()
    lines = []
    block = doc.begin()
    while block.isValid():
        box = layout.blockBoundingRect(block)
        text_layout = block.layout()
        count = text_layout.lineCount()
        for number in range(count):
            line = text_layout.lineAt(number)
            top = box.top() + line.y()  # a line's y is counted from its block's top
            lines.append((top, top + line.height(), number == count - 1))
        block = block.next()
    return lines


def view_end(doc: QTextDocument, top: float, height: float) -> float:
    """The lowest y in (top, top + height] that cuts no line, preferring a block's end; the
    full height when a single line (a tall picture) is taller than the view."""
    bottom = top + height
    lines = _lines(doc)
    if all(line_bottom <= bottom + SLACK for _, line_bottom, _ in lines):
        return bottom  # everything below `top` is shown
    edge = bottom
    moved = True
    while moved:  # moving the edge up can cut a line beside it (a table's other column)
        moved = False
        for line_top, line_bottom, _ in lines:
            if line_top < edge - SLACK and line_bottom > edge + SLACK:
                edge, moved = line_top, True
    if edge <= top:
        return bottom
    block_ends = [b for _, b, last in lines if last and top < b <= edge]
    if block_ends and max(block_ends) >= edge - height * BLOCK_REACH:
        return max(block_ends)
    return edge
