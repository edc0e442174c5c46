"""Alembic environment: runs on a connection handed in by ``db.migrate``."""

from __future__ import annotations

from alembic import context

from winback_desktop.db.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        engine = context.config.attributes.get("engine")
        if engine is None:
            from winback_desktop.db.engine import make_engine

            url = context.config.get_main_option("sqlalchemy.url")
            if not url:
                raise RuntimeError("no database given to the migration environment")
            engine = make_engine(url)
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
