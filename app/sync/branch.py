"""Making a branch replica: an initial copy from the hub, then incremental rounds.

The copy is read in one REPEATABLE READ transaction on the hub. Its cursor starts just below
the oldest transaction that was still running then, so a change committed while the copy
was read arrives with the first round (a change already in the copy may come again; applying
a row twice changes nothing). Persons are copied for the offices the branch serves, and with
them everything that belongs to them; offices, workstations, accounts and the directory are
copied whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, insert, select, text

from app.db.schema import stored_revision
from app.errors import LotseError
from app.i18n import _
from app.search import rebuild_all_keys
from app.sync import hub as hub_side
from app.sync.capture import ROLE_SETTING, Role
from app.sync.hub import END, Cursor, SyncRefusedError
from app.sync.state import CURSOR, HUB_URL, OFFICE, SERVED, WORKSTATION, write_value
from app.sync.tables import BASE, BY_NAME, SETTINGS, SYNCED, to_json

CHUNK = 2000
COUNTERS = "number_counters"


@dataclass(frozen=True)
class BranchCopy:
    office: str
    workstation: int
    rows: dict[str, int]  # copied rows per table

    def document(self) -> dict[str, Any]:
        return {"office": self.office, "workstation": self.workstation, "rows": self.rows}


def init_branch(replica: Engine, hub: Engine, hub_url: str, *, office: str, workstation: int,
                served: tuple[str, ...] = ()) -> BranchCopy:
    """Fill the empty replica from the hub and register the workstation there."""
    served = served or (office,)
    with replica.connect() as here:
        _check_empty(here)
        mine = stored_revision(here)
    with hub.connect().execution_options(isolation_level="REPEATABLE READ") as there, \
            there.begin():
        hub_side.handshake(there, mine, stored_revision(there))
        _check_office(there, office, served)
        _register(there, office, workstation)
        start = Cursor(hub_side.watermark(there) - 1, END)
        with replica.begin() as here:
            rows = {table.name: _copy(there, here, table, served) for table in SYNCED}
            rows[COUNTERS] = _copy_counters(there, here, office, workstation)
            _remember(here, hub_url, office, workstation, served, start)
            rebuild_all_keys(here)
    return BranchCopy(office, workstation, rows)


def _check_empty(here: Connection) -> None:
    persons = here.scalar(select(func.count()).select_from(BY_NAME["persons"]))
    if persons or here.scalar(select(SETTINGS.c.value).where(SETTINGS.c.key == HUB_URL)):
        raise LotseError(
            _("Die Zweigstellen-Datenbank ist nicht leer; eine Erstkopie braucht eine neue "
              "Datei."), hint=_("Einen neuen Dateinamen angeben."))


def _check_office(there: Connection, office: str, served: tuple[str, ...]) -> None:
    offices = BY_NAME["offices"]
    known = set(there.scalars(select(offices.c.code)))
    missing = [code for code in (office, *served) if code not in known]
    if missing:
        raise SyncRefusedError(
            _("Die Zentrale kennt die Dienststelle(n) {codes} nicht.").format(
                codes=", ".join(missing)),
            hint=_("Bekannt sind: {codes}.").format(codes=", ".join(sorted(known)) or "–"))


def _register(there: Connection, office: str, workstation: int) -> None:
    """One replica per workstation: its numbers must never collide with another's."""
    key = f"sync.replica.{office}-{workstation}"
    if there.scalar(select(SETTINGS.c.value).where(SETTINGS.c.key == key)) is not None:
        raise SyncRefusedError(
            _("Der Arbeitsplatz {office}-{number} ist schon als Zweigstelle angemeldet.")
            .format(office=office, number=workstation),
            hint=_("Eine andere Arbeitsplatznummer wählen: Nummern dürfen nie doppelt "
                   "vergeben werden."))
    there.execute(insert(SETTINGS).values(key=key, value=datetime.now(UTC).isoformat()))


def _copy(there: Connection, here: Connection, table: Any, served: tuple[str, ...]) -> int:
    copied = 0
    result = there.execution_options(yield_per=CHUNK).execute(_served_rows(table, served))
    for chunk in result.mappings().partitions():
        rows = [dict(row) for row in chunk]
        here.execute(insert(table), rows)
        here.execute(insert(BASE), [{"table_name": table.name, "row_id": row["id"],
                                     "data": to_json(table, row),
                                     "hub_version": row.get("version")} for row in rows])
        copied += len(rows)
    return copied


def _served_rows(table: Any, served: tuple[str, ...]) -> Select[Any]:
    persons, offices = BY_NAME["persons"], BY_NAME["offices"]
    people = select(persons.c.id).where(persons.c.office_id.in_(
        select(offices.c.id).where(offices.c.code.in_(served))))
    query = select(table)
    if table.name == "persons":  # a merged person's tombstone after the one it points to
        return query.where(persons.c.id.in_(people)).order_by(
            persons.c.merged_into_id.is_not(None))
    if table.name == "households":
        return query.where(table.c.id.in_(
            select(persons.c.household_id).where(persons.c.id.in_(people))))
    if "person_id" in table.c:
        return query.where(table.c.person_id.in_(people))
    if "referral_id" in table.c:
        referrals = BY_NAME["referrals"]
        ours = select(referrals.c.id).where(referrals.c.person_id.in_(people))
        if "visit_id" in table.c:  # a route sheet names the visit only
            visits = BY_NAME["visits"]
            return query.where(table.c.referral_id.in_(ours) | table.c.visit_id.in_(
                select(visits.c.id).where(visits.c.person_id.in_(people))))
        return query.where(table.c.referral_id.in_(ours))
    return query


def _copy_counters(there: Connection, here: Connection, office: str, workstation: int) -> int:
    """This workstation's number counters (it may have counted in shared mode before)."""
    rows = there.execute(text("SELECT scope, value FROM number_counters WHERE scope LIKE :mine"),
                         {"mine": f"%:{office}-{workstation}-%"}).mappings().all()
    for row in rows:
        here.execute(text("INSERT INTO number_counters (scope, value) VALUES (:scope, :value)"),
                     dict(row))
    return len(rows)


def _remember(here: Connection, hub_url: str, office: str, workstation: int,
              served: tuple[str, ...], start: Cursor) -> None:
    for key, value in ((ROLE_SETTING, Role.REPLICA.value), (HUB_URL, hub_url),
                       (OFFICE, office), (WORKSTATION, str(workstation)),
                       (SERVED, ",".join(served)), (CURSOR, start.text())):
        write_value(here, key, value)
