"""A stand-in for the kiosk: does what the next line of a plan file says, then records its pid.

Usage: python fake_kiosk.py PLAN HEARTBEAT PIDS. Each run takes the first line of PLAN:
ok (beat, exit 0), crash (exit 3), abort (killed by a signal), hang (beat once, then freeze),
silent (never beat, freeze). An empty plan means ok.
"""

import os
import sys
import time
from pathlib import Path

plan_file, heartbeat, pids = (Path(arg) for arg in sys.argv[1:4])
with pids.open("a") as handle:
    handle.write(f"{os.getpid()}\n")
plan = plan_file.read_text().split()
step = plan[0] if plan else "ok"
plan_file.write_text("\n".join(plan[1:]))
if step in ("ok", "hang"):
    heartbeat.write_text(f"{os.getpid()} 1\n")
if step == "ok":
    sys.exit(0)
if step == "crash":
    sys.exit(3)
if step == "abort":
    os.abort()
time.sleep(3600)  # hang or silent: frozen until the supervisor stops it
