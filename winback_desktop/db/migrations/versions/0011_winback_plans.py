"""Long-term win-back plans: templates of steps, enrolments, scheduled steps.

* ``winback_plans`` / ``winback_plan_steps``: a plan's steps over channels (letter,
  e-mail, SMS, call, visit) with wait days, text and who does it; seeded with a default
  long-term plan (for any reason) and an inactive courtesy plan.
* ``plan_enrollments``: a customer following a plan; ``plan_step_runs``: each step
  scheduled for them (a copy of the template step, its due day, its outcome).

Revision ID: ew02
Revises: lr01
Create Date: 2026-12-05 10:53:37.066733
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import winback_desktop.db.types
from sqlalchemy.dialects import postgresql

revision = 'ew02'
down_revision = 'lr01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('winback_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('default_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_winback_plans_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_winback_plans')),
    sa.UniqueConstraint('name', name=op.f('uq_winback_plans_name'))
    )
    op.create_table('plan_enrollments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('enrolled_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('enrolled_by', sa.Integer(), nullable=True),
    sa.Column('ended_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('end_reason', sa.String(length=30), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_plan_enrollments_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_plan_enrollments_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enrolled_by'], ['users.id'], name=op.f('fk_plan_enrollments_enrolled_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['winback_plans.id'], name=op.f('fk_plan_enrollments_plan_id_winback_plans'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_enrollments'))
    )
    with op.batch_alter_table('plan_enrollments', schema=None) as batch_op:
        batch_op.create_index('ix_plan_enrollments_customer', ['customer_id', 'status'], unique=False)
        batch_op.create_index('ix_plan_enrollments_status', ['status', 'plan_id'], unique=False)

    op.create_table('winback_plan_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('wait_days', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_role', sa.String(length=20), nullable=True),
    sa.Column('owner_user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['owner_user_id'], ['users.id'], name=op.f('fk_winback_plan_steps_owner_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['winback_plans.id'], name=op.f('fk_winback_plan_steps_plan_id_winback_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_winback_plan_steps')),
    sa.UniqueConstraint('plan_id', 'position', name=op.f('uq_winback_plan_steps_plan_id_position'))
    )
    op.create_table('plan_step_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrollment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('owner_role', sa.String(length=20), nullable=True),
    sa.Column('owner_user_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('done_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=30), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['done_by'], ['users.id'], name=op.f('fk_plan_step_runs_done_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['enrollment_id'], ['plan_enrollments.id'], name=op.f('fk_plan_step_runs_enrollment_id_plan_enrollments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_user_id'], ['users.id'], name=op.f('fk_plan_step_runs_owner_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['call_tasks.id'], name=op.f('fk_plan_step_runs_task_id_call_tasks'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_step_runs'))
    )
    with op.batch_alter_table('plan_step_runs', schema=None) as batch_op:
        batch_op.create_index('ix_plan_step_runs_due', ['status', 'due_on'], unique=False)
        batch_op.create_index('ix_plan_step_runs_enrollment', ['enrollment_id', 'position'], unique=False)

    from winback_desktop.db.reference import seed_plans

    seed_plans(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('plan_step_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_step_runs_enrollment')
        batch_op.drop_index('ix_plan_step_runs_due')

    op.drop_table('plan_step_runs')
    op.drop_table('winback_plan_steps')
    with op.batch_alter_table('plan_enrollments', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_enrollments_status')
        batch_op.drop_index('ix_plan_enrollments_customer')

    op.drop_table('plan_enrollments')
    op.drop_table('winback_plans')
