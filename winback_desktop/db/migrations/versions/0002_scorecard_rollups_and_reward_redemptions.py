"""scorecard rollups and reward redemptions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:01:02.777534
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import winback_desktop.db.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agent_daily_stats',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('dials', sa.Integer(), nullable=False),
    sa.Column('contacts', sa.Integer(), nullable=False),
    sa.Column('rpc', sa.Integer(), nullable=False),
    sa.Column('win_backs', sa.Integer(), nullable=False),
    sa.Column('sltv_recovered_minor', sa.BigInteger(), nullable=False),
    sa.Column('handle_seconds', sa.Double(), nullable=False),
    sa.Column('handled_calls', sa.Integer(), nullable=False),
    sa.Column('talk_seconds', sa.Double(), nullable=False),
    sa.Column('talked_calls', sa.Integer(), nullable=False),
    sa.Column('wrap_seconds', sa.Double(), nullable=False),
    sa.Column('wrapped_calls', sa.Integer(), nullable=False),
    sa.Column('computed_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_agent_daily_stats_agent_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agent_id', 'day', name=op.f('pk_agent_daily_stats'))
    )
    op.create_table('reward_redemptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=100), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('requested_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('ledger_entry_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_reward_redemptions_agent_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_reward_redemptions_decided_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ledger_entry_id'], ['reward_ledger.id'], name=op.f('fk_reward_redemptions_ledger_entry_id_reward_ledger'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reward_redemptions'))
    )
    with op.batch_alter_table('reward_redemptions', schema=None) as batch_op:
        batch_op.create_index('ix_reward_redemptions_status', ['status', 'requested_at'], unique=False)

    with op.batch_alter_table('reward_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_reward_ledger_source', ['source_type', 'source_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reward_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_reward_ledger_source')

    with op.batch_alter_table('reward_redemptions', schema=None) as batch_op:
        batch_op.drop_index('ix_reward_redemptions_status')

    op.drop_table('reward_redemptions')
    op.drop_table('agent_daily_stats')
