"""How long one staff PIN check takes with the costliest hash the kiosk accepts.

    python benchmarks/bench_pin.py             # 10 checks
    python benchmarks/bench_pin.py --count 30

The kiosk accepts only the scrypt parameters `rls-kiosk set-pin` writes (n=2**15, r=8, p=1) or a
smaller n (kiosk/access/pin.py), so this is the worst case a settings file can ask for. The check
runs off the screen's thread; this measures how long staff wait for "Wrong PIN" or the panel.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

from kiosk.access.pin import DEFAULT_N, DEFAULT_P, DEFAULT_R, hash_pin, verify_pin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args()
    stored = hash_pin("246813")
    times = []
    for _ in range(args.count):
        start = time.perf_counter()
        verify_pin("135790", stored)
        times.append((time.perf_counter() - start) * 1000)
    memory = 128 * DEFAULT_N * DEFAULT_R * DEFAULT_P / 2**20
    print(f"scrypt n={DEFAULT_N} r={DEFAULT_R} p={DEFAULT_P} ({memory:.0f} MiB), "
          f"{args.count} checks on {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print(f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")


if __name__ == "__main__":
    main()
