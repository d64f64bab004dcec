"""The approval queue's table model: what each column shows, the reasons as tooltip, and a
decision shown in place without losing the other rows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from app.services.approval import QueueRow
from ui.models.approval_model import ApprovalModel


def queue_row(reference: str, *reasons: str) -> QueueRow:
    return QueueRow(uuid.uuid4(), reference, datetime(2026, 3, 2, 12, tzinfo=UTC),
                    uuid.uuid4(), "Al-Hassan, Omar", "jugendamt", "Jugendamt Neuss",
                    "childcare_family", "draft", reasons)


def test_the_columns_show_the_row_readably() -> None:
    model = ApprovalModel()
    model.set_rows([queue_row("NE-1-2026-000004-1", "Überleitungen an Jugendamt brauchen "
                              "eine Freigabe", "Notiz zum Anliegen")])
    texts = [model.index(0, column).data() for column in range(model.columnCount())]
    assert texts == ["NE-1-2026-000004-1", "02.03.2026", "Al-Hassan, Omar", "Jugendamt",
                     "Jugendamt Neuss", "Kita/Familie", "Entwurf",
                     "Überleitungen an Jugendamt brauchen eine Freigabe; Notiz zum Anliegen"]
    assert model.headerData(7, Qt.Orientation.Horizontal) == "Warum Freigabe"
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Notiz zum Anliegen" in tooltip


def test_a_decision_changes_only_its_row() -> None:
    model = ApprovalModel()
    model.set_rows([queue_row("A-1"), queue_row("B-2")])
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    model.replace_status("B-2", "approved")
    assert changed == [1]
    assert [model.index(row, 6).data() for row in range(2)] == ["Entwurf", "Freigegeben"]
    model.replace_status("unknown", "approved")  # a row no longer listed: nothing happens
    assert model.rowCount() == 2 and changed == [1]


def test_the_month_chart_keeps_a_year_and_sums_up_the_earlier_months() -> None:
    from ui.controllers.statistics_text import recent_months

    months = {f"2025-{month:02d}": month for month in range(1, 13)} | {"2026-01": 20}
    shown = recent_months(months)
    assert list(shown)[:3] == ["früher", "02/2025", "03/2025"]
    assert shown["früher"] == 1 and shown["01/2026"] == 20 and len(shown) == 13
