"""Small building blocks shared by the screens: labels by role, buttons, tiles, page dots."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.reading.pictures import PictureProblem, decode_raster, is_svg
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme

if TYPE_CHECKING:  # what FitsItsWords is mixed into; a plain object while running
    _QtWidget = QWidget
else:
    _QtWidget = object


def role_label(text: str = "", role: str = "", *, wrap: bool = True,
               name: str = "") -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def touch_button(text: str = "", role: str = "", name: str = "") -> QPushButton:
    """A button that never takes keyboard focus (there is no keyboard) and repeats nothing."""
    button = QPushButton(text)
    if role:
        button.setProperty("role", role)
    if name:
        button.setObjectName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoRepeat(False)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return button


def name_home_button(button: QPushButton) -> None:
    """Home's words, the same on every screen that has one (again after a language switch)."""
    button.setText("⌂  " + tr("Reader", "Home"))
    button.setAccessibleName(tr("Reader", "Home: all topics"))


class FitsItsWords(_QtWidget):
    """For a button whose layout `_box` wraps its words (a quiz answer, a task-list item): as tall
    as those words need at the width it is given, at least its minimum height (the touch target).
    Put it before the Qt class in the bases."""

    _box: QLayout

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._box.totalSizeHint().width(), self.heightForWidth(max(self.width(), 240)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(160, self.heightForWidth(max(self.width(), 160)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(self._box.totalHeightForWidth(width), self.minimumHeight())


def restyle(*widgets: QWidget) -> None:
    """Apply the style sheet again after a property used by a selector (`state`) changed."""
    for widget in widgets:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def render_picture(data: bytes, width: int, height: int = 0, ratio: float = 1.0) -> QImage:
    """Render picture bytes (SVG, PNG or JPEG) to fit `width` x `height` (0: keep aspect).

    SVG is drawn at the target size, so it stays sharp on a 4K screen.
    """
    # checked by the loader (kiosk/content/reading/pictures.py), or made by the kiosk
    if is_svg(data):
        renderer = QSvgRenderer(QByteArray(data))
        natural = renderer.defaultSize()
        if natural.isEmpty():
            natural = QSize(100, 100)
        size = natural.scaled(QSize(width, height or 10**6), Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
    else:
        try:
            image = decode_raster(data)
        except PictureProblem:
            return QImage()
        image = image.scaled(QSize(round(width * ratio), round((height or 10**6) * ratio)),
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    image.setDevicePixelRatio(ratio)
    return image


class PictureLabel(QLabel):
    """A picture drawn at a square size, drawn again only when the picture, the size or the
    pixel ratio changed: drawing an SVG takes longer than everything else a language switch
    does to a screen."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn: tuple[bytes, int, float] | None = None

    def draw(self, picture: bytes, size: int) -> None:
        """Show `picture` fitted to `size` x `size`; hide the label when there is none."""
        drawn = (picture, size, self.devicePixelRatioF())
        if picture and drawn != self._drawn:
            image = render_picture(picture, size, size, drawn[2])
            self.setPixmap(QPixmap.fromImage(image))
            self._drawn = drawn
        self.setVisible(bool(picture))


class Tile(QPushButton):
    """A large home-screen tile: picture, title and subtitle; the whole tile is the target."""

    def __init__(self, key: str, kind: str = "section") -> None:
        super().__init__()
        self.key = key
        self.setObjectName("Tile")
        self.setProperty("kind", kind)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.icon_label = PictureLabel()
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = role_label(name="TileTitle")
        self.subtitle_label = role_label(name="TileSubtitle")
        for child in (self.icon_label, self.title_label, self.subtitle_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._text = QVBoxLayout()
        self._text.setSpacing(4)
        self._text.addStretch(1)
        self._text.addWidget(self.title_label)
        self._text.addWidget(self.subtitle_label)
        self._text.addStretch(1)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.row.addLayout(self._text, 1)
        self._picture: bytes = b""
        self._show_subtitle = True

    def set_content(self, title: str, subtitle: str, picture: bytes) -> None:
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle) and self._show_subtitle)
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)  # read out even when not shown
        self._picture = picture

    def set_icon_size(self, size: int) -> None:
        """Show the picture at `size` x `size` px; 0 leaves it out (room for the words)."""
        self.icon_label.setFixedSize(size, size)
        self.icon_label.draw(self._picture if size else b"", size)

    def show_subtitle(self, shown: bool) -> None:
        self._show_subtitle = shown
        self.subtitle_label.setVisible(shown and bool(self.subtitle_label.text()))

    def height_for(self, width: int, icon: int, subtitle: bool) -> int | None:
        """The height the tile needs at `width` with an icon of `icon` px (0: none), with or
        without its subtitle, from its wrapped words; None if a word is wider than the room
        beside the icon (it would be cut off)."""
        self.ensurePolished()
        row = self.row
        margins = row.contentsMargins()
        shows_icon = icon and self._picture
        room = width - margins.left() - margins.right() - (
            icon + row.spacing() if shows_icon else 0)
        labels = [self.title_label]
        if subtitle and self.subtitle_label.text():
            labels.append(self.subtitle_label)
        for label in labels:
            metrics = label.fontMetrics()
            if max((metrics.horizontalAdvance(w) for w in label.text().split()),
                   default=0) > room:
                return None
        words = sum(label.heightForWidth(room) for label in labels)
        words += self._text.spacing() * (len(labels) - 1)
        return max(icon if shows_icon else 0, words) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, 120)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, 80)


class WrappingButton(QPushButton):
    """A button whose label wraps onto several lines instead of being cut off."""

    def __init__(self, text: str = "", name: str = "") -> None:
        super().__init__()
        if name:
            self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = role_label(text, name=f"{name}Label" if name else "")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.updateGeometry()

    def text(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self.label.sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, self.label.heightForWidth(max(120, self.width())))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.label.heightForWidth(width)


class PageDots(QLabel):
    """Where am I: one dot per page, the current one filled."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Dots")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_position(self, index: int, count: int) -> None:
        self.setText("  ".join("●" if i == index else "○" for i in range(count)))
        self.setVisible(count > 1)


_POINTER_EVENTS = {
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
}
_TOUCH_OVER = {QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease}


class CoverLayer(QWidget):
    """A layer over the whole of its parent window (the "Still there?" question, the PIN pad,
    the staff panel, the dark screen after hours), hidden until shown; while shown it follows
    the window's size.

    A touch that lands on the layer itself (not on one of its own buttons) is the layer's from
    the finger going down to it lifting, by touch or by mouse: nothing beneath ever gets part
    of it. `touched` is emitted when such a touch is over, so a layer that a touch dismisses
    hides only then. A layer without buttons of its own takes touch events (`takes_touch`);
    one with buttons leaves them to Qt, which turns them into mouse events for its buttons and
    for the layer.
    """

    touched = Signal()

    def __init__(self, parent: QWidget, *, takes_touch: bool = False) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, takes_touch)
        parent.installEventFilter(self)
        self.hide()

    def fill_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() not in _POINTER_EVENTS:
            return super().event(event)
        event.accept()
        if event.type() in _TOUCH_OVER:
            self.touched.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.fill_parent()
        return False


class CardLayer(CoverLayer):
    """A dimmed layer over the window with a card in its middle (theme.qss: Overlay,
    OverlayCard); subclasses fill `card_layout`."""

    def __init__(self, parent: QWidget, *, takes_touch: bool = False) -> None:
        super().__init__(parent, takes_touch=takes_touch)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card = QWidget()
        self.card.setObjectName("OverlayCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card_layout = QVBoxLayout(self.card)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)


class ScreenWidget(QWidget):
    """Base of every screen: paints the theme background, lays itself out again when resized.

    Subclasses size things in `apply_theme` (called with the current theme whenever the look or
    the screen's own size changes) and set their words in `retranslate`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("screen", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.theme: Theme | None = None

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.apply_theme(theme)

    def apply_theme(self, theme: Theme) -> None:
        """Size margins, pictures and columns for `theme` and the current widget size."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.theme is not None:
            self.apply_theme(self.theme)

    def retranslate(self) -> None:
        """Set every interface string again in the current language."""
