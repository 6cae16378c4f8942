"""Preview of the home screen against a bare PySide6 window and Chromium.

    python benchmarks/bench_preview.py --runs 15
    python benchmarks/bench_preview.py --runs 15 --kiosk-only   # no Chromium installed

Three programs draw the home screen of the shipped content at 1920x1080 to a PNG and exit; each
run starts all three in turn (rotating which goes first), so they share the machine's state:
1. `rls-kiosk preview --screens home --lang en` (the real window, content loaded and checked);
2. benchmarks/bare_home.py: a bare PySide6 QTextBrowser showing the same words and tile
   pictures as HTML (the floor for any Qt program);
3. `chromium --headless --screenshot` of the same HTML (what a clinic would otherwise run), with
   a fresh profile folder each run.
Two more rows split the kiosk's time: `import` of the modules the preview command needs (kiosk
code, PySide6 and the libraries it uses; nothing is done), and `import` of PySide6 alone.
The kiosk package is compiled to bytecode first, as an installed kiosk is (with
PYTHONDONTWRITEBYTECODE set, every run would otherwise compile it again: about 45 ms).
Wall time is from starting the process to its exit (the PNG is written). Peak memory: the
highest resident set (ru_maxrss) of the process for the kiosk and the bare window (one process
each); for Chromium, whose work is spread over several processes, the highest sum of their
proportional set sizes (PSS, shared pages split between processes), sampled every 10 ms.
"""

from __future__ import annotations

import argparse
import compileall
import html
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.content.reading.loader import load_library  # noqa: E402

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync")


def home_html(content: Path, folder: Path) -> Path:
    """The home screen's words and pictures as one HTML page (pictures as files beside it)."""
    library = load_library(content)
    site, lang = library.site, "en"
    for key, data in library.images.items():
        target = folder / key
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    tiles = []
    for section in library.languages[lang].sections:
        icon = f'<img src="{section.icon}" width="96" height="96">' if section.icon else ""
        tiles.append(f"<td>{icon}<p><b>{html.escape(section.title)}</b><br>"
                     f"{html.escape(section.subtitle)}</p></td>")
    tiles.append("<td><p><b>Quick quiz</b><br>Test what you know</p></td>")
    rows = "".join("<tr>" + "".join(tiles[i:i + 3]) + "</tr>" for i in range(0, len(tiles), 3))
    fonts = "".join(
        f'@font-face {{ font-family: "Atkinson Hyperlegible"; src: url("{f.as_uri()}"); '
        f'font-weight: {700 if "Bold" in f.name else 400}; '
        f'font-style: {"italic" if "Italic" in f.name else "normal"}; }}'
        for f in sorted((ROOT / "assets" / "fonts").glob("*.ttf")))
    page = folder / "home.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
        f"{fonts} body {{ font-family: 'Atkinson Hyperlegible'; font-size: 24px; "
        "background: #f6f3ec; color: #1d2a33; margin: 40px; }} "
        "td {{ background: #ffffff; padding: 16px; vertical-align: middle; }} "
        "h1 {{ font-size: 48px; }}</style></head><body>"
        f'<img src="{site.logo}" width="90" height="90">'
        f"<p>{html.escape(site.name)}</p><h1>Restless legs: what helps</h1>"
        "<p>Tap a topic to read about it.</p>"
        f"<table width='100%' cellspacing='16'>{rows}</table>"
        "<p>General information, not a diagnosis. Talk to your care team.</p>"
        "</body></html>", encoding="utf-8")
    return page


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(command: list[str], *, tree: bool = False) -> tuple[float, float]:
    """Wall seconds to exit, and peak memory in MB (see the module docstring)."""
    peak = [0]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            pids, frontier = [proc.pid], [proc.pid]
            while frontier:
                frontier = [c for p in frontier for c in _children(p)]
                pids += frontier
            peak[0] = max(peak[0], sum(_pss_kb(p) for p in pids))

    sampler = threading.Thread(target=sample, daemon=True)
    if tree:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if tree:
        sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} exited with {proc.returncode}")
    return elapsed, (peak[0] if tree else usage.ru_maxrss) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--kiosk-only", action="store_true", help="skip Chromium")
    args = parser.parse_args()
    chromium = None if args.kiosk_only else (shutil.which("chromium")
                                              or shutil.which("chromium-browser"))
    width, height = args.size.split("x")
    compileall.compile_dir(ROOT / "kiosk", quiet=1)
    with tempfile.TemporaryDirectory(prefix="bench-first-frame-") as tmp:
        folder = Path(tmp)
        page = home_html(args.content, folder / "page")
        programs = {
            "kiosk preview": lambda n: run(
                [sys.executable, "main.py", "preview", "--out", str(folder / f"k{n}"),
                 "--screens", "home", "--lang", "en", "--size", args.size,
                 "--content", str(args.content)]),
            "bare PySide6": lambda n: run(
                [sys.executable, str(ROOT / "benchmarks" / "bare_home.py"), str(page),
                 str(folder / f"b{n}.png"), args.size]),
        }
        if chromium:
            programs["Chromium headless"] = lambda n: run(
                [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder / f'profile{n}'}",
                 f"--screenshot={folder / f'c{n}.png'}", f"--window-size={width},{height}",
                 page.as_uri()], tree=True)
        programs["kiosk imports only"] = lambda n: run(
            [sys.executable, "-c", "import kiosk.cli, kiosk.app, kiosk.ui.preview.patient"])
        programs["PySide6 imports only"] = lambda n: run(
            [sys.executable, "-c", "import PySide6.QtWidgets, PySide6.QtGui"])
        names = list(programs)
        for name in names:  # warm the file cache
            programs[name](-1)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
        for n in range(args.runs):
            order = names[n % len(names):] + names[:n % len(names)]
            for name in order:
                results[name].append(programs[name](n))
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, "
          f"Python {platform.python_version()}, {args.runs} paired runs at {args.size}")
    medians = {}
    for name in names:
        times = [t for t, _ in results[name]]
        memory = [m for _, m in results[name]]
        medians[name] = statistics.median(times)
        print(f"{name:18s} wall median {medians[name]:.3f} s (min {min(times):.3f}, "
              f"max {max(times):.3f}); peak memory median {statistics.median(memory):.0f} MB "
              f"(max {max(memory):.0f})")
    kiosk = [t for t, _ in results["kiosk preview"]]
    for name in [n for n in names[1:] if "only" not in n]:
        paired = statistics.median(k / o for k, (o, _) in zip(kiosk, results[name], strict=True))
        print(f"kiosk / {name}: {medians['kiosk preview'] / medians[name]:.2f}x "
              f"(median of per-run ratios {paired:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
