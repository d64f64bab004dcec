"""The agency directory as Open Referral HSDS 3.0 (Human Services Data Specification), for
other directory systems: a JSON array of ``service`` objects shaped like the HSDS API's
service response (schema/compiled/service.json of openreferral/specification).

One office is one service: its organization (offices sharing a name share one, e.g. the
Jobcenter's branches), its location with the address, phone, opening hours as a schedule
description, the languages spoken, the documents to bring and one service area per
municipality it is responsible for. A retired office is exported with status ``inactive``.
Export only: HSDS has no place for Lotse's agency kinds and codes, so the directory comes back
in through its own format (app.services.directory_export).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.codes import AgencyKind
from app.db.models import DirectoryOffice
from app.iso_codes import language_name
from app.services.directory_export import sort_key, write_whole

STATE = "Nordrhein-Westfalen"  # every office of the demo district's directory is in NRW
_ORGANIZATIONS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:lotse:hsds:organization")


def export_hsds(session: Session) -> str:
    offices = sorted(session.scalars(select(DirectoryOffice)), key=sort_key)
    return json.dumps([service(office) for office in offices], ensure_ascii=False,
                      indent=2) + "\n"


def write_hsds(session: Session, path: Path) -> int:
    """Export into a file; returns how many services (offices) it lists."""
    text = export_hsds(session)
    write_whole(path, text)
    return len(json.loads(text))


def service(office: DirectoryOffice) -> dict[str, Any]:
    return _without_empty({
        "id": str(office.id),
        "organization_id": _organization_id(office),
        "name": " – ".join(part for part in (office.name, office.department) if part),
        "description": _kind_label(office.agency_kind),
        "url": office.website,
        "email": office.email,
        "status": "active" if office.deleted_at is None else "inactive",
        "alert": office.note,
        "organization": {"id": _organization_id(office), "name": office.name,
                         "description": _kind_label(office.agency_kind)},
        "phones": [_part(office, "phone", number=office.phone)] if office.phone else [],
        "schedules": ([_part(office, "schedule", description=office.opening_hours)]
                      if office.opening_hours else []),
        "languages": [_part(office, f"language:{code}", code=code, name=language_name(code))
                      for code in office.languages or ()],
        "service_areas": [_part(office, f"area:{name}", name=name, extent_type="text",
                                extent=name) for name in office.municipalities or ()],
        "required_documents": [_part(office, f"document:{position}", document=document)
                               for position, document in enumerate(office.documents or ())],
        "service_at_locations": [_part(office, "service_at_location", location=_location(
            office))],
    })


def _location(office: DirectoryOffice) -> dict[str, Any]:
    address = _part(office, "address", address_1=office.street, city=office.city,
                    state_province=STATE, postal_code=office.postal_code, country="DE",
                    address_type="physical")
    return _part(office, "location", location_type="physical", name=office.name,
                 addresses=[address])


def _part(office: DirectoryOffice, role: str, **fields: Any) -> dict[str, Any]:
    """A nested object with an id that stays the same from one export to the next."""
    return {"id": str(uuid.uuid5(office.id, role)), **fields}


def _organization_id(office: DirectoryOffice) -> str:
    return str(uuid.uuid5(_ORGANIZATIONS, office.name))


def _kind_label(code: str) -> str:
    try:
        return AgencyKind(code).label
    except ValueError:
        return code


def _without_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in ("", [], None)}
