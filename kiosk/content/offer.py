"""What a visit is offered: the languages (and the one a visit starts in) and, in a language,
the topics to read, in order.

The site lists the languages it wants and the one it starts in; settings may narrow the list
(`languages`) or choose another start (`default_language`), and only languages with content
count. A topic missing in the patient's language is offered in the site's default language
instead (a stand-in, marked so the reader can say so). A topic outside its `show_from` /
`show_until` dates is not offered at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, TypeVar

from kiosk.content.model import Library, Section

T = TypeVar("T")


class Offered(NamedTuple):
    section: Section
    stand_in: bool  # shown in the site's default language: not in the patient's one yet


@dataclass(frozen=True)
class Offer:
    library: Library
    wanted_default: str = ""  # settings.default_language: "" keeps the site's
    allowed: Sequence[str] = ()  # settings.languages: empty allows every language

    def languages(self) -> list[str]:
        """The languages on the footer's buttons, in the site's order."""
        shown = [lang for lang in self.library.site.languages if lang in self.library.languages]
        if self.allowed:
            shown = [lang for lang in shown if lang in self.allowed]
        return shown

    def default_language(self) -> str:
        """The language a visit starts in (and the attract screen's clinic details are in)."""
        languages = self.languages()
        wanted = self.wanted_default or self.library.site.default_language
        return wanted if wanted in languages else (languages or ["en"])[0]

    def sections(self, lang: str, today: date) -> list[Offered]:
        """The topics to show in `lang` on `today`, in order (`order`, then slug)."""
        shown: dict[str, Offered] = {}
        own = self.library.languages.get(lang)
        fallback = self.library.languages.get(self.library.site.default_language)
        for content, is_fallback in ((own, False), (fallback, True)):
            for section in content.sections if content else ():
                if section.slug not in shown and section.visible_on(today):
                    shown[section.slug] = Offered(section, is_fallback and content is not own)
        return sorted(shown.values(), key=lambda item: (item.section.order, item.section.slug))

    def section(self, lang: str, slug: str, today: date) -> Offered | None:
        return next((item for item in self.sections(lang, today) if item.section.slug == slug),
                    None)

    def next_section(self, lang: str, slug: str, today: date) -> Section | None:
        """The topic after `slug` ("Next topic" on its last page); None after the last one."""
        sections = [item.section for item in self.sections(lang, today)]
        index = next((i for i, s in enumerate(sections) if s.slug == slug), len(sections))
        return sections[index + 1] if index + 1 < len(sections) else None


def take_turns(groups: Sequence[Sequence[T]]) -> list[T]:
    """[[a1, a2], [b1]] -> [a1, b1, a2]: the attract screen's facts, each language in turn."""
    longest = max((len(g) for g in groups), default=0)
    return [g[i] for i in range(longest) for g in groups if i < len(g)]
