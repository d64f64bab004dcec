"""The late-commit race on the hub, reproduced: a long transaction writes first and commits
last. A cursor on the log's sequence alone would pass its entry while it is still invisible
and never deliver it; the watermark cursor holds every later entry back until it commits.
And its mirror image: a transaction that began first but wrote a row last – the log's order
(by transaction) puts its newer row before the older one, and the row versions set it right.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.db.engine import unit_of_work
from app.db.models import Person
from app.sync.tables import LOG
from tests.sync.scene import Branch, Hub, differences

pytestmark = pytest.mark.postgres


def phone(branch: Branch, person: object) -> str:
    with branch.database.sessions() as session:
        return session.get_one(Person, person).phone


def test_a_late_commit_is_not_skipped(hub: Hub, branch: Branch) -> None:
    branch.sync(hub)
    with hub.database.engine.connect() as connection:
        before = connection.scalar(select(func.max(LOG.c.seq))) or 0
    # Plain changes (the services' audit entries would serialise the two transactions).
    slow = hub.database.sessions()
    slow.begin()
    slow.get_one(Person, hub.scene.mother).phone = "0170 1"
    slow.flush()  # its log entry has a sequence number now, but is not committed
    with unit_of_work(hub.database.sessions) as quick:  # starts later, commits first
        quick.get_one(Person, hub.scene.son).phone = "0170 2"
    with hub.database.engine.connect() as connection:
        visible = list(connection.scalars(select(LOG.c.seq).where(LOG.c.seq > before)))
    assert len(visible) == 1 and visible[0] > before + 1  # the slow entry's seq is below it
    # A reader that remembered max(seq) now would never look below it again. Ours waits:
    report = branch.sync(hub)
    assert report.pulled == 0
    assert phone(branch, hub.scene.son) != "0170 2"
    slow.commit()
    slow.close()
    report = branch.sync(hub)
    assert report.pulled == 2
    assert (phone(branch, hub.scene.mother), phone(branch, hub.scene.son)) == ("0170 1",
                                                                               "0170 2")
    assert differences(branch.database, hub.database) == []


def test_a_row_written_last_by_the_older_transaction_stays_the_newest(
        hub: Hub, branch: Branch) -> None:
    branch.sync(hub)
    early = hub.database.sessions()
    early.begin()
    early.execute(text("SELECT pg_current_xact_id()"))  # its place in the log is taken now
    with unit_of_work(hub.database.sessions) as later:  # begins later, writes and commits
        later.get_one(Person, hub.scene.mother).phone = "0170 3"
    mother = early.get_one(Person, hub.scene.mother)  # sees that phone, adds the e-mail
    mother.email = "mutter@example.org"
    early.commit()
    early.close()
    with hub.database.engine.connect() as connection:
        entries = connection.execute(select(LOG.c.txid, LOG.c.row_version, LOG.c.data).where(
            LOG.c.row_id == hub.scene.mother).order_by(LOG.c.txid, LOG.c.seq)).all()
    assert [entry.data["email"] for entry in entries[-2:]] == ["mutter@example.org", ""]
    branch.sync(hub)
    with branch.database.sessions() as session:
        here = session.get_one(Person, hub.scene.mother)
        assert (here.phone, here.email) == ("0170 3", "mutter@example.org")
    assert differences(branch.database, hub.database) == []
