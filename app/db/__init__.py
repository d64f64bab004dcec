"""Persistence: SQLAlchemy models, the engine, schema migrations."""
