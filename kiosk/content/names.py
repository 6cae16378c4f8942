"""What the content calls a section slug and a quiz question id, for reports and the staff panel.

The engagement database keeps slugs and ids only (never text); a report made with the content
at hand shows titles and questions instead. A name is taken from the first of the preferred
languages that has it, then from any other language.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.content.model import Library


def _languages(library: Library, prefer: Sequence[str]) -> list[str]:
    """Lowest priority first, so later updates win."""
    first = [lang for lang in prefer if lang in library.languages]
    rest = [lang for lang in library.languages if lang not in first]
    return [*rest, *reversed(first)]


def section_titles(library: Library, prefer: Sequence[str] = ()) -> dict[str, str]:
    titles: dict[str, str] = {}
    for lang in _languages(library, [*prefer, library.site.default_language]):
        titles.update({s.slug: s.title for s in library.languages[lang].sections})
    return titles


def question_texts(library: Library, prefer: Sequence[str] = ()) -> dict[str, str]:
    texts: dict[str, str] = {}
    for lang in _languages(library, [*prefer, library.site.default_language]):
        texts.update({q.id: q.text for q in library.languages[lang].quiz})
    return texts
