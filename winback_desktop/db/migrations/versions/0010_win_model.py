"""The win model: P(win) and expected value on every task, a claim index in
expected-value order, the campaign's queue order, and the model's facts and cells.

* ``call_tasks.p_win`` / ``expected_value_minor``: as the win model last scored the
  task (NULL / 0 until then).
* ``ix_call_tasks_claim_ev``: the claim index of campaigns that order by expected value
  (same predicate and zone-by-zone layout as ``ix_call_tasks_claim``).
* ``campaigns.queue_order``: ``sltv`` (as before) or ``expected_value``.
* ``win_model_facts`` (one row per finished call, its cell as it was) and
  ``win_model_cells`` (tries and wins per cell).

Revision ID: lr01
Revises: ph01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "lr01"
down_revision = "ph01"
branch_labels = None
depends_on = None

_CLAIMABLE = ("status = 'queued' AND (segment IS NULL OR segment <> 'do_not_pursue') "
              "AND next_eligible_at IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("call_tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("p_win", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("expected_value_minor", sa.BigInteger(), nullable=False,
                                      server_default="0"))
        batch_op.create_index(
            "ix_call_tasks_claim_ev",
            ["campaign_id", "timezone", "expected_value_minor", "defection_date", "id"],
            unique=False, sqlite_where=sa.text(_CLAIMABLE),
            postgresql_where=sa.text(_CLAIMABLE))
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("queue_order", sa.String(length=20), nullable=False,
                                      server_default="sltv"))
    op.create_table(
        "win_model_facts",
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("tier", sa.String(length=10), nullable=False),
        sa.Column("segment", sa.String(length=20), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("won", sa.Boolean(), nullable=False),
        sa.Column("p_predicted", sa.Double(), nullable=True),
        sa.Column("observed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["calls.id"],
                                name=op.f("fk_win_model_facts_call_id_calls"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaigns.id"],
                                name=op.f("fk_win_model_facts_campaign_id_campaigns"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("call_id", name=op.f("pk_win_model_facts")),
    )
    op.create_table(
        "win_model_cells",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("tier", sa.String(length=10), nullable=False),
        sa.Column("segment", sa.String(length=20), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("age", sa.Integer(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("wins", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "reason", "tier", "segment", "attempt", "age",
                                name=op.f("pk_win_model_cells")),
    )


def downgrade() -> None:
    op.drop_table("win_model_cells")
    op.drop_table("win_model_facts")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("queue_order")
    with op.batch_alter_table("call_tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_call_tasks_claim_ev")
        batch_op.drop_column("expected_value_minor")
        batch_op.drop_column("p_win")
