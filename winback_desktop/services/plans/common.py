"""Plans: channels, kinds, errors and the data objects plan services return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from winback_desktop.core.choices import PLAN_CHANNELS
from winback_desktop.core.domain import CustomerStatus, TaskStatus
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.services.changes import Changes, Topic

CHANNELS = PLAN_CHANNELS
KINDS = ("long_term", "courtesy")
OWNER_ROLES = ("agent", "supervisor", "admin")
ANY_REASON = "*"
ACTIVE = "active"
#: how an enrolment ends when the customer's status says they are back or staying
_ENDED_BY_STATUS = {CustomerStatus.WON_BACK.value: "won_back",
                    CustomerStatus.ACTIVE.value: "still_customer",
                    CustomerStatus.RETAINED.value: "saved"}
_CLOSED_TASK = (TaskStatus.DONE.value, TaskStatus.EXHAUSTED.value, TaskStatus.DO_NOT_CALL.value)


class AlreadyEnrolled(Conflict):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "This customer already follows the plan '{plan}'.")


class NoPlan(NotFound):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "No active plan fits this customer: choose one, or mark a plan as the "
        "default for their reason.")


class PlanNeedsCampaign(ValidationError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The plan '{plan}' has call steps: choose the campaign whose agents make "
        "the calls.")


class StepNotPending(Conflict):
    default_text = QT_TRANSLATE_NOOP("Errors", "Step {step} is no longer waiting to be done.")


# ------------------------------------------------------------------------ data objects


@dataclass(frozen=True, slots=True)
class StepSpec:
    channel: str
    wait_days: int
    text: str = ""
    owner_role: str | None = None
    owner_user_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"channel": self.channel, "wait_days": self.wait_days, "text": self.text,
                "owner_role": self.owner_role, "owner_user_id": self.owner_user_id}


@dataclass(frozen=True, slots=True)
class PlanInfo:
    id: int
    name: str
    description: str | None
    kind: str
    default_reasons: list[str]
    campaign_id: int | None
    active: bool
    steps: list[StepSpec]
    active_enrollments: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "description": self.description,
                "kind": self.kind, "default_reasons": self.default_reasons,
                "campaign_id": self.campaign_id, "active": self.active,
                "active_enrollments": self.active_enrollments,
                "steps": [s.as_dict() for s in self.steps]}


@dataclass(frozen=True, slots=True)
class RunInfo:
    id: int
    position: int
    channel: str
    due_on: date
    status: str
    text: str
    owner_role: str | None
    task_id: int | None
    outcome: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "position": self.position, "channel": self.channel,
                "due_on": self.due_on.isoformat(), "status": self.status, "text": self.text,
                "owner_role": self.owner_role, "task_id": self.task_id,
                "outcome": self.outcome}


@dataclass(frozen=True, slots=True)
class EnrollmentInfo:
    id: int
    plan_id: int
    plan_name: str
    customer_id: int
    campaign_id: int | None
    status: str
    enrolled_at: datetime
    end_reason: str | None
    runs: list[RunInfo]

    @property
    def done_steps(self) -> int:
        return sum(1 for r in self.runs if r.status in ("done", "skipped"))

    @property
    def next_run(self) -> RunInfo | None:
        return next((r for r in self.runs if r.status == "pending"), None)

    @property
    def changes(self) -> Changes:
        return Changes.of(Topic.CAMPAIGNS, Topic.QUEUE, Topic.CUSTOMERS)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "plan_id": self.plan_id, "plan": self.plan_name,
                "customer_id": self.customer_id, "campaign_id": self.campaign_id,
                "status": self.status, "enrolled_at": self.enrolled_at.isoformat(),
                "end_reason": self.end_reason, "done_steps": self.done_steps,
                "steps": [r.as_dict() for r in self.runs]}


@dataclass(frozen=True, slots=True)
class TodoRow:
    run_id: int
    enrollment_id: int
    plan_name: str
    position: int
    steps_total: int
    channel: str
    due_on: date
    text: str
    owner_role: str | None
    owner_user_id: int | None
    customer_id: int
    external_id: str | None
    name: str
    email: str | None
    phone: str | None
    city: str | None
    language: str

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in ((f, getattr(self, f)) for f in self.__dataclass_fields__)}


@dataclass
class AdvanceResult:
    ended: int = 0
    steps_done: int = 0
    armed: int = 0
    completed: int = 0
    changed_customers: set[int] = field(default_factory=set)

