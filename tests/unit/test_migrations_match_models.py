"""The shipped migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from winback_desktop.db import migrate
from winback_desktop.db.engine import make_engine
from winback_desktop.db.models import Base


def test_migrations_match_models_on_sqlite(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{(tmp_path / 'm.sqlite3').as_posix()}")
    migrate.upgrade(engine, backup=False)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert diff == []


def test_single_head() -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert len(heads) == 1, heads
