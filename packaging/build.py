"""Build the kiosk bundle in a clean virtual environment, then prove that it works.

    python3 packaging/build.py            # -> dist/rls-kiosk/ (one folder, no Python needed)
    python3 packaging/build.py --tarball  # also dist/rls-kiosk-<version>-linux-<arch>.tar.gz

Steps: a fresh venv in build/bundle/venv with the kiosk and PyInstaller from pyproject's
`bundle` extra; PyInstaller with packaging/rls-kiosk.spec; the licence check and
THIRD-PARTY-NOTICES.txt beside the program (packaging/notices.py); then a smoke test of the
*bundled* program, offscreen, with its own temporary settings and data folder: `--version`,
`validate`, `preview` of every screen, `doctor` (must say ready), and one real start that must
paint its first frame and write its heartbeat. Any failure, or a Linux bundle over --max-mb,
fails the build with exit code 1. Runs on Linux and on Windows (where the Inno Setup script in
packaging/windows/ then packs dist/rls-kiosk); the spec builds for the system it runs on.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"
EXE = "rls-kiosk.exe" if WINDOWS else "rls-kiosk"
FIRST_FRAME = "First frame painted"
LOCK = ROOT / "requirements" / "lock.txt"
NOTICES = "THIRD-PARTY-NOTICES.txt"  # beside the program: packaging/notices.py writes it
DEB_ONLY = {"debian", "build_deb.sh", "check_deb.sh"}  # in packaging/linux/, not in the tarball


class BuildFailed(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description="Build and smoke-test the kiosk bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="venv and PyInstaller work folder (build/bundle)")
    parser.add_argument("--reuse-venv", action="store_true",
                        help="keep an existing build venv (faster; not for releases)")
    parser.add_argument("--no-venv", action="store_true",
                        help="build with this interpreter's packages as they are (the Windows "
                             "build under wine: packaging/windows/build.sh installs pinned "
                             "wheels into an embeddable Python, which has no venv)")
    parser.add_argument("--skip-build", action="store_true",
                        help="only smoke-test the bundle already in --dist")
    parser.add_argument("--max-mb", type=float, default=140.0,
                        help="largest allowed Linux bundle, unpacked (140)")
    parser.add_argument("--tarball", action="store_true",
                        help="Linux: also pack the bundle with the installer scripts")
    args = parser.parse_args()
    bundle = args.dist / "rls-kiosk"
    try:
        if not args.skip_build:
            build(args.work, args.dist, reuse_venv=args.reuse_venv, no_venv=args.no_venv)
        smoke_test(bundle)
        size_mb = folder_bytes(bundle) / 1e6
        print(f"bundle: {bundle} is {size_mb:.1f} MB unpacked")
        if not WINDOWS and size_mb > args.max_mb:
            raise BuildFailed(f"the bundle is {size_mb:.1f} MB, more than {args.max_mb:g} MB; "
                              "see what grew with `du -a dist/rls-kiosk | sort -n | tail`")
        if not WINDOWS:
            check_links(bundle)
            staged_install(bundle)
        if args.tarball and not WINDOWS:
            print(f"tarball: {make_tarball(bundle, args.dist)}")
    except BuildFailed as exc:
        print(f"build.py: FAILED: {exc}", file=sys.stderr)
        return 1
    print("build.py: bundle built and smoke test passed")
    return 0


def run(command: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], text=True,  # type: ignore[call-overload]
                            **kwargs)
    if result.returncode != 0:
        output = "".join(part or "" for part in (result.stdout, result.stderr))
        raise BuildFailed(f"{Path(str(command[0])).name} {command[1]} exited with "
                          f"{result.returncode}\n{output[-4000:]}")
    return result


def build(work: Path, dist: Path, *, reuse_venv: bool, no_venv: bool = False) -> None:
    venv = work / "venv"
    python = Path(sys.executable) if no_venv else venv / (
        "Scripts/python.exe" if WINDOWS else "bin/python")
    if not (no_venv or (reuse_venv and python.exists())):
        shutil.rmtree(venv, ignore_errors=True)
        run([sys.executable, "-m", "venv", venv])
        run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    if not no_venv:
        # A plain (not editable) install: the bundle must not depend on the source tree.
        # The versions CI tested: requirements/lock.txt (README.md, "Versions").
        run([python, "-m", "pip", "install", "--quiet", "--constraint", LOCK, f"{ROOT}[bundle]"])
    shutil.rmtree(dist / "rls-kiosk", ignore_errors=True)
    started = time.perf_counter()
    run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work / "pyinstaller",
         ROOT / "packaging" / "rls-kiosk.spec"], cwd=ROOT)
    print(f"PyInstaller took {time.perf_counter() - started:.0f} s")
    # The licence check (fails and names a package the policy does not allow) and the notices.
    run([python, ROOT / "packaging" / "notices.py", "--out", dist / "rls-kiosk" / NOTICES])


def smoke_test(bundle: Path) -> None:
    program = bundle / EXE
    if not program.exists():
        raise BuildFailed(f"{program} is missing; build first")
    notices = (bundle / NOTICES).read_text(encoding="utf-8") if (bundle / NOTICES).exists() \
        else ""
    for licence in ("GNU LESSER GENERAL PUBLIC LICENSE", "SIL OPEN FONT LICENSE", "MIT License"):
        if licence not in notices:
            raise BuildFailed(f"{bundle / NOTICES} is missing or lacks the {licence}")
    with tempfile.TemporaryDirectory(prefix="rls-kiosk-smoke-") as temp:
        home = Path(temp)
        data = home / "data"
        data.mkdir()
        config = home / "kiosk.toml"
        config.write_text(f'staff_pin_hash = "{_pin_hash()}"\n', encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data),
               "KIOSK_CONFIG": str(config), "KIOSK_LOG_LEVEL": "INFO"}
        # The bundle must not lean on this checkout: run it from elsewhere.
        quiet = {"env": env, "cwd": home, "capture_output": True, "timeout": 300}
        version = run([program, "--version"], **quiet)
        if "rls-kiosk" not in version.stdout:
            raise BuildFailed(f"--version printed {version.stdout!r}")
        check_reading_level(program, quiet)
        out = home / "preview"
        run([program, "preview", "--out", out, "--size", "1366x768", "--lang", "all"], **quiet)
        pngs = sorted(out.glob("*.png"))
        if len(pngs) < 10 or not any("home" in p.name for p in pngs):
            raise BuildFailed(f"preview wrote only {len(pngs)} screens")
        print(f"preview: {len(pngs)} screens")
        doctor = subprocess.run([program, "doctor"], text=True, **quiet)  # type: ignore[call-overload]
        print(doctor.stdout)
        if doctor.returncode != 0 or "Atkinson Hyperlegible loaded" not in doctor.stdout:
            raise BuildFailed(f"doctor says the bundled kiosk is not ready:\n{doctor.stderr}")
        seconds = first_frame_seconds(program, env, home)
        if not (data / "heartbeat").exists():
            raise BuildFailed("the bundled kiosk ran but wrote no heartbeat file")
        print(f"start-up: first frame after {seconds:.2f} s (offscreen)")


def check_reading_level(program: Path, quiet: dict) -> None:
    """The bundle carries no reading-level tools (they are GPL and 100 MB): its `validate` says,
    in one info line, how to get grades instead."""
    result = run([program, "validate"], **quiet)
    if "info: reading level was not graded" not in result.stdout:
        raise BuildFailed("the bundled validate did not say how to get reading-level grades:\n"
                          f"{result.stdout}{result.stderr}")
    print("validate: no reading-level tools in the bundle, and it says how to get them")


def first_frame_seconds(program: Path, env: dict[str, str], cwd: Path,
                        timeout: float = 60.0) -> float:
    """Start the kiosk, wait for its first painted frame, stop it; seconds from start."""
    started = time.perf_counter()
    process = subprocess.Popen([program, "--windowed"], env=env, cwd=cwd, text=True,
                               stderr=subprocess.PIPE)
    watchdog = threading.Timer(timeout, process.kill)  # a silent hang ends the read below
    watchdog.start()
    lines = []
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if FIRST_FRAME in line:
                return time.perf_counter() - started
            lines.append(line)
        raise BuildFailed(f"the bundled kiosk ended (code {process.wait()}) without painting a "
                          f"frame within {timeout:g} s:\n{''.join(lines[-30:])}")
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


def check_links(bundle: Path) -> None:
    """Linux: every library the bundle brings must find the Qt, PySide and Python it needs."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing = set()
    for library in internal.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        ldd = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env)
        for line in ldd.stdout.splitlines():
            name = line.split("=>")[0].strip()
            if "not found" in line and name.startswith(("libQt6", "libpyside", "libshiboken",
                                                        "libpython", "libicu")):
                missing.add(f"{library.relative_to(bundle)} needs {name}")
    if missing:
        raise BuildFailed("libraries the bundle needs are missing from it (trimmed too much in "
                          "packaging/rls-kiosk.spec?):\n" + "\n".join(sorted(missing)))
    print("links: every bundled library finds its Qt and Python libraries")


