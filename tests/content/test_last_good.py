"""A copy of the content last shown is kept on the PC, whole or not at all, and read back when
the folder itself is away at start."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.content import last_good
from tests.helpers.content import write_content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = write_content(tmp_path / "content")
    (root / "notes.docx").write_bytes(b"not content")
    (root / ".stfolder").mkdir()
    (root / "en" / ".syncthing.01-topic-1.md.tmp").write_text("half", encoding="utf-8")
    return root


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_only_what_the_loader_reads_is_kept_and_it_loads(content: Path, tmp_path: Path) -> None:
    store = tmp_path / "data" / "last-good-content"
    assert last_good.keep(content, store)
    kept = _files(store)
    assert "site.toml" in kept and "images/dot.svg" in kept and "en/01-topic-1.md" in kept
    assert not any(name.endswith((".docx", ".tmp")) or ".stfolder" in name for name in kept)
    found = last_good.load_kept(store)
    assert found is not None
    library, _when = found
    assert library.site.name == "Test Clinic"
    assert [s.slug for s in library.languages["en"].sections] == ["topic-1", "topic-2",
                                                                  "topic-3"]


def test_a_new_copy_replaces_the_old_one_whole(content: Path, tmp_path: Path) -> None:
    store = tmp_path / "last-good-content"
    assert last_good.keep(content, store)
    (content / "en" / "03-topic-3.md").unlink()
    assert last_good.keep(content, store)
    assert not (store / "en" / "03-topic-3.md").exists()  # a deleted topic stays deleted
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "last-good-content"]


def test_a_failed_write_keeps_the_old_copy_and_says_why(
        content: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "last-good-content"
    assert last_good.keep(content, store)

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(last_good.shutil, "copyfile", full_disk)
    with caplog.at_level(logging.WARNING):
        assert not last_good.keep(content, store)
    assert "No space left on device" in caplog.text
    assert not store.with_name(store.name + ".new").exists()
    assert last_good.load_kept(store) is not None  # the old copy is whole


def test_a_folder_over_the_limit_is_not_copied(content: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(last_good, "MAX_FILES", 3)
    with caplog.at_level(logging.WARNING):
        assert not last_good.keep(content, tmp_path / "kept")
    assert "too large to keep a copy of" in caplog.text
    assert not (tmp_path / "kept").exists()


def test_no_copy_or_an_empty_one_gives_nothing(tmp_path: Path) -> None:
    assert last_good.load_kept(tmp_path / "missing") is None
    (tmp_path / "empty").mkdir()
    assert last_good.load_kept(tmp_path / "empty") is None
