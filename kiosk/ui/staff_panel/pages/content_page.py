"""Staff page "Content": what the kiosk is showing, every problem in the files, Reload now.

It shows a ContentStatus (kiosk/content/status.py): the same record the log gets after every
load, whether at start-up, from the background reload, or from "Reload content now".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout

from kiosk.content.model import Finding, Severity
from kiosk.content.reading.site import EXAMPLE_MARK
from kiosk.content.status import ContentStatus
from kiosk.ui.footer import language_name
from kiosk.ui.look.i18n import PLURAL, interface_date, tr
from kiosk.ui.look.widgets import restyle, role_label, touch_button
from kiosk.ui.staff_panel.parts import StaffPage, card

MAX_FINDINGS = 40  # beyond this, `rls-kiosk validate` is the better place to read them


def _where(finding: Finding, root: Path) -> str:
    try:
        path = finding.path.relative_to(root)
    except ValueError:
        path = finding.path
    return f"{path}:{finding.line}" if finding.line else str(path)


class ContentPage(StaffPage):
    reload_requested = Signal()

    def __init__(self, status: Callable[[], ContentStatus]) -> None:
        super().__init__()
        self._status = status
        self.reload_button = touch_button(role="primary")
        self.reload_button.clicked.connect(self.reload_requested.emit)
        self.result = role_label(name="StaffResult")
        self.result.hide()
        self.folder = role_label(role="muted")
        self.loaded = role_label()
        self.kept = role_label(name="StaffResult")
        self.kept.setProperty("state", "problem")
        self.kept.hide()
        self.example = role_label(name="StaffResult")  # site.toml still holds the example's
        self.example.setProperty("state", "problem")
        self.example.hide()
        self.languages_box, self._languages = card()
        self.language_labels: list[QLabel] = []
        self.review_label = role_label()
        self.findings_box, self._findings = card()
        self.findings_title = role_label(role="h2")
        self._findings.addWidget(self.findings_title)
        self.finding_labels: list[QLabel] = []
        self.column.addWidget(self.loaded)
        self.column.addWidget(self.kept)
        self.column.addWidget(self.folder)
        self.column.addWidget(self.example)
        self.column.addWidget(self.reload_button)
        self.column.addWidget(self.result)
        self.column.addWidget(self.languages_box)
        self.column.addWidget(self.review_label)
        self.column.addWidget(self.findings_box)
        self.column.addStretch(1)
        self.reload_button.setText(tr("Staff", "Reload content now"))

    def refresh(self) -> None:
        """The background reload may have changed things since the page was last shown."""
        self.result.hide()
        self.show_status(self._status())

    def show_status(self, status: ContentStatus) -> None:
        self.loaded.setText(tr("Staff", "Content last loaded at %1 on %2.")
                            .replace("%1", f"{status.loaded_at:%H:%M}")
                            .replace("%2", interface_date(status.loaded_at, "dd MMM yyyy")))
        self.kept.setText(tr("Staff", "Nothing could be shown from that load, so the kiosk "
                             "still shows the content it had before."))
        self.kept.setVisible(not status.shown)
        self.folder.setText(tr("Staff", "Content folder: %1").replace("%1", str(status.root)))
        example = [f for f in status.findings if EXAMPLE_MARK in f.message]
        if example:
            self.example.setText(
                tr("Staff", "%1 still holds the example clinic's details, which patients see. "
                   "Change these lines: %2.").replace("%1", _where(example[0], status.root)
                                                      .split(":")[0])
                .replace("%2", ", ".join(str(f.line) for f in example)))
        self.example.setVisible(bool(example))
        self._fill_languages(status)
        self._fill_findings(status)
        if self._theme is not None:
            self.apply_theme(self._theme)

    def show_result(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setProperty("state", "ok" if ok else "problem")
        restyle(self.result)
        self.result.show()

    def _clear(self, layout: QVBoxLayout, keep: int) -> None:
        while layout.count() > keep:
            item = layout.takeAt(keep)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()

    def _fill_languages(self, status: ContentStatus) -> None:
        self._clear(self._languages, 0)
        self._languages.addWidget(role_label(tr("Staff", "Languages"), "h2"))
        self.language_labels = []
        for language in status.languages:
            if not language.sections:
                line = tr("Staff", "%1: no topics - this language is not offered") \
                    .replace("%1", language_name(language.lang))
            else:
                count, asked = len(language.sections), language.quiz_questions  # for lupdate
                topics = tr("Staff", "%n topics", None, PLURAL, count)
                questions = tr("Staff", "%n quiz questions", None, PLURAL, asked)
                line = tr("Staff", "%1: %2, %3").replace("%1", language_name(language.lang)) \
                    .replace("%2", topics).replace("%3", questions)
            label = role_label(line)
            self._languages.addWidget(label)
            self.language_labels.append(label)
        total = sum(len(language.sections) for language in status.languages)
        if status.awaiting_review:
            waiting = status.awaiting_review  # named, for lupdate
            review = tr("Staff", "%n topics await a clinician's review (%1 in all): patients "
                        "see no \"Reviewed by\" line until reviewed_by and review_date are set.",
                        None, PLURAL, waiting).replace("%1", str(total))
        else:
            review = tr("Staff", "Every topic names the clinician who reviewed it.")
        self.review_label.setText(review)
        self.review_label.setVisible(total > 0)

    def _fill_findings(self, status: ContentStatus) -> None:
        self._clear(self._findings, 1)
        errors, warnings, infos = (sorted(found, key=lambda f: (str(f.path), f.line))
                                   for found in (status.skipped, status.warnings, status.infos))
        if not errors and not warnings and not infos:
            self.findings_title.setText(tr("Staff", "No problems found in the content files."))
        else:
            error_count, warning_count, info_count = len(errors), len(warnings), len(infos)
            problems = tr("Staff", "%n problems", None, PLURAL, error_count)
            cautions = tr("Staff", "%n warnings", None, PLURAL, warning_count)
            notes = tr("Staff", "%n notes (nothing to do)", None, PLURAL, info_count)
            self.findings_title.setText(
                tr("Staff", "%1 (files or parts with an error are not shown), %2, %3")
                .replace("%1", problems).replace("%2", cautions).replace("%3", notes))
        self.finding_labels = []
        findings = [*errors, *warnings, *infos]
        kinds = {Severity.ERROR: tr("Staff", "Problem"), Severity.WARNING: tr("Staff", "Warning"),
                 Severity.INFO: tr("Staff", "Note")}
        for finding in findings[:MAX_FINDINGS]:
            text = f"{kinds[finding.severity]} - {_where(finding, status.root)}: {finding.message}"
            if finding.hint:
                text += f" ({finding.hint})"
            label = role_label(text, name="Finding")
            label.setProperty("severity", str(finding.severity))
            self._findings.addWidget(label)
            self.finding_labels.append(label)
        if len(findings) > MAX_FINDINGS:
            left = len(findings) - MAX_FINDINGS
            more = tr("Staff", "... and %n more. Run `rls-kiosk validate` to see them all.", None,
                      PLURAL, left)
            self._findings.addWidget(role_label(more, "muted"))
