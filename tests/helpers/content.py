"""Small content folders written by tests, in the documented format."""

from __future__ import annotations

from pathlib import Path

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
       b'<circle cx="50" cy="50" r="40" fill="#1d5b79"/></svg>')


def section_text(title: str, pages: list[str], icon: str = "",
                 reviewed_by: str = "Dr. Test Reviewer, neurologist") -> str:
    """A section signed by a clinician (reviewed_by and review_date), as a maintained folder is;
    `reviewed_by=""` leaves the signature out. Pages start on the same line either way."""
    head = f"---\ntitle: {title}\nsubtitle: About {title.lower()}\nreview_date: 2026-10\n"
    if reviewed_by:
        head += f"reviewed_by: {reviewed_by}\n"
    if icon:
        head += f"icon: {icon}\n"
    head += "sources:\n  - A test source, 2024.\n---\n"
    if not reviewed_by:
        head += "\n"
    return head + "\n\n".join(f"## {title} page {i + 1}\n\n{body}" for i, body in enumerate(pages))


def write_content(root: Path, languages: tuple[str, ...] = ("en", "es"),
                  sections: int = 3, pages: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    langs = ", ".join(f'"{lang}"' for lang in languages)
    (root / "site.toml").write_text(
        f'[clinic]\nname = "Test Clinic"\n\n[languages]\navailable = [{langs}]\n'
        f'default = "{languages[0]}"\n', encoding="utf-8")
    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "dot.svg").write_bytes(SVG)
    for lang in languages:
        folder = root / lang
        folder.mkdir(exist_ok=True)
        for n in range(1, sections + 1):
            bodies = [f"Text of page {p + 1} in {lang}.\n\n![A dot](../images/dot.svg)"
                      for p in range(pages)]
            (folder / f"0{n}-topic-{n}.md").write_text(
                section_text(f"Topic {n} {lang}", bodies, "../images/dot.svg"), encoding="utf-8")
        (folder / "attract.md").write_text(
            "---\ntitle: Did you know?\n---\n\n## Fact one\n\nShort fact.\n\n## Fact two\n\n"
            "Another fact.\n", encoding="utf-8")
        (folder / "quiz.md").write_text(
            "---\ntitle: Quiz\n---\n\n## Is this a question?\nid: q1\nsection: topic-1\n"
            "- [x] Yes\n- [ ] No\nexplanation: It is.\n", encoding="utf-8")
        (folder / "disclaimer.md").write_text(
            "---\ntitle: About this information\nshort: General information only.\n---\n\n"
            "## Please note\n\nTalk to your care team.\n", encoding="utf-8")
    return root
