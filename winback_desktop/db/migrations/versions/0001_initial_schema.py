"""Initial schema: every table of DESIGN §4.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 13:45:53.289058
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import winback_desktop.db.types
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('authority_limits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('tier', sa.String(length=10), nullable=False),
    sa.Column('max_cost_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_authority_limits')),
    sa.UniqueConstraint('role', 'tier', name=op.f('uq_authority_limits_role_tier'))
    )
    op.create_table('import_mappings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('mapping', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_mappings')),
    sa.UniqueConstraint('name', name=op.f('uq_import_mappings_name'))
    )
    op.create_table('offer_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('cost_rule', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('eligibility', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_templates')),
    sa.UniqueConstraint('code', 'version', name=op.f('uq_offer_templates_code_version'))
    )
    op.create_table('qa_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('criteria', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_forms')),
    sa.UniqueConstraint('name', 'version', name=op.f('uq_qa_forms_name_version'))
    )
    op.create_table('reward_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('params', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reward_rules'))
    )
    op.create_table('segment_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tier', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=False),
    sa.Column('treatment', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segment_rules')),
    sa.UniqueConstraint('tier', 'reason', name=op.f('uq_segment_rules_tier_reason'))
    )
    op.create_table('settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings')),
    sa.UniqueConstraint('scope', 'key', name=op.f('uq_settings_scope_key'))
    )
    op.create_table('sltv_tiers',
    sa.Column('tier', sa.String(length=10), nullable=False),
    sa.Column('min_sltv_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('tier', name=op.f('pk_sltv_tiers'))
    )
    op.create_table('teams',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams')),
    sa.UniqueConstraint('name', name=op.f('uq_teams_name'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('password_changed_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=True),
    sa.Column('skill_tiers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('skill_reasons', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('languages', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('seniority', sa.String(length=20), nullable=False),
    sa.Column('authority_override_minor', sa.BigInteger(), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_users_team_id_teams'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('login', name=op.f('uq_users_login'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_role'), ['role'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('user_login', sa.String(length=64), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=True),
    sa.Column('before', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('after', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('workstation', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('import_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('sheet', sa.String(length=200), nullable=True),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('started_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('undone_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('inserted', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('mapping', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_import_batches_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    op.create_table('interview_scripts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('published_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_interview_scripts_created_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['interview_scripts.id'], name=op.f('fk_interview_scripts_parent_id_interview_scripts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_scripts')),
    sa.UniqueConstraint('name', 'version', name=op.f('uq_interview_scripts_name_version'))
    )
    op.create_table('reward_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('source_type', sa.String(length=30), nullable=True),
    sa.Column('source_id', sa.BigInteger(), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_reward_ledger_agent_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_reward_ledger_created_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reverses_id'], ['reward_ledger.id'], name=op.f('fk_reward_ledger_reverses_id_reward_ledger'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rule_id'], ['reward_rules.id'], name=op.f('fk_reward_ledger_rule_id_reward_rules'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reward_ledger'))
    )
    with op.batch_alter_table('reward_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_reward_ledger_agent_at', ['agent_id', 'created_at'], unique=False)

    op.create_table('campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('customer_filter', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('window_start', sa.Time(), nullable=False),
    sa.Column('window_end', sa.Time(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('retry_gap_minutes', sa.Integer(), nullable=False),
    sa.Column('lease_minutes', sa.Integer(), nullable=False),
    sa.Column('sltv_params', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('script_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('started_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_campaigns_created_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['script_id'], ['interview_scripts.id'], name=op.f('fk_campaigns_script_id_interview_scripts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns')),
    sa.UniqueConstraint('name', name=op.f('uq_campaigns_name'))
    )
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('defection_reason', sa.String(length=30), nullable=False),
    sa.Column('defection_date', sa.Date(), nullable=True),
    sa.Column('reason_note', sa.Text(), nullable=True),
    sa.Column('trigger', sa.String(length=500), nullable=True),
    sa.Column('competitor', sa.String(length=200), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('annual_revenue_minor', sa.BigInteger(), nullable=True),
    sa.Column('annual_margin_minor', sa.BigInteger(), nullable=True),
    sa.Column('last_purchase_date', sa.Date(), nullable=True),
    sa.Column('purchase_count', sa.Integer(), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=True),
    sa.Column('region', sa.String(length=2), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('preferred_language', sa.String(length=10), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('sltv_minor', sa.BigInteger(), nullable=True),
    sa.Column('sltv_imported_minor', sa.BigInteger(), nullable=True),
    sa.Column('sltv_tier', sa.String(length=10), nullable=True),
    sa.Column('segment', sa.String(length=20), nullable=True),
    sa.Column('do_not_call', sa.Boolean(), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('won_back_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batches.id'], name=op.f('fk_customers_import_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_defection_date'), ['defection_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_external_id'), ['external_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index('ix_customers_reason_tier', ['defection_reason', 'sltv_tier'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_segment'), ['segment'], unique=False)
        batch_op.create_index('ix_customers_status_sltv', ['status', 'sltv_minor'], unique=False)

    op.create_table('interview_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('script_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=50), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('qtype', sa.String(length=20), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('help_text', sa.Text(), nullable=True),
    sa.Column('options', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['script_id'], ['interview_scripts.id'], name=op.f('fk_interview_questions_script_id_interview_scripts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_questions')),
    sa.UniqueConstraint('script_id', 'key', name=op.f('uq_interview_questions_script_id_key'))
    )
    with op.batch_alter_table('interview_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_questions_script_id'), ['script_id'], unique=False)

    op.create_table('call_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('sltv_minor', sa.BigInteger(), nullable=False),
    sa.Column('sltv_tier', sa.String(length=10), nullable=True),
    sa.Column('defection_reason', sa.String(length=30), nullable=False),
    sa.Column('defection_date', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('claimed_by', sa.Integer(), nullable=True),
    sa.Column('claimed_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('lease_expires_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_attempt_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('next_eligible_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('callback_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('callback_owner_id', sa.Integer(), nullable=True),
    sa.Column('last_disposition', sa.String(length=30), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['callback_owner_id'], ['users.id'], name=op.f('fk_call_tasks_callback_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_call_tasks_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claimed_by'], ['users.id'], name=op.f('fk_call_tasks_claimed_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_call_tasks_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_tasks')),
    sa.UniqueConstraint('campaign_id', 'customer_id', name=op.f('uq_call_tasks_campaign_id_customer_id'))
    )
    with op.batch_alter_table('call_tasks', schema=None) as batch_op:
        batch_op.create_index('ix_call_tasks_callbacks', ['campaign_id', 'status', 'callback_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_tasks_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_call_tasks_lease', ['status', 'lease_expires_at'], unique=False)
        batch_op.create_index('ix_call_tasks_queue', ['campaign_id', 'status', 'sltv_minor', 'id'], unique=False)

    op.create_table('campaign_agents',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_campaign_agents_campaign_id_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_campaign_agents_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'user_id', name=op.f('pk_campaign_agents'))
    )
    op.create_table('customer_phones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=True),
    sa.Column('raw', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_phones_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_phones'))
    )
    with op.batch_alter_table('customer_phones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_phones_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phones_e164'), ['e164'], unique=False)

    op.create_table('calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('phone_e164', sa.String(length=20), nullable=True),
    sa.Column('started_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('answered_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('wrapup_ended_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('disposition', sa.String(length=30), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('callback_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('flagged_for_review', sa.Boolean(), nullable=False),
    sa.Column('flagged_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_calls_agent_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_calls_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_calls_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['flagged_by'], ['users.id'], name=op.f('fk_calls_flagged_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['call_tasks.id'], name=op.f('fk_calls_task_id_call_tasks'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calls'))
    )
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.create_index('ix_calls_agent_started', ['agent_id', 'started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_calls_started_at', ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_task_id'), ['task_id'], unique=False)

    op.create_table('agent_presence',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('since', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('heartbeat_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('current_customer_id', sa.Integer(), nullable=True),
    sa.Column('current_call_id', sa.Integer(), nullable=True),
    sa.Column('script_step', sa.String(length=100), nullable=True),
    sa.Column('workstation', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_agent_presence_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['current_call_id'], ['calls.id'], name=op.f('fk_agent_presence_current_call_id_calls'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['current_customer_id'], ['customers.id'], name=op.f('fk_agent_presence_current_customer_id_customers'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_agent_presence_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_agent_presence'))
    )
    op.create_table('interview_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('script_id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('answers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('current_question_key', sa.String(length=50), nullable=True),
    sa.Column('completed_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('proposed_reason', sa.String(length=30), nullable=True),
    sa.Column('confirmed_reason', sa.String(length=30), nullable=True),
    sa.Column('reason_overridden', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_interview_responses_agent_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_interview_responses_call_id_calls'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_interview_responses_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['script_id'], ['interview_scripts.id'], name=op.f('fk_interview_responses_script_id_interview_scripts'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_responses'))
    )
    with op.batch_alter_table('interview_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_responses_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interview_responses_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interview_responses_script_id'), ['script_id'], unique=False)

    op.create_table('offer_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('offer_template_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('cost_minor', sa.BigInteger(), nullable=False),
    sa.Column('sltv_minor', sa.BigInteger(), nullable=False),
    sa.Column('agent_note', sa.Text(), nullable=True),
    sa.Column('requested_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('escalated_to', sa.String(length=20), nullable=True),
    sa.Column('decided_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('counter_offer', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('outcome_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decline_reason', sa.Text(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_offer_requests_agent_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_offer_requests_call_id_calls'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_offer_requests_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_offer_requests_decided_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['offer_template_id'], ['offer_templates.id'], name=op.f('fk_offer_requests_offer_template_id_offer_templates'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['task_id'], ['call_tasks.id'], name=op.f('fk_offer_requests_task_id_call_tasks'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offer_requests'))
    )
    with op.batch_alter_table('offer_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offer_requests_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offer_requests_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_offer_requests_status', ['status', 'requested_at'], unique=False)

    op.create_table('qa_evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('evaluator_id', sa.Integer(), nullable=True),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('scores', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('score_pct', sa.Integer(), nullable=True),
    sa.Column('critical_fail', sa.Boolean(), nullable=False),
    sa.Column('coaching_notes', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('agent_comment', sa.Text(), nullable=True),
    sa.Column('acknowledged_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('calibration_session', sa.String(length=100), nullable=True),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_qa_evaluations_agent_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_qa_evaluations_call_id_calls'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evaluator_id'], ['users.id'], name=op.f('fk_qa_evaluations_evaluator_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['form_id'], ['qa_forms.id'], name=op.f('fk_qa_evaluations_form_id_qa_forms'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_qa_evaluations'))
    )
    with op.batch_alter_table('qa_evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_qa_evaluations_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_qa_evaluations_call_id'), ['call_id'], unique=False)

    op.create_table('recordings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=1000), nullable=False),
    sa.Column('duration_ms', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('matched_by', sa.String(length=20), nullable=False),
    sa.Column('created_at', winback_desktop.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_recordings_call_id_calls'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recordings'))
    )
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recordings_call_id'), ['call_id'], unique=False)
    _seed_reference_data()


def _seed_reference_data() -> None:
    """Default SLTV tiers, segmentation grid (DESIGN §2) and authority limits."""
    from winback_desktop.db.reference import lightweight_table, reference_rows

    for name, rows in reference_rows().items():
        op.bulk_insert(lightweight_table(name, rows), rows)


def downgrade() -> None:
    with op.batch_alter_table('recordings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recordings_call_id'))

    op.drop_table('recordings')
    with op.batch_alter_table('qa_evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_qa_evaluations_call_id'))
        batch_op.drop_index(batch_op.f('ix_qa_evaluations_agent_id'))

    op.drop_table('qa_evaluations')
    with op.batch_alter_table('offer_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_offer_requests_status')
        batch_op.drop_index(batch_op.f('ix_offer_requests_customer_id'))
        batch_op.drop_index(batch_op.f('ix_offer_requests_agent_id'))

    op.drop_table('offer_requests')
    with op.batch_alter_table('interview_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_responses_script_id'))
        batch_op.drop_index(batch_op.f('ix_interview_responses_customer_id'))
        batch_op.drop_index(batch_op.f('ix_interview_responses_call_id'))

    op.drop_table('interview_responses')
    op.drop_table('agent_presence')
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calls_task_id'))
        batch_op.drop_index('ix_calls_started_at')
        batch_op.drop_index(batch_op.f('ix_calls_customer_id'))
        batch_op.drop_index('ix_calls_agent_started')

    op.drop_table('calls')
    with op.batch_alter_table('customer_phones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phones_e164'))
        batch_op.drop_index(batch_op.f('ix_customer_phones_customer_id'))

    op.drop_table('customer_phones')
    op.drop_table('campaign_agents')
    with op.batch_alter_table('call_tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_call_tasks_queue')
        batch_op.drop_index('ix_call_tasks_lease')
        batch_op.drop_index(batch_op.f('ix_call_tasks_customer_id'))
        batch_op.drop_index('ix_call_tasks_callbacks')

    op.drop_table('call_tasks')
    with op.batch_alter_table('interview_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_questions_script_id'))

    op.drop_table('interview_questions')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_status_sltv')
        batch_op.drop_index(batch_op.f('ix_customers_segment'))
        batch_op.drop_index('ix_customers_reason_tier')
        batch_op.drop_index(batch_op.f('ix_customers_import_batch_id'))
        batch_op.drop_index(batch_op.f('ix_customers_external_id'))
        batch_op.drop_index(batch_op.f('ix_customers_defection_date'))

    op.drop_table('customers')
    op.drop_table('campaigns')
    with op.batch_alter_table('reward_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_reward_ledger_agent_at')

    op.drop_table('reward_ledger')
    op.drop_table('interview_scripts')
    op.drop_table('import_batches')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')
        batch_op.drop_index('ix_audit_log_at')

    op.drop_table('audit_log')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_role'))

    op.drop_table('users')
    op.drop_table('teams')
    op.drop_table('sltv_tiers')
    op.drop_table('settings')
    op.drop_table('segment_rules')
    op.drop_table('reward_rules')
    op.drop_table('qa_forms')
    op.drop_table('offer_templates')
    op.drop_table('import_mappings')
    op.drop_table('authority_limits')
