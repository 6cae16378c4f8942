"""Shared test setup: offscreen Qt, temporary data and config folders, a guard on real ones."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import platformdirs
import pytest

from kiosk.settings import paths


@pytest.fixture(autouse=True)
def _private_folders(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data and config folders; the machine's real ones are off-limits."""
    base = tmp_path_factory.mktemp("kiosk-home")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("KIOSK_CONFIG", str(base / "config" / "kiosk.toml"))

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("a test tried to use the machine's real kiosk folders")

    monkeypatch.setattr(platformdirs, "site_data_dir", refuse)
    monkeypatch.setattr(platformdirs, "site_config_dir", refuse)
    monkeypatch.setattr(paths, "site_data_dir", refuse)
    monkeypatch.setattr(paths, "site_config_dir", refuse)
