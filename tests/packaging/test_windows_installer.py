"""The Inno Setup script cannot be compiled here (no Windows); check what can go stale instead.

Every file it takes from the bundle must be one the spec puts there, every other file it takes
must exist in the repository, every program it starts must be an executable the spec builds on
Windows, and its version must be the kiosk's.
"""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

from kiosk import __version__

ROOT = Path(__file__).parents[2]
ISS = ROOT / "packaging" / "windows" / "rls-kiosk.iss"
SPEC = ROOT / "packaging" / "rls-kiosk.spec"


def iss_text() -> str:
    return ISS.read_text(encoding="utf-8")


def defines() -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', iss_text(), re.MULTILINE))


def spec_datas() -> dict[str, Path]:
    """Bundle folder (under _internal) -> repository folder, from the spec's datas list."""
    pairs = re.findall(r'\(str\(ROOT / "([^"]+)"\), "([^"]+)"\)', SPEC.read_text())
    return {dest: ROOT / source for source, dest in pairs}


def test_version_matches_the_kiosk() -> None:
    assert defines()["AppVersion"] == __version__


def test_every_source_exists_in_the_bundle_layout_or_the_repository() -> None:
    bundle = defines()["Bundle"]
    datas = spec_datas()
    assert "content" in datas and "assets" in datas
    sources = re.findall(r'^Source: "([^"]+)"', iss_text(), re.MULTILINE)
    assert len(sources) >= 3
    for source in sources:
        if source.startswith("{#Bundle}"):
            parts = PureWindowsPath(source.removeprefix("{#Bundle}").lstrip("\\")).parts
            if parts == ("*",):
                continue  # the whole bundle
            assert parts[0] == "_internal", source
            assert parts[1] in datas, f"{source}: the spec puts no {parts[1]} in the bundle"
            inner = datas[parts[1]].joinpath(*[p for p in parts[2:] if p != "*"])
            assert inner.exists(), f"{source}: {inner} is missing"
        else:
            path = ISS.parent.joinpath(*PureWindowsPath(source).parts)
            assert path.resolve().exists(), f"{source} does not exist"
    assert (ISS.parent / PureWindowsPath(bundle).as_posix()).resolve() == ROOT / "dist" / \
        "rls-kiosk"


def test_programs_it_starts_are_built_by_the_spec() -> None:
    started = set(re.findall(r"\{app\}\\(rls-kiosk[-\w]*)\.exe", iss_text()))
    assert started == {"rls-kiosk", "rls-kiosk-w"}
    built = set(re.findall(r'name="(rls-kiosk[-\w]*)"', SPEC.read_text()))
    assert started <= built


def test_autostart_runs_the_supervisor_and_uninstall_removes_it() -> None:
    text = iss_text()
    assert "/SC ONLOGON /RU" in text
    assert "ExpandConstant('{app}\\rls-kiosk-w.exe') + '\\\" supervise\"'" in text
    assert '/Delete /F /TN ""{#TaskName}""' in text
    assert "Permissions: users-modify" in text
    assert "uninsneveruninstall" in text  # staff content and data survive an uninstall


def test_setup_says_when_the_logon_task_was_not_created() -> None:
    text = iss_text()
    assert "ewWaitUntilTerminated, Code) then" in text and "if Code = 0 then\n    exit;" in text
    assert "function GetCustomSetupExitCode(): Integer;" in text
    assert re.search(r"if not WizardSilent\(\) then\s+MsgBox\('The logon task", text)


def test_only_preprocessor_lines_start_with_a_hash() -> None:
    """Inno's preprocessor reads every line starting with # (a `#13#10` broke the compile)."""
    directives = [line.split()[0] for line in iss_text().splitlines() if line.startswith("#")]
    assert set(directives) <= {"#define", "#ifndef", "#endif", "#include"}, directives
