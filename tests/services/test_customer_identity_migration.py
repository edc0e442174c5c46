"""Migration cl01: duplicates already in a database are reported, not a failed upgrade."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from winback_desktop.db import migrate
from winback_desktop.db.models import AuditEntry, Customer


def _at(db, revision: str) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def test_existing_duplicates_are_reported_and_the_index_created(db) -> None:  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    _at(db, str(script.get_revision("cl01").down_revision))
    with db.engine.begin() as conn:
        for ext, name in (("C1", "first"), ("C1", "second"), ("C2", "only"), ("C1", "third"),
                          (None, "no id"), (None, "no id either")):
            conn.execute(text("INSERT INTO customers (external_id, name, status, "
                              "defection_reason, currency, timezone, preferred_language, "
                              "do_not_call, created_at, updated_at, version_id) VALUES "
                              "(:e, :n, 'lost', 'unknown', 'CNY', 'Asia/Shanghai', 'zh', "
                              "false, '2026-01-01', '2026-01-01', 1)"), {"e": ext, "n": name})
    reports: list[dict] = []
    migrate.upgrade(db.engine, backup=False, on_report=reports.append)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.session() as s:
        rows = s.execute(select(Customer.id, Customer.external_id, Customer.name)
                         .order_by(Customer.id)).all()
        released = s.execute(select(AuditEntry.entity_id, AuditEntry.before, AuditEntry.after)
                             .where(AuditEntry.action == "customer_id_released")
                             .order_by(AuditEntry.id)).all()
    ids = [r.id for r in rows]
    assert [(r.external_id, r.name) for r in rows] == [
        ("C1", "first"), (None, "second"), ("C2", "only"), (None, "third"), (None, "no id"),
        (None, "no id either")]
    assert reports == [{"kind": "duplicate_customer_ids",
                        "groups": [{"external_id": "C1", "kept": ids[0],
                                    "released": [ids[1], ids[3]]}]}]
    assert [(e, b["external_id"], a["kept_by_customer_id"]) for e, b, a in released] == [
        (str(ids[1]), "C1", ids[0]), (str(ids[3]), "C1", ids[0])]
    # from now on the database itself refuses a second customer with one ID
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Customer(external_id="C2", name="again"))
        s.flush()
    with db.session() as s:
        s.add_all([Customer(name="x"), Customer(name="y")])  # no ID: any number of them
        assert s.scalar(select(func.count()).select_from(Customer)) == 8
