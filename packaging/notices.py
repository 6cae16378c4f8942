"""Check the licences of everything a kiosk bundle carries, and write THIRD-PARTY-NOTICES.

    build/bundle/venv/bin/python packaging/notices.py --out dist/rls-kiosk/THIRD-PARTY-NOTICES.txt

Run it with the Python of the environment the bundle is built from (packaging/build.py does,
after PyInstaller). What the bundle carries: Python itself, PyInstaller's bootloader, the kiosk
and every package its run-time requirements reach (with the `speech` extra's when it is
installed), the Atkinson Hyperlegible font, and what a package's own SBOM lists as compiled into
it (nh3's Rust crates). Each licence must be allowed by packaging/licences.toml; otherwise the
check fails and names the package. The notices file has, for each of them, its version, its
licence and the full licence texts (from the package, or from packaging/licences/ for packages
that ship none, such as PySide6).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "packaging" / "licences.toml"
PROJECT = "rls-kiosk"
BUNDLED_EXTRAS = ("speech",)  # extras whose packages the bundle takes when they are installed
FONT_LICENCE = ROOT / "assets" / "fonts" / "LICENSE_FONT"
_SPDX_TOKEN = re.compile(r"\(|\)|[A-Za-z0-9.+:-]+")


class LicenceProblem(Exception):
    pass


@dataclass
class Component:
    """One thing in the bundle with its own licence."""

    name: str
    version: str
    licence: str  # SPDX expression ("" when unknown)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (file name, full text)
    parts: list[tuple[str, str, str]] = field(default_factory=list)  # SBOM (name, version, licence)


# -- SPDX expressions ----------------------------------------------------------------------------
def allows(expression: str, allowed: set[str]) -> bool:
    """True when `expression` (SPDX: OR, AND, WITH, parentheses) can be met with `allowed`."""
    tokens = _SPDX_TOKEN.findall(expression)
    if not tokens:
        return False
    position = 0

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def peek() -> str:
        return tokens[position] if position < len(tokens) else ""

    def either() -> bool:
        ok = both()
        while peek().upper() == "OR":
            take()
            ok = both() or ok
        return ok

    def both() -> bool:
        ok = single()
        while peek().upper() == "AND":
            take()
            ok = single() and ok
        return ok

    def single() -> bool:
        token = take() if peek() else ""
        if token == "(":
            ok = either()
            if take() != ")":
                raise ValueError(expression)
            return ok
        if peek().upper() == "WITH":
            take()
            return f"{token} WITH {take()}" in allowed
        return token in allowed

    try:
        ok = either()
    except (ValueError, IndexError):
        return False
    return ok and position == len(tokens)


def _spdx_like(text: str) -> bool:
    """A `License:` field that is already an SPDX expression ("MIT", "LGPL-3.0-only OR ...")."""
    return bool(text) and len(text) < 200 and "\n" not in text and all(
        _SPDX_TOKEN.fullmatch(word) for word in text.replace("(", " ( ").replace(")", " ) ")
        .split())


# -- what the bundle carries ---------------------------------------------------------------------
def bundled_distributions() -> list[metadata.Distribution]:
    """The kiosk and every installed distribution its run-time requirements reach."""
    from packaging.requirements import Requirement  # PyInstaller's own dependency

    found: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(PROJECT, BUNDLED_EXTRAS)]
    while todo:
        name, extras = todo.pop()
        key = _key(name)
        if key in found:
            continue
        dist = _installed(name)
        if dist is None:
            if key == _key(PROJECT):
                raise LicenceProblem(f"{PROJECT} is not installed in {sys.prefix}")
            continue  # an optional extra's package that is not installed: not bundled
        found[key] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            wanted = [extra for extra in extras if requirement.marker is None
                      or requirement.marker.evaluate({"extra": extra})]
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}) or wanted:
                todo.append((requirement.name, tuple(requirement.extras)))
    return [found[key] for key in sorted(found)]


def _installed(name: str) -> metadata.Distribution | None:
    """The installed distribution `name` (one with a RECORD, not a source tree's egg-info)."""
    found = list(metadata.distributions(name=name))
    installed = [dist for dist in found if dist.read_text("RECORD") is not None]
    return (installed or found or [None])[0]


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def component(dist: metadata.Distribution, policy: dict) -> Component:
    name = _key(dist.metadata["Name"])
    declared = policy.get("declared", {})
    expression = (dist.metadata.get("License-Expression") or "").strip()
    if not expression:
        field_text = (dist.metadata.get("License") or "").strip()
        expression = declared.get(name) or (field_text if _spdx_like(field_text) else "")
    texts = [(path.name, path.read_text(encoding="utf-8", errors="replace"))
             for path in _licence_files(dist)]
    texts += [(Path(rel).name, (ROOT / rel).read_text(encoding="utf-8"))
              for rel in policy.get("texts", {}).get(name, [])]
    return Component(name, dist.version, expression, texts, _sbom_parts(dist))


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    names = set(dist.metadata.get_all("License-File") or [])
    files = []
    for entry in dist.files or []:
        parts = entry.parts
        in_licences = len(parts) > 1 and parts[0].endswith(".dist-info") and (
            parts[1] == "licenses" or (len(parts) == 2 and parts[1] in names)
            or (len(parts) == 2 and re.match(r"(LICEN[CS]E|COPYING)", parts[1], re.I)))
        if in_licences:
            files.append(Path(str(dist.locate_file(entry))))
    return sorted({path for path in files if path.is_file()}, key=lambda p: str(p))


def _sbom_parts(dist: metadata.Distribution) -> list[tuple[str, str, str]]:
    parts = []
    for entry in dist.files or []:
        if "sboms" in entry.parts and entry.name.endswith(".json"):
            try:
                bom = json.loads(Path(str(dist.locate_file(entry))).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            for item in bom.get("components", []):
                licences = [entry.get("expression") or entry.get("license", {}).get("id", "")
                            for entry in item.get("licenses", [])]
                parts.append((item.get("name", "?"), item.get("version", "?"),
                              " AND ".join(f"({text})" if " " in text else text
                                           for text in licences if text)))
    return sorted(set(parts))


def python_component(policy: dict) -> Component:
    base = Path(sys.base_prefix)
    candidates = [base / "LICENSE.txt",
                  base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" /
                  "LICENSE.txt"]
    texts = [("LICENSE.txt", path.read_text(encoding="utf-8", errors="replace"))
             for path in candidates if path.is_file()][:1]
    version = ".".join(str(part) for part in sys.version_info[:3])
    return Component("python", version, policy["declared"]["python"], texts)


def font_component() -> Component:
    return Component("atkinson-hyperlegible (font)", "", "OFL-1.1",
                     [(FONT_LICENCE.name, FONT_LICENCE.read_text(encoding="utf-8"))])


def components(policy: dict) -> list[Component]:
    found = [python_component(policy), font_component()]
    for dist in bundled_distributions():
        found.append(component(dist, policy))
    with contextlib.suppress(metadata.PackageNotFoundError):  # none where no bundle is built
        found.append(component(metadata.distribution("pyinstaller"), policy))
    return found


# -- the check and the notices -------------------------------------------------------------------
def offenders(found: list[Component], allowed: set[str]) -> list[str]:
    """One sentence for each component (or part of one) the policy does not allow."""
    bad = []
    for item in found:
        if not item.licence:
            bad.append(f"{item.name} {item.version}: no licence found in its metadata; read its "
                       f"licence file and add it under [declared] in {POLICY.name}")
        elif not allows(item.licence, allowed):
            bad.append(f"{item.name} {item.version} is under {item.licence}, which "
                       f"{POLICY.name} does not allow in a bundle")
        if not item.texts and item.licence:
            bad.append(f"{item.name} {item.version} ships no licence text; add one under "
                       f"[texts] in {POLICY.name}")
        for name, version, licence in item.parts:
            if not allows(licence, allowed):
                known = licence or "no known licence"
                bad.append(f"{name} {version} (inside {item.name}) is under {known}, which "
                           f"{POLICY.name} does not allow in a bundle")
    return bad


def notices_text(found: list[Component]) -> str:
    rule = "=" * 78
    lines = ["THIRD-PARTY NOTICES for the RLS waiting-room kiosk", "",
             "The kiosk program is under the MIT licence (rls-kiosk, below). It carries the",
             "software and the font listed below, each under its own licence, whose full text",
             "follows it.",
             "Qt and PySide6 are used under the GNU LGPL version 3: they are the separate shared",
             "libraries in _internal/PySide6 (Windows: _internal\\PySide6), which you may replace",
             "with your own build of the same version. Their source code is at",
             "https://download.qt.io/official_releases/ and https://code.qt.io/pyside/pyside-setup;",
             "Qt's own third-party parts are listed at https://doc.qt.io/qt-6/licenses-used-in-qt.html.",
             "", "Contents:"]
    lines += [f"  {item.name} {item.version}".rstrip() + f": {item.licence}" for item in found]
    for item in found:
        lines += ["", rule, f"{item.name} {item.version}".strip(), f"Licence: {item.licence}",
                  rule]
        if item.parts:
            lines += ["", "Compiled into it (from its software bill of materials):"]
            lines += [f"  {name} {version}: {licence}" for name, version, licence in item.parts]
        seen = set()
        for name, text in item.texts:
            if text in seen:
                continue
            seen.add(text)
            lines += ["", f"--- {name} ---", "", text.rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to write THIRD-PARTY-NOTICES")
    args = parser.parse_args(argv)
    policy = tomllib.loads(POLICY.read_text(encoding="utf-8"))
    try:
        found = components(policy)
    except LicenceProblem as exc:
        print(f"notices.py: {exc}", file=sys.stderr)
        return 1
    bad = offenders(found, set(policy["allowed"]))
    for sentence in bad:
        print(f"notices.py: licence check FAILED: {sentence}", file=sys.stderr)
    if bad:
        return 1
    print(f"licences: {len(found)} bundled components, every licence allowed by {POLICY.name}")
    if args.out:
        args.out.write_text(notices_text(found), encoding="utf-8")
        print(f"notices: {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
