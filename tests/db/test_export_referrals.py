"""Statistics and export on both engines, on a small hand-made set of referrals whose
figures are worked out by hand below."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.db.engine import unit_of_work
from app.db.models import Referral
from app.errors import ValidationError
from app.security.permissions import RefusedActionError
from app.services.database import Database
from app.services.referral_export import export_referrals
from app.services.referral_filters import ReferralFilter
from app.services.referral_lifecycle import ChangedBy, change_status
from app.services.referral_stats import referral_statistics
from tests.db.referral_scene import Supervision, add_referral, add_supervision, audit

NOV = datetime(2026, 11, 2, 10, tzinfo=UTC)
DEC = datetime(2026, 12, 1, 10, tzinfo=UTC)


def at(day: int, month: int = 12) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


@pytest.fixture
def office(database: Database) -> Supervision:
    """Seven referrals (the scene's three made in January; four made by hand):

    - Jugendamt, November, arrived 10 days later, then completed (outcome: 10 days)
    - Jugendamt, November, not reached after 20 days (outcome: 20 days)
    - Jobcenter (office GV), December, declined after 4 days (outcome: 4 days)
    - Jobcenter, December, cancelled (no outcome)
    Reached: 1 of 3 with an outcome; median days to outcome: 10.
    """
    office = add_supervision(database)  # its Jugendamt referral is removed below
    with unit_of_work(database.sessions) as session:
        session.scalars(select(Referral).where(
            Referral.reference == office.jugendamt)).one().deleted_at = NOV
        for reference in (office.scene.jobcenter, office.scene.residence, office.scene.school):
            session.scalars(select(Referral).where(
                Referral.reference == reference)).one().created_at = at(15, 1)
        made = [add_referral(session, office.scene, concern, kind, name, created=created,
                             reference_office=code)
                for concern, kind, name, created, code in (
                    ("childcare_family", "jugendamt", "JA 1", NOV, "NE"),
                    ("childcare_family", "jugendamt", "JA 2", NOV, "NE"),
                    ("benefits", "jobcenter", "JC GV", DEC, "GV"),
                    ("work", "jobcenter", "JC 2", DEC, "NE"))]
        by = ChangedBy.of(office.boss)
        for reference, path in zip(made, (
                [("approved", "", at(3, 11)), ("issued", "", at(4, 11)),
                 ("arrived", "", at(12, 11)), ("completed", "", at(20, 11))],
                [("approved", "", at(3, 11)), ("issued", "", at(4, 11)),
                 ("not_reached", "nicht erschienen", at(22, 11))],
                [("issued", "", at(2)), ("declined", "nicht zuständig", at(5))],
                [("cancelled", "doppelt", at(2))]), strict=True):
            referral = session.scalars(select(Referral).where(
                Referral.reference == reference)).one()
            for target, reason, when in path:
                change_status(session, referral, target, reason, by=by, now=when)
    return office


def test_statistics_of_the_hand_made_set(database: Database, office: Supervision) -> None:
    with database.sessions() as session:
        figures = referral_statistics(session, actor=office.boss,
                                      where=ReferralFilter(until=date(2026, 12, 31),
                                                           since=date(2026, 11, 1)))
    assert figures.total == 4  # the scene's three were made in January
    assert figures.by_agency_kind == {"jobcenter": 2, "jugendamt": 2}
    assert figures.by_concern == {"childcare_family": 2, "benefits": 1, "work": 1}
    assert figures.by_office == {"NE": 3, "GV": 1}
    assert figures.by_month == {"2026-11": 2, "2026-12": 2}
    assert figures.by_municipality == {"Neuss": 4}
    assert (figures.with_outcome, figures.reached) == (3, 1)
    assert figures.reached_share == pytest.approx(1 / 3)
    assert figures.median_days_to_outcome == 10


def test_statistics_follow_the_filters_and_are_for_supervisors(
        database: Database, office: Supervision) -> None:
    with database.sessions() as session:
        everything = referral_statistics(session, actor=office.boss)
        jugendamt = referral_statistics(session, actor=office.boss,
                                        where=ReferralFilter(agency_kind="jugendamt"))
        gv = referral_statistics(session, actor=office.boss, where=ReferralFilter(office="gv"))
        with pytest.raises(RefusedActionError):
            referral_statistics(session, actor=office.desk)
    assert everything.total == 7 and everything.by_month["2026-01"] == 3
    assert (jugendamt.total, jugendamt.median_days_to_outcome) == (2, 15)
    assert (gv.total, gv.reached_share, gv.median_days_to_outcome) == (1, 0.0, 4)


def export(database: Database, office: Supervision, path: Path, **filters: object) -> int:
    with unit_of_work(database.sessions) as session:
        return export_referrals(session, path, actor=office.boss,
                                where=ReferralFilter(**filters))  # type: ignore[arg-type]


def test_csv_opens_in_german_excel_and_carries_no_personal_data(
        database: Database, office: Supervision, tmp_path: Path) -> None:
    path = tmp_path / "referrals.csv"
    assert export(database, office, path, since=date(2026, 11, 1),
                  until=date(2026, 11, 30)) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Aktenzeichen", "Angelegt am", "Büro", "Stelle", "Stellenart",
                       "Anliegen", "Kommune", "Status", "Ergebnis am", "Tage bis Ergebnis"]
    assert [row[1:] for row in rows[1:]] == [
        ["02.11.2026", "NE", "JA 1", "Jugendamt", "Kita/Familie", "Neuss", "Erledigt",
         "12.11.2026", "10"],
        ["02.11.2026", "NE", "JA 2", "Jugendamt", "Kita/Familie", "Neuss",
         "Nicht erreicht", "22.11.2026", "20"]]
    text = raw.decode("utf-8-sig")
    for personal in ("Al-Hassan", "Omar", "Büttger", "2018", "Y7K3M9"):
        assert personal not in text
    last = audit(database)[-1]
    assert (last.action, last.username, last.details["rows"], last.details["format"]) == (
        "export", "leitung", 2, "csv")
    assert last.details["filters"] == {"since": "2026-11-01", "until": "2026-11-30"}


def test_xlsx_has_real_dates_and_numbers_and_the_same_filters(
        database: Database, office: Supervision, tmp_path: Path) -> None:
    path = tmp_path / "referrals.xlsx"
    assert export(database, office, path, agency_kind="jobcenter", since=date(2026, 12, 1),
                  until=date(2026, 12, 31)) == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Aktenzeichen" and len(rows) == 3
    declined = next(row for row in rows[1:] if row[2] == "GV")
    assert declined[1] == datetime(2026, 12, 1) and declined[8] == datetime(2026, 12, 5)
    assert declined[7] == "Abgelehnt" and declined[9] == 4
    cancelled = next(row for row in rows[1:] if row[2] == "NE")
    assert cancelled[7] == "Storniert" and cancelled[8] is None and cancelled[9] is None


def test_export_needs_a_supervisor_and_a_known_format(
        database: Database, office: Supervision, tmp_path: Path) -> None:
    with pytest.raises(RefusedActionError), unit_of_work(database.sessions) as session:
        export_referrals(session, tmp_path / "x.csv", actor=office.desk)
    assert not (tmp_path / "x.csv").exists() and audit(database)[-1].action == "refused"
    with pytest.raises(ValidationError, match=r"\.xlsx oder \.csv"):
        export(database, office, tmp_path / "x.ods")
