"""A Markdown body cut into the pages patients swipe through, one per `## ` heading."""

from __future__ import annotations

from kiosk.content.model import Page


def split_pages(body: str, first_line: int) -> list[Page]:
    """Cut a body into pages at each `## ` heading (outside fenced code)."""
    pages: list[Page] = []
    title: str | None = None
    title_line = first_line
    chunk: list[str] = []
    in_fence = False

    def finish() -> None:
        if title is not None or "".join(chunk).strip():
            text = "\n".join(chunk)
            skipped = len(text) - len(text.lstrip("\n"))
            start = title_line + (1 if title is not None else 0) + skipped
            pages.append(Page(title or "", text.strip("\n"), title_line, start))

    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            finish()
            title, title_line, chunk = line[3:].strip(), first_line + offset, []
        else:
            chunk.append(line)
    finish()
    return pages
