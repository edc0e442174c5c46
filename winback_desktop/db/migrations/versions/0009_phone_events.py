"""phone events: what the phone system reported about each call (issue 20)

Revision ID: ph01
Revises: ew01
Create Date: 2026-12-05 10:26:18.158877
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import winback_desktop.db.types


revision = 'ph01'
down_revision = 'ew01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('call_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('dedupe_key', sa.String(length=120), nullable=False),
    sa.Column('at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('cause', sa.String(length=30), nullable=True),
    sa.Column('detail', sa.String(length=300), nullable=True),
    sa.Column('path', sa.String(length=1000), nullable=True),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('recorded_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_call_events_call_id_calls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_events')),
    sa.UniqueConstraint('call_id', 'dedupe_key', name=op.f('uq_call_events_call_id_dedupe_key'))
    )
    with op.batch_alter_table('call_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_events_call_id'), ['call_id'], unique=False)

    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answered_by', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('ended_by', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('end_cause', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('hold_seconds', sa.Integer(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_column('hold_seconds')
        batch_op.drop_column('end_cause')
        batch_op.drop_column('ended_by')
        batch_op.drop_column('answered_by')

    with op.batch_alter_table('call_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_events_call_id'))

    op.drop_table('call_events')
