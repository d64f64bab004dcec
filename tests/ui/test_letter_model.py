"""The referral table of the letters area: what each column says, checked by Qt's model tester."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app.services.letters import ReferralRow
from ui.models.referral_model import ReferralModel


def row(reference: str, **changes: object) -> ReferralRow:
    values: dict[str, object] = {
        "referral_id": uuid.uuid4(), "reference": reference, "person_id": uuid.uuid4(),
        "person_name": "Al-Hassan, Fatima", "visit_id": None, "agency_kind": "jobcenter",
        "office_name": "Jobcenter Neuss", "concern": "benefits", "language": "ar",
        "status": "draft", "created_at": datetime(2026, 11, 20, tzinfo=UTC), "printed": False}
    return ReferralRow(**{**values, **changes})  # type: ignore[arg-type]


def texts(model: ReferralModel, number: int) -> list[str]:
    return [model.index(number, column).data() for column in range(model.columnCount())]


def test_columns_name_reference_person_office_concern_language_status_and_print(
        qtmodeltester: ModelTester) -> None:
    model = ReferralModel()
    model.set_rows([row("NE-1-2026-000001-7"),
                    row("NE-1-2026-000002-5", agency_kind="auslaenderbehoerde",
                        concern="residence", language="uk", status="issued", printed=True),
                    row("NE-1-2026-000003-3", agency_kind="new_kind", concern="")])
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Aktenzeichen", "Person", "Stelle", "Anliegen", "Sprache", "Status",
                       "Gedruckt"]
    assert texts(model, 0) == ["NE-1-2026-000001-7", "Al-Hassan, Fatima", "Jobcenter",
                               "Lebensunterhalt", "Arabisch", "Entwurf", "nein"]
    assert texts(model, 1)[2:] == ["Ausländerbehörde", "Aufenthalt", "Ukrainisch",
                                   "Ausgehändigt", "ja"]
    assert texts(model, 2)[2] == "new_kind"  # a code newer than the program stays readable
    assert "Jobcenter Neuss" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_a_printed_row_changes_in_place_and_unknown_rows_are_ignored(
        qtmodeltester: ModelTester) -> None:
    model = ReferralModel()
    first, second = row("NE-1-2026-000001-7"), row("NE-1-2026-000002-5")
    model.set_rows([first, second])
    qtmodeltester.check(model)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    model.replace_rows([replace(second, printed=True, status="issued"),
                        row("NE-1-2026-000009-1")])
    assert changed == [1]
    assert model.rowCount() == 2
    assert texts(model, 1)[5:] == ["Ausgehändigt", "ja"]
    assert model.row_of("NE-1-2026-000002-5") == 1
    assert model.row_of("NE-1-2026-000009-1") is None
