"""What a customer's answer does beyond the call's own task (issue 19, DESIGN §6, §12).

Three answers say the customer is with us (again): won back, saved, and "still a
customer, just quiet" (:data:`core.domain.CUSTOMER_STAYS`). Each closes the customer's
open early-warning flag and ends any long-term plan they follow, under the answer's own
name, so the At-risk list and the plans never keep chasing someone who stayed.

"Still a customer" is the one answer that is neither a win-back nor a save: the
customer never left, so their status goes back to ``active``, nothing is counted as
recovered, and every other open task for them closes (no campaign should call them
about leaving). The flag is closed, not dismissed: the scan was right that they went
quiet, and a later scan may flag them again on new evidence.

:func:`apply_in_session` runs inside the transaction that records the answer (a call's
wrap-up, ``call log``), so the answer and its effects commit or fail together; the call
service decides the task's own state. :func:`confirm_still_customer` is the same answer
given without a call (a supervisor who checked the account), as its own use case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from winback_desktop.core.domain import (
    CUSTOMER_STAYS,
    CustomerStatus,
    Disposition,
    TaskStatus,
)
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import CallTask, Customer
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, plans, risk
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, require

#: open task states a "still a customer" answer closes for the customer's other tasks
_OPEN_TASKS = (TaskStatus.QUEUED.value, TaskStatus.CALLBACK.value, TaskStatus.EXHAUSTED.value)


@dataclass(frozen=True, slots=True)
class OutcomeEffects:
    """What one answer changed beyond the call's task (for the audit, the CLI, tests)."""

    customer_id: int
    outcome: str
    status_before: str
    status_after: str
    flags_closed: int
    plans_ended: int
    tasks_closed: int

    @property
    def changes(self) -> Changes:
        topics = [Topic.CUSTOMERS]
        if self.flags_closed:
            topics.append(Topic.RISK)
        if self.plans_ended:
            topics.append(Topic.CAMPAIGNS)
        if self.tasks_closed:
            topics.append(Topic.QUEUE)
        return Changes.of(*topics)

    def as_dict(self) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "outcome": self.outcome,
                "status_before": self.status_before, "status_after": self.status_after,
                "flags_closed": self.flags_closed, "plans_ended": self.plans_ended,
                "tasks_closed": self.tasks_closed}


def stays(disposition: Disposition | str | None) -> bool:
    """Whether an answer says the customer is with us (won back, saved, still a customer)."""
    return disposition is not None and str(disposition) in {d.value for d in CUSTOMER_STAYS}


def apply_in_session(session: Session, actor: Actor, customer: Customer,
                     disposition: Disposition | str, now: datetime | None = None, *,
                     task_id: int | None = None) -> OutcomeEffects | None:
    """Apply a staying answer's effects in the caller's transaction; ``None`` for others.

    For won back and saved the caller has already set the status (and counted the
    success); here only the flag and the plan follow. For "still a customer" this sets
    the status to ``active`` and closes the customer's other open tasks (all but
    ``task_id``, whose state the caller decides).
    """
    if not stays(disposition):
        return None
    outcome = Disposition(str(disposition))
    now = now or utcnow()
    before = customer.status
    tasks_closed = 0
    if outcome is Disposition.STILL_CUSTOMER:
        customer.status = CustomerStatus.ACTIVE.value
        customer.updated_at = now
        stmt = (update(CallTask)
                .where(CallTask.customer_id == customer.id,
                       CallTask.status.in_(_OPEN_TASKS))
                .values(status=TaskStatus.DONE.value, callback_at=None, updated_at=now,
                        last_disposition=outcome.value)
                .execution_options(synchronize_session="fetch"))
        if task_id is not None:
            stmt = stmt.where(CallTask.id != task_id)
        tasks_closed = session.execute(stmt).rowcount or 0  # type: ignore[attr-defined]
    flags = risk.close_for_customer(session, customer.id, outcome.value, actor, now)
    ended = plans.end_for_customer(session, actor, customer.id, outcome.value, now)
    effects = OutcomeEffects(customer.id, outcome.value, before, customer.status, flags,
                             ended, tasks_closed)
    if outcome is Disposition.STILL_CUSTOMER or flags:
        audit.record(session, actor, f"customer_{outcome.value}", "customer", customer.id,
                     before={"status": before}, after=effects.as_dict())
    return effects


def undo_in_session(session: Session, actor: Actor, customer: Customer,
                    disposition: Disposition | str, since: datetime,
                    now: datetime | None = None, *, task_id: int | None = None
                    ) -> tuple[int, int]:
    """A staying answer recorded at ``since`` was amended away: the early-warning flags
    and the plans it closed open again, in the caller's transaction (the amendment's).

    The caller has put the customer's status back. ``task_id`` (the amended call's task)
    keeps the state the amendment gave it. Returns (flags reopened, plans reopened).
    """
    if not stays(disposition):
        return 0, 0
    outcome = Disposition(str(disposition)).value
    flags = risk.reopen_for_customer(session, customer.id, outcome, since)
    reopened = plans.reopen_for_customer(session, actor, customer.id, outcome, since, now,
                                         keep_task_id=task_id)
    if flags or reopened:
        audit.record(session, actor, f"customer_{outcome}_taken_back", "customer",
                     customer.id, after={"flags_reopened": flags, "plans_reopened": reopened,
                                         "status": customer.status})
    return flags, reopened


def confirm_still_customer(db: Database, actor: Actor, customer_id: int,
                           note: str | None = None) -> OutcomeEffects:
    """A supervisor confirms, without a call, that the customer never left."""
    require(actor, Permission.IMPORT_CUSTOMERS)
    with db.session(immediate=True) as s:
        customer = s.get(Customer, customer_id)
        if customer is None:
            raise NotFound(what=str(customer_id))
        effects = apply_in_session(s, actor, customer, Disposition.STILL_CUSTOMER)
        assert effects is not None
        if note and note.strip():
            audit.record(s, actor, "customer_note", "customer", customer.id,
                         after={"note": note.strip()})
        return effects

