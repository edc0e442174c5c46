"""docs/IT.md's least-privilege workstation role, applied to a real PostgreSQL server:
the app works through it, and it can change no schema (issue 15)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from winback_desktop.db.session import Database
from winback_desktop.services import auth, users
from winback_desktop.services.context import Actor

DOC = Path(__file__).resolve().parents[2] / "docs" / "IT.md"


def _role_sql() -> list[str]:
    section = DOC.read_text(encoding="utf-8").split("### Least-privilege role for workstations")[1]
    block = re.search(r"```sql\n(.*?)```", section, re.S)
    assert block is not None, "IT.md lost the role's SQL"
    return [s.strip() for s in block.group(1).split(";") if s.strip()]


@pytest.mark.pg
def test_the_documented_workstation_role_works_but_changes_no_schema(pg_server_url: str) -> None:
    url = make_url(pg_server_url)
    role = f"wb_app_{uuid.uuid4().hex[:8]}"
    password = uuid.uuid4().hex
    owner_engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with owner_engine.connect() as conn:
        owner = conn.scalar(text("SELECT current_user"))
        for statement in _role_sql():
            sql = (statement.replace("winback_app", role)
                   .replace("PASSWORD '…'", f"PASSWORD '{password}'")
                   .replace("DATABASE winback", f'DATABASE "{url.database}"')
                   .replace("FOR ROLE winback", f'FOR ROLE "{owner}"'))
            conn.execute(text(sql))
    app_url = url.set(username=role, password=password).render_as_string(hide_password=False)
    db = Database(app_url)
    try:
        with db.session() as s:
            users.add_user(s, Actor.system(), f"boss{role}", "admin", "boss-pass-123")
        assert auth.authenticate(db, f"boss{role}", "boss-pass-123").login == f"boss{role}"
        for ddl in ("CREATE TABLE intruder (id int)", "DROP TABLE users",
                    "ALTER TABLE users ADD COLUMN evil text", "TRUNCATE audit_log"):
            with pytest.raises(ProgrammingError), db.engine.begin() as conn:
                conn.execute(text(ddl))
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT rolsuper OR rolcreaterole OR rolcreatedb "
                                    "FROM pg_roles WHERE rolname = current_user")) is False
    finally:
        db.dispose()
        with owner_engine.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        owner_engine.dispose()
