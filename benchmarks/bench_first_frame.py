"""Start to first frame: the real kiosk against a bare PySide6 window, paired in one run.

    python benchmarks/bench_first_frame.py --runs 7

Each round starts, in turn (rotating which goes first, so they share the machine's state):
1. `rls-kiosk` as installed (`python main.py`, full screen, shipped content, a fresh data
   folder): process start to its "First frame painted" log line;
2. benchmarks/bare_section.py, the floor: a bare PySide6 QTextBrowser, full screen, with the
   same fonts, showing the first shipped English section as HTML: process start to its first
   Paint event;
3. benchmarks/tap_after_start.py: the same kiosk, tapped with Qt's test touch device 50 ms
   after its first frame: tap to the painted home screen, then the same tap "warm" (after a
   reset to the attract screen, one second later; median of 5).
The kiosk package is compiled to bytecode first, as an installed kiosk is. Runs under Qt's
offscreen platform (no display, no GPU). The load average is printed before and after, since
other programs on the machine move the figures; compare medians of the same batch only.
"""

from __future__ import annotations

import argparse
import compileall
import html
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.content.reading.loader import load_library  # noqa: E402
from kiosk.content.render import markdown_to_html  # noqa: E402

TAP_DELAY_MS = 50


def section_html(content: Path, out: Path) -> Path:
    """The first English section's pages as one HTML page (the words, not the pictures)."""
    section = load_library(content).languages["en"].sections[0]
    body = "".join((f"<h2>{html.escape(p.title)}</h2>" if p.title else "")
                   + markdown_to_html(p.markdown) for p in section.pages)
    out.write_text(f"<html><body><h1>{html.escape(section.title)}</h1>{body}</body></html>",
                   encoding="utf-8")
    return out


def first_frame(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting `command` to its "First frame painted" line on stderr."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "First frame painted" in line:
                return time.perf_counter() - start
        raise RuntimeError(f"{command[1]} exited before painting a frame")
    finally:
        proc.kill()
        proc.wait()


def taps(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Tap-to-painted-home ms: the tap after start, and the median warm tap."""
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    line = next((line for line in result.stdout.splitlines() if line.startswith("tap ")), "")
    if not line:
        raise RuntimeError(f"tap_after_start.py gave no figures: {result.stderr[-500:]}")
    cold, *warm = (float(v) for v in line.split()[1:])
    return cold, statistics.median(warm)


def spread(values: list[float], unit: str, scale: float = 1.0) -> str:
    return (f"median {statistics.median(values) * scale:.3f}{unit} "
            f"(min {min(values) * scale:.3f}, max {max(values) * scale:.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "kiosk", quiet=1)
    load_before = os.getloadavg()
    kiosk_times: list[float] = []
    bare_times: list[float] = []
    tap_pairs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-first-frame-") as tmp:
        folder = Path(tmp)
        page = section_html(args.content, folder / "section.html")

        def env(n: int, name: str) -> dict[str, str]:
            return dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_LOG_LEVEL="INFO",
                        KIOSK_DATA_DIR=str(folder / f"{name}{n}"),
                        KIOSK_CONFIG=str(folder / "kiosk.toml"))

        kiosk = [sys.executable, "main.py", "--content", str(args.content)]
        programs = {
            "kiosk": lambda n: kiosk_times.append(first_frame(kiosk, env(n, "k"))),
            "bare": lambda n: bare_times.append(first_frame(
                [sys.executable, str(ROOT / "benchmarks" / "bare_section.py"), str(page)],
                env(n, "b"))),
            "tap": lambda n: tap_pairs.append(taps(
                [sys.executable, str(ROOT / "benchmarks" / "tap_after_start.py"),
                 str(TAP_DELAY_MS), "--content", str(args.content)], env(n, "t"))),
        }
        names = list(programs)
        for name in names:  # warm the file cache; not counted
            programs[name](-1)
        kiosk_times.clear()
        bare_times.clear()
        tap_pairs.clear()
        for n in range(args.runs):
            for name in names[n % len(names):] + names[:n % len(names)]:
                programs[name](n)
    load_after = os.getloadavg()
    print(f"{platform.node()} {os.cpu_count()} cpus, Python {platform.python_version()}, "
          f"{args.runs} paired runs, offscreen; load average before "
          f"{' '.join(f'{v:.2f}' for v in load_before)}, after "
          f"{' '.join(f'{v:.2f}' for v in load_after)}")
    print(f"kiosk first frame     {spread(kiosk_times, ' s')}")
    print(f"bare PySide6 (floor)  {spread(bare_times, ' s')}")
    ratios = [k / b for k, b in zip(kiosk_times, bare_times, strict=True)]
    ratio = statistics.median(kiosk_times) / statistics.median(bare_times)
    print(f"kiosk / floor         {ratio:.2f}x (per-run ratios: median "
          f"{statistics.median(ratios):.2f}x, "
          f"min {min(ratios):.2f}x, max {max(ratios):.2f}x)")
    cold = [c for c, _ in tap_pairs]
    warm = [w for _, w in tap_pairs]
    print(f"tap {TAP_DELAY_MS} ms after the first frame -> painted home: "
          f"{spread(cold, ' ms')}")
    print(f"the same tap warm (median of 5 per run): {spread(warm, ' ms')}")
    print(f"after start minus warm, per run: {spread([c - w for c, w in tap_pairs], ' ms')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
