"""Finding people by any spelling of their names, their birth date or their numbers."""

from app.search.find import Match, find_persons
from app.search.index import index_people, index_person, rebuild_all_keys, reindex

__all__ = ["Match", "find_persons", "index_people", "index_person", "rebuild_all_keys", "reindex"]
