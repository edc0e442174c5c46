"""scorecard definitions: SLTV on the call, saves and hold in the roll-ups, stale days

Revision ID: tf01
Revises: tc01saves
Create Date: 2026-12-05 14:00:00

Handle time is now talk + hold + wrap-up over the same calls, saves are counted apart
from win-backs and SLTV recovered is what the call recorded: the daily roll-ups are
emptied (the next scorecard recomputes them) rather than mixing two definitions.
Triggers on ``calls`` mark the UTC day of any inserted, changed or deleted call as
stale, so an amended outcome on a closed day reaches the roll-ups whichever code path
made it.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = 'tf01'
down_revision = 'tc01saves'
branch_labels = None
depends_on = None

_SQLITE_DAY = "date({row}.started_at)"
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION scorecard_mark_stale_day() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO scorecard_stale_days (day)
        VALUES (CAST((OLD.started_at AT TIME ZONE 'UTC') AS DATE)) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO scorecard_stale_days (day)
        VALUES (CAST((NEW.started_at AT TIME ZONE 'UTC') AS DATE)) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute("CREATE TRIGGER calls_scorecard_stale AFTER INSERT OR UPDATE OR DELETE "
                   "ON calls FOR EACH ROW EXECUTE FUNCTION scorecard_mark_stale_day()")
        return
    for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")),
                        ("DELETE", ("OLD",))):
        body = " ".join(f"INSERT OR IGNORE INTO scorecard_stale_days (day) "
                        f"VALUES ({_SQLITE_DAY.format(row=row)});" for row in rows)
        op.execute(f"CREATE TRIGGER calls_scorecard_stale_{event.lower()} AFTER {event} "
                   f"ON calls FOR EACH ROW BEGIN {body} END")


def _drop_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS calls_scorecard_stale ON calls")
        op.execute("DROP FUNCTION IF EXISTS scorecard_mark_stale_day()")
        return
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS calls_scorecard_stale_{event}")


def upgrade() -> None:
    op.create_table('scorecard_stale_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_scorecard_stale_days'))
    )
    # (SQLite: the calls table keeps its triggers only if it is not rebuilt afterwards)
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sltv_minor', sa.BigInteger(), nullable=True))
    op.execute("UPDATE calls SET sltv_minor = (SELECT COALESCE(t.sltv_minor, c.sltv_minor) "
               "FROM customers c LEFT JOIN call_tasks t ON t.id = calls.task_id "
               "WHERE c.id = calls.customer_id) "
               "WHERE disposition IN ('won_back', 'saved')")
    op.execute("DELETE FROM agent_daily_stats")
    op.execute("DELETE FROM settings WHERE key = 'scorecard_rollup_through'")
    with op.batch_alter_table('agent_daily_stats', schema=None) as batch_op:
        batch_op.add_column(sa.Column('winback_rpc', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('save_rpc', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('saves', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('sltv_saved_minor', sa.BigInteger(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('hold_seconds', sa.Double(), nullable=False,
                                      server_default='0'))
        batch_op.drop_column('handle_seconds')
        batch_op.drop_column('talked_calls')
        batch_op.drop_column('wrapped_calls')
    with op.batch_alter_table('agent_daily_stats', schema=None) as batch_op:
        for name in ('winback_rpc', 'save_rpc', 'saves', 'sltv_saved_minor', 'hold_seconds'):
            batch_op.alter_column(name, server_default=None)
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.execute("DELETE FROM agent_daily_stats")
    op.execute("DELETE FROM settings WHERE key = 'scorecard_rollup_through'")
    with op.batch_alter_table('agent_daily_stats', schema=None) as batch_op:
        batch_op.add_column(sa.Column('handle_seconds', sa.Double(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('talked_calls', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('wrapped_calls', sa.Integer(), nullable=False,
                                      server_default='0'))
        batch_op.drop_column('hold_seconds')
        batch_op.drop_column('sltv_saved_minor')
        batch_op.drop_column('saves')
        batch_op.drop_column('save_rpc')
        batch_op.drop_column('winback_rpc')
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_column('sltv_minor')
    op.drop_table('scorecard_stale_days')
