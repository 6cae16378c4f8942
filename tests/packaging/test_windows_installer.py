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
    assert '[Dirs]\n' in text and 'Name: "{#DataDir}"; Flags: uninsneveruninstall\n' in text
    assert "uninsneveruninstall" in text  # staff content and data survive an uninstall


def test_setup_says_when_the_logon_task_was_not_created() -> None:
    text = iss_text()
    assert "ewWaitUntilTerminated, Code) then" in text and "if Code = 0 then\n    exit;" in text
    assert "function GetCustomSetupExitCode(): Integer;" in text
    assert re.search(r"if not WizardSilent\(\) then\s+MsgBox\('The logon task", text)


def pascal_function(name: str) -> str:
    """The body of a procedure or function of the [Code] section, up to its closing `end;`."""
    found = re.search(rf"^(?:procedure|function) {name}\b.*?^end;$", iss_text(),
                      re.MULTILINE | re.DOTALL)
    assert found, f"no {name} in the [Code] section"
    return found.group(0)


def pascal_strings_joined(code: str) -> str:
    """`code` with the Sid* constants written out and adjacent string literals joined, so an
    icacls command reads as it runs (Pascal: 'a' + Sid + 'b' is one string)."""
    constants = dict(re.findall(r"^  (Sid\w+) = '([^']*)';$", iss_text(), re.MULTILINE))
    for name, value in constants.items():
        code = re.sub(rf"\s*\+\s*{name}\b", f" + '{value}'".replace("\\", "\\\\"), code)
    return re.sub(r"'\s*\+\s*'", "", code)


def test_no_local_account_group_is_given_the_data_folder() -> None:
    """kiosk.toml holds the staff PIN's hash: [Dirs] and [Files] give nothing to every account."""
    assert not re.search(r"Permissions:.*\b(users|everyone|authusers|guests)-", iss_text(),
                         re.IGNORECASE)


def test_data_folder_is_for_the_kiosk_account_administrators_and_system_only() -> None:
    commands = pascal_strings_joined(pascal_function("RestrictDataFolder"))
    # Well-known SIDs, so the names need no translating (BUILTIN\Usuarios on Spanish Windows).
    assert ("Icacls('\"' + Folder + '\" /inheritance:r /grant:r \"*S-1-5-18:(OI)(CI)F\" "
            "\"*S-1-5-32-544:(OI)(CI)F\" \"' + KioskUser('') + ':(OI)(CI)M\"')") in commands
    # Grants an older setup (users-modify) or anyone gave to every local account go.
    assert ("Icacls('\"' + Folder + '\" /remove:g *S-1-5-32-545 *S-1-1-0 *S-1-5-11 *S-1-5-4')"
            in commands)
    assert "Icacls('\"' + SettingsFile() + '*\" /reset')" in commands
    assert commands.count("Icacls(") == 3
    assert not re.search(r"\b(Users|Everyone|Administrators|SYSTEM):", commands)
    assert pascal_function("SettingsFile").count("{#DataDir}\\kiosk.toml") == 1


def test_setup_says_when_the_data_folder_permissions_were_not_set() -> None:
    icacls = pascal_function("Icacls")
    assert "ExpandConstant('{sys}\\icacls.exe'), Params" in icacls
    assert "ewWaitUntilTerminated, Code) then" in icacls
    assert "exited with code %d" in icacls and "Result := Code = 0;" in icacls
    restrict = pascal_function("RestrictDataFolder")
    # Each step only after the one before succeeded; any failure is logged, shown, exit-coded.
    assert restrict.count("if not FolderFailed then\n    FolderFailed := not Icacls(") == 2
    assert "Log('Data folder permissions NOT set" in restrict
    assert re.search(r"if not WizardSilent\(\) then\s+MsgBox\('The permissions of", restrict)
    exit_code = pascal_function("GetCustomSetupExitCode")
    assert "FolderFailedExitCode" in exit_code and "BothFailedExitCode" in exit_code


def test_every_install_and_upgrade_sets_the_permissions() -> None:
    """Whatever the tasks ticked: an upgrade or a second run of setup applies them again."""
    step = pascal_function("CurStepChanged")
    assert re.search(r"if CurStep = ssPostInstall then\s+begin\s+WriteSettings\(\);\s+"
                     r"RestrictDataFolder\(\);\s+if WizardIsTaskSelected", step)
    # The kiosk account's page is shown even without the logon task: the folder needs the name.
    assert "function ShouldSkipPage" not in iss_text()


def test_exit_codes_are_the_ones_documented() -> None:
    codes = dict(re.findall(r"^  (\w+ExitCode) = (\d+);$", iss_text(), re.MULTILINE))
    assert codes == {"TaskFailedExitCode": "10", "FolderFailedExitCode": "11",
                     "BothFailedExitCode": "12"}
    install = (ROOT / "INSTALL.md").read_text(encoding="utf-8")
    check = (ISS.parent / "check.sh").read_text(encoding="utf-8")
    for name, variable in (("TaskFailedExitCode", "TASK_FAILED_EXIT"),
                           ("FolderFailedExitCode", "FOLDER_FAILED_EXIT"),
                           ("BothFailedExitCode", "BOTH_FAILED_EXIT")):
        assert f"exit code {codes[name]}" in install.lower(), name
        assert f"\n{variable}={codes[name]} " in check, variable


def test_only_preprocessor_lines_start_with_a_hash() -> None:
    """Inno's preprocessor reads every line starting with # (a `#13#10` broke the compile)."""
    directives = [line.split()[0] for line in iss_text().splitlines() if line.startswith("#")]
    assert set(directives) <= {"#define", "#ifndef", "#endif", "#include"}, directives


def test_only_section_tags_start_with_a_bracket() -> None:
    """ISCC reads any line whose first character (after spaces) is [ as a section tag, even in
    [Code] (a wrapped `[SysErrorMessage(Code)]` argument broke the compile)."""
    tags = [line.strip() for line in iss_text().splitlines() if line.lstrip().startswith("[")]
    assert all(re.fullmatch(r"\[[A-Za-z]+\]", tag) for tag in tags), tags
