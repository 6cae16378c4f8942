"""The .deb, built from a stand-in bundle through install.sh's staged tree, installed into an
empty dpkg database (dpkg --root): what it installs, and what upgrade, removal and purge keep.

CI also builds it from the real bundle and runs packaging/linux/check_deb.sh (the installed
program's --version and doctor, and lintian).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.test_linux_install import LINUX, make_bundle, mode

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg (Debian)")


def build(tmp_path: Path, version: str) -> Path:
    result = subprocess.run(["bash", str(LINUX / "build_deb.sh"), "--bundle",
                             str(make_bundle(tmp_path / version, version)), "--out",
                             str(tmp_path / "debs"), "--version", version],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


def dpkg(root: Path, *args: str | Path) -> str:
    result = subprocess.run(["dpkg", f"--root={root}", "--force-script-chrootless",
                             "--force-depends", "--log=/dev/null", *map(str, args)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    for folder in ("info", "updates", "triggers"):
        (root / "var/lib/dpkg" / folder).mkdir(parents=True)
    (root / "var/lib/dpkg/status").write_text("")
    return root


def test_the_package_holds_the_program_and_the_session_not_the_clinics_files(
        tmp_path: Path) -> None:
    deb = build(tmp_path, "1.0")
    assert deb.name.startswith("rls-kiosk_1.0_")
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    assert {"/opt/rls-kiosk/rls-kiosk", "/lib/systemd/system/rls-kiosk.service",
            "/etc/pam.d/rls-kiosk", "/usr/bin/rls-kiosk",
            "/usr/share/doc/rls-kiosk/copyright"} <= paths
    assert not any(path.startswith(("/var/lib/rls-kiosk", "/etc/rls-kiosk")) for path in paths)
    assert "/opt/rls-kiosk/uninstall.sh" not in paths
    control = subprocess.run(["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    assert "cage" in control and "xwayland" in control


def test_install_upgrade_remove_and_purge_keep_the_clinics_settings_content_and_data(
        tmp_path: Path, root: Path) -> None:
    dpkg(root, "-i", build(tmp_path, "1.0"))
    program = root / "opt/rls-kiosk/rls-kiosk"
    assert subprocess.run([program], capture_output=True, text=True).stdout == "rls-kiosk 1.0\n"
    data, settings = root / "var/lib/rls-kiosk", root / "etc/rls-kiosk/kiosk.toml"
    assert (data / "content/en/01-a.md").read_text() == "shipped 1.0\n"
    assert 'content_dir = "/var/lib/rls-kiosk/content"' in settings.read_text()
    assert mode(settings) == 0o660 and mode(settings.parent) == 0o2770 and mode(data) == 0o750

    (data / "content/en/01-a.md").write_text("edited by staff\n")
    (data / "engagement.sqlite3").write_text("visits")
    settings.write_text(settings.read_text() + 'kiosk_id = "lobby-1"\n')
    dpkg(root, "-i", build(tmp_path, "2.0"))
    assert subprocess.run([program], capture_output=True, text=True).stdout == "rls-kiosk 2.0\n"
    assert not (root / "opt/rls-kiosk/_internal/only-in-1.0").exists()
    assert (data / "content/en/01-a.md").read_text() == "edited by staff\n"
    assert (data / "engagement.sqlite3").read_text() == "visits"
    assert 'kiosk_id = "lobby-1"' in settings.read_text()

    dpkg(root, "--remove", "rls-kiosk")
    assert not program.exists() and not (root / "usr/bin/rls-kiosk").is_symlink()
    assert 'kiosk_id = "lobby-1"' in settings.read_text()
    said = dpkg(root, "--purge", "rls-kiosk")
    assert "are kept" in said
    assert (data / "content/en/01-a.md").read_text() == "edited by staff\n"
    assert (data / "engagement.sqlite3").read_text() == "visits"
    assert 'kiosk_id = "lobby-1"' in settings.read_text()
