"""Keep my list: how long the kiosk works between the tap and a code to draw.

    python benchmarks/bench_take_home.py             # 20 runs of each case
    python benchmarks/bench_take_home.py --count 5   # quicker

No window: the time is the content layer's (fit the chosen items into one code, then encode it
with segno), which is all a tap on "Keep my list" adds to showing a screen. Three cases: the
shipped "Questions to ask" with 3 and with all 7 ticked, and 21 long items of which only the
first ones fit (the fitting tries shorter and shorter lists). The encoder's cache is cleared
before each run, as every patient's list is new.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.content import qr  # noqa: E402
from kiosk.content.take_home import take_home  # noqa: E402

QUESTIONS = [
    "Could my symptoms be RLS, vein disease, both, or something else?",
    "Have my iron levels been checked, including ferritin?",
    "Could any of my medicines be making RLS worse?",
    "What treatment do you suggest, and what are the side effects?",
    "What can I do at home to help?",
    "Should I see a sleep or nerve specialist?",
    "When should I come back?",
]
CLOSING = ["Lakeside Vein & Vascular Clinic", "Phone: (555) 010-0199"]


def run(items: list[str]) -> tuple[float, str]:
    qr._text_code.cache_clear()
    start = time.perf_counter()
    made = take_home("Questions to ask", items, CLOSING)
    matrix = qr.text_matrix(made.text)
    took = (time.perf_counter() - start) * 1000
    return took, (f"kept {made.kept} of {made.chosen}, {len(made.text.encode())} bytes, "
                  f"{len(matrix)}x{len(matrix)} modules")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20)
    count = parser.parse_args().count
    cases = {"3 questions": QUESTIONS[:3], "7 questions": QUESTIONS,
             "21 long items": [q * 3 for q in QUESTIONS] * 3}
    for name, items in cases.items():
        runs = [run(items) for _ in range(count)]
        times = sorted(t for t, _ in runs)
        print(f"{name:14} median {statistics.median(times):6.1f} ms, "
              f"max {times[-1]:6.1f} ms ({runs[0][1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
