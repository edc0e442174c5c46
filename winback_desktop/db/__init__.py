"""Persistence: typed models, engines and sessions, Alembic migrations."""
