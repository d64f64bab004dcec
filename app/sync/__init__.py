"""Synchronisation of branch replicas with the shared PostgreSQL hub (issue 7).

- ``tables``: which tables travel, and a row as JSON.
- ``capture``: changes are captured in the transaction that writes them (the hub's log, the
  replica's outbox).
- ``hub``: the hub's side – the handshake, applying a replica's batch idempotently with a
  field merge against the replica's base, and the pull cursor that cannot skip late commits.
- ``replica``: one sync round of a replica – push, then pull.
- ``branch``: making a replica (initial copy) and its identity.
"""
