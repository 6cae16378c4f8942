"""A clinic group through real Syncthing: two daemons on this machine share a content folder
hub -> kiosk and a report folder kiosk -> hub. The kiosk runs on the receiving side while the hub
changes content: it never shows a half-written page, it picks up the change, and the hub's
`report --db FOLDER` counts the kiosk's visits from its snapshot."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.content.model import Library
from kiosk.content.reading.loader import load_library
from kiosk.content.refresh import fingerprint
from kiosk.content.status import ContentStatus
from kiosk.engagement.recorder import Recorder
from kiosk.engagement.reports.cli import add_report_arguments, run_report
from kiosk.engagement.snapshot import write_snapshot
from kiosk.settings.paths import DB_FILENAME
from kiosk.ui.machine.content_watch import ContentUpdater, ContentWatcher
from tests.engagement.conftest import FakeClock
from tests.engagement.helpers import record_visit
from tests.helpers.content import section_text, write_content
from tests.helpers.syncthing import BINARY, Folder, Node, wait_for
from tests.ui.conftest import clock, make_window  # noqa: F401 - the kiosk window's fixtures

pytestmark = pytest.mark.skipif(
    BINARY is None, reason="the syncthing program is not installed on this machine (.ci/run "
    "installs the Debian package `syncthing`)")

END = "End of the new page."


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    hub, kiosk = Node("hub", tmp_path / "hub-home"), Node("kiosk", tmp_path / "kiosk-home")
    for node in (hub, kiosk):
        node.home.mkdir()
        node.generate()
    hub.folders = [Folder("content", write_content(tmp_path / "hub" / "content"), "sendonly"),
                   Folder("reports", tmp_path / "hub" / "reports", "receiveonly")]
    kiosk.folders = [Folder("content", tmp_path / "kiosk" / "content", "receiveonly"),
                     Folder("reports", tmp_path / "kiosk" / "share", "sendonly")]
    hub.write_config(kiosk)
    kiosk.write_config(hub)
    try:
        for node in (hub, kiosk):
            node.start()
        wait_for("both Syncthing daemons to answer", lambda: hub.up() and kiosk.up())
        wait_for("the two daemons to connect", lambda: hub.connected_to(kiosk))
        yield hub, kiosk
    finally:
        for node in (kiosk, hub):
            node.stop()
    for node in (hub, kiosk):
        assert node.process is not None and node.process.returncode is not None


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".stfolder" not in p.parts}


def _report_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="rls-kiosk report")
    add_report_arguments(parser)
    return parser.parse_args(argv)


def test_content_in_and_visits_out_through_syncthing(pair, make_window, qtbot,  # noqa: F811
                                                     tmp_path: Path, capsys) -> None:
    hub, kiosk = pair
    hub_content, kiosk_content = hub.folders[0].path, kiosk.folders[0].path
    wait_for("the content to reach the kiosk",
             lambda: _files(kiosk_content) == _files(hub_content))

    window = make_window(load_library(kiosk_content))
    watcher = ContentWatcher(kiosk_content, 1, today=lambda: date(2026, 11, 22),
                             quiet_seconds=1.0, parent=window)
    ContentUpdater(window, watcher, ContentStatus.of(window.library, datetime(2026, 11, 22)))
    loaded: list[Library] = []
    watcher.loaded.connect(loaded.append)
    watcher.start(fingerprint(kiosk_content))

    page = "Restless legs and veins. " * 1600  # 40 KB a page, 160 KB: not one packet
    (hub_content / "en" / "01-topic-1.md").write_text(
        section_text("Topic 1 changed", [page] * 3 + [page + END]), encoding="utf-8")
    hub.scan("content")
    qtbot.waitUntil(lambda: window.library.languages["en"].sections[0].title
                    == "Topic 1 changed", timeout=30_000)
    for library in loaded:  # every content the kiosk took: the old page or the whole new one
        section = library.languages["en"].sections[0]
        assert section.title in {"Topic 1 en", "Topic 1 changed"}
        if section.title == "Topic 1 changed":
            assert END in section.pages[-1].markdown
    watcher.stop()

    visits = FakeClock(datetime(2026, 11, 22, 9, 0))
    database = tmp_path / "kiosk-data" / DB_FILENAME
    recorder = Recorder(database, clock=visits, kiosk_id="lobby")
    for _ in range(6):
        record_visit(recorder, visits)
    recorder.close()
    assert write_snapshot(database, kiosk.folders[1].path, "lobby").ok
    kiosk.scan("reports")
    arrived = hub.folders[1].path / "lobby" / DB_FILENAME
    sent = kiosk.folders[1].path / "lobby" / DB_FILENAME
    wait_for("the snapshot to reach the hub",
             lambda: arrived.is_file() and arrived.read_bytes() == sent.read_bytes())
    assert run_report(_report_args("--db", str(hub.folders[1].path))) == 0
    assert "Visits: 6" in capsys.readouterr().out
