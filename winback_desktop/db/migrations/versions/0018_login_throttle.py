"""login back-off per login and workstation

Revision ID: hd02
Revises: hd01
Create Date: 2026-12-06 02:30:00

Failed logins are counted per typed login *and* workstation, and each one past the
first few makes that workstation wait longer before it may try that login again; an
attacker at one PC no longer locks the account out of every other PC (issue 15).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from winback_desktop.db.types import UTCDateTime


revision = 'hd02'
down_revision = 'hd01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'login_throttle',
        sa.Column('login_key', sa.String(length=64), nullable=False),
        sa.Column('workstation', sa.String(length=100), nullable=False),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('last_failed_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('retry_at', UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('login_key', 'workstation', name=op.f('pk_login_throttle')),
    )


def downgrade() -> None:
    op.drop_table('login_throttle')
