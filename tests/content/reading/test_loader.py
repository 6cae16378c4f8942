"""The content loader, without Qt: format, pages, pictures, and clear findings."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.reading.loader import load_library
from kiosk.content.reading.picture_refs import IMAGE_SCHEME
from tests.helpers.content import write_content


def test_loads_sections_in_order_with_pages_and_pictures(tmp_path: Path) -> None:
    library = load_library(write_content(tmp_path / "c"))
    assert library.findings == ()
    en = library.languages["en"]
    assert [s.slug for s in en.sections] == ["topic-1", "topic-2", "topic-3"]
    first = en.sections[0]
    assert [p.title for p in first.pages] == [f"Topic 1 en page {i}" for i in (1, 2, 3)]
    assert f"]({IMAGE_SCHEME}images/dot.svg)" in first.pages[0].markdown
    assert library.images["images/dot.svg"].startswith(b"<svg")
    assert first.icon == "images/dot.svg"
    assert en.quiz[0].correct == 0
    assert [s.title for s in en.slides] == ["Fact one", "Fact two"]
    assert en.disclaimer_short == "General information only."


def test_findings_name_file_line_and_what_to_do(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    (root / "en" / "01-topic-1.md").write_text(
        "---\ntitel: Oops\n---\n\n## Page\n\n![x](../../../etc/passwd)\n", encoding="utf-8")
    library = load_library(root)
    lines = [str(f) for f in library.findings]
    assert any('01-topic-1.md:2: error: "titel" is not a known key - did you mean "title"?'
               in line for line in lines)
    assert not any(s.slug == "topic-1" for s in library.languages["en"].sections)


def test_picture_outside_the_folder_is_refused(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "en" / "04-more.md").write_text(
        "---\ntitle: More\n---\n\n## Page\n\n![x](../../secret.png)\n![y](/etc/hosts)\n",
        encoding="utf-8")
    library = load_library(root)
    messages = [(f.line, f.message) for f in library.errors]
    assert (7, 'picture "../../secret.png" is outside the content folder') in messages
    assert any(line == 8 and "not a path inside" in m for line, m in messages)
    assert "secret" not in "".join(library.images)
    more = library.languages["en"].section("more")
    assert more is not None and "*x*" in more.pages[0].markdown


def test_encodings_staff_editors_produce(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    text = "---\ntitle: Café\n---\n\n## Página\n\nTexto.\n"
    (root / "en" / "04-bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (root / "en" / "05-utf16.md").write_bytes(text.encode("utf-16"))
    (root / "en" / "06-latin1.md").write_bytes(text.encode("latin-1"))
    library = load_library(root)
    en = library.languages["en"]
    assert en.section("bom").title == "Café"
    assert en.section("utf16").title == "Café"
    assert en.section("latin1") is None
    assert any("06-latin1.md" in str(f) and "UTF-8" in str(f) for f in library.errors)


def test_quiz_question_needs_exactly_one_right_answer(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", languages=("en",))
    (root / "en" / "quiz.md").write_text(
        "## All wrong?\nid: a\n- [ ] no\n- [ ] nope\n\n## Good\nid: b\n- [x] yes\n- [ ] no\n",
        encoding="utf-8")
    library = load_library(root)
    assert [q.id for q in library.languages["en"].quiz] == ["b"]
    assert any(f.line == 1 and "no answer marked right" in f.message for f in library.errors)
