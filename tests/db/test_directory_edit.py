"""Changing the agency directory on both engines: only administrators, every field checked
with a message naming it, no silent overwrite, offices retired rather than removed, and a
file format that round-trips exactly."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.codes import Role
from app.config import Settings
from app.db.engine import unit_of_work
from app.db.models import AuditEvent, DirectoryOffice, User
from app.errors import ConflictError, NotFoundError, NotPermittedError
from app.security.permissions import RefusedActionError
from app.services.database import Database, open_database
from app.services.directory import (
    DirectoryError,
    default_directory_path,
    import_directory,
    parse_directory,
    read_directory,
)
from app.services.directory_access import directory_access
from app.services.directory_edit import (
    import_directory_file,
    load_office,
    office_raw,
    retire_office,
    save_office,
)
from app.services.directory_export import export_directory
from app.services.directory_fields import OfficeValidationError
from app.services.directory_hsds import export_hsds
from app.services.overview import directory_office_ids
from tests.actors import account, cli_account, desk

ADMIN = Settings(office="NE", workstation=2, user="admin")
AS_ADMIN = desk(ADMIN, Role.ADMIN)
DEMO = len(read_directory(default_directory_path()).offices)
VHS = {"code": "vhs-kaarst", "agency_kind": "integration_course_provider",
       "name": "Volkshochschule Kaarst", "department": "Integrationskurse",
       "street": "Am Schulzentrum 16", "postal_code": "41564", "city": "Kaarst",
       "phone": "02131 5119-0", "email": "integration@vhs-kaarst.example.org",
       "website": "https://www.vhs-kaarst.example.org",
       "opening_hours": "Mo–Do 9:00–12:00", "languages": "de, en, uk",
       "municipalities": ["Kaarst"], "documents": "Aufenthaltstitel\nBerechtigungsschein",
       "note": "Einstufungstest dienstags.\nBitte vorher anrufen."}


def add_user(database: Database, username: str, role: Role, *, active: bool = True) -> None:
    with unit_of_work(database.sessions) as session:
        session.add(User(username=username, role=role.value, active=active))


@pytest.fixture
def admin(database: Database) -> Database:
    add_user(database, "admin", Role.ADMIN)
    return database


def create(database: Database, raw: dict[str, Any] = VHS) -> uuid.UUID:
    with unit_of_work(database.sessions) as session:
        return save_office(session, raw, actor=AS_ADMIN, settings=ADMIN).id


def stored(database: Database, code: str) -> DirectoryOffice:
    with database.sessions() as session:
        office = session.scalars(select(DirectoryOffice).where(
            DirectoryOffice.code == code)).one()
        session.expunge(office)
        return office


def office_count(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(DirectoryOffice)) or 0


# --- validation -----------------------------------------------------------------------------


def test_a_new_office_is_stored_as_typed_and_read_back_unchanged(admin: Database) -> None:
    office_id = create(admin)
    office = stored(admin, "vhs-kaarst")
    assert (office.id, office.version, office.origin) == (office_id, 1, "NE-2")
    assert office.languages == ["de", "en", "uk"]
    assert office.documents == ["Aufenthaltstitel", "Berechtigungsschein"]
    assert office.note == "Einstufungstest dienstags.\nBitte vorher anrufen."
    with unit_of_work(admin.sessions) as session:  # the editor's input saves as no change
        again = save_office(session, office_raw(load_office(session, office_id)),
                            actor=AS_ADMIN, settings=ADMIN, office_id=office_id,
                            expected_version=1)
        assert again.version == 1


@pytest.mark.parametrize(("field", "typed", "words"), [
    ("email", "integration(at)vhs-kaarst.de", "E-Mail-Adresse wie name@example.org"),
    ("phone", "ruf an", "Telefonnummer aus Ziffern"),
    ("postal_code", "4156", "fünf Ziffern"),
    ("municipalities", ["Kaarst", "Juechen"], "gemeint ist wohl „Jüchen“"),
    ("municipalities", "Nuss", "„Nuss“ ist unbekannt; erwartet wird eine von Neuss, "
                               "Grevenbroich"),
    ("municipalities", [], "Pflichtangabe fehlt"),
    ("languages", "de, arabisch", "„arabisch“ ist kein Sprachcode nach ISO 639"),
    ("agency_kind", "jobcentre", "gemeint ist wohl „jobcenter“"),
    ("agency_kind", "", "Pflichtangabe fehlt; erwartet wird die Art der Stelle"),
    ("code", "VHS Kaarst", "etwa „vhs-kaarst“"),
    ("website", "www.vhs-kaarst.de", "hier also „https://www.vhs-kaarst.de“"),
    ("name", "Volkshochschule 😀", "Symbol"),
    ("street", "   ", "Pflichtangabe fehlt"),
])
def test_each_field_says_what_is_expected_and_nothing_is_written(
        admin: Database, field: str, typed: object, words: str) -> None:
    with pytest.raises(OfficeValidationError) as raised, \
            unit_of_work(admin.sessions) as session:
        save_office(session, {**VHS, field: typed}, actor=AS_ADMIN, settings=ADMIN)
    [error] = raised.value.errors
    assert error.field == field
    assert words in error.expected
    assert office_count(admin) == 0


def test_every_problem_is_named_at_once(admin: Database) -> None:
    raw = {**VHS, "email": "x", "postal_code": "", "colour": "blau"}
    with pytest.raises(OfficeValidationError) as raised, \
            unit_of_work(admin.sessions) as session:
        save_office(session, raw, actor=AS_ADMIN, settings=ADMIN)
    assert {error.field for error in raw_errors(raised.value)} == {"colour", "email",
                                                                    "postal_code"}
    assert "Postleitzahl: Pflichtangabe fehlt" in raised.value.message


def raw_errors(error: OfficeValidationError) -> list[Any]:
    return list(error.errors)


def test_a_code_is_unique_and_fixed_once_created(admin: Database) -> None:
    office_id = create(admin)
    with pytest.raises(OfficeValidationError, match="hat schon „Volkshochschule Kaarst“"), \
            unit_of_work(admin.sessions) as session:
        save_office(session, {**VHS, "name": "Zweite VHS"}, actor=AS_ADMIN, settings=ADMIN)
    with pytest.raises(OfficeValidationError, match="bleibt, wie es beim Anlegen"), \
            unit_of_work(admin.sessions) as session:
        save_office(session, {**VHS, "code": "vhs-kaarst-neu"}, actor=AS_ADMIN, settings=ADMIN,
                    office_id=office_id)
    assert office_count(admin) == 1 and stored(admin, "vhs-kaarst").version == 1


# --- permission -----------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "words"), [
    (Role.FRONT_DESK, "„admin“ hat die Rolle Empfang"),
    (Role.SUPERVISOR, "„admin“ hat die Rolle Teamleitung"),
])
def test_only_an_administrator_may_change_the_directory(
        database: Database, role: Role, words: str) -> None:
    with pytest.raises(RefusedActionError) as raised, \
            unit_of_work(database.sessions) as session:
        save_office(session, VHS, actor=desk(ADMIN, role), settings=ADMIN)
    assert "„Verzeichnis ändern“ ist für die Rolle" in raised.value.message
    assert raised.value.exit_code == 4
    assert office_count(database) == 0
    assert refusals(database) == ["edit_directory"]
    access = directory_access(desk(ADMIN, role))
    assert not access.may_edit and words in access.reason


def test_the_directory_area_offers_editing_to_the_administrator(database: Database) -> None:
    access = directory_access(AS_ADMIN)
    assert (access.may_edit, access.role) == (True, "admin")
    office_id = create(database)
    with database.sessions() as session:
        [entry] = [event for event in session.scalars(select(AuditEvent))
                   if event.action == "edit_directory"]
    assert (entry.username, entry.entity_id, entry.details) == (
        "admin", office_id, {"change": "created", "code": "vhs-kaarst"})


def refusals(database: Database) -> list[object]:
    with database.sessions() as session:
        return [event.details["action"] for event in session.scalars(
            select(AuditEvent).where(AuditEvent.action == "refused"))]


# --- conflict and retirement ----------------------------------------------------------------


def test_a_change_saved_elsewhere_meanwhile_is_not_overwritten(admin: Database) -> None:
    office_id = create(admin)
    with unit_of_work(admin.sessions) as session:  # another workstation saves first
        save_office(session, {**VHS, "phone": "02131 5119-99"}, actor=AS_ADMIN, settings=ADMIN,
                    office_id=office_id, expected_version=1)
    with pytest.raises(ConflictError, match="inzwischen an einem anderen Arbeitsplatz"), \
            unit_of_work(admin.sessions) as session:
        save_office(session, {**VHS, "phone": "02131 5119-50"}, actor=AS_ADMIN, settings=ADMIN,
                    office_id=office_id, expected_version=1)
    office = stored(admin, "vhs-kaarst")
    assert (office.phone, office.version) == ("02131 5119-99", 2)


def test_a_retired_office_is_kept_but_offered_for_nothing_new(admin: Database) -> None:
    office_id = create(admin)
    with unit_of_work(admin.sessions) as session:
        retire_office(session, office_id, actor=AS_ADMIN, settings=ADMIN, expected_version=1)
    with unit_of_work(admin.sessions) as session:
        assert directory_office_ids(session) == []
        with pytest.raises(NotFoundError):
            load_office(session, office_id)
        assert retire_office(session, office_id, actor=AS_ADMIN,
                             settings=ADMIN).version == 2  # no change
    office = stored(admin, "vhs-kaarst")
    assert office.deleted_at is not None and office.version == 2
    with pytest.raises(OfficeValidationError, match="Kürzel werden nicht wiederverwendet"), \
            unit_of_work(admin.sessions) as session:
        save_office(session, VHS, actor=AS_ADMIN, settings=ADMIN)
    with pytest.raises(NotFoundError), unit_of_work(admin.sessions) as session:
        save_office(session, VHS, actor=AS_ADMIN, settings=ADMIN, office_id=office_id)


def test_retiring_needs_the_administrator_too(database: Database) -> None:
    office_id = create(database)
    with pytest.raises(NotPermittedError), unit_of_work(database.sessions) as session:
        retire_office(session, office_id, actor=desk(ADMIN, Role.SUPERVISOR), settings=ADMIN)
    assert stored(database, "vhs-kaarst").deleted_at is None


# --- export and import ----------------------------------------------------------------------


def load_demo_directory(database: Database) -> None:
    with unit_of_work(database.sessions) as session:
        import_directory(session, read_directory(default_directory_path()), origin="NE-1")


def test_export_import_export_gives_the_same_text(admin: Database, tmp_path: Path) -> None:
    load_demo_directory(admin)
    office_id = create(admin)  # a note of two lines, documents, languages
    with unit_of_work(admin.sessions) as session:
        retire_office(session, office_id, actor=AS_ADMIN, settings=ADMIN)
    with unit_of_work(admin.sessions) as session:
        exported = export_directory(session)
    assert "    retired: '" in exported and "vhs-kaarst" in exported
    empty = open_database(Settings(database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    try:
        with unit_of_work(empty.sessions) as session:
            report = import_directory(session, parse_directory(exported, Path("x.yaml")))
        assert (report.directory.created, report.offices.created) == (DEMO + 1, 2)
        with unit_of_work(empty.sessions) as session:
            assert export_directory(session) == exported
            assert len(directory_office_ids(session)) == DEMO  # the retired one stays retired
    finally:
        empty.close()


def test_the_exported_demo_directory_reads_as_the_demo_file(database: Database) -> None:
    load_demo_directory(database)
    with unit_of_work(database.sessions) as session:
        exported = parse_directory(export_directory(session), Path("export.yaml"))
    original = read_directory(default_directory_path())
    assert sorted(exported.offices, key=lambda o: o.code) == sorted(original.offices,
                                                                   key=lambda o: o.code)
    assert sorted(exported.integration_points, key=lambda p: p.code) == sorted(
        original.integration_points, key=lambda p: p.code)
    assert exported.version == original.version == "2026-11-27"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "verzeichnis.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def broken(exported: str) -> str:
    return (exported.replace("postal_code: '41539'", "postal_code: '4153'", 1)
            .replace("email: jobcenter-rhein-kreis-neuss.dormagen@jobcenter-ge.de",
                     "email: jobcenter-dormagen", 1)
            .replace("municipalities: [Grevenbroich, Jüchen, Rommerskirchen]\n    documents:",
                     "municipalities: [Grevenbroich, Juchen]\n    documents:", 1))


def test_an_import_names_every_problem_and_writes_nothing(admin: Database,
                                                          tmp_path: Path) -> None:
    load_demo_directory(admin)
    with unit_of_work(admin.sessions) as session:
        exported = export_directory(session)
    path = write(tmp_path, broken(exported).replace("Kölner Straße 109", "Neue Straße 1"))
    with pytest.raises(DirectoryError) as raised, unit_of_work(admin.sessions) as session:
        import_directory_file(session, path, actor=AS_ADMIN, settings=ADMIN)
    assert raised.value.lines == [
        "verzeichnis.yaml, Büro jobcenter-dormagen, Feld postal_code: erwartet werden fünf "
        "Ziffern (z. B. 41460)",
        "verzeichnis.yaml, Büro jobcenter-dormagen, Feld email: erwartet wird eine "
        "E-Mail-Adresse wie name@example.org",
        "verzeichnis.yaml, Büro jobcenter-grevenbroich, Feld municipalities: Gemeinde "
        "„Juchen“ ist unbekannt; erwartet wird eine von Neuss, Grevenbroich, Dormagen, "
        "Meerbusch, Kaarst, Korschenbroich, Jüchen, Rommerskirchen – gemeint ist wohl "
        "„Jüchen“"]
    assert stored(admin, "jobcenter-dormagen").street == "Kölner Straße 109"


def test_an_import_reports_counts_and_brings_offices_back(admin: Database,
                                                          tmp_path: Path) -> None:
    load_demo_directory(admin)
    office_id = create(admin)
    with unit_of_work(admin.sessions) as session:
        exported = export_directory(session)
        retire_office(session, office_id, actor=AS_ADMIN, settings=ADMIN)
    with unit_of_work(admin.sessions) as session:
        report = import_directory_file(session, write(tmp_path, exported), actor=AS_ADMIN,
                                       settings=ADMIN)
    assert (report.directory.created, report.directory.updated,
            report.directory.unchanged) == (0, 1, DEMO)
    assert stored(admin, "vhs-kaarst").deleted_at is None  # the file lists it in service


def test_an_import_needs_the_administrator(database: Database, tmp_path: Path) -> None:
    path = write(tmp_path, default_directory_path().read_text(encoding="utf-8"))
    with pytest.raises(NotPermittedError), unit_of_work(database.sessions) as session:
        import_directory_file(session, path, actor=desk(ADMIN, Role.SUPERVISOR), settings=ADMIN)
    assert office_count(database) == 0
    assert refusals(database) == ["edit_directory"]


def test_hsds_export_has_one_service_per_office(database: Database) -> None:
    import json

    load_demo_directory(database)
    with unit_of_work(database.sessions) as session:
        services = json.loads(export_hsds(session))
    assert len(services) == DEMO
    jobcenter = next(s for s in services if s["name"] == "Jobcenter Rhein-Kreis Neuss – "
                                                         "Geschäftsstelle Neuss")
    address = jobcenter["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["country"]) == (
        "Karl-Arnold-Str. 20", "41462", "DE")
    assert [area["name"] for area in jobcenter["service_areas"]] == [
        "Neuss", "Meerbusch", "Kaarst", "Korschenbroich"]
    assert jobcenter["phones"][0]["number"] == "02131 9244-0"
    assert jobcenter["status"] == "active"
    branches = {s["organization_id"] for s in services if s["name"].startswith("Jobcenter")}
    assert len(branches) == 1  # the branches of one organisation


# --- command line ---------------------------------------------------------------------------


Run = Callable[..., int]


@pytest.fixture
def lotse(database: Database, monkeypatch: pytest.MonkeyPatch) -> Run:
    for name, role in (("admin", Role.ADMIN), ("leitung", Role.SUPERVISOR)):
        cli_account(database, monkeypatch, name, role)

    def run(*args: str, user: str | None = "admin") -> int:
        signed_in = ["--user", user] if user else []
        return main(["--database", database.settings.database_url, *signed_in, "directory",
                     *args])
    return run


def test_cli_import_then_export(admin: Database, lotse: Run, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("import", str(default_directory_path())) == 0
    assert f"Verzeichnis: {DEMO} Stellen neu" in capsys.readouterr().out
    target = tmp_path / "export.yaml"
    assert lotse("export", str(target), user=None) == 0  # anyone may export
    assert lotse("export") == 0
    assert capsys.readouterr().out == target.read_text(encoding="utf-8")
    assert lotse("import", str(target)) == 0
    assert f"0 Stellen neu, 0 aktualisiert, {DEMO} unverändert" in capsys.readouterr().out


def test_cli_import_names_every_problem_with_exit_code_2(
        admin: Database, lotse: Run, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    load_demo_directory(admin)
    with unit_of_work(admin.sessions) as session:
        exported = export_directory(session)
    assert lotse("import", str(write(tmp_path, broken(exported)))) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 3
    assert errors[0].startswith("lotse: verzeichnis.yaml, Büro jobcenter-dormagen, Feld "
                                "postal_code:")


def test_cli_import_refuses_other_users(database: Database, lotse: Run,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert lotse("import", str(default_directory_path()), user="leitung") == 4
    assert "„Verzeichnis ändern“ ist für die Rolle Teamleitung nicht erlaubt" in \
        capsys.readouterr().err
    assert office_count(database) == 0


def test_the_demo_has_a_user_per_role_and_only_admin_may_edit(database: Database) -> None:
    from app.demo.load import load_demo

    load_demo(database, persons=0, progress=False)
    load_demo(database, persons=0, progress=False)  # the accounts are added once
    with unit_of_work(database.sessions) as session:
        roles = {user.username: user.role for user in session.scalars(select(User))}
        allowed = {name: directory_access(account(session, name)).may_edit for name in roles}
    assert roles == {"empfang": "front_desk", "leitung": "supervisor", "admin": "admin"}
    assert allowed == {"empfang": False, "leitung": False, "admin": True}
