"""Broken content, one case at a time: what staff get wrong, and what `validate` must say.

Each case starts from a good two-language folder (tests/helpers/content.py: sections topic-1 to
topic-3 in en and es), then either copies its files from tests/content/broken/<name>/ over it or
makes them here (binary data, encodings, huge files, links and folders that git cannot hold
well). `expect` lists (file, line, words of the message) that must be reported as errors.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.content import write_content
from tests.helpers.pictures import png, svg

CORPUS = Path(__file__).parent / "broken"
GOOD = {(lang, f"topic-{n}") for lang in ("en", "es") for n in (1, 2, 3)}
SECTION_HEAD = "---\ntitle: Sleep and RLS\nreview_date: 2026-11\n---\n\n## Good sleep habits\n\n"


@dataclass(frozen=True)
class Case:
    name: str
    expect: tuple[tuple[str, int, str], ...]
    make: Callable[[Path], None] | None = None
    good: set[tuple[str, str]] = field(default_factory=lambda: set(GOOD))


def _write(relative: str, data: bytes) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / relative).write_bytes(data)
    return make


def _nested_lists(root: Path) -> None:
    lines = ["\t" * level + "- deeper" for level in range(1000)]  # under the size limit
    (root / "en" / "04-lists.md").write_text(SECTION_HEAD + "\n".join(lines), encoding="utf-8")


def _nested_quotes(root: Path) -> None:
    lines = [">" * level + " quoted" for level in range(1, 1001)]
    (root / "en" / "04-quotes.md").write_text(SECTION_HEAD + "\n".join(lines), encoding="utf-8")


def _huge(root: Path) -> None:
    with (root / "en" / "04-huge.md").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)


def _long_line(root: Path) -> None:
    text = SECTION_HEAD + "word " * (1024 * 1024 // 5)
    (root / "en" / "04-long.md").write_text(text, encoding="utf-8")


def _long_page(root: Path) -> None:
    text = SECTION_HEAD + "word " * (100 * 1024 // 5)
    (root / "en" / "04-long.md").write_text(text, encoding="utf-8")


def _symlinks(root: Path) -> None:
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(SECTION_HEAD + "Secret.\n", encoding="utf-8")
    (outside / "secret.svg").write_bytes((root / "images" / "dot.svg").read_bytes())
    (root / "en" / "04-secret.md").symlink_to(outside / "secret.md")
    (root / "images" / "linked.svg").symlink_to(outside / "secret.svg")
    (root / "en" / "05-linked-picture.md").write_text(
        SECTION_HEAD + "![A linked picture](../images/linked.svg)\n", encoding="utf-8")


def _special_file(root: Path) -> None:
    """A named pipe where a section is expected: opening it the usual way waits forever."""
    os.mkfifo(root / "en" / "04-pipe.md")


def _symlink_loop(root: Path) -> None:
    (root / "en" / "04-loop.md").symlink_to("04-loop.md")
    (root / "en" / "05-ring-a.md").symlink_to("05-ring-b.md")
    (root / "en" / "05-ring-b.md").symlink_to("05-ring-a.md")
    (root / "images" / "loop.svg").symlink_to("loop.svg")
    (root / "en" / "06-loop-picture.md").write_text(
        SECTION_HEAD + "![A looping picture](../images/loop.svg)\n", encoding="utf-8")


def _deep_toml(root: Path) -> None:
    depth = sys.getrecursionlimit() + 100
    (root / "site.toml").write_text(
        '[clinic]\nname = "Test Clinic"\n\n[languages]\navailable = ["en", "es"]\n'
        f"deep = {'[' * depth}{']' * depth}\n", encoding="utf-8")


def _bad_pictures(root: Path) -> None:
    """Pictures the kiosk cannot or will not show, each named by validate."""
    pictures = {"cut.png": png()[:-20], "huge.png": png(9000, 9000, pixels=False),
                "broken.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
                "peek.svg": svg('<image href="/etc/hostname.png" width="9" height="9"/>')}
    for name, data in pictures.items():
        (root / "images" / name).write_bytes(data)
    (root / "en" / "04-pictures.md").write_text(SECTION_HEAD + "\n\n".join(
        f"![{name}](../images/{name})" for name in pictures) + "\n", encoding="utf-8")


def _unknown_placeholder(root: Path) -> None:
    (root / "en" / "04-call.md").write_text(
        SECTION_HEAD + "Call us on {clinic.phon}.\n\nOr visit {clinic.adress}.\n\n"
        "Open {clinic.opening}.\n", encoding="utf-8")


def _quiz_html(root: Path) -> None:
    (root / "en" / "quiz.md").write_text(
        "---\ntitle: Quiz\n---\n\n## Is <b>iron</b> important?\nid: q1\nsection: topic-1\n"
        "- [x] Yes\n- [ ] No\nexplanation: It is.\n\n## Another?\nid: q2\n"
        "- [x] <a href='https://example.org'>Yes</a>\n- [ ] No\n"
        "explanation: See <script>alert(1)</script>.\n", encoding="utf-8")


def _nested_mixed(root: Path) -> None:
    (root / "en" / "04-mixed.md").write_text(
        SECTION_HEAD + "Intro.\n\n" + "- > 1. > " * 30 + "deep\n", encoding="utf-8")


def _every_form(root: Path) -> None:
    """Links and pictures written every way Markdown allows, good and bad alike."""
    (root / "images" / "my picture.svg").write_bytes(svg())
    (root / "en" / "04-forms.md").write_text(SECTION_HEAD + (
        "![Spaces, in angle brackets](<../images/my picture.svg>)\n\n"  # 8: shown
        "![Spaces, percent-encoded](../images/my%20picture.svg)\n\n"  # 10: shown
        "![By reference][dot] and <img src=\"../images/dot.svg\" alt=\"HTML\">\n\n"  # 12
        "[dot]: ../images/dot.svg\n\n"
        "![Missing, by reference][gone] and <img src=\"../images/gone.png\">\n\n"  # 16
        "[gone]: ../images/gone.svg\n\n"  # 18
        "See [the leaflet][leaflet] and [home][home].\n\n"  # 20
        "[leaflet]: file:///C:/leaflets/sleep.pdf\n"  # 22
        "[home]: section:nowhere\n\n"  # 23
        "Tap [here](jav&#97;script:alert(1)) or [there](section%3Atopic-1).\n"),  # 25
        encoding="utf-8")


def _no_spanish(root: Path) -> None:
    shutil.rmtree(root / "es")


def _folder_like_section(root: Path) -> None:
    (root / "en" / "04-sleep.md").mkdir()


CASES: tuple[Case, ...] = (
    Case("never-closed", (("en/04-sleep.md", 1, "front matter starting with --- is never "
                                                "closed"),)),
    Case("unknown-key", (("en/04-sleep.md", 2, '"titel" is not a known key'),
                         ("en/04-sleep.md", 1, "the section has no title"))),
    Case("html-and-links", (("en/04-sleep.md", 11, "HTML <script> is not allowed"),
                            ("en/04-sleep.md", 13, "HTML <iframe> is not allowed"),
                            ("en/04-sleep.md", 15, 'link to "javascript:alert(1)"'),
                            ("en/04-sleep.md", 15, 'link to "file:///C:/leaflets/sleep.pdf"'),
                            ("en/04-sleep.md", 17, 'HTML attribute "onclick"'),
                            ("en/04-sleep.md", 19, 'link to "section:who-gets-it" names no'),
                            ("en/04-sleep.md", 19, 'link to "02-topic-2.md" does not work'))),
    Case("picture-outside", (("en/04-sleep.md", 8, 'picture "../../etc/passwd" is outside'),
                             ("en/04-sleep.md", 10, 'picture "/etc/hosts" is not a path'))),
    Case("picture-missing", (("en/04-sleep.md", 3, 'picture "../images/moon.svg" does not'),
                             ("en/04-sleep.md", 9, 'picture "../images/bed.png" does not'),
                             ("en/04-sleep.md", 11, '"../site.toml" is not a picture'))),
    Case("quiz-mistakes", (("en/quiz.md", 5, 'question "helps" has no answer marked right'),
                           ("en/quiz.md", 12, 'question "common" has 1 answer -'),
                           ("en/quiz.md", 17, 'question "read-more" names section "treatments"'),
                           )),
    Case("site-malformed", (("site.toml", 2, "is not valid TOML"),)),
    Case("site-language-table", (("site.toml", 6, '"horas" is not a known key in [clinic.es]'),
                                 ("site.toml", 7, "[clinic.es] phone is not text"),
                                 ("site.toml", 9, '[clinic.fr] is for "fr"'))),
    Case("duplicate-section", (("en/05-topic-1.md", 0, 'section id "topic-1" is also used'),)),
    Case("stray-brackets", (("en/04-brackets.md", 8, 'has 30 "[" without a matching "]"'),)),
    Case("empty-file", (("en/04-sleep.md", 0, "is empty"),)),
    Case("binary-garbage", (("en/04-garbage.md", 0, "is not a text file"),),
         _write("en/04-garbage.md", random.Random(3).randbytes(4096))),
    Case("latin-1", (("en/04-cafe.md", 2, "is not saved as UTF-8"),),
         _write("en/04-cafe.md", "---\ntitle: Café\n---\n\n## Page\n\nText.\n".encode("latin-1"))),
    Case("utf-16-without-bom", (("en/04-wide.md", 0, "UTF-16 without a byte-order mark"),),
         _write("en/04-wide.md", "---\ntitle: Wide\n---\n\n## Page\n".encode("utf-16-le"))),
    Case("huge-file", (("en/04-huge.md", 0, "is too large (50.0 MB"),), _huge),
    Case("one-megabyte-line", (("en/04-long.md", 0, "is too large (1.0 MB"),), _long_line),
    Case("long-page", (("en/04-long.md", 6, "the page is too long (100 KB"),), _long_page),
    Case("nested-lists", (("en/04-lists.md", 17, "is nested 9 levels deep"),), _nested_lists),
    Case("nested-quotes", (("en/04-quotes.md", 16, "is nested 9 levels deep"),), _nested_quotes),
    Case("symlink-outside", (("en/04-secret.md", 0, "is a link to a file outside"),
                             ("en/05-linked-picture.md", 8, 'picture "../images/linked.svg" is '
                                                            "outside")), _symlinks),
    Case("missing-language", (("es", 0, 'the language folder "es" is missing'),), _no_spanish,
         good={g for g in GOOD if g[0] == "en"}),
    Case("folder-like-section", (("en/04-sleep.md", 0, "is a folder named like a section"),),
         _folder_like_section),
    Case("special-file", (("en/04-pipe.md", 0, "is not a regular file"),), _special_file),
    Case("symlink-loop", (("en/04-loop.md", 0, "is a link that leads back to itself"),
                          ("en/05-ring-a.md", 0, "is a link that leads back to itself"),
                          ("en/05-ring-b.md", 0, "is a link that leads back to itself"),
                          ("en/06-loop-picture.md", 8, '"loop.svg" is a link that leads back'),
                          ), _symlink_loop),
    Case("pictures-not-shown", (("en/04-pictures.md", 8, 'picture "../images/cut.png" is cut '),
                                ("en/04-pictures.md", 10, "has too many pixels (9000 x 9000"),
                                ("en/04-pictures.md", 12, "is not well-formed SVG (XML) (line 1"),
                                ("en/04-pictures.md", 14, 'refers to "/etc/hostname.png" '
                                                          "outside the picture")),
         _bad_pictures),
    Case("unknown-placeholder", (("en/04-call.md", 8, "{clinic.phon} is not a clinic detail"),
                                 ("en/04-call.md", 10, "{clinic.adress} is not a clinic"),
                                 ("en/04-call.md", 12, "{clinic.opening} is not a clinic")),
         _unknown_placeholder),
    Case("quiz-html", (("en/quiz.md", 5, "HTML <b> in a quiz question"),
                       ("en/quiz.md", 14, "HTML <a href='https://example.org'> in a quiz"),
                       ("en/quiz.md", 16, "HTML <script> in a quiz question")), _quiz_html),
    Case("nested-mixed", (("en/04-mixed.md", 10, "is nested 119 levels deep"),), _nested_mixed),
    Case("every-form", (("en/04-forms.md", 16, 'picture "../images/gone.png" does not exist'),
                        ("en/04-forms.md", 18, 'picture "../images/gone.svg" does not exist'),
                        ("en/04-forms.md", 22, 'link to "file:///C:/leaflets/sleep.pdf" is '
                                               "not allowed"),
                        ("en/04-forms.md", 23, 'link to "section:nowhere" names no section'),
                        ("en/04-forms.md", 25, 'link to "javascript:alert(1)" is not allowed'),
                        ("en/04-forms.md", 25, 'link to "section%3Atopic-1" does not work')),
         _every_form),
    Case("toml-nested-too-deep", (("site.toml", 6, "is nested too deeply to read"),),
         _deep_toml),
)


def _warnings_only(root: Path) -> None:
    """Nothing wrong enough to leave anything out, but worth a look (and the example clinic's
    details, copied from the shipped site.toml without its logo)."""
    shipped = (Path(__file__).parents[2] / "content" / "site.toml").read_text(encoding="utf-8")
    (root / "site.toml").write_text(shipped.replace('logo = "images/logo.svg"\n', ""),
                                    encoding="utf-8")
    (root / "images" / "poster.png").write_bytes(png(padding=2_200_000))
    hard = ("Pharmacological interventions necessitate comprehensive individualized "
            "evaluation incorporating comorbidities and longitudinal monitoring. ") * 3
    (root / "en" / "04-sleep.md").write_text(
        "---\ntitle: Sleep and RLS\nreview_date: 2024-05\n---\n\n## Good sleep habits\n\n"
        "Go to bed at the same time each night.\n\n![A poster](../images/poster.png)\n\n"
        f"## For the specialist\n\n{hard}\n\n"
        "More at [the Sleep Foundation](https://www.example.org/sleep).\n", encoding="utf-8")


WARNING_CASES: tuple[Case, ...] = (
    Case("warnings-only", (), _warnings_only),
)


def apply(case: Case, root: Path) -> None:
    """Put `case`'s mistakes into the content folder at `root`."""
    overlay = CORPUS / case.name
    if overlay.is_dir():
        shutil.copytree(overlay, root, dirs_exist_ok=True)
    if case.make is not None:
        case.make(root)


def build(case: Case, root: Path) -> Path:
    """The good folder at `root` with `case`'s mistakes in it."""
    write_content(root)
    apply(case, root)
    return root
