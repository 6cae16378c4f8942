"""Puts the shipped content and assets into the wheel, beside the code that reads them.

Everything else about the package is in pyproject.toml. `content/` and `assets/` live at the top
of the source tree (staff and translators work there); a wheel carries them as package data in
`kiosk/_shipped/`, where kiosk/settings/paths.py looks first. An editable install reads them
from the source tree instead, so nothing is copied then.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("content", "assets")  # kiosk/settings/paths.py: SHIPPED_DIR holds these


class BuildWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for name in SHIPPED:
            self.copy_tree(name, str(Path(self.build_lib) / "kiosk" / "_shipped" / name))


setup(cmdclass={"build_py": BuildWithShippedFiles})
