"""Customer identity enforced by the database: one customer per external ID.

* ``uq_customers_external_id``: unique on ``external_id`` where it is not NULL (both
  engines support the partial index). Two imports of one file at once can no longer
  both insert the same customers.
* ``ix_customers_email_lower``: rows without an ID match customers by e-mail,
  case-insensitively.

Databases written before may already hold several customers with one external ID (an
"import as a new, second customer" choice, or two imports at once on PostgreSQL). The
migration does not fail on them: the oldest customer keeps the ID, the others keep all
their data but give the ID up, each change goes to the audit log, and the groups are
reported to whoever runs the upgrade (``config.attributes["reports"]``).

Revision ID: cl01
Revises: ew02
"""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import context, op

revision = "cl01"
down_revision = "ew02"
branch_labels = None
depends_on = None

log = logging.getLogger("winback.migrations")

_WHERE = "external_id IS NOT NULL"


def _release_duplicates() -> list[dict[str, object]]:
    conn = op.get_bind()
    groups = conn.execute(sa.text(
        "SELECT external_id, min(id) FROM customers WHERE external_id IS NOT NULL "
        "GROUP BY external_id HAVING count(*) > 1 ORDER BY external_id")).all()
    found: list[dict[str, object]] = []
    now = datetime.now(UTC).replace(tzinfo=None)
    audit = sa.table("audit_log", sa.column("at"), sa.column("user_login"),
                     sa.column("action"), sa.column("entity"), sa.column("entity_id"),
                     sa.column("before", sa.JSON), sa.column("after", sa.JSON))
    for external_id, kept in groups:
        released = [r[0] for r in conn.execute(sa.text(
            "SELECT id FROM customers WHERE external_id = :e AND id <> :k ORDER BY id"),
            {"e": external_id, "k": kept})]
        conn.execute(sa.text("UPDATE customers SET external_id = NULL WHERE external_id = :e "
                             "AND id <> :k"), {"e": external_id, "k": kept})
        conn.execute(audit.insert(), [
            {"at": now, "user_login": "migration cl01", "action": "customer_id_released",
             "entity": "customer", "entity_id": str(cid),
             "before": {"external_id": external_id},
             "after": {"external_id": None, "kept_by_customer_id": kept}}
            for cid in released])
        found.append({"external_id": external_id, "kept": kept, "released": released})
    if found:
        log.warning("customer IDs held by several customers: %s",
                    json.dumps(found, ensure_ascii=False))
    return found


def upgrade() -> None:
    found = _release_duplicates()
    if found:
        reports = context.config.attributes.setdefault("reports", [])
        reports.append({"kind": "duplicate_customer_ids", "groups": found})
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("uq_customers_external_id", ["external_id"], unique=True,
                              sqlite_where=sa.text(_WHERE), postgresql_where=sa.text(_WHERE))
        batch_op.create_index("ix_customers_email_lower", [sa.text("lower(email)")],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_email_lower")
        batch_op.drop_index("uq_customers_external_id")
