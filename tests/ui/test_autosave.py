"""Autosave: a draft about a second after the last change, at once on flush, gone after the
form was saved – and a full disk never ends the session."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.drafts import DraftStore
from ui.autosave import Autosaver


class Form:
    """What a controller hands the autosaver: the key, the typed values, a title."""

    def __init__(self) -> None:
        self.key, self.raw = "new", {"family_name": ""}

    def title(self) -> str:
        return f"Neue Person: {self.raw['family_name']}"


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def autosaver(store: DraftStore, form: Form, delay_ms: int = 1000) -> Autosaver:
    return Autosaver(store, "person", lambda: form.key, lambda: dict(form.raw), form.title,
                     delay_ms=delay_ms)


def type_into(form: Form, saver: Autosaver, text: str) -> None:
    form.raw["family_name"] = text
    saver.schedule()


def test_saved_once_typing_pauses_with_what_was_typed_last(qtbot: QtBot,
                                                           store: DraftStore) -> None:
    form = Form()
    saver = autosaver(store, form, delay_ms=200)
    saves: list[None] = []
    saver.saved.connect(lambda: saves.append(None))
    for text in ("A", "Al", "Al-H", "Al-Hassan"):
        type_into(form, saver, text)
    assert store.load_all() == [] and saver.pending  # not while typing
    qtbot.waitUntil(lambda: bool(store.load_all()), timeout=3000)
    [draft] = store.load_all()
    assert draft.payload == {"family_name": "Al-Hassan"}
    assert draft.title == "Neue Person: Al-Hassan"
    assert len(saves) == 1 and not saver.pending  # one write for the whole burst


def test_the_default_wait_is_about_a_second(qtbot: QtBot, store: DraftStore) -> None:
    form = Form()
    saver = autosaver(store, form)
    started = time.monotonic()
    type_into(form, saver, "Haddad")
    qtbot.waitUntil(lambda: bool(store.load_all()), timeout=3000)
    assert 0.9 <= time.monotonic() - started < 2.5


def test_flush_saves_at_once_and_only_when_something_changed(store: DraftStore) -> None:
    form = Form()
    saver = autosaver(store, form)
    saver.flush()
    assert store.load_all() == []  # nothing typed: no draft
    type_into(form, saver, "Kowalenko")
    saver.flush()
    assert store.get("person", "new") is not None and not saver.pending


def test_discard_after_saving_removes_the_draft_and_the_pending_save(
        qtbot: QtBot, store: DraftStore) -> None:
    form = Form()
    saver = autosaver(store, form, delay_ms=100)
    type_into(form, saver, "Yılmaz")
    saver.flush()
    type_into(form, saver, "Yılmaz-Öztürk")
    saver.discard()
    assert store.load_all() == [] and not saver.pending
    with qtbot.assertNotEmitted(saver.saved, wait=300):
        pass


def test_a_draft_of_another_form_is_left_alone(store: DraftStore) -> None:
    form = Form()
    saver = autosaver(store, form)
    type_into(form, saver, "Erste")
    saver.flush()
    form.key = "0190a1b2-0000-7000-8000-000000000001"
    type_into(form, saver, "Zweite")
    saver.flush()
    saver.discard()
    assert [draft.payload for draft in store.load_all()] == [{"family_name": "Erste"}]


def test_a_failing_disk_is_reported_not_raised(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    form = Form()
    saver = autosaver(DraftStore(blocked / "drafts"), form)
    reasons: list[str] = []
    saver.failed.connect(reasons.append)
    type_into(form, saver, "Haddad")
    saver.flush()
    assert len(reasons) == 1
    saver.discard()  # nothing to discard there either: no exception
