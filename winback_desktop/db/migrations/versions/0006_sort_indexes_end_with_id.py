"""Customer sort indexes end with id (PostgreSQL pages 1M customers without re-sorting).

The customers screen pages with ``ORDER BY <column>, id LIMIT 200 OFFSET n``.
PostgreSQL can walk an index for that only if the index ends with id (SQLite appends
the rowid to every index by itself); without it, ties such as 600,000 customers with
status ``lost`` or 1M customers without an import batch are re-sorted for every page.

Revision ID: cg02sortid
Revises: cg01sort
"""
from __future__ import annotations

from alembic import op

revision = "cg02sortid"
down_revision = "cg01sort"
branch_labels = None
depends_on = None

#: name → (columns before, columns after)
_INDEXES = {
    "ix_customers_status_sltv": (["status", "sltv_minor"], ["status", "sltv_minor", "id"]),
    "ix_customers_reason_tier": (["defection_reason", "sltv_tier"],
                                 ["defection_reason", "sltv_tier", "id"]),
    "ix_customers_external_id": (["external_id"], ["external_id", "id"]),
    "ix_customers_defection_date": (["defection_date"], ["defection_date", "id"]),
    "ix_customers_segment": (["segment"], ["segment", "id"]),
    "ix_customers_import_batch_id": (["import_batch_id"], ["import_batch_id", "id"]),
    "ix_customers_name": (["name"], ["name", "id"]),
    "ix_customers_sltv_minor": (["sltv_minor"], ["sltv_minor", "id"]),
}


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        for name, (_before, after) in _INDEXES.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, after, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        for name, (before, _after) in _INDEXES.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, before, unique=False)
