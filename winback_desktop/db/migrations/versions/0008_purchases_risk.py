"""Purchase histories, per-customer purchase rhythm, early-warning flags.

* ``purchases``: imported purchases (or order lines); ``(customer_id, dedupe_key)`` is
  unique so a re-import of the same file adds nothing; ``ix_purchases_history`` covers
  the risk scan's read of every history in order.
* ``purchase_stats``: recency, frequency, spend and typical gap per customer.
* ``risk_flags``: customers the scan flagged, the signals why and the status they had.
* ``customers``: imported warning signs (complaints, overdue invoices, downgrade).
* ``import_batches.kind``: customer list or purchase history (their undo differs).

Revision ID: ew01
Revises: qp01claim
Create Date: 2026-12-05 09:20:46.974192
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import winback_desktop.db.types
from sqlalchemy.dialects import postgresql

revision = 'ew01'
down_revision = 'qp01claim'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('purchase_stats',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('first_purchase_on', sa.Date(), nullable=False),
    sa.Column('last_purchase_on', sa.Date(), nullable=False),
    sa.Column('purchases', sa.Integer(), nullable=False),
    sa.Column('spend_minor', sa.BigInteger(), nullable=False),
    sa.Column('typical_gap_days', sa.Double(), nullable=True),
    sa.Column('p_alive', sa.Double(), nullable=True),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_purchase_stats_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_purchase_stats'))
    )
    op.create_table('purchases',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('purchased_on', sa.Date(), nullable=False),
    sa.Column('amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('order_id', sa.String(length=100), nullable=True),
    sa.Column('product', sa.String(length=200), nullable=True),
    sa.Column('dedupe_key', sa.String(length=400), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_purchases_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batches.id'], name=op.f('fk_purchases_import_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchases')),
    sa.UniqueConstraint('customer_id', 'dedupe_key', name=op.f('uq_purchases_customer_id_dedupe_key'))
    )
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.create_index('ix_purchases_history', ['customer_id', 'purchased_on', 'amount_minor'], unique=False)
        batch_op.create_index('ix_purchases_import_batch_id', ['import_batch_id'], unique=False)

    op.create_table('risk_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('flagged_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('signals', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('p_alive', sa.Double(), nullable=True),
    sa.Column('previous_status', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['closed_by'], ['users.id'], name=op.f('fk_risk_flags_closed_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_risk_flags_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_flags'))
    )
    with op.batch_alter_table('risk_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_flags_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_risk_flags_status', ['status', 'flagged_at'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('complaints', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('overdue_invoices', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('downgrade', sa.String(length=200), nullable=True))

    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), server_default='customers', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('import_batches', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('downgrade')
        batch_op.drop_column('overdue_invoices')
        batch_op.drop_column('complaints')

    with op.batch_alter_table('risk_flags', schema=None) as batch_op:
        batch_op.drop_index('ix_risk_flags_status')
        batch_op.drop_index(batch_op.f('ix_risk_flags_customer_id'))

    op.drop_table('risk_flags')
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.drop_index('ix_purchases_import_batch_id')
        batch_op.drop_index('ix_purchases_history')

    op.drop_table('purchases')
    op.drop_table('purchase_stats')
