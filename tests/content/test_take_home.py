"""Task lists and take-home codes, without a window: parsing, the code's text, validate."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.checks.validate import check_library
from kiosk.content.model import Site
from kiosk.content.qr import (
    TEXT_CAPACITY,
    TEXT_MAX_VERSION,
    text_fits,
    text_matrix,
    text_version,
)
from kiosk.content.reading.loader import load_library
from kiosk.content.take_home import (
    MAX_ITEMS,
    Block,
    TaskList,
    clinic_lines,
    compose,
    page_blocks,
    take_home,
    without_task_marks,
)
from tests.content.checks.test_validate import TODAY
from tests.helpers.content import section_text, write_content

PAGE = """Ask what matters to you.

- [ ] Have my iron levels been checked?
- [x] Could a medicine make it **worse**?

- [ ] When should I come back?
A family member can help.

```
- [ ] not a task inside code
```"""


def test_a_task_list_is_cut_out_of_the_page_with_its_lines() -> None:
    blocks = page_blocks(PAGE, first_line=10)
    assert blocks[0] == Block(markdown="Ask what matters to you.")
    assert blocks[1].tasks == TaskList(
        ("Have my iron levels been checked?", "Could a medicine make it worse?",
         "When should I come back?"), (12, 13, 15), ticked=(1,))
    assert blocks[2].markdown.startswith("A family member can help.")
    assert "not a task inside code" in blocks[2].markdown and blocks[2].tasks is None
    assert len(blocks) == 3


def test_a_page_without_a_task_list_is_one_block() -> None:
    assert page_blocks("- a plain list\n- [link](section:x)") == (
        Block(markdown="- a plain list\n- [link](section:x)"),)


def test_read_aloud_hears_the_items_without_their_brackets() -> None:
    assert without_task_marks("- [ ] One?\n* [x] Two\n- [link](section:x)") == (
        "- One?\n* Two\n- [link](section:x)")


def test_the_code_holds_title_items_and_clinic_in_order() -> None:
    site = Site(name="Clínica Lakeside", phone="(555) 010-0199")
    closing = clinic_lines(site, "Teléfono: %1")
    made = take_home("Preguntas", ["¿Me revisaron el hierro?", "¿Cuándo vuelvo?"], closing)
    assert made.text == ("Preguntas\n- ¿Me revisaron el hierro?\n- ¿Cuándo vuelvo?\n\n"
                         "Clínica Lakeside\nTeléfono: (555) 010-0199")
    assert (made.kept, made.chosen, made.complete) == (2, 2, True)


def test_a_clinic_without_a_phone_ends_with_its_name() -> None:
    assert clinic_lines(Site(name="Clinic"), "Phone: %1") == ["Clinic"]
    assert compose("T", ["a"], []) == "T\n- a"


def test_too_many_items_keep_the_first_that_fit() -> None:
    items = [f"Question number {n}: " + "é" * 60 for n in range(20)]
    made = take_home("My questions", items, ["Clinic", "Phone: 1"])
    assert 0 < made.kept < 20 and not made.complete
    assert made.text.splitlines()[1:made.kept + 1] == [f"- {i}" for i in items[:made.kept]]
    assert text_fits(made.text)
    assert not text_fits(compose("My questions", items[:made.kept + 1], ["Clinic", "Phone: 1"]))
    assert len(text_matrix(made.text)) <= 17 + 4 * TEXT_MAX_VERSION


def test_the_counted_capacity_is_what_the_encoder_fits_in_version_20() -> None:
    """text_fits counts bytes instead of encoding: the count must match segno at the edge, for
    letters that take one byte in UTF-8 and for those that take two."""
    for unit in ("a", "é"):
        most = unit * (TEXT_CAPACITY // len(unit.encode()))
        assert text_fits(most) and text_version(most) == TEXT_MAX_VERSION
        assert not text_fits(most + "a") and text_version(most + "a") > TEXT_MAX_VERSION


def _with_page(tmp_path: Path, body: str, front: str = "") -> Path:
    root = write_content(tmp_path / "c")
    for lang in ("en", "es"):
        text = section_text("Topic 1 " + lang, [body])
        if front:
            text = text.replace("sources:", front + "\nsources:")
        (root / lang / "01-topic-1.md").write_text(text, encoding="utf-8")
    return root


def test_take_home_lines_are_read_from_the_front_matter(tmp_path: Path) -> None:
    root = _with_page(tmp_path, "Text.", "take_home:\n  - Walk every evening.\n  - Ask about iron.")
    library = load_library(root)
    assert library.errors == ()
    assert library.languages["en"].sections[0].take_home == ("Walk every evening.",
                                                             "Ask about iron.")


def test_validate_names_lists_too_long_for_the_screen_or_the_code(tmp_path: Path) -> None:
    many = "\n".join(f"- [ ] Question {n}?" for n in range(MAX_ITEMS + 2))
    long_item = "- [ ] " + "A very long question. " * 60
    dense = "\n".join(f"- [ ] Question {n}: " + "words and words " * 9 for n in range(8))
    root = _with_page(tmp_path, f"{many}\n\nText.\n\n{long_item}\n\nText.\n\n{dense}")
    found = [f for f in check_library(load_library(root), TODAY)
             if f.path.name == "01-topic-1.md" and f.path.parent.name == "en"]
    assert [(f.line, f.severity) for f in found] == [(11, "warning"), (26, "error"),
                                                     (34, "warning")]
    assert f"has {MAX_ITEMS + 2} items" in found[0].message
    assert "too long to fit in a take-home code" in found[1].message
    assert "holds only the first" in found[2].message


def test_short_lists_and_points_pass_validate(tmp_path: Path) -> None:
    root = _with_page(tmp_path, "- [ ] One?\n- [ ] Two?", "take_home:\n  - Walk every evening.")
    assert check_library(load_library(root), TODAY) == ()


def test_the_readme_example_is_valid(tmp_path: Path) -> None:
    """content/README.md's example of task lists and take_home, copied into a topic, is read
    without an error and gives the list and points it describes."""
    readme = (Path(__file__).parents[2] / "content" / "README.md").read_text(encoding="utf-8")
    example = next(b for b in re.findall(r"```markdown\n(.*?)```", readme, re.S)
                   if b.startswith("---\ntitle: Your visit"))
    root = write_content(tmp_path / "c")
    (root / "en" / "04-your-visit.md").write_text(example, encoding="utf-8")
    library = load_library(root)
    assert library.errors == ()
    section = library.languages["en"].section("your-visit")
    assert section is not None and len(section.take_home) == 2
    (tasks,) = [b.tasks for b in page_blocks(section.pages[0].markdown) if b.tasks]
    assert len(tasks.items) == 3 and tasks.ticked == (2,)
    assert [f for f in check_library(library, TODAY)  # info: it awaits a clinician's review
            if f.path.name == "04-your-visit.md" and f.path.parent.name == "en"
            and f.severity != "info"] == []
