"""Indexes the customers screen sorts by: name and SLTV.

Revision ID: cg01sort
Revises: 0004
"""
from __future__ import annotations

from alembic import op

revision = "cg01sort"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("ix_customers_name", ["name"], unique=False)
        batch_op.create_index("ix_customers_sltv_minor", ["sltv_minor"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_sltv_minor")
        batch_op.drop_index("ix_customers_name")
