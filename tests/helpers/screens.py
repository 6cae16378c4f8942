"""Walk every patient screen of a window and inspect what a patient sees on it.

The walk is the preview's own (kiosk/ui/preview/patient.py), so a screen added there (quiz, results)
is checked here too. The checks measure real widgets after layout: text against its widget's
rectangle, targets against 48 px, accessible names as a screen reader reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QWidget,
)

from kiosk.ui.preview.patient import SCREEN_KINDS, _screens
from kiosk.ui.window import KioskWindow

PATIENT_KINDS = tuple(kind for kind in SCREEN_KINDS if kind != "staff")
MIN_TARGET = 48  # px: the smallest touch target on any screen at any text size
SLACK = 1  # px of rounding between font metrics and layout


@dataclass(frozen=True)
class Shown:
    name: str  # preview file name, e.g. "es-reader-02-who-gets-it-p3"
    layers: tuple[QWidget, ...]  # the screen, the footer, the idle overlay: what is on top


def walk(window: KioskWindow, lang: str, kinds: tuple[str, ...] = PATIENT_KINDS
         ) -> Iterator[Shown]:
    for name in _screens(window, lang, kinds):
        for _ in range(3):  # what follows a layout pass (the reader's "more below") settles
            QApplication.processEvents()
        layers = [window.current_screen()]
        layers += [w for w in (window.footer, window.overlay) if w.isVisible()]
        yield Shown(name, tuple(layers))


def visible(layer: QWidget, kind: type = QWidget) -> list[QWidget]:
    found = [layer] if isinstance(layer, kind) else []
    found += [w for w in layer.findChildren(kind) if w.isVisibleTo(layer.window())
              and w.width() > 0 and w.height() > 0]
    return [w for w in found if w.isVisible()]


def window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def _scrolls(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def clipping(widget: QWidget) -> str | None:
    """Why `widget` is cut off by an ancestor (scrolling areas may hide what is scrolled away)."""
    rect = window_rect(widget)
    ancestor = widget.parentWidget()
    while ancestor is not None and not _scrolls(ancestor):
        outer = window_rect(ancestor).adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not outer.contains(rect):
            return f"sticks out of {ancestor.metaObject().className()} " \
                   f"{ancestor.objectName()!r} ({rect} in {outer})"
        if ancestor.isWindow():
            break
        ancestor = ancestor.parentWidget()
    return None


def _scrolled_away(widget: QWidget) -> bool:
    """Inside a scroll area but outside its viewport now: the patient scrolls to it."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if _scrolls(ancestor):
            return not window_rect(ancestor).intersects(window_rect(widget))
        ancestor = ancestor.parentWidget()
    return False


def shown_rect(widget: QWidget) -> QRect:
    """The part of `widget` on screen: inside a scroll area, only what its viewport shows."""
    rect = window_rect(widget)
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if _scrolls(ancestor):
            return rect.intersected(window_rect(ancestor))
        ancestor = ancestor.parentWidget()
    return rect


def text_problem(widget: QWidget) -> str | None:
    """How the text of a label or a plain button does not fit its widget, if it does not."""
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or widget.textFormat() == Qt.TextFormat.RichText:
            return None
        box = widget.contentsRect()
        flags = int(widget.alignment())
        if widget.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
        need = widget.fontMetrics().boundingRect(QRect(0, 0, box.width(), 10**6), flags, text)
        if need.width() > box.width() + SLACK or need.height() > box.height() + SLACK:
            return f"needs {need.width()}x{need.height()}, has {box.width()}x{box.height()}"
        return None
    # A button's own text (not one drawn by a label inside it, which is checked as a label).
    if isinstance(widget, QPushButton) and QPushButton.text(widget):
        need, has = widget.sizeHint(), widget.size()
        if need.width() > has.width() + SLACK or need.height() > has.height() + SLACK:
            return f"needs {need.width()}x{need.height()}, has {has.width()}x{has.height()}"
    return None


def fit_problems(shown: Shown) -> list[str]:
    """Every text that is cut off, sticks out of its box or lies on another text."""
    problems: list[str] = []
    for layer in shown.layers:
        widgets = [w for w in visible(layer) if isinstance(w, QLabel | QPushButton)
                   and not _scrolled_away(w)]
        for widget in widgets:
            what = f"{shown.name}: {describe(widget)}"
            if (problem := text_problem(widget)) is not None:
                problems.append(f"{what} {problem}")
            if (problem := clipping(widget)) is not None:
                problems.append(f"{what} {problem}")
        texts = [w for w in widgets if _has_text(w)]
        for i, one in enumerate(texts):
            for other in texts[i + 1:]:
                if _related(one, other):
                    continue
                overlap = shown_rect(one).intersected(shown_rect(other))
                if overlap.width() > SLACK and overlap.height() > SLACK:
                    problems.append(f"{shown.name}: {describe(one)} overlaps {describe(other)}")
    return problems


def _has_text(widget: QWidget) -> bool:
    """Text, or a picture: what a patient reads or looks at, so nothing may lie on it."""
    if isinstance(widget, QLabel):
        return bool(widget.text()) or not widget.pixmap().isNull()
    return bool(widget.text()) if isinstance(widget, QPushButton) else False


def _related(one: QWidget, other: QWidget) -> bool:
    return one.isAncestorOf(other) or other.isAncestorOf(one)


def targets(shown: Shown) -> list[QAbstractButton]:
    return [w for layer in shown.layers for w in visible(layer, QAbstractButton)]


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def describe(widget: QWidget) -> str:
    label = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    name = widget.objectName() or widget.metaObject().className()
    return f"{name} {label[:40]!r}"
