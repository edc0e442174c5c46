"""call lifecycle: each call's step, its lease, when its outcome was set, amendments

The call becomes a state machine owned by the services (core.call_flow): a call left
open by a crash or a quit is found by its lease and closed as abandoned, so its task
returns to the queue and the figures never count an open call twice or not at all.

Existing calls with an outcome are ``done``; open ones get the step their times say
(answered, hung up = outcome, else dialling) and a lease that has run out, so the next
sweep closes any a crashed app left behind.

Revision ID: tc02
Revises: dk01
Create Date: 2026-12-05 16:45:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import winback_desktop.db.types

revision = "tc02"
down_revision = "dk01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # add_column only: on SQLite the calls table must not be rebuilt (its triggers)
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.add_column(sa.Column("step", sa.String(length=12), server_default="done",
                                      nullable=False))
        batch_op.add_column(sa.Column("lease_expires_at",
                                      winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("outcome_at", winback_desktop.db.types.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("abandon_reason", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("amended_at", winback_desktop.db.types.UTCDateTime(timezone=True),
                                      nullable=True))
    op.create_index("ix_calls_step_lease", "calls", ["step", "lease_expires_at"],
                    unique=False)
    op.execute("UPDATE calls SET outcome_at = COALESCE(wrapup_ended_at, ended_at, started_at) "
               "WHERE disposition IS NOT NULL")
    op.execute("UPDATE calls SET step = CASE WHEN ended_at IS NOT NULL THEN 'outcome' "
               "WHEN answered_at IS NOT NULL THEN 'answered' ELSE 'dialling' END, "
               "lease_expires_at = started_at WHERE disposition IS NULL")


def downgrade() -> None:
    op.drop_index("ix_calls_step_lease", table_name="calls")
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.drop_column("amended_at")
        batch_op.drop_column("abandon_reason")
        batch_op.drop_column("outcome_at")
        batch_op.drop_column("lease_expires_at")
        batch_op.drop_column("step")
