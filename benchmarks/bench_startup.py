"""Start-up time (process start to first painted frame) and peak memory of the real kiosk.

Runs `python main.py` (full screen) under the current display -- use Xvfb for a real window:
    xvfb-run -s "-screen 0 1920x1080x24" python benchmarks/bench_startup.py --runs 10
or offscreen: QT_QPA_PLATFORM=offscreen python benchmarks/bench_startup.py
The built bundle instead of the source tree: --program dist/rls-kiosk/rls-kiosk
Prints the median and range of the time to the "First frame painted" log line and the peak
resident memory (VmHWM) of the kiosk process at that moment, on Linux.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_run(extra: list[str], program: str | None = None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, KIOSK_LOG_LEVEL="INFO", KIOSK_DATA_DIR=f"{home}/data",
                   KIOSK_CONFIG=f"{home}/kiosk.toml")
        start = time.perf_counter()
        command = [program] if program else [sys.executable, str(ROOT / "main.py")]
        proc = subprocess.Popen([*command, *extra], env=env,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
        try:
            assert proc.stderr is not None
            for line in proc.stderr:
                if "First frame painted" in line:
                    elapsed = time.perf_counter() - start
                    return elapsed, peak_rss_mb(proc.pid)
            raise RuntimeError("the kiosk exited before painting a frame")
        finally:
            proc.kill()
            proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--windowed", action="store_true")
    parser.add_argument("--program", help="a built kiosk program (default: python main.py)")
    args = parser.parse_args()
    extra = ["--windowed"] if args.windowed else []
    one_run(extra, args.program)  # warm the file cache
    results = [one_run(extra, args.program) for _ in range(args.runs)]
    times = [t for t, _ in results]
    memory = [m for _, m in results]
    print(f"platform={os.environ.get('QT_QPA_PLATFORM', 'default')} runs={args.runs}")
    print(f"start to first frame: median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    print(f"peak RSS at first frame: median {statistics.median(memory):.1f} MB "
          f"(max {max(memory):.1f})")


if __name__ == "__main__":
    main()
