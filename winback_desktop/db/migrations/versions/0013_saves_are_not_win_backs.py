"""Saves are not win-backs: a successful save-campaign call is ``saved`` and its
customer ``retained``.

Until now a save campaign recorded its successes as ``won_back`` and moved the at-risk
customer to ``won_back``, so every save counted as a win-back in scorecards and
rewards. This converts what is stored:

* calls of save campaigns with disposition ``won_back`` → ``saved`` (and the tasks'
  ``last_disposition`` likewise);
* customers marked ``won_back`` whose only success came from a save campaign (a saved
  call, or an offer accepted on a save campaign's task) and never from a win-back →
  ``retained``, the time moving from ``won_back_at`` to the new ``retained_at``.

Revision ID: tc01saves
Revises: cl01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import winback_desktop.db.types

revision = "tc01saves"
down_revision = "cl01"
branch_labels = None
depends_on = None

_SAVE_CAMPAIGNS = "SELECT id FROM campaigns WHERE kind = 'save'"
_SAVE_TASKS = f"SELECT id FROM call_tasks WHERE campaign_id IN ({_SAVE_CAMPAIGNS})"
_SAVED_SOMEWHERE = (
    "(EXISTS (SELECT 1 FROM calls c WHERE c.customer_id = customers.id "
    "AND c.disposition = 'saved') "
    "OR EXISTS (SELECT 1 FROM offer_requests o WHERE o.customer_id = customers.id "
    f"AND o.status = 'accepted' AND o.task_id IN ({_SAVE_TASKS})))")
_WON_BACK_SOMEWHERE = (
    "(EXISTS (SELECT 1 FROM calls c WHERE c.customer_id = customers.id "
    "AND c.disposition = 'won_back') "
    "OR EXISTS (SELECT 1 FROM offer_requests o WHERE o.customer_id = customers.id "
    f"AND o.status = 'accepted' AND o.task_id IS NOT NULL AND o.task_id NOT IN ({_SAVE_TASKS})))")


def upgrade() -> None:
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "retained_at", winback_desktop.db.types.UTCDateTime(timezone=True), nullable=True))
    op.execute(f"UPDATE calls SET disposition = 'saved' WHERE disposition = 'won_back' "
               f"AND campaign_id IN ({_SAVE_CAMPAIGNS})")
    op.execute(f"UPDATE call_tasks SET last_disposition = 'saved' "
               f"WHERE last_disposition = 'won_back' AND campaign_id IN ({_SAVE_CAMPAIGNS})")
    op.execute("UPDATE customers SET status = 'retained', retained_at = won_back_at, "
               f"won_back_at = NULL WHERE status = 'won_back' AND {_SAVED_SOMEWHERE} "
               f"AND NOT {_WON_BACK_SOMEWHERE}")


def downgrade() -> None:
    op.execute("UPDATE customers SET status = 'won_back', won_back_at = retained_at "
               "WHERE status = 'retained'")
    op.execute("UPDATE call_tasks SET last_disposition = 'won_back' "
               "WHERE last_disposition = 'saved'")
    op.execute("UPDATE calls SET disposition = 'won_back' WHERE disposition = 'saved'")
    # Not a batch (copy-and-rename) on SQLite: dropping the old customers table would
    # cascade to every call and task. SQLite 3.35+ drops a column in place.
    op.execute("ALTER TABLE customers DROP COLUMN retained_at")
