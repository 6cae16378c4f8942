"""Turn raw events into daily totals: the one format every report is computed from.

A daily total is `(day, kiosk_id, metric, key, num, count)`: "on this day, this kiosk saw
`count` of `metric` for this key and number". Numbers (`num`) are kept exactly (hour of day,
seconds, score in percent, right or wrong), so medians stay exact after raw events are pruned.

The kiosk folds each finished day into the `daily_totals` table with these same queries (and
keeps its raw events until retention deletes them); a report adds the stored totals to totals
computed on the fly from the raw events not folded in yet, so a year of events is read as a year
of small daily rows. Which raw events are folded in is kept as a watermark (see
`store.rolled_up`): those from days before `until` that were already written when the days were
folded, i.e. `id <= last_id`. An event is therefore counted once, in a total or raw, never both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import NamedTuple

DAY = "substr(ts, 1, 10)"

_DISTINCT_VISITS = "count(DISTINCT visit_id)"


class _Metric(NamedTuple):
    kind: str
    key: str = "''"
    num: str = "0"
    tally: str = "count(*)"  # the SQL aggregate (`count` is a tuple method)
    where: str = ""


_METRICS: dict[str, _Metric] = {
    "visits": _Metric("visit_start"),
    "visit_hour": _Metric("visit_start", num="CAST(substr(ts, 12, 2) AS INTEGER)"),
    "start_language": _Metric("visit_start", key="language", where="language IS NOT NULL"),
    "start_text_size": _Metric("visit_start", key="text_size", where="text_size IS NOT NULL"),
    "start_theme": _Metric("visit_start", key="theme", where="theme IS NOT NULL"),
    "visit_seconds": _Metric("visit_end", num="seconds", where="seconds IS NOT NULL"),
    "visit_end": _Metric("visit_end", key="coalesce(reason, '')"),
    "screen_view": _Metric("screen_view", key="coalesce(screen, '')"),
    "section_views": _Metric("screen_view", key="section", where="section IS NOT NULL"),
    "section_visits": _Metric(
        "screen_view", key="section", tally=_DISTINCT_VISITS, where="section IS NOT NULL"
    ),
    "page_dwell": _Metric(
        "page_dwell", key="coalesce(section, '')", num="seconds", where="seconds IS NOT NULL"
    ),
    "quiz_start": _Metric("quiz_start"),
    "quiz_complete": _Metric("quiz_complete"),
    "quiz_abandoned": _Metric("quiz_abandoned"),
    "quiz_score": _Metric(
        "quiz_complete",
        num="CAST(round(score * 100.0 / total) AS INTEGER)",
        where="score IS NOT NULL AND total > 0",
    ),
    "quiz_seconds": _Metric("quiz_complete", num="seconds", where="seconds IS NOT NULL"),
    "quiz_answer": _Metric(
        "quiz_answer",
        key="question",
        num="correct",
        where="question IS NOT NULL AND correct IS NOT NULL",
    ),
    "setting_change": _Metric(
        "setting_change", key="setting || ':' || coalesce(value, '')", where="setting IS NOT NULL"
    ),
    "setting_visits": _Metric(
        "setting_change", key="setting", tally=_DISTINCT_VISITS, where="setting IS NOT NULL"
    ),
    "idle_reset": _Metric("idle_reset"),
    "staff_login": _Metric("staff_login", num="coalesce(ok, 0)"),
}

METRICS: tuple[str, ...] = tuple(_METRICS)

Total = tuple[str, str, str, str, int, int]


def _range_condition(column: str, since: str | None, until: str | None) -> tuple[str, list[str]]:
    parts: list[str] = []
    params: list[str] = []
    if since:
        parts.append(f"{column} >= ?")
        params.append(since)
    if until:
        parts.append(f"{column} < ?")
        params.append(until)
    return "".join(f" AND {p}" for p in parts), params


def totals_from_events(
    conn: sqlite3.Connection,
    since: str | None = None,
    until: str | None = None,
    *,
    per_day: bool = True,
    metrics: Iterable[str] = METRICS,
    after_id: int | None = None,
) -> Iterator[Total]:
    """Totals of the raw events with `since <= day < until` (days as YYYY-MM-DD), and only
    those with `id > after_id` when it is given (events written after a roll-up).

    With `per_day=False` the day column is "" and each metric is summed over the whole range
    (distinct-visit counts then count each visit once, not once per day).
    """
    range_sql, range_params = _range_condition("ts", since, until)
    kind_sql = "kind = ?"
    if after_id is not None:
        # Few rows are newer than a roll-up: walk them by id ("+" keeps SQLite from walking the
        # whole (kind, ts) index instead).
        range_sql, range_params = _range_condition("+ts", since, until)
        kind_sql = "+kind = ? AND id > ?"
    day = DAY if per_day else "''"
    for metric in metrics:
        kind, key, num, tally, extra = _METRICS[metric]
        where = kind_sql + range_sql + (f" AND {extra}" if extra else "")
        sql = (
            f"SELECT {day}, kiosk_id, ?, {key}, {num}, {tally} FROM events WHERE {where} "
            "GROUP BY 1, 2, 4, 5"
        )
        kind_params = [kind] if after_id is None else [kind, after_id]
        for row in conn.execute(sql, [metric, *kind_params, *range_params]):
            if row[5]:
                yield row


def not_rolled_up(
    conn: sqlite3.Connection,
    since: str | None,
    until: str | None,
    rolled: tuple[str, int],
    *,
    per_day: bool = True,
    metrics: Iterable[str] = METRICS,
) -> Iterator[Total]:
    """Totals of the raw events in `since <= day < until` that are not in `daily_totals` yet,
    given the roll-up watermark `rolled` = (until, last_id) from `store.rolled_up`."""
    rolled_until, last_id = rolled
    metrics = tuple(metrics)
    recent_since = max(since or "", rolled_until) or None
    if until is None or recent_since is None or recent_since < until:
        yield from totals_from_events(conn, recent_since, until, per_day=per_day, metrics=metrics)
    if rolled_until:  # events of folded days written after the folding (a clock set back)
        late_until = min(until, rolled_until) if until else rolled_until
        if since is None or since < late_until:
            yield from totals_from_events(conn, since, late_until, per_day=per_day,
                                          metrics=metrics, after_id=last_id)


def stored_totals(
    conn: sqlite3.Connection,
    since: str | None = None,
    until: str | None = None,
    *,
    per_day: bool = True,
    metrics: Iterable[str] = METRICS,
) -> Iterator[Total]:
    """Daily totals kept after their raw events were pruned (same shape as above)."""
    range_sql, params = _range_condition("day", since, until)
    wanted = list(metrics)
    day = "day" if per_day else "''"
    # Without the day, grouping by the constant first column would keep SQLite from walking a
    # snapshot's covering index in order (kiosk/engagement/snapshot.py): 0.17 s -> 0.05 s.
    group = "1, 2, 3, 4, 5" if per_day else "2, 3, 4, 5"
    yield from conn.execute(
        f"SELECT {day}, kiosk_id, metric, key, num, sum(count) FROM daily_totals "
        f"WHERE metric IN ({', '.join('?' * len(wanted))}){range_sql} GROUP BY {group}",
        [*wanted, *params],
    )
