"""The agent desk: not-ready reasons, help requests and supervisor-forced states.

* ``not_ready_reasons``: why an agent is not taking customers (break, lunch, training,
  meeting, admin to start with; admins edit the list);
* ``agent_presence.reason``: the reason of the current not-ready spell;
* ``agent_presence.help_requested_at``: the agent asked for help (the board lights the row);
* ``agent_presence.forced_by`` / ``forced_at``: a supervisor forced not-ready or logout.

Revision ID: dk01
Revises: tf01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import winback_desktop.db.types

revision = "dk01"
down_revision = "tf01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "not_ready_reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_not_ready_reasons")),
        sa.UniqueConstraint("code", name=op.f("uq_not_ready_reasons_code")),
    )
    with op.batch_alter_table("agent_presence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("help_requested_at",
                                      winback_desktop.db.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("forced_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("forced_at", winback_desktop.db.types.UTCDateTime(),
                                      nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_agent_presence_forced_by_users"), "users",
                                    ["forced_by"], ["id"], ondelete="SET NULL")
    from winback_desktop.db.reference import lightweight_table, not_ready_rows

    op.bulk_insert(lightweight_table("not_ready_reasons", not_ready_rows()), not_ready_rows())


def downgrade() -> None:
    with op.batch_alter_table("agent_presence", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_agent_presence_forced_by_users"),
                                 type_="foreignkey")
        batch_op.drop_column("forced_at")
        batch_op.drop_column("forced_by")
        batch_op.drop_column("help_requested_at")
        batch_op.drop_column("reason")
    op.drop_table("not_ready_reasons")
