"""An agent's campaigns found by index (every claim on PostgreSQL checks them).

The primary key of ``campaign_agents`` leads with the campaign, so "the campaigns of
this agent" read the whole table; the claim's settings check runs that lookup on
every claim.

Revision ID: qp01agents
Revises: cg02sortid
"""
from __future__ import annotations

from alembic import op

revision = "qp01agents"
down_revision = "cg02sortid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("campaign_agents", schema=None) as batch_op:
        batch_op.create_index("ix_campaign_agents_user", ["user_id", "campaign_id"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("campaign_agents", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_agents_user")
