"""coaching messages

Revision ID: 0004
Revises: qb01
Create Date: 2026-11-23 14:30:06.447647
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import winback_desktop.db.types


revision = '0004'
down_revision = 'qb01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coaching_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_user_id', sa.Integer(), nullable=True),
    sa.Column('to_user_id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('read_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_coaching_messages_call_id_calls'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['from_user_id'], ['users.id'], name=op.f('fk_coaching_messages_from_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['to_user_id'], ['users.id'], name=op.f('fk_coaching_messages_to_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coaching_messages'))
    )
    with op.batch_alter_table('coaching_messages', schema=None) as batch_op:
        batch_op.create_index('ix_coaching_messages_to_read', ['to_user_id', 'read_at'], unique=False)



    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.create_index('ix_calls_flagged', ['flagged_for_review', 'started_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_index('ix_calls_flagged')

    with op.batch_alter_table('coaching_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_coaching_messages_to_read')

    op.drop_table('coaching_messages')
