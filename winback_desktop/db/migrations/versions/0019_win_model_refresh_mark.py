"""The win model's refresh mark and its published rates.

* ``win_model_state`` (one row): the call id up to which every finished call has its
  fact (an ordinary refresh reads only the calls after it), and the cell layout the
  published rates are numbered by.
* ``win_model_rates``: P(win) per cell as the tasks carry it. A refresh publishes a
  cell's new rate only when it moved by more than the tolerance, and rewrites only the
  tasks whose stored figures differ from their cell's published rate, so new outcomes
  that barely move the model write (almost) nothing.

Revision ID: lr02
Revises: hd02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from winback_desktop.db.types import UTCDateTime

revision = "lr02"
down_revision = "hd02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "win_model_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facts_through_call_id", sa.BigInteger(), nullable=False),
        sa.Column("layout", sa.String(length=200), nullable=False),
        sa.Column("refreshed_at", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_win_model_state")),
    )
    op.create_table(
        "win_model_rates",
        sa.Column("code", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("p", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_win_model_rates")),
    )


def downgrade() -> None:
    op.drop_table("win_model_rates")
    op.drop_table("win_model_state")
