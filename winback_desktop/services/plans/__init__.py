"""Long-term win-back plans (DESIGN §2, §12): steps over channels instead of the SLTV queue.

A plan is a template of steps (letter, e-mail, SMS, call, visit; wait days; the script
or text; who does it). Enrolling a customer schedules every step from today: call
steps enter their campaign's queue on their day as team callbacks (due callbacks come
before the SLTV order, so no claim statement changes), the others are to-dos that can be
exported for a mail merge. Progress is kept per customer; a win-back, a save or "still
a customer" ends the plan, as does a do-not-call request.

``advance`` reconciles enrolments with what happened since (call outcomes, status
changes by any path: calls, offers, imports); the services that write and the screens
that show plans run it, so nothing stale is ever listed."""

from __future__ import annotations

from winback_desktop.services.plans.actions import (
    CustomerPlanSummary,
    EditorChoices,
    card_summary,
    customer_plans,
    due_todos,
    editor_choices,
    enroll,
    plan_details,
    plan_list,
    progress,
    save_plan_template,
)
from winback_desktop.services.plans.advancing import (
    advance,
    end_for_customer,
    refresh,
    reopen_for_customer,
)
from winback_desktop.services.plans.common import (
    ACTIVE,
    ANY_REASON,
    CHANNELS,
    KINDS,
    OWNER_ROLES,
    AdvanceResult,
    AlreadyEnrolled,
    EnrollmentInfo,
    NoPlan,
    PlanInfo,
    PlanNeedsCampaign,
    RunInfo,
    StepNotPending,
    StepSpec,
    TodoRow,
)
from winback_desktop.services.plans.enrolling import (
    enroll_customer,
    enroll_from_campaign,
    enrolled_customers,
)
from winback_desktop.services.plans.reading import (
    MERGE_COLUMNS,
    ProgressRow,
    StepDone,
    complete_step,
    customer_progress,
    enrollment_info,
    export_mail_merge,
    list_progress,
    localized,
    merge_text,
    todos,
)
from winback_desktop.services.plans.templates import (
    courtesy_plan,
    default_plan_for,
    get_plan,
    list_plans,
    save_plan,
)

__all__ = [
    "ACTIVE",
    "ANY_REASON",
    "CHANNELS",
    "KINDS",
    "MERGE_COLUMNS",
    "OWNER_ROLES",
    "AdvanceResult",
    "AlreadyEnrolled",
    "CustomerPlanSummary",
    "EditorChoices",
    "EnrollmentInfo",
    "NoPlan",
    "PlanInfo",
    "PlanNeedsCampaign",
    "ProgressRow",
    "RunInfo",
    "StepDone",
    "StepNotPending",
    "StepSpec",
    "TodoRow",
    "advance",
    "card_summary",
    "complete_step",
    "courtesy_plan",
    "customer_plans",
    "customer_progress",
    "default_plan_for",
    "due_todos",
    "editor_choices",
    "end_for_customer",
    "enroll",
    "enroll_customer",
    "enroll_from_campaign",
    "enrolled_customers",
    "enrollment_info",
    "export_mail_merge",
    "get_plan",
    "list_plans",
    "list_progress",
    "localized",
    "merge_text",
    "plan_details",
    "plan_list",
    "progress",
    "refresh",
    "reopen_for_customer",
    "save_plan",
    "save_plan_template",
    "todos",
]
