"""Staff page "Visits": how the kiosk was used today, in the last 7 or the last 30 days.

The numbers and SVG charts come from kiosk/engagement/reports/dashboard.py (no Qt); this page gives
it the words in the interface language and draws the charts with QSvgRenderer at the width
available, so they stay sharp on any screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.engagement.reports.dashboard import Dashboard, DashboardWords, build_dashboard
from kiosk.engagement.reports.small_counts import ROUGH_BOUNDS
from kiosk.ui.look.i18n import PLURAL, interface_date, tr
from kiosk.ui.look.theme import Theme
from kiosk.ui.look.widgets import render_picture, role_label
from kiosk.ui.staff_panel.parts import Choices, StaffPage, card


def rough_length(bound: int) -> str:
    """A typical visit from too few visits, roughly: "under 5 minutes" (rough_duration of
    kiosk/engagement/reports/small_counts.py in the interface language)."""
    if bound > ROUGH_BOUNDS[-1]:
        return tr("Staff", "an hour or more")
    if bound < 60:
        return tr("Staff", "under %n seconds", None, PLURAL, bound)
    minutes = bound // 60
    return tr("Staff", "under %n minutes", None, PLURAL, minutes)


def dashboard_words() -> DashboardWords:
    """The dashboard's figure names, chart titles and notes in the interface language."""
    return DashboardWords(
        visits=tr("Staff", "Visits"),
        median_visit=tr("Staff", "Median visit"),
        quizzes_finished=tr("Staff", "Quizzes finished"),
        answers_right=tr("Staff", "Quiz answers right"),
        fewer_than=tr("Staff", "fewer than %1"),
        not_shown=tr("Staff", "not shown (%1)"),
        of_answers=tr("Staff", "answers"),
        rough=rough_length,
        by_hour_title=tr("Staff", "Visits by hour today"),
        per_day_title=tr("Staff", "Visits per day"),
        axis=tr("Staff", "visits"),
        dashed_note=tr("Staff", "Dashed bars: %1 (exact number hidden)."),
        no_visits=tr("Staff", "No visits in this period yet"),
        topics_title=tr("Staff", "Topics opened (visits)"),
        no_topics=tr("Staff", "No topics opened in this period"),
        skipped=tr("Staff", "Damaged records left out (a value of the wrong type or out of "
                   "range): %1. Everything else is counted."),
        day=lambda day: interface_date(day, "d MMM"),
    )


class DashboardPage(StaffPage):
    def __init__(self, database: Path, today: Callable[[], date],
                 titles: Callable[[], dict[str, str]], status: Callable[[], str]) -> None:
        super().__init__()
        self._database = database
        self._today = today
        self._titles = titles
        self._status = status
        self.period = "today"
        self.periods = Choices([("today", tr("Staff", "Today")),
                                ("7days", tr("Staff", "Last 7 days")),
                                ("30days", tr("Staff", "Last 30 days"))])
        self.periods.set_checked([self.period])
        self.periods.chosen.connect(self.choose)
        self.span = role_label(role="muted")
        self.recording = role_label(role="muted")
        figures_host = QWidget()
        self._figures = QGridLayout(figures_host)
        self._figures.setContentsMargins(0, 0, 0, 0)
        self.figure_values: list[QLabel] = []
        self.figure_captions: list[QLabel] = []
        for index in range(4):
            box, layout = card()
            value = role_label(name="StaffFigure")
            label = role_label(role="muted")
            layout.addWidget(value)
            layout.addWidget(label)
            self._figures.addWidget(box, 0, index)
            self.figure_values.append(value)
            self.figure_captions.append(label)
        self.problem = role_label(name="StaffResult")
        self.problem.setProperty("state", "problem")
        self.problem.hide()
        self.chart_labels: list[QLabel] = []
        self.column.addWidget(self.periods)
        self.column.addWidget(self.span)
        self.column.addWidget(figures_host)
        self.column.addWidget(self.problem)
        for _ in range(2):
            chart = QLabel()
            chart.setObjectName("StaffChart")
            self.chart_labels.append(chart)
            self.column.addWidget(chart)
        self.column.addWidget(self.recording)
        self.column.addStretch(1)
        self.dashboard: Dashboard | None = None

    def choose(self, key: str) -> None:
        self.period = key
        self.periods.set_checked([key])
        self.refresh()

    def refresh(self) -> None:
        self.dashboard = build_dashboard(self._database, self.period, self._today(),
                                         titles=self._titles(), words=dashboard_words())
        board = self.dashboard
        self.span.setText(tr("Staff", "%1 to %2. Counts from 1 to 4 are shown as \"fewer than "
                             "5\", as in the printed report.")
                          .replace("%1", interface_date(board.since, "dd MMM yyyy"))
                          .replace("%2", interface_date(board.until, "dd MMM yyyy")))
        for value, caption, (label, number) in zip(self.figure_values, self.figure_captions,
                                                   board.figures, strict=False):
            value.setText(number)
            caption.setText(label)
        self.problem.setText(board.problem)
        self.problem.setVisible(bool(board.problem))
        status = self._status()
        self.recording.setText(status)  # the recorder's own sentence, e.g. "Recording visits."
        self.recording.setVisible(bool(status))
        self._draw_charts()

    def _draw_charts(self) -> None:
        charts = self.dashboard.charts if self.dashboard else []
        scale = self._theme.scale if self._theme else 1.0
        width = max(320, min(self.viewport().width() - 8, round(1200 * scale)))
        for index, label in enumerate(self.chart_labels):
            if index < len(charts):
                image = render_picture(charts[index].encode("utf-8"), width, 0,
                                       self.devicePixelRatioF())
                label.setPixmap(QPixmap.fromImage(image))
                label.setAccessibleName(_svg_title(charts[index]))
            label.setVisible(index < len(charts))

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._figures.setSpacing(theme.px("spacing"))
        self._fit_width()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit_width()

    def _fit_width(self) -> None:
        """Four figures in a row where they fit, else two; charts as wide as the page."""
        if self._theme is None:
            return
        items = (self._figures.itemAt(i) for i in range(self._figures.count()))
        boxes = [box for item in items if item is not None and (box := item.widget()) is not None]
        columns = 4 if self.viewport().width() >= self._theme.font_px("h1") * 24 else 2
        for index, box in enumerate(boxes):
            self._figures.addWidget(box, index // columns, index % columns)
        if self.dashboard is not None:
            self._draw_charts()


def _svg_title(svg: str) -> str:
    start = svg.find("<title>")
    end = svg.find("</title>")
    return svg[start + 7:end] if 0 <= start < end else ""
