"""The report's tables: one source for HTML, CSV, the text summary and the staff panel, each
count passed through the small-count rule (`Hider`, kiosk/engagement/reports/small_counts.py).

Sections and questions appear by their titles when the report is given them (`Names`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.engagement.reports.build import Report, SourceSummary
from kiosk.engagement.reports.small_counts import DEFAULT_THRESHOLD, Cell, Hider

STALE_AFTER = timedelta(days=2)  # a kiosk's snapshot older than this is marked in the report
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Visit length buckets: (upper bound in seconds, label); the last one has no upper bound.
LENGTH_BUCKETS: tuple[tuple[float, str], ...] = (
    (60, "under 1 min"),
    (120, "1–2 min"),
    (300, "2–5 min"),
    (600, "5–10 min"),
    (1200, "10–20 min"),
    (float("inf"), "20 min or more"),
)

END_REASONS = {
    "idle": "Left alone until the kiosk reset",
    "attract": "Went back to the start screen",
    "staff": "Ended by staff",
    "exit": "Kiosk closed",
    "": "Not recorded",
}

SETTING_NAMES = {
    "language": "Language",
    "text_size": "Text size",
    "theme": "Colours (theme)",
    "read_aloud": "Read aloud",
    "reduce_motion": "Reduce motion",
}


@dataclass(frozen=True)
class Table:
    name: str  # CSV file name without .csv
    title: str
    columns: tuple[str, ...]
    rows: Sequence[tuple[Cell, ...]] = ()
    note: str = ""


@dataclass(frozen=True)
class Names:
    """What a section's slug and a question's id are called in the content (`--content`, or
    the staff panel's loaded content); an unknown key is shown as it was recorded."""

    sections: Mapping[str, str] = field(default_factory=dict)
    questions: Mapping[str, str] = field(default_factory=dict)

    def section(self, slug: str) -> str:
        return self.sections.get(slug) or slug

    def question(self, key: str) -> str:
        return self.questions.get(key) or key


def length_buckets(visit_seconds: Counter[int]) -> list[tuple[str, int]]:
    result = []
    lower = 0.0
    for upper, label in LENGTH_BUCKETS:
        result.append(
            (label, sum(c for s, c in visit_seconds.items() if lower <= s < upper)),
        )
        lower = upper
    return result


def summary_table(report: Report, hide: Hider) -> Table:
    seconds = report.visit_seconds()
    starts, completes = report.count("quiz_start"), report.count("quiz_complete")
    answers = report.questions()
    total_answers = sum(q.answers for q in answers)
    right = sum(q.right for q in answers)
    days_used = sum(1 for n in report.visits_per_day.values() if n)
    rows: list[tuple[Cell, ...]] = [
        ("Visits", hide.count(report.visits)),
        ("Days with visits", days_used),
        ("Median visit length", hide.duration(seconds)),
        ("Quizzes started", hide.count(starts)),
        ("Quizzes finished", hide.count(completes)),
        ("Quizzes finished, % of started", hide.percent(completes, starts, "quizzes")),
        ("Quiz answers right, %", hide.percent(right, total_answers, "answers", hide_part=False)),
    ]
    return Table("summary", "Summary", ("Measure", "Value"), rows)


def stale_days(report: Report, source: SourceSummary) -> int | None:
    """How many whole days old a kiosk's database was when the report read it, when that is
    more than STALE_AFTER (its snapshots stopped arriving); None when it is recent."""
    if report.read_at is None or source.written is None:
        return None
    age = report.read_at - source.written
    return age.days if age > STALE_AFTER else None


def kiosks_table(report: Report, hide: Hider) -> Table:
    """By kiosk: each database's own figures, with the same small-count rule per kiosk."""
    rows = []
    for s in report.sources:
        days = stale_days(report, s)
        rows.append((
            ", ".join(s.kiosk_ids) or "–",
            hide.count(s.visits),
            hide.duration(s.visit_seconds),
            hide.count(s.quizzes),
            s.last_day.isoformat() if s.last_day else "–",
            f"{s.written:%Y-%m-%d %H:%M}" if s.written else "–",
            f"Snapshot {days} days old: check this kiosk and its sharing" if days else "",
            str(s.path),
        ))
    return Table(
        "kiosks",
        "By kiosk",
        ("Kiosk", "Visits", "Median visit", "Quizzes finished", "Last visit", "Database written",
         "Warning", "Database file"),
        rows,
        f"A kiosk writes a snapshot of its database once a day; one older than "
        f"{STALE_AFTER.days} days is marked. Kiosk: the kiosk_id set in its settings.",
    )


def per_day_table(report: Report, hide: Hider) -> Table:
    rows = [
        (d.isoformat(), WEEKDAYS[d.weekday()], hide.count(report.visits_per_day.get(d, 0)))
        for d in report.days()
    ]
    return Table("visits_per_day", "Visits per day", ("Date", "Weekday", "Visits"), rows)


def per_month_table(report: Report, hide: Hider) -> Table:
    months: Counter[str] = Counter()
    for d in report.days():
        months[f"{d:%Y-%m}"] += report.visits_per_day.get(d, 0)
    rows = [
        (date.fromisoformat(m + "-01").strftime("%B %Y"), hide.count(n)) for m, n in months.items()
    ]
    return Table("visits_per_month", "Visits per month", ("Month", "Visits"), rows)


def per_hour_table(report: Report, hide: Hider) -> Table:
    rows = [
        (f"{h:02d}:00–{h:02d}:59", hide.count(n)) for h, n in enumerate(report.visits_by_hour())
    ]
    return Table(
        "visits_by_hour",
        "Visits by hour of day",
        ("Hour", "Visits"),
        rows,
        "By the time the visit started, in the kiosk's local time.",
    )


def per_weekday_table(report: Report, hide: Hider) -> Table:
    rows = [(WEEKDAYS[i], hide.count(n)) for i, n in enumerate(report.visits_by_weekday())]
    return Table("visits_by_weekday", "Visits by day of the week", ("Weekday", "Visits"), rows)


def length_table(report: Report, hide: Hider) -> Table:
    rows = [(label, hide.count(n)) for label, n in length_buckets(report.visit_seconds())]
    return Table("visit_length", "How long visits last", ("Length", "Visits"), rows)


def visit_end_table(report: Report, hide: Hider) -> Table:
    reasons = report.by_key("visit_end")
    rows = [
        (END_REASONS.get(k, k), hide.count(n))
        for k, n in sorted(reasons.items(), key=lambda kv: -kv[1])
    ]
    return Table("visit_end", "How visits ended", ("How the visit ended", "Visits"), rows)


def sections_table(report: Report, hide: Hider, names: Names | None = None) -> Table:
    names = names or Names()
    rows = [
        (
            names.section(s.section),
            hide.count(s.visits),
            hide.count(s.views),
            hide.duration(s.dwell),
        )
        for s in report.sections()
    ]
    return Table(
        "sections",
        "Sections read",
        ("Section", "Visits that opened it", "Pages shown", "Median time on a page"),
        rows,
        "A visit that opens a section twice counts once in the first column.",
    )


def quiz_table(report: Report, hide: Hider) -> Table:
    starts = report.count("quiz_start")
    completes = report.count("quiz_complete")
    rows: list[tuple[Cell, ...]] = [
        ("Quizzes started", hide.count(starts)),
        ("Quizzes finished", hide.count(completes)),
        ("Quizzes left unfinished", hide.count(report.count("quiz_abandoned"))),
        ("Finished, % of started", hide.percent(completes, starts, "quizzes")),
        ("Median score, %", hide.median(report.by_num("quiz_score"), "quizzes")),
        ("Median time to finish", hide.duration(report.by_num("quiz_seconds"))),
    ]
    return Table("quiz", "Quiz", ("Measure", "Value"), rows)


def questions_table(report: Report, hide: Hider, names: Names | None = None) -> Table:
    names = names or Names()
    rows = [
        (
            names.question(q.question),
            hide.count(q.answers),
            hide.part(q.right, q.answers),
            hide.percent(q.right, q.answers, "answers", hide_part=False),
        )
        for q in report.questions()
    ]
    return Table(
        "questions",
        "Answers right per question",
        ("Question", "Answers", "Answered right", "% right"),
        rows,
        "Lowest share right first: these are the messages that do not land. The share is shown "
        "once a question has enough answers, even when few of them were right.",
    )


def languages_table(report: Report, hide: Hider) -> Table:
    started = report.by_key("start_language")
    changed: Counter[str] = Counter()
    for (setting, value), n in report.setting_changes().items():
        if setting == "language":
            changed[value] += n
    names = sorted(set(started) | set(changed), key=lambda k: (-started[k], k))
    rows = [(k, hide.count(started[k]), hide.count(changed[k])) for k in names]
    return Table(
        "languages",
        "Languages",
        ("Language", "Visits that started in it", "Times switched to it"),
        rows,
    )


def settings_table(report: Report, hide: Hider) -> Table:
    visits = report.visits
    changed_in = report.by_key("setting_visits")
    changes = report.setting_changes()
    rows = []
    for setting in sorted(set(changed_in) | {s for s, _ in changes}):
        values = ", ".join(
            f"{value} ({hide.count(n)})"
            for (s, value), n in sorted(changes.items(), key=lambda kv: -kv[1])
            if s == setting
        )
        rows.append(
            (
                SETTING_NAMES.get(setting, setting),
                hide.count(changed_in[setting]),
                hide.percent(changed_in[setting], visits, "visits"),
                values,
            )
        )
    return Table(
        "settings",
        "Accessibility and language settings changed",
        ("Setting", "Visits that changed it", "% of visits", "Chosen values (times)"),
        rows,
    )


def start_settings_table(report: Report, hide: Hider) -> Table:
    rows = []
    for metric, name in (("start_text_size", "Text size"), ("start_theme", "Colours (theme)")):
        for value, n in sorted(report.by_key(metric).items(), key=lambda kv: -kv[1]):
            rows.append((name, value, hide.count(n)))
    return Table(
        "start_settings",
        "Settings in force when visits started",
        ("Setting", "Value", "Visits"),
        rows,
        "Usually the kiosk's defaults; a different value means a staff member changed them.",
    )


def screens_table(report: Report, hide: Hider) -> Table:
    screens = report.by_key("screen_view")
    rows = [(k or "–", hide.count(n)) for k, n in sorted(screens.items(), key=lambda kv: -kv[1])]
    return Table("screens", "Screens shown", ("Screen", "Times shown"), rows)


def all_tables(report: Report, threshold: int = DEFAULT_THRESHOLD,
               names: Names | None = None) -> list[Table]:
    """Every table of the report, in the order of the HTML page."""
    hide = Hider(threshold)
    return [
        summary_table(report, hide),
        per_month_table(report, hide),
        per_day_table(report, hide),
        per_hour_table(report, hide),
        per_weekday_table(report, hide),
        length_table(report, hide),
        visit_end_table(report, hide),
        sections_table(report, hide, names),
        quiz_table(report, hide),
        questions_table(report, hide, names),
        languages_table(report, hide),
        settings_table(report, hide),
        start_settings_table(report, hide),
        screens_table(report, hide),
        kiosks_table(report, hide),
    ]


def skipped_note(report: Report) -> str:
    """One sentence when damaged records were left out of the report; "" when none were."""
    n = report.skipped
    if not n:
        return ""
    were = "records were" if n != 1 else "record was"
    return (f"{n:,} {were} skipped: a value of the wrong type or out of range (the database "
            "was damaged or edited by hand). Everything else is counted.")
