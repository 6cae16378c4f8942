"""Small bar charts drawn as SVG strings: one implementation for the HTML report and the Qt
staff dashboard (which shows them with QSvgRenderer).

Only SVG Tiny features that QtSvg renders are used: rect, line, text, g, presentation attributes
(no CSS, no patterns, no filters). Every chart has a <title> and an aria-label, and numbers are
also printed as text, so nothing depends on colour alone.

A bar marked `approx` is drawn with a dashed outline: the report uses it for counts it hides
("fewer than 5"), drawn up to the threshold so the chart does not pretend to know more.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

FONT = "Arial, Helvetica, 'DejaVu Sans', sans-serif"
BAR = "#2b6cb0"
ACCENT = "#c05621"  # orange, for bars the reader should look at (e.g. questions often wrong)
APPROX_FILL = "#e2e8f0"
TEXT = "#1a202c"
MUTED = "#4a5568"
GRID = "#d8dee6"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str = ""  # printed at the end of the bar; "" prints nothing
    approx: bool = False
    accent: bool = False


def _e(text: str) -> str:
    return escape(str(text), quote=True)


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.56


def nice_ticks(top: float, *, count: int = 5, whole: bool = True) -> list[float]:
    """0, step, 2*step ... up to at least `top`, with a step of 1, 2, 2.5 or 5 times 10^k."""
    if top <= 0:
        return [0, 1] if whole else [0, 1.0]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1, math.ceil(step))
    ticks = [0.0]
    while ticks[-1] < top - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def _fmt_tick(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-label="{_e(title)}" font-family="{_e(FONT)}">'
        f"<title>{_e(title)}</title>"
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>"
    )


def _heading(title: str, show: bool, width: float) -> tuple[list[str], float]:
    if not show:
        return [], 8.0
    return [
        f'<text x="{width / 2:.1f}" y="20" font-size="15" font-weight="bold" '
        f'text-anchor="middle" fill="{TEXT}">{_e(title)}</text>'
    ], 34.0


def _bar_rect(x: float, y: float, w: float, h: float, bar: Bar) -> str:
    if bar.approx:
        return (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{APPROX_FILL}" '
            f'stroke="{MUTED}" stroke-width="1" stroke-dasharray="3,2"/>'
        )
    colour = ACCENT if bar.accent else BAR
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{colour}"/>'


def _empty(width: float, height: float, title: str, show_title: bool, message: str) -> str:
    body, _ = _heading(title, show_title, width)
    body.append(
        f'<text x="{width / 2:.1f}" y="{height / 2:.1f}" font-size="14" text-anchor="middle" '
        f'fill="{MUTED}">{_e(message)}</text>'
    )
    return _svg(width, height, title, body)


def column_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    width: float = 720,
    height: float = 260,
    show_title: bool = False,
    axis_label: str = "",
    top: float | None = None,
    tick_format: Callable[[float], str] = _fmt_tick,
    empty_message: str = "No data for this period",
    note: str = "",
) -> str:
    """Vertical bars left to right; a bar with an empty label gets no tick label (for long
    day-by-day series, label only the first day of each month)."""
    if not bars or all(b.value <= 0 for b in bars):
        return _empty(width, height, title, show_title, empty_message)
    body, top_y = _heading(title, show_title, width)
    ticks = nice_ticks(max(top or 0, max(b.value for b in bars)))
    tick_labels = [tick_format(t) for t in ticks]
    left = 14 + max(_text_width(t, 11) for t in tick_labels) + (16 if axis_label else 0)
    bottom = height - 28 - (16 if note else 0)
    right = width - 10
    plot_h = bottom - top_y - 14  # room for value text above the tallest bar
    scale = plot_h / ticks[-1]
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = bottom - tick * scale
        body.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 6:.1f}" y="{y + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="{MUTED}">{_e(label)}</text>'
        )
    if axis_label:
        mid = (top_y + bottom) / 2
        body.append(
            f'<text x="12" y="{mid:.1f}" font-size="11" text-anchor="middle" fill="{MUTED}" '
            f'transform="rotate(-90 12 {mid:.1f})">{_e(axis_label)}</text>'
        )
    slot = (right - left) / len(bars)
    bar_w = max(1.0, slot * (0.75 if slot > 4 else 1.0))
    label_size = min(11.0, max(8.0, slot * 0.45))
    for i, bar in enumerate(bars):
        x = left + i * slot + (slot - bar_w) / 2
        h = max(0.0, bar.value) * scale
        if h > 0:
            body.append(_bar_rect(x, bottom - h, bar_w, h, bar))
        centre = left + (i + 0.5) * slot
        if bar.text and _text_width(bar.text, 10) <= slot + 4:
            body.append(
                f'<text x="{centre:.1f}" y="{bottom - h - 4:.1f}" font-size="10" '
                f'text-anchor="middle" fill="{TEXT}">{_e(bar.text)}</text>'
            )
        if bar.label:
            # Labels that do not fit their slot are sparse ones (a month's first day): start
            # them at the bar, at full size.
            fits = _text_width(bar.label, label_size) <= slot
            anchor, x_text = ("middle", centre) if fits else ("start", left + i * slot)
            size = label_size if fits else 11
            body.append(
                f'<text x="{x_text:.1f}" y="{bottom + 15:.1f}" font-size="{size:.0f}" '
                f'text-anchor="{anchor}" fill="{MUTED}">{_e(bar.label)}</text>'
            )
    body.append(
        f'<line x1="{left:.1f}" y1="{bottom:.1f}" x2="{right:.1f}" y2="{bottom:.1f}" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    )
    if note:
        body.append(
            f'<text x="{left:.1f}" y="{height - 8:.1f}" font-size="11" fill="{MUTED}">'
            f"{_e(note)}</text>"
        )
    return _svg(width, height, title, body)


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    width: float = 720,
    show_title: bool = False,
    top: float | None = None,
    tick_format: Callable[[float], str] = _fmt_tick,
    row_height: float = 24,
    empty_message: str = "No data for this period",
    note: str = "",
) -> str:
    """Horizontal bars, one row each, label on the left and `text` after the bar."""
    if not bars:
        return _empty(width, 80, title, show_title, empty_message)
    body, top_y = _heading(title, show_title, width)
    label_w = min(width * 0.38, 10 + max(_text_width(b.label, 12) for b in bars))
    text_w = 10 + max((_text_width(b.text, 11) for b in bars), default=0)
    left = label_w + 6
    right = width - text_w - 4
    ticks = nice_ticks(max(top or 0, max(b.value for b in bars)))
    scale = (right - left) / ticks[-1]
    plot_top = top_y + 4
    plot_bottom = plot_top + row_height * len(bars)
    height = plot_bottom + 24 + (18 if note else 0)
    for tick in ticks:
        x = left + tick * scale
        body.append(
            f'<line x1="{x:.1f}" y1="{plot_top:.1f}" x2="{x:.1f}" y2="{plot_bottom:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{plot_bottom + 15:.1f}" font-size="11" text-anchor="middle" '
            f'fill="{MUTED}">{_e(tick_format(tick))}</text>'
        )
    for i, bar in enumerate(bars):
        y = plot_top + i * row_height
        bar_h = row_height * 0.68
        y_bar = y + (row_height - bar_h) / 2
        baseline = y + row_height / 2 + 4
        label = bar.label
        max_chars = int((label_w - 10) / (12 * 0.56))
        if len(label) > max_chars:
            label = label[: max(1, max_chars - 1)] + "…"
        body.append(
            f'<text x="{left - 8:.1f}" y="{baseline:.1f}" font-size="12" text-anchor="end" '
            f'fill="{TEXT}">{_e(label)}</text>'
        )
        w = max(0.0, bar.value) * scale
        if w > 0:
            body.append(_bar_rect(left, y_bar, w, bar_h, bar))
        if bar.text:
            body.append(
                f'<text x="{left + w + 6:.1f}" y="{baseline:.1f}" font-size="11" '
                f'fill="{TEXT}">{_e(bar.text)}</text>'
            )
    body.append(
        f'<line x1="{left:.1f}" y1="{plot_top:.1f}" x2="{left:.1f}" y2="{plot_bottom:.1f}" '
        f'stroke="{MUTED}" stroke-width="1"/>'
    )
    if note:
        body.append(
            f'<text x="{left:.1f}" y="{height - 8:.1f}" font-size="11" fill="{MUTED}">'
            f"{_e(note)}</text>"
        )
    return _svg(width, height, title, body)
