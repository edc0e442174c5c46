"""Queue: segment copied onto call_tasks; a partial claim index (claimable tasks only,
by campaign, zone, SLTV and defection date); aggressive autovacuum of the queue table
on PostgreSQL.

Revision ID: qb01
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "qb01"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Every claim leaves a dead index entry (status is indexed, so no HOT update); the
#: queue table is vacuumed after this many dead rows instead of 20 % of the table.
_AUTOVACUUM = (
    "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000, "
    "autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.05"
)


_CLAIMABLE = "status = 'queued' AND (segment IS NULL OR segment <> 'do_not_pursue')"


def upgrade() -> None:
    with op.batch_alter_table("call_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("segment", sa.String(length=20), nullable=True))
        batch_op.create_index(
            "ix_call_tasks_claim",
            ["campaign_id", "timezone", "sltv_minor", "defection_date", "id"],
            unique=False,
            sqlite_where=sa.text(_CLAIMABLE),
            postgresql_where=sa.text(_CLAIMABLE),
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE call_tasks SET ({_AUTOVACUUM})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE call_tasks RESET (autovacuum_vacuum_scale_factor, "
            "autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay, "
            "autovacuum_analyze_scale_factor)"
        )
    with op.batch_alter_table("call_tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_call_tasks_claim")
        batch_op.drop_column("segment")
