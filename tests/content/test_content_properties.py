"""Property: whatever a content folder holds (front matter, Markdown, TOML, odd files), loading,
validating and rendering it give findings, never an exception, and no finding is the loader's
catch-all for a failure it does not know.

Hypothesis builds folders from fragments of the real format. The run is deterministic
(derandomize, no example database) and bounded: 60 folders, a few seconds in all; the deadline
is only a guard against a hang, far above the ~30 ms a folder takes.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.checks.validate import with_checks
from kiosk.content.model import Severity
from kiosk.content.reading.loader import load_library
from kiosk.content.render import markdown_to_html, markdown_to_plain
from tests.helpers.pictures import png, svg

BOUNDED = settings(max_examples=60, deadline=timedelta(seconds=10), derandomize=True,
                   database=None, suppress_health_check=[HealthCheck.too_slow])

MARKDOWN_BITS = [
    "## ", "# ", "- ", "* ", "1. ", "> ", "    ", "\t", "- [ ] ", "- [x] ", "```", "~~~", "`",
    "*", "_", "**", "[", "]", "(", ")", "![", "](", "<", ">", "&#97;", "&amp;", "%20", "%3A",
    "[ref]: ", "[ref]", "<https://example.org/a>", "https://example.org/b", "section:topic",
    "section:nowhere", "javascript:alert(1)", "file:///etc/passwd", "../images/dot.svg",
    "../images/bad.png", "<my picture.png>", "<img src=\"../images/dot.svg\">", "<a href=\"x\">",
    "</a>", "<script>", "<b>", "{clinic.name}", "{clinic.phon}", "{clinic.}", "{", "}",
    "\u202e", "\u00e9", "\u0000", "\r", "---", "title: x", "\n", "\n\n", " ", "word",
]
FRONT_KEYS = ["title", "subtitle", "icon", "review_date", "show_from", "show_until", "sources",
              "titel", "id", " title", "- item"]
FRONT_VALUES = ["Sleep", "", "2026-11", "2026-13-40", "../images/dot.svg", "x:y", "- a",
                "{clinic.phone}", "<b>bold</b>", "[", "\u00e9\u00e9"]
TOML_BITS = ["[clinic]", "[clinic.es]", "[clinic.fr]", "[languages]", "[theme]", "[[x]]",
             "name = ", "phone = ", "website = ", "hours = ", "logo = ", "available = ",
             "default = ", "primary = ", '"Hillview Clinic"', '"(555) 010-0199"',
             '"https://www.example.org"', '"images/dot.svg"', '"../outside.svg"', '["en", "es"]',
             '["en"]', "[", "]", "{", "}", "[[[[", "]]]]", "=", '"', "'", "#", "1", "true",
             "\n", " ", '"#1d5b79"', '"red"', "\u00e9"]
QUIZ_BITS = ["## Question?\n", "id: q1\n", "id: Q 1\n", "section: topic\n", "explanation: e\n",
             "- [x] yes\n", "- [ ] no\n", "- [X] <b>x</b>\n", "colour: red\n", "text\n", "\n"]
KINDS = ["text", "text", "text", "missing", "folder", "loop", "pipe", "outside", "binary"]

fragments = st.lists(st.sampled_from(MARKDOWN_BITS) | st.text(max_size=12), max_size=40)
front = st.dictionaries(st.sampled_from(FRONT_KEYS), st.sampled_from(FRONT_VALUES), max_size=6)
toml = st.lists(st.sampled_from(TOML_BITS), max_size=40).map("".join)
quiz = st.lists(st.sampled_from(QUIZ_BITS), max_size=20).map(lambda bits: "---\n" + "".join(bits))


@st.composite
def section_texts(draw: st.DrawFn) -> str:
    head = "".join(f"{key}: {value}\n" for key, value in draw(front).items())
    body = "".join(draw(fragments))
    return (f"---\n{head}---\n\n{body}" if draw(st.booleans()) else body)


@st.composite
def folders(draw: st.DrawFn) -> dict[str, tuple[str, str | bytes]]:
    """Relative path -> (kind, contents) for a content folder."""
    files: dict[str, tuple[str, str | bytes]] = {"site.toml": (draw(st.sampled_from(KINDS)),
                                                              draw(toml))}
    for lang in draw(st.sets(st.sampled_from(["en", "es", "fr"]), max_size=2)) or {"en"}:
        for name in draw(st.sets(st.sampled_from(["01-topic.md", "02-more.md", "3-bad.md",
                                                  "attract.md", "disclaimer.md", "notice.md"]),
                                 max_size=4)):
            files[f"{lang}/{name}"] = (draw(st.sampled_from(KINDS)), draw(section_texts()))
        files[f"{lang}/quiz.md"] = (draw(st.sampled_from(KINDS)), draw(quiz))
    files["images/dot.svg"] = ("text", svg())
    files["images/bad.png"] = ("text", draw(st.sampled_from([png(), png()[:-9], b"\x89PNG"])))
    return files


def _write(root: Path, files: dict[str, tuple[str, str | bytes]]) -> None:
    outside = root.parent / "outside.md"
    outside.write_text("---\ntitle: Outside\n---\n\n## Page\n\nText.\n", encoding="utf-8")
    for relative, (kind, contents) in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = contents.encode("utf-8", "surrogatepass") if isinstance(contents, str) \
            else contents
        if kind == "text":
            path.write_bytes(data)
        elif kind == "folder":
            path.mkdir()
        elif kind == "loop":
            path.symlink_to(path.name)
        elif kind == "pipe":
            os.mkfifo(path)
        elif kind == "outside":
            path.symlink_to(outside)
        elif kind == "binary":
            path.write_bytes(b"\x00\xff" + data[:64])


@BOUNDED
@given(folders())
def test_any_folder_gives_findings_never_an_exception(files) -> None:
    with tempfile.TemporaryDirectory() as base:
        root = Path(base) / "content"
        root.mkdir()
        _write(root, files)
        library = with_checks(load_library(root), date(2026, 12, 1))
        for finding in library.findings:
            assert isinstance(finding.severity, Severity)
            assert "does not know" not in finding.message, str(finding)
        for content in library.languages.values():
            pages = [p.markdown for s in content.sections for p in s.pages]
            pages += [s.markdown for s in content.slides]
            pages += [p.markdown for p in content.disclaimer_pages]
            for markdown in pages:
                assert isinstance(markdown_to_html(markdown, "Scan"), str)
                assert isinstance(markdown_to_plain(markdown), str)
