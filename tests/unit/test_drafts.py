"""Autosaved drafts: written whole or not at all, damaged files set aside, one folder per
database, private to the user."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.config import Settings, data_dir
from app.drafts import DraftStore, database_tag, default_draft_store

ARABIC = {"family_name": "الحسن", "given_names": "محمد", "note": "Zeile 1\nZeile 2 – ü ß"}


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def test_a_draft_comes_back_as_it_was_saved(store: DraftStore) -> None:
    before = datetime.now(UTC)
    store.save("person", "new", {"raw": ARABIC, "members": [{"given_names": "Zahra"}]},
               title="Neue Person: Al-Hassan, Mohammed")
    [draft] = store.load_all()
    assert (draft.kind, draft.key, draft.title) == ("person", "new",
                                                     "Neue Person: Al-Hassan, Mohammed")
    assert draft.payload == {"raw": ARABIC, "members": [{"given_names": "Zahra"}]}
    assert before <= draft.saved_at <= datetime.now(UTC)
    assert draft.program_version
    assert store.get("person", "new") == draft
    assert store.get("visit", "new") is None


def test_arabic_survives_as_text_in_the_file(store: DraftStore) -> None:
    store.save("person", "new", {"raw": ARABIC}, title="Neue Person: الحسن، محمد")
    text = (store.directory / "person-new.json").read_text(encoding="utf-8")
    assert "محمد" in text  # readable in the file too, not only after decoding
    assert store.load_all()[0].title == "Neue Person: الحسن، محمد"


def test_saving_again_replaces_the_draft_of_that_form(store: DraftStore) -> None:
    store.save("visit", "0190a1b2", {"raw": {"note": "erst"}}, title="Besuch")
    store.save("visit", "0190a1b2", {"raw": {"note": "dann"}}, title="Besuch")
    assert [d.payload["raw"] for d in store.load_all()] == [{"note": "dann"}]


def test_newest_first(store: DraftStore) -> None:
    for key in ("a", "b", "c"):
        store.save("visit", key, {}, title=key)
    older = store.directory / "visit-b.json"
    document = json.loads(older.read_text(encoding="utf-8"))
    document["saved_at"] = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    older.write_text(json.dumps(document), encoding="utf-8")
    store.save("visit", "a", {"again": True}, title="a")
    assert [draft.key for draft in store.load_all()] == ["a", "c", "b"]


def test_a_crash_while_saving_leaves_the_old_draft_whole(
        store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save("person", "new", {"raw": {"family_name": "Alt"}}, title="Alt")

    def power_cut(*_args: object) -> None:
        raise OSError("simulated crash before the rename")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="simulated"):
        store.save("person", "new", {"raw": {"family_name": "Neu"}}, title="Neu")
    monkeypatch.undo()
    [draft] = store.load_all()
    assert draft.payload == {"raw": {"family_name": "Alt"}}
    assert sorted(path.name for path in store.directory.iterdir()) == ["person-new.json"]


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # truncated by a power cut
    lambda _text: "",
    lambda _text: "\x00" * 40,
    lambda _text: '{"format": 1, "kind": "person"}',
    lambda _text: "[1, 2, 3]",
])
def test_a_damaged_draft_is_kept_aside_and_skipped(store: DraftStore,
                                                   damage: Callable[[str], str]) -> None:
    store.save("person", "new", {"raw": ARABIC}, title="kaputt")
    store.save("visit", "x", {"raw": {}}, title="heil")
    path = store.directory / "person-new.json"
    original = path.read_text(encoding="utf-8")
    path.write_text(damage(original), encoding="utf-8")
    assert [draft.title for draft in store.load_all()] == ["heil"]
    assert not path.exists()
    aside = store.directory / "person-new.json.damaged"
    assert aside.read_text(encoding="utf-8") == damage(original)  # kept for a person to look at
    store.save("person", "new", {"raw": {}}, title="neu")
    path.write_text("{", encoding="utf-8")
    assert store.get("person", "new") is None
    assert (store.directory / "person-new.json.2.damaged").exists()


def test_discard_and_an_empty_or_missing_folder(store: DraftStore) -> None:
    assert store.load_all() == []
    store.discard("person", "new")  # nothing there: no error
    store.save("person", "new", {}, title="x")
    store.discard("person", "new")
    assert store.load_all() == []


def test_keys_cannot_leave_the_folder(store: DraftStore) -> None:
    for key in ("../../etc/passwd", "", "a/b", ".hidden"):
        with pytest.raises(ValueError):
            store.save("person", key, {}, title="x")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_drafts_are_private_to_the_user(store: DraftStore) -> None:
    os.umask(0o022)
    store.save("person", "new", {"raw": ARABIC}, title="x")
    assert stat.S_IMODE((store.directory / "person-new.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700


def test_stale_half_written_files_are_removed(store: DraftStore) -> None:
    store.save("person", "new", {}, title="x")
    stale, fresh = store.directory / ".person-new.json.a.tmp", store.directory / ".b.tmp"
    stale.write_text('{"raw": "Al-Ha', encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    hour_ago = time.time() - 3700
    os.utime(stale, (hour_ago, hour_ago))
    assert len(store.load_all()) == 1
    assert not stale.exists() and fresh.exists()  # another save may still be writing it


def test_one_folder_per_database_in_the_user_data_folder(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    demo = default_draft_store(Settings(database_url="sqlite:///demo.sqlite3"))
    real = default_draft_store(Settings(database_url="postgresql://lotse:geheim@db/lotse"))
    assert demo.directory.parent == real.directory.parent == data_dir() / "drafts"
    assert demo.directory != real.directory
    demo.save("person", "new", {}, title="Demo")
    assert real.load_all() == []
    assert database_tag("postgresql+psycopg://lotse:anders@db/lotse") == database_tag(
        "postgresql://lotse:geheim@db/lotse")  # a new password keeps the drafts
    assert database_tag(f"sqlite:///{tmp_path}/demo.sqlite3") == database_tag(
        "sqlite:///demo.sqlite3")
    assert "geheim" not in str(real.directory)
