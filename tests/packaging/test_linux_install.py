"""install.sh / uninstall.sh into a staging root (DESTDIR), and the systemd unit they install.

A stand-in bundle is enough for the layout; packaging/build.py installs the real bundle the same
way after building it.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
LINUX = ROOT / "packaging" / "linux"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Linux installer")


def make_bundle(folder: Path, version: str) -> Path:
    (folder / "_internal" / "content" / "en").mkdir(parents=True)
    (folder / "_internal" / "content" / "site.toml").write_text(f"# shipped {version}\n")
    (folder / "_internal" / "content" / "en" / "01-a.md").write_text(f"shipped {version}\n")
    (folder / "_internal" / f"only-in-{version}").write_text("")
    program = folder / "rls-kiosk"
    program.write_text(f"#!/bin/sh\necho rls-kiosk {version}\n")
    program.chmod(0o755)
    return folder


def sh(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["bash", str(LINUX / script), *map(str, args)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def staged(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    sh("install.sh", "--bundle", make_bundle(tmp_path / "v1", "v1"), "--destdir", root)
    return root


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_install_lays_out_program_data_settings_and_session(staged: Path) -> None:
    program = staged / "opt/rls-kiosk/rls-kiosk"
    assert subprocess.run([program], capture_output=True, text=True).stdout == "rls-kiosk v1\n"
    assert (staged / "opt/rls-kiosk/uninstall.sh").exists()
    assert (staged / "usr/local/bin/rls-kiosk").readlink() == Path("/opt/rls-kiosk/rls-kiosk")
    assert (staged / "var/lib/rls-kiosk/content/en/01-a.md").read_text() == "shipped v1\n"
    settings = staged / "etc/rls-kiosk/kiosk.toml"
    assert 'content_dir = "/var/lib/rls-kiosk/content"' in settings.read_text()
    assert mode(settings) == 0o660 and mode(settings.parent) == 0o2770
    unit = (staged / "etc/systemd/system/rls-kiosk.service").read_text()
    assert "ExecStart=/usr/bin/cage -- /opt/rls-kiosk/rls-kiosk supervise" in unit
    assert "Restart=always" in unit and "PAMName=rls-kiosk" in unit
    assert (staged / "etc/pam.d/rls-kiosk").exists()


def test_upgrade_keeps_edited_content_settings_and_data(staged: Path, tmp_path: Path) -> None:
    data = staged / "var/lib/rls-kiosk"
    (data / "content/en/01-a.md").write_text("edited by staff\n")
    (data / "engagement.db").write_text("data")
    settings = staged / "etc/rls-kiosk/kiosk.toml"
    settings.write_text(settings.read_text() + "kiosk_id = \"lobby-1\"\n")
    sh("install.sh", "--bundle", make_bundle(tmp_path / "v2", "v2"), "--destdir", staged)
    assert (data / "content/en/01-a.md").read_text() == "edited by staff\n"
    assert (data / "engagement.db").read_text() == "data"
    assert 'kiosk_id = "lobby-1"' in settings.read_text()
    assert settings.read_text().count("content_dir") == 1
    internal = staged / "opt/rls-kiosk/_internal"
    assert (internal / "only-in-v2").exists() and not (internal / "only-in-v1").exists()


def test_existing_settings_get_content_dir_on_the_first_line(tmp_path: Path) -> None:
    root = tmp_path / "root"
    settings = root / "etc/rls-kiosk/kiosk.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('theme = "high-contrast"\n')
    sh("install.sh", "--bundle", make_bundle(tmp_path / "v1", "v1"), "--destdir", root)
    lines = settings.read_text().splitlines()
    assert lines == ['content_dir = "/var/lib/rls-kiosk/content"', 'theme = "high-contrast"']


def test_desktop_session_installs_an_autostart_entry_instead(tmp_path: Path) -> None:
    root = tmp_path / "root"
    sh("install.sh", "--bundle", make_bundle(tmp_path / "v1", "v1"), "--destdir", root,
       "--session", "desktop", "--user", "clinic")
    entry = (root / "home/clinic/.config/autostart/rls-kiosk.desktop").read_text()
    assert "Exec=/opt/rls-kiosk/rls-kiosk supervise" in entry
    assert not (root / "etc/systemd/system/rls-kiosk.service").exists()


def test_uninstall_keeps_data_unless_purged(staged: Path) -> None:
    sh("uninstall.sh", "--destdir", staged)
    assert not (staged / "opt/rls-kiosk").exists()
    assert not (staged / "etc/systemd/system/rls-kiosk.service").exists()
    assert not (staged / "usr/local/bin/rls-kiosk").is_symlink()
    assert (staged / "var/lib/rls-kiosk/content/en/01-a.md").exists()
    assert (staged / "etc/rls-kiosk/kiosk.toml").exists()
    sh("uninstall.sh", "--destdir", staged, "--purge")
    assert not (staged / "var/lib/rls-kiosk").exists()
    assert not (staged / "etc/rls-kiosk").exists()


def test_install_without_a_bundle_says_how_to_build_one(tmp_path: Path) -> None:
    result = subprocess.run(["bash", str(LINUX / "install.sh"), "--bundle", str(tmp_path),
                             "--destdir", str(tmp_path / "root")], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "packaging/build.py" in result.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.skipif(not Path("/usr/bin/cage").exists(),
                    reason="verify checks that /usr/bin/cage exists (CI installs cage)")
def test_installed_unit_passes_systemd_analyze_verify(staged: Path) -> None:
    unit = staged / "etc/systemd/system/rls-kiosk.service"
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                            text=True, timeout=60)
    # verify only warns (exit 0) about unknown keys and bad values: any word about the unit fails.
    assert result.returncode == 0, result.stderr
    assert "rls-kiosk.service" not in result.stderr + result.stdout, result.stderr


def test_autostart_entry_is_a_valid_desktop_file() -> None:
    lines = (LINUX / "rls-kiosk-autostart.desktop").read_text().splitlines()
    assert lines[0] == "[Desktop Entry]"
    keys = dict(line.split("=", 1) for line in lines[1:] if line)
    assert keys["Type"] == "Application" and keys["Exec"].startswith("/opt/rls-kiosk/")
