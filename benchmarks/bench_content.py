"""How long reading and checking content takes: the shipped content and a large generated set.

    python benchmarks/bench_content.py              # median of 10 runs each
    python benchmarks/bench_content.py --runs 20 --hazards

"load" is `load_library` (what the kiosk does at start-up); "load + validate" is `load_checked`
(what every hot reload does, in the background; `rls-kiosk validate` also grades reading level with
the authoring extra, the `grade_level` row below). The large set is 200 sections, 100 in each of two
languages (file names allow two-digit numbers), made by repeating the shipped sections with their
pictures, quizzes and facts; for it, the floor of the reading-level check is timed too
(Python-Markdown converting all its text once, and `grade_level`, which converts and scores).
`--hazards` also times Python-Markdown on the shapes kiosk/content/reading/hazards.py refuses, and
the check that refuses them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import markdown  # noqa: E402

from kiosk.content.checks.readability import grade_level  # noqa: E402
from kiosk.content.model import counts_text  # noqa: E402
from kiosk.content.reading.hazards import markdown_hazards  # noqa: E402
from kiosk.content.reading.loader import load_library  # noqa: E402
from kiosk.content.reading.section_file import SECTION_FILE_RE  # noqa: E402
from kiosk.content.refresh import load_checked  # noqa: E402
from kiosk.content.render import markdown_to_html  # noqa: E402

SHIPPED = ROOT / "content"


def timed(job: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median, fastest and slowest of `runs` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times), max(times)


def generate(target: Path, per_language: int = 100) -> Path:
    """A content folder with `per_language` sections in en and es, from the shipped ones."""
    shutil.copytree(SHIPPED, target)
    for lang in ("en", "es"):
        folder = target / lang
        sources = []
        for path in sorted(folder.iterdir()):
            if match := SECTION_FILE_RE.match(path.name):
                sources.append((match.group(2), path.read_text(encoding="utf-8")))
                path.unlink()
        for number in range(per_language):
            slug, text = sources[number % len(sources)]
            if number >= len(sources):  # the first copies keep their names: links still work
                slug = f"{slug}-{number}"
            (folder / f"{number:02d}-{slug}.md").write_text(text, encoding="utf-8")
    return target


def report(name: str, root: Path, runs: int) -> None:
    library = load_checked(root, date.today())
    sections = sum(len(c.sections) for c in library.languages.values())
    pictures = sum(len(b) for b in library.images.values()) // 1024
    print(f"{name}: {sections} sections, {len(library.images)} pictures ({pictures} KB), "
          f"{counts_text(library.findings)}")
    for label, job in (("load", lambda: load_library(root)),
                       ("load + validate", lambda: load_checked(root, date.today()))):
        median, low, high = timed(job, runs)
        print(f"  {label:<16} median {median:7.1f} ms  (range {low:.1f}-{high:.1f}, {runs} runs)")


def reading_level_floor(root: Path, runs: int) -> None:
    """What the reading-level check cannot go below: Python-Markdown converting every section's
    text once (the check reads rendered text), and `grade_level` scoring it (authoring extra)."""
    library = load_library(root)
    texts = [("\n\n".join(f"## {p.title}\n\n{p.markdown}" for p in s.pages), lang)
             for lang, content in library.languages.items() for s in content.sections]
    converter = markdown.Markdown()
    size = sum(len(t) for t, _ in texts) // 1024
    for label, job in ((f"Markdown alone ({size} KB)",
                        lambda: [converter.reset().convert(t) for t, _ in texts]),
                       ("grade_level", lambda: [grade_level(t, lang) for t, lang in texts])):
        median, low, high = timed(job, runs)
        print(f"  {label:<26} median {median:7.1f} ms  (range {low:.1f}-{high:.1f}, {runs} runs)")


def hazards() -> None:
    cases = {
        "300 list items, each one level deeper": "\n".join(
            "    " * level + "- item" for level in range(300)),
        "1,000 quote lines of growing depth": "\n".join(
            ">" * level + " quote" for level in range(1, 1001)),
        '2,000 "[" without "]"': "[" * 2000,
        '8,000 "[" without "]"': "[" * 8000,
    }
    print("Python-Markdown on shapes the loader refuses (render time; check time):")
    for name, text in cases.items():
        started = time.perf_counter()
        try:
            markdown_to_html(text)
        except RecursionError:
            name += " (RecursionError)"
        rendered = time.perf_counter() - started
        started = time.perf_counter()
        found = markdown_hazards(text, 1)
        checked = (time.perf_counter() - started) * 1000
        print(f"  {name:<40} render {rendered:6.2f} s; refused in {checked:.1f} ms: "
              f"{found[0][1] if found else 'not refused'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--hazards", action="store_true",
                        help="also time the renderer on refused Markdown (about a minute)")
    args = parser.parse_args()
    report("shipped content", SHIPPED, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        generated = generate(Path(tmp) / "content")
        report("generated content", generated, args.runs)
        reading_level_floor(generated, args.runs)
    if args.hazards:
        hazards()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