def staged_install(bundle: Path) -> None:
    """Linux: install.sh into a staging root, then the installed program must run."""
    with tempfile.TemporaryDirectory(prefix="rls-kiosk-root-") as root:
        run(["bash", ROOT / "packaging" / "linux" / "install.sh", "--bundle", bundle,
             "--destdir", root], capture_output=True)
        installed = Path(root) / "opt" / "rls-kiosk" / EXE
        version = run([installed, "--version"], capture_output=True)
        print(f"staged install: {installed} runs ({version.stdout.strip()})")


def _pin_hash() -> str:
    """A throw-away staff PIN for the doctor (cheap scrypt cost: this is no real kiosk)."""
    sys.path.insert(0, str(ROOT))
    from kiosk.access.pin import hash_pin

    return hash_pin("13579", n=2**4)


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def make_tarball(bundle: Path, dist: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from kiosk import __version__

    name = f"rls-kiosk-{__version__}-linux-{platform.machine()}"
    target = dist / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname=f"{name}/rls-kiosk")
        for extra in sorted((ROOT / "packaging" / "linux").iterdir()):
            if extra.name in DEB_ONLY:
                continue
            tar.add(extra, arcname=f"{name}/{extra.name}")
        tar.add(ROOT / "INSTALL.md", arcname=f"{name}/INSTALL.md")
    return target


if __name__ == "__main__":
    sys.exit(main())
