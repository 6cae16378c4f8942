"""Two real Syncthing daemons on this machine for the fleet test: generated keys, a written
config (localhost only: no discovery, relays, NAT or global announce), the REST API polled with
bounded waits, and a clean shutdown."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BINARY = shutil.which("syncthing")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(what: str, check: Callable[[], bool], seconds: float = 30.0) -> None:
    """Poll `check` every 0.2 s until it holds; fail naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


@dataclass
class Folder:
    id: str
    path: Path
    type: str  # sendonly or receiveonly


@dataclass
class Node:
    name: str
    home: Path
    device_id: str = ""
    port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    api_key: str = field(default_factory=lambda: secrets.token_hex(16))
    folders: list[Folder] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None

    def generate(self) -> None:
        subprocess.run([BINARY, "generate", f"--home={self.home}", "--no-default-folder"],
                       check=True, capture_output=True, timeout=60)
        done = subprocess.run([BINARY, "serve", f"--home={self.home}", "--device-id"],
                              check=True, capture_output=True, text=True, timeout=60)
        self.device_id = done.stdout.strip()

    def write_config(self, peer: Node) -> None:
        devices = (f'<device id="{self.device_id}"></device>'
                   f'<device id="{peer.device_id}"></device>')
        folders = "".join(
            f'<folder id="{f.id}" label="{f.id}" path="{f.path}" type="{f.type}" '
            f'rescanIntervalS="3600" fsWatcherEnabled="false">{devices}</folder>'
            for f in self.folders)
        for folder in self.folders:
            (folder.path / ".stfolder").mkdir(parents=True, exist_ok=True)
        (self.home / "config.xml").write_text(f"""<configuration version="36">
{folders}
<device id="{self.device_id}" name="{self.name}"><address>dynamic</address></device>
<device id="{peer.device_id}" name="{peer.name}">
  <address>tcp://127.0.0.1:{peer.port}</address></device>
<gui enabled="true" tls="false"><address>127.0.0.1:{self.gui_port}</address>
  <apikey>{self.api_key}</apikey></gui>
<options>
  <listenAddress>tcp://127.0.0.1:{self.port}</listenAddress>
  <globalAnnounceEnabled>false</globalAnnounceEnabled>
  <localAnnounceEnabled>false</localAnnounceEnabled>
  <relaysEnabled>false</relaysEnabled>
  <natEnabled>false</natEnabled>
  <startBrowser>false</startBrowser>
  <urAccepted>-1</urAccepted>
  <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
  <crashReportingEnabled>false</crashReportingEnabled>
  <reconnectionIntervalS>1</reconnectionIntervalS>
  <stunKeepaliveStartS>0</stunKeepaliveStartS>
</options>
</configuration>
""", encoding="utf-8")

    def start(self) -> None:
        env = {**os.environ, "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1",
               "HOME": str(self.home)}
        self.process = subprocess.Popen(
            [BINARY, "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             f"--logfile={self.home / 'syncthing.log'}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}",
                                         method=method, headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=5) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def up(self) -> bool:
        try:
            return self.api("/rest/system/ping") == {"ping": "pong"}
        except OSError:
            return False

    def connected_to(self, peer: Node) -> bool:
        connections = self.api("/rest/system/connections")["connections"]  # type: ignore[index]
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def scan(self, folder: str) -> None:
        self.api(f"/rest/db/scan?folder={folder}", method="POST")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.api("/rest/system/shutdown", method="POST")
            self.process.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=5)
