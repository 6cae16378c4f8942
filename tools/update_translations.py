"""Refresh the interface translation files from the code, with Qt's own `lupdate`.

    python tools/update_translations.py          # every assets/translations/kiosk_<lang>.ts
    python tools/update_translations.py fr       # also start kiosk_fr.ts for a new language

New strings arrive marked unfinished (the kiosk shows them in English until a translator fills
them in with Qt Linguist or a text editor); strings no longer in the code are dropped. Our
`tr(context, text)` is taught to lupdate as another spelling of `translate(context, text)`.
`kiosk_en.ts` keeps only the English plural forms of counted strings ("%n seconds": "1 second",
"2 seconds"), so it is refreshed with `-pluralonly`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "assets" / "translations"


def lupdate_program() -> str:
    """`pyside6-lupdate` beside this Python (a virtual environment), else on the PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lupdate", "pyside6-lupdate.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate not found: install the kiosk with `pip install -e .` "
                         "into this Python first.")
    return found


def source_files(root: Path = ROOT) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "kiosk").rglob("*.py"))


def lupdate_command(ts_files: list[Path], root: Path = ROOT, *,
                    plural_only: bool = False) -> list[str]:
    return [lupdate_program(), *source_files(root), "-tr-function-alias", "translate+=tr",
            "-source-language", "en", "-no-obsolete", "-locations", "none", "-silent",
            *(["-pluralonly"] if plural_only else []), "-ts", *(str(p) for p in ts_files)]


def main(argv: list[str]) -> int:
    files = sorted(TRANSLATIONS.glob("kiosk_*.ts"))
    for lang in argv:
        path = TRANSLATIONS / f"kiosk_{lang}.ts"
        if path not in files:
            files.append(path)
    if not files:
        print("No translation files in assets/translations/; name a language, e.g. `es`.")
        return 1
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    english = TRANSLATIONS / "kiosk_en.ts"
    others = [p for p in files if p != english]
    if others:
        subprocess.run(lupdate_command(others), cwd=ROOT, check=True)
    if english in files:
        subprocess.run(lupdate_command([english], plural_only=True), cwd=ROOT, check=True)
    for path in files:
        text = path.read_text(encoding="utf-8")
        todo = text.count('type="unfinished"')
        print(f"{path.relative_to(ROOT)}: {text.count('<message')} strings, {todo} to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
