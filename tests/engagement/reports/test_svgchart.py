"""The SVG charts: valid standalone XML in the subset QtSvg draws, honest about hidden counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kiosk.engagement.reports import svgchart
from kiosk.engagement.reports.svgchart import Bar

NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (3, [0, 1, 2, 3]),
        (10, [0, 2, 4, 6, 8, 10]),
        (1725, [0, 500, 1000, 1500, 2000]),
        (100, [0, 20, 40, 60, 80, 100]),
        (0, [0, 1]),
    ],
)
def test_nice_ticks(top: float, ticks: list[float]) -> None:
    assert svgchart.nice_ticks(top) == ticks


@pytest.mark.parametrize("chart", [svgchart.column_chart, svgchart.bar_chart])
def test_charts_are_standalone_svg_with_escaped_text(chart: object) -> None:
    bars = [Bar("<b>&co", 12, "12"), Bar("approx", 5, "<5", approx=True), Bar("zero", 0)]
    svg = chart(bars, title='Visits & "more"', show_title=True)  # type: ignore[operator]
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox") and root.get("width") and root.get("height")
    assert root.find(f"{NS}title").text == 'Visits & "more"'
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "<b>&co" in texts and 'Visits & "more"' in texts
    dashed = [r for r in root.iter(f"{NS}rect") if r.get("stroke-dasharray")]
    assert len(dashed) == 1


@pytest.mark.parametrize("chart", [svgchart.column_chart, svgchart.bar_chart])
def test_empty_chart_says_so(chart: object) -> None:
    svg = chart([], title="Nothing", empty_message="No quiz answers")  # type: ignore[operator]
    texts = [t.text for t in ET.fromstring(svg).iter(f"{NS}text")]
    assert texts == ["No quiz answers"]


def test_long_series_labels_only_where_given() -> None:
    bars = [Bar("Jan" if n == 0 else "", n % 7) for n in range(365)]
    root = ET.fromstring(svgchart.column_chart(bars, title="Visits per day"))
    assert "Jan" in [t.text for t in root.iter(f"{NS}text")]
    assert len([r for r in root.iter(f"{NS}rect")]) == 1 + sum(1 for b in bars if b.value)
