"""Searching persons at the counter: the permission check in front of the search index.

The search itself (app/search) knows nothing of accounts; every caller that searches on
behalf of a user comes through here, so that a role without Action.SEARCH never sees a name.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.search import Match, find_persons
from app.security.permissions import Action, Actor, require


def search_persons(session: Session, text: str, *, actor: Actor, limit: int = 50,
                   offset: int = 0) -> list[Match]:
    """The persons that fit the search text, best first (see app.search.find_persons)."""
    require(session, actor, Action.SEARCH)
    return find_persons(session, text, limit=limit, offset=offset)
