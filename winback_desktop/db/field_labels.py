"""What a person calls each column they can type into, for "The … is too long" messages.

The length check at flush (db/session.py) used to name the attribute, so a team name
that was too long was reported as "The name is too long" from `winback user add --team`,
and in English even in Chinese. Labels are translated with the message (core Term).
"""

from __future__ import annotations

from winback_desktop.core.errors import Term
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

#: The cap on unbounded text (notes, reasons, descriptions): ten pages is not a note,
#: and a megabyte pasted by mistake should be refused, not stored on every workstation.
TEXT_LIMIT = 10_000

_LABELS: dict[str, str] = {
    "teams.name": QT_TRANSLATE_NOOP("Fields", "team name"),
    "users.login": QT_TRANSLATE_NOOP("Fields", "login"),
    "users.display_name": QT_TRANSLATE_NOOP("Fields", "display name"),
    "import_mappings.name": QT_TRANSLATE_NOOP("Fields", "mapping name"),
    "not_ready_reasons.code": QT_TRANSLATE_NOOP("Fields", "reason code"),
    "not_ready_reasons.name": QT_TRANSLATE_NOOP("Fields", "reason name"),
    "offer_templates.code": QT_TRANSLATE_NOOP("Fields", "offer code"),
    "offer_templates.name": QT_TRANSLATE_NOOP("Fields", "offer name"),
    "qa_forms.name": QT_TRANSLATE_NOOP("Fields", "QA form name"),
    "reward_rules.name": QT_TRANSLATE_NOOP("Fields", "reward rule name"),
    "campaigns.name": QT_TRANSLATE_NOOP("Fields", "campaign name"),
    "interview_scripts.name": QT_TRANSLATE_NOOP("Fields", "script name"),
    "interview_scripts.description": QT_TRANSLATE_NOOP("Fields", "script description"),
    "winback_plans.name": QT_TRANSLATE_NOOP("Fields", "plan name"),
    "winback_plans.description": QT_TRANSLATE_NOOP("Fields", "plan description"),
    "customers.name": QT_TRANSLATE_NOOP("Fields", "customer name"),
    "customers.external_id": QT_TRANSLATE_NOOP("Fields", "customer ID"),
    "customers.competitor": QT_TRANSLATE_NOOP("Fields", "competitor"),
    "customers.city": QT_TRANSLATE_NOOP("Fields", "city"),
    "customers.email": QT_TRANSLATE_NOOP("Fields", "e-mail"),
    "customers.trigger": QT_TRANSLATE_NOOP("Fields", "defection trigger"),
    "customers.downgrade": QT_TRANSLATE_NOOP("Fields", "downgrade"),
    "customers.reason_note": QT_TRANSLATE_NOOP("Fields", "reason note"),
    "purchases.order_id": QT_TRANSLATE_NOOP("Fields", "order ID"),
    "purchases.product": QT_TRANSLATE_NOOP("Fields", "product"),
    "reward_redemptions.item": QT_TRANSLATE_NOOP("Fields", "reward item"),
    "reward_redemptions.note": QT_TRANSLATE_NOOP("Fields", "redemption note"),
    "reward_ledger.reason": QT_TRANSLATE_NOOP("Fields", "award reason"),
    "qa_evaluations.calibration_session": QT_TRANSLATE_NOOP("Fields", "calibration session"),
    "qa_evaluations.coaching_notes": QT_TRANSLATE_NOOP("Fields", "coaching notes"),
    "qa_evaluations.agent_comment": QT_TRANSLATE_NOOP("Fields", "agent's comment"),
    "agent_presence.reason": QT_TRANSLATE_NOOP("Fields", "not-ready reason"),
    "recordings.path": QT_TRANSLATE_NOOP("Fields", "recording path"),
    "call_events.path": QT_TRANSLATE_NOOP("Fields", "recording path"),
    "call_events.detail": QT_TRANSLATE_NOOP("Fields", "event detail"),
    "calls.notes": QT_TRANSLATE_NOOP("Fields", "call notes"),
    "interview_responses.notes": QT_TRANSLATE_NOOP("Fields", "interview notes"),
    "offer_requests.agent_note": QT_TRANSLATE_NOOP("Fields", "note for the approver"),
    "offer_requests.decision_note": QT_TRANSLATE_NOOP("Fields", "decision note"),
    "offer_requests.decline_reason": QT_TRANSLATE_NOOP("Fields", "decline reason"),
    "interview_questions.text": QT_TRANSLATE_NOOP("Fields", "question text"),
    "interview_questions.help_text": QT_TRANSLATE_NOOP("Fields", "question help"),
    "winback_plan_steps.text": QT_TRANSLATE_NOOP("Fields", "step text"),
    "plan_step_runs.text": QT_TRANSLATE_NOOP("Fields", "step text"),
    "plan_step_runs.note": QT_TRANSLATE_NOOP("Fields", "step note"),
    "coaching_messages.text": QT_TRANSLATE_NOOP("Fields", "coaching message"),
    "import_batches.file_name": QT_TRANSLATE_NOOP("Fields", "file name"),
    "import_batches.sheet": QT_TRANSLATE_NOOP("Fields", "sheet name"),
}
#: Codes chosen from lists, hashes and the like: a user never types them, so a generic word
_ANY = QT_TRANSLATE_NOOP("Fields", "value")


def field_label(table: str, column: str) -> Term:
    """The translatable label of ``table.column`` (generic "value" for internal columns)."""
    return Term(_LABELS.get(f"{table}.{column}", _ANY))
