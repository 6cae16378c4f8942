"""The house rules a newcomer relies on (docs/HOUSE.md): small rooms, small modules, and a tests/
tree that mirrors kiosk/, so that the tests of any module are found where the module is."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KIOSK = ROOT / "kiosk"
TESTS = ROOT / "tests"
MOST_MODULES_IN_A_FOLDER = 14
MOST_LINES_IN_A_MODULE = 400
# Test folders with no package of their own under kiosk/, and why.
OUTSIDE_THE_MIRROR = {
    "helpers": "what many tests share: fake patients, content, clocks, touches",
    "packaging": "the bundles and installers of packaging/, which lives beside kiosk/",
}


def python_folders(top: Path) -> set[Path]:
    """Every folder under `top` that holds Python files, relative to `top` ("." for top)."""
    return {path.parent.relative_to(top) for path in top.rglob("*.py")}


def test_no_folder_holds_more_than_14_modules() -> None:
    crowded = {str(folder.relative_to(ROOT)): count for folder in [KIOSK, *KIOSK.rglob("*")]
               if folder.is_dir() and (count := len(list(folder.glob("*.py"))))
               > MOST_MODULES_IN_A_FOLDER}
    assert crowded == {}, (f"more than {MOST_MODULES_IN_A_FOLDER} modules side by side: give "
                           "the ones that belong together a room of their own (docs/HOUSE.md)")


def test_no_module_is_over_400_lines() -> None:
    long = {str(path.relative_to(ROOT)): lines for path in KIOSK.rglob("*.py")
            if (lines := len(path.read_text(encoding="utf-8").splitlines()))
            > MOST_LINES_IN_A_MODULE}
    assert long == {}, (f"modules over {MOST_LINES_IN_A_MODULE} lines: split them by job "
                        "(docs/HOUSE.md)")


def test_every_package_has_its_tests_folder() -> None:
    packages = {folder for folder in python_folders(KIOSK) if folder != Path(".")}
    tested = {folder for folder in python_folders(TESTS) if any((TESTS / folder).glob("test_*.py"))}
    missing = sorted(str(Path("tests") / folder) for folder in packages - tested)
    assert missing == [], "packages under kiosk/ without tests in their mirror folder"


def test_every_tests_folder_mirrors_a_package() -> None:
    packages = python_folders(KIOSK)
    strays = sorted(str(Path("tests") / folder) for folder in python_folders(TESTS)
                    if folder not in packages and folder.parts[0] not in OUTSIDE_THE_MIRROR)
    assert strays == [], "test folders with no kiosk/ package of the same path: move them there"


def test_the_folders_outside_the_mirror_exist() -> None:
    for name in OUTSIDE_THE_MIRROR:
        assert (TESTS / name).is_dir(), f"tests/{name} is gone: take it out of OUTSIDE_THE_MIRROR"
