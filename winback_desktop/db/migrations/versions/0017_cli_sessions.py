"""cli sessions and the audit channel

Revision ID: hd01
Revises: tc02
Create Date: 2026-12-05 16:45:00

``winback login`` keeps a revocable session per workstation (only the token's SHA-256
is stored); every audit row says whether it came from the app or the command line.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from winback_desktop.db.types import UTCDateTime


revision = 'hd01'
down_revision = 'tc02'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'cli_sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('workstation', sa.String(length=100), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('last_used_at', UTCDateTime(timezone=True), nullable=True),
        sa.Column('revoked_at', UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_cli_sessions_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cli_sessions')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_cli_sessions_token_hash')),
    )
    op.create_index(op.f('ix_cli_sessions_user_id'), 'cli_sessions', ['user_id'], unique=False)
    with op.batch_alter_table('audit_log') as batch:
        batch.add_column(sa.Column('channel', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('audit_log') as batch:
        batch.drop_column('channel')
    op.drop_index(op.f('ix_cli_sessions_user_id'), table_name='cli_sessions')
    op.drop_table('cli_sessions')
