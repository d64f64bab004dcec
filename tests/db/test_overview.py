"""The start page's counts and the directory listing, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.db.engine import unit_of_work
from app.db.models import (
    DEMO_SETTING,
    DirectoryOffice,
    Household,
    Person,
    Referral,
    Setting,
    Visit,
)
from app.services.database import Database
from app.services.directory_list import directory_list_rows
from app.services.overview import (
    describe_database,
    directory_office_ids,
    mode_label,
    overview_counts,
)


def _office(code: str, kind: str, name: str, **extra: object) -> DirectoryOffice:
    return DirectoryOffice(code=code, agency_kind=kind, name=name, **extra)


def _person(number: int, **extra: object) -> Person:
    return Person(person_number=f"P-NE-1-2026-{number:06d}-0", family_name=f"Name{number}",
                  **extra)


def test_empty_database_counts_nothing(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        counts = overview_counts(session)
    assert (counts.persons, counts.households, counts.visits, counts.open_referrals,
            counts.directory_offices, counts.is_demo) == (0, 0, 0, 0, 0, False)


def test_counts_leave_out_tombstones_and_closed_referrals(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        household = Household(label="Al-Hassan")
        alive = _person(1, household=household)
        session.add_all([household, alive, _person(2, deleted_at=datetime.now(UTC))])
        session.flush()
        visit = Visit(person_id=alive.id)
        session.add(visit)
        session.flush()
        for number, status in enumerate(("draft", "issued", "arrived", "completed",
                                         "cancelled", "declined"), start=1):
            session.add(Referral(reference=f"R{number}", person_id=alive.id, visit_id=visit.id,
                                 agency_kind="jobcenter", status=status))
        session.add(_office("jc", "jobcenter", "Jobcenter"))
    with unit_of_work(database.sessions) as session:
        counts = overview_counts(session)
    assert counts.persons == 1
    assert counts.households == 1
    assert counts.visits == 1
    assert counts.open_referrals == 3
    assert counts.directory_offices == 1


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False)])
def test_demo_marker(database: Database, value: str, expected: bool) -> None:
    with unit_of_work(database.sessions) as session:
        session.add(Setting(key=DEMO_SETTING, value=value))
    with unit_of_work(database.sessions) as session:
        assert overview_counts(session).is_demo is expected


def test_directory_ids_come_ordered_and_rows_in_the_asked_order(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        session.add_all([
            _office("soz-neuss", "sozialamt", "Stadt Neuss", department="Sozialamt",
                    street="Markt 2", postal_code="41460", city="Neuss",
                    municipalities=["Neuss"]),
            _office("jc-neuss", "jobcenter", "Jobcenter Neuss", municipalities=["Neuss", "Kaarst"]),
            _office("gone", "jobcenter", "Aufgelöst", deleted_at=datetime.now(UTC)),
            _office("x", "neue_stelle", "Unbekannte Art"),
        ])
    with unit_of_work(database.sessions) as session:
        ids = directory_office_ids(session)
        rows = directory_list_rows(session, list(reversed(ids)))
    assert len(ids) == 3  # by agency kind code: jobcenter, neue_stelle, sozialamt
    assert [row.code for row in rows] == ["soz-neuss", "x", "jc-neuss"]
    sozialamt, neue, jobcenter = rows
    assert neue.agency_kind_label == "neue_stelle"  # unknown kinds are shown as they are
    assert sozialamt.agency_kind_label == "Sozialamt"
    assert sozialamt.full_name == "Stadt Neuss – Sozialamt"
    assert jobcenter.full_name == "Jobcenter Neuss"
    assert sozialamt.address == "Markt 2, 41460 Neuss"
    assert jobcenter.municipalities == ("Neuss", "Kaarst")


def test_rows_for_no_ids_ask_nothing(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        assert directory_list_rows(session, []) == []


def test_database_is_described_without_its_password(tmp_path: object) -> None:
    local = describe_database("sqlite:////var/lib/lotse/lotse.sqlite3")
    assert (local.backend, local.short, local.full) == (
        "SQLite", "lotse.sqlite3", "/var/lib/lotse/lotse.sqlite3")
    shared = describe_database("postgresql://empfang:geheim@db.kreis.local:5433/lotse")
    assert (shared.backend, shared.short) == ("PostgreSQL", "db.kreis.local:5433/lotse")
    assert "geheim" not in shared.full


def test_modes_have_german_names() -> None:
    assert [mode_label(m) for m in ("local", "shared", "branch")] == [
        "Lokal", "Gemeinsame Datenbank", "Außenstelle"]
