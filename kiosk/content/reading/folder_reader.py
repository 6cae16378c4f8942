"""One pass over a content folder: the findings it collects, the pictures it loads, and the
guarded ways into its files that every part of the loader goes through.

Nothing here raises for bad content: each problem becomes a `Finding` with the file and line.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from kiosk.content.model import Finding, Severity
from kiosk.content.reading.frontmatter import FrontMatter, split_front_matter
from kiosk.content.reading.hazards import markdown_hazards, page_hazard
from kiosk.content.reading.pages import split_pages
from kiosk.content.reading.picture_refs import IMAGE_SUFFIXES, URL_SCHEME_RE
from kiosk.content.reading.pictures import is_svg, picture_problem
from kiosk.content.reading.textfile import TextFileError, read_file, read_text
from kiosk.runtime.logs import FILE_ONLY
from kiosk.settings import paths

log = logging.getLogger(__name__)
T = TypeVar("T")

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")  # a language folder's name, a question's id
MAX_IMAGE_BYTES = 8 * 1024 * 1024
LARGE_IMAGE_BYTES = 2 * 1024 * 1024


@dataclass
class FolderReader:
    """The one way into a content folder's files while loading it: reports each problem as a
    finding and keeps each good picture, so one bad file never costs the rest."""

    root: Path
    findings: list[Finding] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)
    root_resolved: Path = field(init=False)

    def __post_init__(self) -> None:
        self.root_resolved = self.root.resolve()

    def error(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.findings.append(Finding(path, line, "error", message, hint))

    def warning(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.findings.append(Finding(path, line, "warning", message, hint))

    def example(self, path: Path, line: int, message: str, hint: str = "") -> None:
        """A detail still copied from the example clinic: a warning in a clinic's own folder,
        where patients would see it; only info in the shipped folder, where it belongs (the
        doctor still warns when an installed kiosk shows the shipped folder)."""
        shipped = self.root_resolved == paths.shipped_content_dir().resolve()
        severity = Severity.INFO if shipped else Severity.WARNING
        self.findings.append(Finding(path, line, severity, message, hint))

    def guarded(self, path: Path, fallback: T, read: Callable[[], T]) -> T:
        """`read()`, or `fallback` with a finding about `path` when it raises anything: a
        parser's own failure on strange input (a RecursionError, say) must cost that file,
        never the start of the kiosk."""
        try:
            return read()
        except Exception as exc:
            log.error("Reading %s failed", path, exc_info=True, extra=FILE_ONLY)
            self.error(path, 0, f"could not be read: the kiosk met a problem it does not know "
                       f"({type(exc).__name__}: {str(exc)[:120]})",
                       "look for something unusual in the file (very deep nesting, odd "
                       "characters) and simplify it; the rest of the content is shown")
            return fallback

    def listing(self, folder: Path) -> list[Path]:
        """The entries of `folder`, sorted; [] (reported) when it cannot be listed."""
        try:
            return sorted(folder.iterdir())
        except OSError as exc:
            self.error(folder, 0, f"cannot be listed ({exc.strerror or exc})",
                       "check that the folder exists and that the kiosk may read it")
            return []

    # -- files -----------------------------------------------------------------------------
    def read(self, path: Path) -> str | None:
        """The text of a file inside the folder, or None (reported): the one way in for text."""
        if not self._inside(path, path, 0, "is a link to a file outside the content folder",
                            "copy the file into the content folder instead"):
            return None
        try:
            return read_text(path)
        except TextFileError as exc:
            self.error(path, exc.line, exc.message, exc.hint)
            return None

    def _inside(self, path: Path, source: Path, line: int, outside: str, hint: str) -> bool:
        """True when `path`, links followed, is in the content folder; else reported against
        `source` at `line` (a link that loops is named as one)."""
        try:
            path.resolve().relative_to(self.root_resolved)
        except RuntimeError:  # Python 3.11's resolve() on a loop of links
            self.error(source, line, f"{_quoted(path, source)}is a link that leads back to "
                       "itself (a loop)", "delete the link and put the real file there")
            return False
        except (ValueError, OSError):
            self.error(source, line, outside, hint)
            return False
        return True

    def front_matter(self, path: Path, text: str, allowed: set[str]) -> FrontMatter:
        fm = split_front_matter(text)
        for line, message, hint in fm.problems:
            self.error(path, line, message, hint)
        for key, line in fm.lines.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = (f'did you mean "{close[0]}"?' if close
                        else "known keys: " + ", ".join(sorted(allowed)))
                self.error(path, line, f'"{key}" is not a known key', hint)
        return fm

    def renderable(self, path: Path, body: str, first_line: int) -> bool:
        """False (with findings) when rendering a Markdown body could hang the kiosk."""
        found = markdown_hazards(body, first_line)
        found += [h for p in split_pages(body, first_line)
                  if (h := page_hazard(p.markdown, p.line)) is not None]
        for line, message, hint in found:
            self.error(path, line, message, hint)
        return not found

    def date_value(self, path: Path, fm: FrontMatter, key: str) -> date | None:
        raw = fm.text(key)
        if not raw:
            return None
        try:
            if re.fullmatch(r"\d{4}-\d{2}", raw):
                return date.fromisoformat(raw + "-01")
            return date.fromisoformat(raw)
        except ValueError:
            self.error(path, fm.lines.get(key, 0), f'{key} "{raw}" is not a date',
                       "write it as YEAR-MONTH-DAY, for example 2026-11-30")
            return None

    # -- pictures --------------------------------------------------------------------------
    def picture(self, source: Path, line: int, ref: str) -> str | None:
        """Load a referenced picture into the snapshot; return its key or None."""
        if URL_SCHEME_RE.match(ref) or ref.startswith(("/", "\\")):
            self.error(source, line, f'picture "{ref}" is not a path inside the content folder',
                       "put the picture in the content folder and use a relative path")
            return None
        target = (source.parent / ref)
        if not self._inside(target, source, line, f'picture "{ref}" is outside the content '
                            "folder", "put the picture in the content folder and use a "
                            "relative path"):
            return None
        # A URL-safe key: a name with a space becomes %20, so it survives Markdown and HTML.
        key = quote(target.resolve().relative_to(self.root_resolved).as_posix(), safe="/")
        if key in self.images:
            return key
        if target.suffix.lower() not in IMAGE_SUFFIXES:
            self.error(source, line, f'"{ref}" is not a picture the kiosk can show',
                       "use an .svg, .png or .jpg file")
            return None
        if not target.exists():
            self.error(source, line, f'picture "{ref}" does not exist',
                       "check the file name and folder (names are case-sensitive)")
            return None
        try:
            data = read_file(target, MAX_IMAGE_BYTES, "make it smaller than 2 MB")
        except TextFileError as exc:
            self.error(source, line, f'picture "{ref}" {exc.message}', exc.hint)
            return None
        if len(data) > LARGE_IMAGE_BYTES:
            self.warning(source, line, f'picture "{ref}" is over 2 MB',
                         "a smaller picture loads faster")
        if (target.suffix.lower() == ".svg") != is_svg(data):
            self.error(source, line, f'"{ref}" is not a valid picture file',
                       "open it in a picture editor and save it again as SVG, PNG or JPEG")
            return None
        if problem := picture_problem(data):
            self.error(source, line, f'picture "{ref}" {problem.message}', problem.hint)
            return None
        self.images[key] = data
        return key


def _quoted(path: Path, source: Path) -> str:
    """`"name" ` when a finding about `path` is reported against another file."""
    return "" if path == source else f'"{path.name}" '
