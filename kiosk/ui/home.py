"""The home screen: one large tile per section in content order, plus the quiz tile."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.i18n import tr
from kiosk.ui.theme import Theme
from kiosk.ui.touch import enable_kinetic_scroll
from kiosk.ui.widgets import PictureLabel, ScreenWidget, Tile, role_label

QUIZ_KEY = "__quiz__"


@dataclass(frozen=True)
class TileInfo:
    key: str  # section slug, or QUIZ_KEY
    title: str
    subtitle: str
    picture: bytes


class HomeScreen(ScreenWidget):
    tile_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.tiles: list[Tile] = []
        self._placed_columns = 0  # columns the tiles are laid out in (0: not placed yet)
        self._logo_bytes = b""
        self.logo = PictureLabel()
        self.clinic = role_label(role="kicker")
        self.heading = role_label(role="h1")
        self.hint = role_label(role="muted")
        self.notice = role_label(name="Notice")
        self.notice.setVisible(False)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.clinic)
        titles.addWidget(self.heading)
        titles.addWidget(self.hint)
        head = QHBoxLayout()
        head.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(titles, 1)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid_host)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scroll(self.scroll)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(head)
        self._layout.addWidget(self.notice)
        self._layout.addWidget(self.scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Home", "Restless legs: what helps"))
        self.hint.setText(tr("Home", "Tap a topic to read about it."))

    def set_content(self, clinic: str, logo: bytes, tiles: list[TileInfo], notice: str) -> None:
        self.clinic.setText(clinic)
        self.clinic.setVisible(bool(clinic))
        self._logo_bytes = logo
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        if [tile.key for tile in self.tiles] != [info.key for info in tiles]:
            self._make_tiles([info.key for info in tiles])
        # The same topics (a language switch): only the words change, so the tiles are kept.
        for tile, info in zip(self.tiles, tiles, strict=True):
            tile.set_content(info.title, info.subtitle, info.picture)
        if self.theme is not None:
            self.apply_theme(self.theme)

    def _make_tiles(self, keys: list[str]) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()  # gone at once, not only when the event loop deletes it
            tile.deleteLater()
        self.tiles = []
        self._placed_columns = 0
        for key in keys:
            tile = Tile(key, "quiz" if key == QUIZ_KEY else "section")
            tile.clicked.connect(lambda _=False, k=key: self.tile_chosen.emit(k))
            self.tiles.append(tile)

    def columns(self) -> int:
        portrait = self.height() > self.width() * 1.1
        if portrait:
            return 2 if len(self.tiles) > 3 else 1
        return 4 if len(self.tiles) > 9 else 3

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        self.grid.setSpacing(spacing)
        logo_size = round(theme.px("icon") * 0.9)
        self.logo.draw(self._logo_bytes, logo_size)
        columns = self.columns()
        rows = max(1, -(-len(self.tiles) // columns))
        available = self.scroll.viewport().height() or self.height()
        tile_h = max(theme.px("tile_min_h"), theme.touch_px(),
                     (available - spacing * (rows - 1)) // rows)
        text_need = round(theme.font_px("tile_title") * 2.6 + theme.font_px("tile_sub") * 2.6)
        tile_h = max(tile_h, min(text_need, theme.px("tile_min_h") * 2))
        icon = min(theme.px("icon"), round(tile_h * 0.62))
        for index, tile in enumerate(self.tiles):
            if columns != self._placed_columns:
                self.grid.addWidget(tile, index // columns, index % columns)
            tile.setMinimumHeight(tile_h)
            tile.set_icon_size(icon)
            tile.layout().activate()  # text moves aside now, not a frame after the new icon
        self._placed_columns = columns
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
