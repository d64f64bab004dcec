"""The agency directory: the demo file is complete, bad files are named precisely, imports
are upserts that never delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select

from app.codes import MUNICIPALITIES, AgencyKind
from app.db.engine import unit_of_work
from app.db.models import DirectoryOffice, Office
from app.services.database import Database
from app.services.directory import (
    DirectoryError,
    DirectoryFile,
    default_directory_path,
    import_directory,
    read_directory,
)

# Responsibility that depends on the municipality: exactly one office each (DOMAIN.md §3).
PER_MUNICIPALITY = (AgencyKind.JOBCENTER, AgencyKind.AUSLAENDERBEHOERDE,
                    AgencyKind.JUGENDAMT, AgencyKind.SOZIALAMT)


@pytest.fixture(scope="module")
def directory() -> DirectoryFile:
    return read_directory(default_directory_path())


def by_code(directory: DirectoryFile, code: str) -> Any:
    return next(o for o in (*directory.offices, *directory.integration_points) if o.code == code)


def test_every_agency_kind_has_an_office(directory: DirectoryFile) -> None:
    assert {office.agency_kind for office in directory.offices} == set(AgencyKind)


@pytest.mark.parametrize("kind", PER_MUNICIPALITY)
def test_one_responsible_office_per_municipality(directory: DirectoryFile,
                                                 kind: AgencyKind) -> None:
    for municipality in MUNICIPALITIES:
        responsible = [o.code for o in directory.offices
                       if o.agency_kind == kind and municipality in o.municipalities]
        assert len(responsible) == 1, (kind, municipality, responsible)


def test_addresses_from_the_domain_handbook(directory: DirectoryFile) -> None:
    agentur = by_code(directory, "agentur-moenchengladbach")
    assert (agentur.street, agentur.postal_code, agentur.city) == (
        "Lürriper Straße 56", "41065", "Mönchengladbach")
    assert set(agentur.municipalities) == set(MUNICIPALITIES)
    kreis = by_code(directory, "auslaenderbehoerde-kreis")
    assert (kreis.street, kreis.postal_code, kreis.city) == ("Lindenstraße 10", "41515",
                                                             "Grevenbroich")
    assert set(kreis.municipalities) == {"Kaarst", "Korschenbroich", "Meerbusch", "Jüchen",
                                         "Rommerskirchen", "Grevenbroich"}
    ki = by_code(directory, "ki-rhein-kreis-neuss")
    assert (ki.street, ki.postal_code, ki.city) == ("Oberstraße 91", "41460", "Neuss")
    assert by_code(directory, "jobcenter-neuss").street == "Karl-Arnold-Str. 20"
    assert set(by_code(directory, "jugendamt-kreis").municipalities) == {
        "Korschenbroich", "Jüchen", "Rommerskirchen"}


def test_our_integration_points(directory: DirectoryFile) -> None:
    neuss, grevenbroich = by_code(directory, "NE"), by_code(directory, "GV")
    assert neuss.street == "Karl-Arnold-Str. 20" and neuss.postal_code == "41462"
    assert set(neuss.municipalities) == {"Neuss", "Meerbusch", "Kaarst", "Korschenbroich",
                                         "Dormagen"}
    assert grevenbroich.street.startswith("Lindenstraße")
    assert set(grevenbroich.municipalities) == {"Grevenbroich", "Jüchen", "Rommerskirchen"}


def test_the_file_says_which_contact_details_are_demo_values() -> None:
    header = default_directory_path().read_text(encoding="utf-8")[:1500]
    assert "DEMO VALUES" in header and "verified" in header


# --- errors that name file, office and field ------------------------------------------------


def write_changed(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = yaml.safe_load(default_directory_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "rhein-kreis-neuss.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def office(data: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(o for o in data["offices"] if o["code"] == code)
    return found


def test_unknown_municipality_is_named(tmp_path: Path) -> None:
    path = write_changed(tmp_path, lambda d: office(d, "jobcenter-neuss")[
        "municipalities"].append("Nuss"))
    with pytest.raises(DirectoryError) as raised:
        read_directory(path)
    message = str(raised.value)
    assert message.startswith("rhein-kreis-neuss.yaml, Büro jobcenter-neuss, Feld "
                              "municipalities:")
    assert "„Nuss“" in message and "Neuss, Grevenbroich, Dormagen" in message
    assert (raised.value.office, raised.value.field) == ("jobcenter-neuss", "municipalities")


@pytest.mark.parametrize(("change", "office_code", "field", "words"), [
    (lambda d: office(d, "vhs-neuss").update(agency_kind="volkshochschule"), "vhs-neuss",
     "agency_kind", "„volkshochschule“"),
    (lambda d: office(d, "hwk-duesseldorf").pop("street"), "hwk-duesseldorf", "street",
     "Pflichtangabe"),
    (lambda d: office(d, "awo-neuss").update(postal_code=41460), "awo-neuss", "postal_code",
     "Anführungszeichen"),
    (lambda d: office(d, "drk-grevenbroich").update(municipality=["Neuss"]),
     "drk-grevenbroich", "municipality", "Unbekanntes Feld"),
    (lambda d: office(d, "vhs-dormagen").update(code="vhs-neuss"), "vhs-neuss", "code",
     "mehrfach"),
    (lambda d: office(d, "vhs-dormagen").update(code="VHS Dormagen"), "VHS Dormagen", "code",
     "Kleinbuchstaben"),
    (lambda d: d["integration_points"][0].update(code="Neuss"), "Neuss", "code",
     "2 bis 4 Großbuchstaben"),
    (lambda d: d.update(format="lotse-directory/9"), "", "format", "lotse-directory/1"),
])
def test_errors_name_office_and_field(tmp_path: Path, change: Callable[[dict[str, Any]], None],
                                      office_code: str, field: str, words: str) -> None:
    path = write_changed(tmp_path, change)
    with pytest.raises(DirectoryError) as raised:
        read_directory(path)
    assert (raised.value.office, raised.value.field) == (office_code, field)
    assert words in str(raised.value)
    assert str(raised.value).startswith("rhein-kreis-neuss.yaml")


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.yaml"
    path.write_text("format: lotse-directory/1\noffices: [\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match=r"^kaputt\.yaml: .*kein gültiges YAML"):
        read_directory(path)


# --- import ---------------------------------------------------------------------------------


def versions(database: Database) -> dict[str, int]:
    with unit_of_work(database.sessions) as session:
        rows = session.execute(select(DirectoryOffice.code, DirectoryOffice.version))
        return {code: version for code, version in rows}


def test_import_creates_then_leaves_unchanged(database: Database,
                                              directory: DirectoryFile) -> None:
    with unit_of_work(database.sessions) as session:
        first = import_directory(session, directory)
    assert (first.directory.created, first.offices.created) == (len(directory.offices), 2)
    before = versions(database)
    with unit_of_work(database.sessions) as session:
        second = import_directory(session, directory)
    assert (second.directory.created, second.directory.updated) == (0, 0)
    assert second.directory.unchanged == len(directory.offices)
    assert (second.offices.created, second.offices.updated, second.offices.unchanged) == (0, 0, 2)
    assert versions(database) == before
    with unit_of_work(database.sessions) as session:
        neuss = session.scalars(select(Office).where(Office.code == "NE")).one()
        assert neuss.municipalities == ["Neuss", "Meerbusch", "Kaarst", "Korschenbroich",
                                        "Dormagen"]


def test_import_updates_changed_offices_and_keeps_dropped_ones(
        database: Database, directory: DirectoryFile, tmp_path: Path) -> None:
    with unit_of_work(database.sessions) as session:
        import_directory(session, directory)

    def change(data: dict[str, Any]) -> None:
        office(data, "jobcenter-dormagen")["phone"] = "02133 9999-0"
        data["offices"] = [o for o in data["offices"] if o["code"] != "drk-grevenbroich"]

    changed = read_directory(write_changed(tmp_path, change))
    with unit_of_work(database.sessions) as session:
        report = import_directory(session, changed, origin="NE-1")
    assert (report.directory.created, report.directory.updated) == (0, 1)
    assert report.directory.missing == ["drk-grevenbroich"]
    assert "drk-grevenbroich" in report.summary()
    after = versions(database)
    assert after["jobcenter-dormagen"] == 2
    assert after["jobcenter-neuss"] == 1
    assert "drk-grevenbroich" in after  # never deleted by an import
    with unit_of_work(database.sessions) as session:
        dormagen = session.scalars(select(DirectoryOffice).where(
            DirectoryOffice.code == "jobcenter-dormagen")).one()
        assert (dormagen.phone, dormagen.origin) == ("02133 9999-0", "NE-1")
        assert session.scalar(select(func.count()).select_from(DirectoryOffice)) == len(
            directory.offices)
