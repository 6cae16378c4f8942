"""The home screen: one large tile per section in content order, plus the quiz tile."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.model import LanguageContent, Section
from kiosk.ui.look.i18n import tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.touch import enable_kinetic_scroll
from kiosk.ui.look.widgets import PictureLabel, ScreenWidget, Tile, role_label

QUIZ_KEY = "__quiz__"


@dataclass(frozen=True)
class TileInfo:
    key: str  # section slug, or QUIZ_KEY
    title: str
    subtitle: str
    picture: bytes


def home_tiles(sections: list[Section], content: LanguageContent, images: dict[str, bytes], *,
               quiz: bool) -> list[TileInfo]:
    """A tile for each topic and, if `quiz` is on and `content` has questions, the quiz's."""
    tiles = [TileInfo(s.slug, s.title, s.subtitle, images.get(s.icon, b"")) for s in sections]
    if quiz and content.quiz:
        tiles.append(TileInfo(QUIZ_KEY, content.quiz_title or tr("Home", "Quick quiz"),
                              tr("Home", "Test what you know"), images.get(content.quiz_icon, b"")))
    return tiles


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
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.grid_host)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scroll(self.scroll_area)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(head)
        self._layout.addWidget(self.notice)
        self._layout.addWidget(self.scroll_area, 1)
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

    def column_choices(self) -> tuple[int, ...]:
        """Column counts to try, fewest first: wider tiles hold their words on fewer lines."""
        portrait = self.height() > self.width() * 1.1
        if portrait:
            return (2, 3) if len(self.tiles) > 3 else (1, 2)
        return (4, 5) if len(self.tiles) > 9 else (3, 4)

    def apply_theme(self, theme: Theme) -> None:
        margin, spacing = theme.px("margin"), theme.px("spacing")
        self._layout.setContentsMargins(margin, margin, margin, spacing)
        self._layout.setSpacing(spacing)
        self.grid.setSpacing(spacing)
        logo_size = round(theme.px("icon") * 0.9)
        self.logo.draw(self._logo_bytes, logo_size)
        if not self.tiles:
            return
        width = self.width() - 2 * margin
        least = theme.touch_px()  # the rows share what is left over
        self.hint.show()
        plan = self._plan(theme, width, self._grid_room(), least)
        if plan is None:  # the "Tap a topic" line gives its room to the tiles
            self.hint.hide()
            plan = self._plan(theme, width, self._grid_room(), least)
        if plan is None:  # more tiles than any screen holds whole: the barest, scrolled
            plan = _Plan(self.column_choices()[-1], TILE_STYLES[-1], [least] * len(self.tiles))
        self._place(plan, theme)

    def _grid_room(self) -> int:
        """The height left for the tiles under the heading (and the notice, if any)."""
        self._layout.activate()
        return self.scroll_area.height()

    def _plan(self, theme: Theme, width: int, room: int, least: int) -> _Plan | None:
        """The fullest tiles (picture, subtitle) and fewest columns that fit `room` whole."""
        spacing = theme.px("spacing")
        for style in TILE_STYLES:
            icon = round(theme.px("icon") * style.icon)
            for columns in self.column_choices():
                tile_w = (width - spacing * (columns - 1)) // columns
                fits = [tile.height_for(tile_w, icon, style.subtitle) for tile in self.tiles]
                needs = [need for need in fits if need is not None]
                if len(needs) < len(fits):
                    continue
                rows = [max(least, *needs[r:r + columns]) for r in range(0, len(needs), columns)]
                if sum(rows) + spacing * (len(rows) - 1) <= room:
                    return _Plan(columns, style, [rows[i // columns] for i in range(len(needs))])
        return None

    def _place(self, plan: _Plan, theme: Theme) -> None:
        icon = round(theme.px("icon") * plan.style.icon)
        for index, tile in enumerate(self.tiles):
            if plan.columns != self._placed_columns:
                self.grid.addWidget(tile, index // plan.columns, index % plan.columns)
            tile.setMinimumHeight(plan.heights[index])
            tile.show_subtitle(plan.style.subtitle)
            tile.set_icon_size(icon)
            tile.row.activate()  # text moves aside now, not a frame after the new icon
        self._placed_columns = plan.columns
        for column in range(5):
            self.grid.setColumnStretch(column, 1 if column < plan.columns else 0)
        rows = -(-len(self.tiles) // plan.columns)
        for row in range(len(self.tiles)):
            self.grid.setRowStretch(row, 1 if row < rows else 0)
        self.grid.activate()


@dataclass(frozen=True)
class TileStyle:
    """How much of a tile shows: its picture at a share of the full size (0: none), and its
    subtitle (always read out by a screen reader, shown when there is room)."""

    icon: float
    subtitle: bool


# From the fullest tile to the barest: the home screen takes the first that fits every tile
# on screen, so a patient never scrolls to find the last topic or the quiz.
TILE_STYLES = (TileStyle(1.0, True), TileStyle(0.7, True), TileStyle(1.0, False),
               TileStyle(0.7, False), TileStyle(0.0, False))


@dataclass(frozen=True)
class _Plan:
    columns: int
    style: TileStyle
    heights: list[int]  # each tile's height: the tallest need in its row
