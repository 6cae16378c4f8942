"""Cutting a section's Markdown into pages, without Qt."""

from __future__ import annotations

from kiosk.content.reading.pages import split_pages


def test_split_pages_counts_lines() -> None:
    pages = split_pages("## One\ntext\n\n## Two\nmore\n```\n## not a page\n```\n", 10)
    assert [(p.title, p.line) for p in pages] == [("One", 10), ("Two", 13)]
