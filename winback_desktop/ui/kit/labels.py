"""Translated names of stored vocabulary (roles, languages) for display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

ROLE_NAMES = {
    "agent": QT_TRANSLATE_NOOP("Roles", "Agent"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_name(role: str) -> str:
    source = ROLE_NAMES.get(str(role))
    return QCoreApplication.translate("Roles", source) if source else str(role)


def screen_title(title: str) -> str:
    return QCoreApplication.translate("Screens", title)


#: Audit log actions and entities the foundation writes; other areas add theirs.
#: Unknown codes are shown as stored.
AUDIT_ACTIONS = {
    "login": QT_TRANSLATE_NOOP("Audit", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("Audit", "Failed login"),
    "cli_login": QT_TRANSLATE_NOOP("Audit", "Logged in at the command line"),
    "cli_sessions_revoked": QT_TRANSLATE_NOOP("Audit", "Command-line logins revoked"),
    "act_for": QT_TRANSLATE_NOOP("Audit", "Acted for an agent"),
    "refused": QT_TRANSLATE_NOOP("Audit", "Refused"),
    "account_locked": QT_TRANSLATE_NOOP("Audit", "Account locked"),
    "account_unlocked": QT_TRANSLATE_NOOP("Audit", "Account unlocked"),
    "login_throttled": QT_TRANSLATE_NOOP("Audit", "Logins put on hold"),
    "password_changed": QT_TRANSLATE_NOOP("Audit", "Password changed"),
    "password_reset": QT_TRANSLATE_NOOP("Audit", "Password reset"),
    "user_created": QT_TRANSLATE_NOOP("Audit", "User created"),
    "user_updated": QT_TRANSLATE_NOOP("Audit", "User changed"),
    "language_changed": QT_TRANSLATE_NOOP("Audit", "Language changed"),
    "setting_changed": QT_TRANSLATE_NOOP("Audit", "Setting changed"),
    "demo_loaded": QT_TRANSLATE_NOOP("Audit", "Demo data loaded"),
    "agent_forced_logout": QT_TRANSLATE_NOOP("Audit", "Agent logged out by a supervisor"),
    "agent_forced_not_ready": QT_TRANSLATE_NOOP("Audit", "Agent set not ready by a supervisor"),
    "agent_not_ready": QT_TRANSLATE_NOOP("Audit", "Agent not ready"),
    "agent_ready": QT_TRANSLATE_NOOP("Audit", "Agent ready"),
    "authority_limit_changed": QT_TRANSLATE_NOOP("Audit", "Approval limit changed"),
    "authority_override_changed": QT_TRANSLATE_NOOP("Audit", "Personal approval limit changed"),
    "call_finished": QT_TRANSLATE_NOOP("Audit", "Call finished"),
    "call_abandoned": QT_TRANSLATE_NOOP("Audit", "Call abandoned"),
    "call_answered": QT_TRANSLATE_NOOP("Audit", "Call answered"),
    "call_ended": QT_TRANSLATE_NOOP("Audit", "Call ended"),
    "call_offer_accepted": QT_TRANSLATE_NOOP("Audit", "Offer accepted on the call"),
    "call_outcome_amended": QT_TRANSLATE_NOOP("Audit", "Call outcome corrected"),
    "call_started": QT_TRANSLATE_NOOP("Audit", "Call started"),
    "call_wrapped_up": QT_TRANSLATE_NOOP("Audit", "Call wrapped up"),
    "call_flagged": QT_TRANSLATE_NOOP("Audit", "Call flagged for review"),
    "call_monitored": QT_TRANSLATE_NOOP("Audit", "Call listened in on"),
    "callback_opened": QT_TRANSLATE_NOOP("Audit", "Callback opened"),
    "campaign_agents_assigned": QT_TRANSLATE_NOOP("Audit", "Campaign agents assigned"),
    "campaign_created": QT_TRANSLATE_NOOP("Audit", "Campaign created"),
    "campaign_paused": QT_TRANSLATE_NOOP("Audit", "Campaign paused"),
    "campaign_started": QT_TRANSLATE_NOOP("Audit", "Campaign started"),
    "campaign_updated": QT_TRANSLATE_NOOP("Audit", "Campaign changed"),
    "coaching_message": QT_TRANSLATE_NOOP("Audit", "Coaching message sent"),
    "customer_note": QT_TRANSLATE_NOOP("Audit", "Customer note added"),
    "customer_resegmented": QT_TRANSLATE_NOOP("Audit", "Customer re-segmented"),
    "customers_exported": QT_TRANSLATE_NOOP("Audit", "Customers exported"),
    "database_backup": QT_TRANSLATE_NOOP("Audit", "Database backed up"),
    "database_migrated_in": QT_TRANSLATE_NOOP("Audit", "Database moved in"),
    "database_migrated_out": QT_TRANSLATE_NOOP("Audit", "Database moved out"),
    "database_restore": QT_TRANSLATE_NOOP("Audit", "Database restored"),
    "database_restore_started": QT_TRANSLATE_NOOP("Audit", "Database restore started"),
    "database_restore_blocked": QT_TRANSLATE_NOOP(
        "Audit", "Database restore stopped: others still connected"),
    "help_answered": QT_TRANSLATE_NOOP("Audit", "Help request answered"),
    "help_requested": QT_TRANSLATE_NOOP("Audit", "Help requested"),
    "import_batch_created": QT_TRANSLATE_NOOP("Audit", "Customers imported"),
    "import_batch_undone": QT_TRANSLATE_NOOP("Audit", "Import undone"),
    "import_mapping_deleted": QT_TRANSLATE_NOOP("Audit", "Import mapping deleted"),
    "import_mapping_saved": QT_TRANSLATE_NOOP("Audit", "Import mapping saved"),
    "interview_completed": QT_TRANSLATE_NOOP("Audit", "Interview completed"),
    "interview_paused": QT_TRANSLATE_NOOP("Audit", "Interview paused"),
    "interview_report_exported": QT_TRANSLATE_NOOP("Audit", "Interview report exported"),
    "interview_resumed": QT_TRANSLATE_NOOP("Audit", "Interview resumed"),
    "interview_started": QT_TRANSLATE_NOOP("Audit", "Interview started"),
    "microsip_hooks_written": QT_TRANSLATE_NOOP("Audit", "Softphone hooks written"),
    "not_ready_reason_added": QT_TRANSLATE_NOOP("Audit", "Not-ready reason added"),
    "not_ready_reason_changed": QT_TRANSLATE_NOOP("Audit", "Not-ready reason changed"),
    "offer_accepted": QT_TRANSLATE_NOOP("Audit", "Offer accepted by the customer"),
    "offer_requested": QT_TRANSLATE_NOOP("Audit", "Offer requested"),
    "offer_approved": QT_TRANSLATE_NOOP("Audit", "Offer approved"),
    "offer_rejected": QT_TRANSLATE_NOOP("Audit", "Offer rejected"),
    "offer_escalated": QT_TRANSLATE_NOOP("Audit", "Offer escalated"),
    "offer_countered": QT_TRANSLATE_NOOP("Audit", "Counter-offer made"),
    "offer_expired": QT_TRANSLATE_NOOP("Audit", "Offer request expired"),
    "offer_template_created": QT_TRANSLATE_NOOP("Audit", "Offer created"),
    "offer_template_updated": QT_TRANSLATE_NOOP("Audit", "Offer changed"),
    "offer_template_versioned": QT_TRANSLATE_NOOP("Audit", "New offer version"),
    "offers_report_exported": QT_TRANSLATE_NOOP("Audit", "Offers report exported"),
    "phone_event": QT_TRANSLATE_NOOP("Audit", "Phone event"),
    "plan_ended": QT_TRANSLATE_NOOP("Audit", "Plan ended"),
    "plan_reopened": QT_TRANSLATE_NOOP("Audit", "Plan resumed"),
    "plan_enrolled": QT_TRANSLATE_NOOP("Audit", "Customer enrolled in a plan"),
    "plan_saved": QT_TRANSLATE_NOOP("Audit", "Plan saved"),
    "plan_step_done": QT_TRANSLATE_NOOP("Audit", "Plan step done"),
    "purchases_imported": QT_TRANSLATE_NOOP("Audit", "Purchases imported"),
    "qa_acknowledged": QT_TRANSLATE_NOOP("Audit", "QA evaluation acknowledged"),
    "qa_disputed": QT_TRANSLATE_NOOP("Audit", "QA evaluation disputed"),
    "qa_callback": QT_TRANSLATE_NOOP("Audit", "Sent back to the agent as a callback"),
    "qa_evaluated": QT_TRANSLATE_NOOP("Audit", "Call evaluated (QA)"),
    "qa_form_published": QT_TRANSLATE_NOOP("Audit", "QA form published"),
    "qa_report_exported": QT_TRANSLATE_NOOP("Audit", "QA report exported"),
    "recording_attached": QT_TRANSLATE_NOOP("Audit", "Recording attached"),
    "recordings_scanned": QT_TRANSLATE_NOOP("Audit", "Recordings scanned"),
    "redemption_decided": QT_TRANSLATE_NOOP("Audit", "Reward request decided"),
    "redemption_requested": QT_TRANSLATE_NOOP("Audit", "Reward requested"),
    "reward_ledger_synced": QT_TRANSLATE_NOOP("Audit", "Points brought up to date"),
    "reward_reversed": QT_TRANSLATE_NOOP("Audit", "Points reversed"),
    "reward_rule_created": QT_TRANSLATE_NOOP("Audit", "Reward rule created"),
    "reward_rule_updated": QT_TRANSLATE_NOOP("Audit", "Reward rule changed"),
    "risk_flag_dismissed": QT_TRANSLATE_NOOP("Audit", "Risk warning dismissed"),
    "risk_scan": QT_TRANSLATE_NOOP("Audit", "Risk scan run"),
    "script_assigned": QT_TRANSLATE_NOOP("Audit", "Script assigned"),
    "script_cloned": QT_TRANSLATE_NOOP("Audit", "Script copied"),
    "script_created": QT_TRANSLATE_NOOP("Audit", "Script created"),
    "script_deleted": QT_TRANSLATE_NOOP("Audit", "Script deleted"),
    "script_edited": QT_TRANSLATE_NOOP("Audit", "Script edited"),
    "script_published": QT_TRANSLATE_NOOP("Audit", "Script published"),
    "script_retired": QT_TRANSLATE_NOOP("Audit", "Script retired"),
    "segment_cell_changed": QT_TRANSLATE_NOOP("Audit", "Segmentation grid changed"),
    "sltv_recomputed": QT_TRANSLATE_NOOP("Audit", "SLTV recomputed"),
    "sltv_thresholds_changed": QT_TRANSLATE_NOOP("Audit", "SLTV tiers changed"),
    "spot_award": QT_TRANSLATE_NOOP("Audit", "Spot award"),
    "task_done": QT_TRANSLATE_NOOP("Audit", "Task closed"),
    "task_released": QT_TRANSLATE_NOOP("Audit", "Task released"),
    "win_model_refreshed": QT_TRANSLATE_NOOP("Audit", "Win model refreshed"),
    "wrap_up_auto_ready": QT_TRANSLATE_NOOP("Audit", "Ready after wrap-up"),
    "customer_won_back": QT_TRANSLATE_NOOP("Audit", "Customer won back"),
    "customer_retained": QT_TRANSLATE_NOOP("Audit", "Customer kept"),
}
#: Field names in an audit entry's before/after, shown as words ("Display name: …").
AUDIT_FIELDS = {
    "display_name": QT_TRANSLATE_NOOP("Audit", "Display name"),
    "login": QT_TRANSLATE_NOOP("Audit", "Login"),
    "role": QT_TRANSLATE_NOOP("Audit", "Role"),
    "team_id": QT_TRANSLATE_NOOP("Audit", "Team"),
    "active": QT_TRANSLATE_NOOP("Audit", "Active"),
    "language": QT_TRANSLATE_NOOP("Audit", "Language"),
    "status": QT_TRANSLATE_NOOP("Audit", "Status"),
    "value": QT_TRANSLATE_NOOP("Audit", "Value"),
    "score_pct": QT_TRANSLATE_NOOP("Audit", "Score (%)"),
    "critical_fail": QT_TRANSLATE_NOOP("Audit", "Critical fail"),
    "call_id": QT_TRANSLATE_NOOP("Audit", "Call"),
    "calibration": QT_TRANSLATE_NOOP("Audit", "Calibration session"),
    "text": QT_TRANSLATE_NOOP("Audit", "Text"),
    "message_id": QT_TRANSLATE_NOOP("Audit", "Message"),
    "points": QT_TRANSLATE_NOOP("Audit", "Points"),
    "item": QT_TRANSLATE_NOOP("Audit", "Item"),
    "note": QT_TRANSLATE_NOOP("Audit", "Note"),
    "reason": QT_TRANSLATE_NOOP("Audit", "Reason"),
    "agent_id": QT_TRANSLATE_NOOP("Audit", "Agent"),
    "rows": QT_TRANSLATE_NOOP("Audit", "Rows"),
    "path": QT_TRANSLATE_NOOP("Audit", "File"),
    "file": QT_TRANSLATE_NOOP("Audit", "File"),
    "count": QT_TRANSLATE_NOOP("Audit", "Count"),
    "customers": QT_TRANSLATE_NOOP("Audit", "Customers"),
    "segment": QT_TRANSLATE_NOOP("Audit", "Segment"),
    "sltv_tier": QT_TRANSLATE_NOOP("Audit", "SLTV tier"),
    "cost_minor": QT_TRANSLATE_NOOP("Audit", "Cost"),
    "disposition": QT_TRANSLATE_NOOP("Audit", "Outcome"),
    "notes": QT_TRANSLATE_NOOP("Audit", "Notes"),
    "attempts": QT_TRANSLATE_NOOP("Audit", "Attempts"),
    "callback_at": QT_TRANSLATE_NOOP("Audit", "Callback at"),
    "skill_tiers": QT_TRANSLATE_NOOP("Audit", "Skill tiers"),
    "skill_reasons": QT_TRANSLATE_NOOP("Audit", "Skill reasons"),
    "languages": QT_TRANSLATE_NOOP("Audit", "Languages spoken"),
    "seniority": QT_TRANSLATE_NOOP("Audit", "Seniority"),
    "name": QT_TRANSLATE_NOOP("Audit", "Name"),
    "seed": QT_TRANSLATE_NOOP("Audit", "Seed"),
    "users": QT_TRANSLATE_NOOP("Audit", "Users"),
    "calls": QT_TRANSLATE_NOOP("Audit", "Calls"),
    "tasks": QT_TRANSLATE_NOOP("Audit", "Tasks"),
    "campaigns": QT_TRANSLATE_NOOP("Audit", "Campaigns"),
    "password": QT_TRANSLATE_NOOP("Audit", "Password"),
}
AUDIT_ENTITIES = {
    "user": QT_TRANSLATE_NOOP("Audit", "User"),
    "cli_session": QT_TRANSLATE_NOOP("Audit", "Command-line login"),
    "setting": QT_TRANSLATE_NOOP("Audit", "Setting"),
    "database": QT_TRANSLATE_NOOP("Audit", "Database"),
    "customer": QT_TRANSLATE_NOOP("Audit", "Customer"),
    "campaign": QT_TRANSLATE_NOOP("Audit", "Campaign"),
    "call_task": QT_TRANSLATE_NOOP("Audit", "Queue task"),
    "call": QT_TRANSLATE_NOOP("Audit", "Call"),
    "offer_request": QT_TRANSLATE_NOOP("Audit", "Offer request"),
    "import_batch": QT_TRANSLATE_NOOP("Audit", "Import"),
    "authority_limit": QT_TRANSLATE_NOOP("Audit", "Approval limit"),
    "import_mapping": QT_TRANSLATE_NOOP("Audit", "Import mapping"),
    "interview_response": QT_TRANSLATE_NOOP("Audit", "Interview"),
    "interview_script": QT_TRANSLATE_NOOP("Audit", "Interview script"),
    "not_ready_reason": QT_TRANSLATE_NOOP("Audit", "Not-ready reason"),
    "offer_report": QT_TRANSLATE_NOOP("Audit", "Offers report"),
    "offer_template": QT_TRANSLATE_NOOP("Audit", "Offer"),
    "qa_evaluation": QT_TRANSLATE_NOOP("Audit", "QA evaluation"),
    "qa_form": QT_TRANSLATE_NOOP("Audit", "QA form"),
    "qa_report": QT_TRANSLATE_NOOP("Audit", "QA report"),
    "recording": QT_TRANSLATE_NOOP("Audit", "Recording"),
    "report": QT_TRANSLATE_NOOP("Audit", "Report"),
    "reward_ledger": QT_TRANSLATE_NOOP("Audit", "Points ledger"),
    "reward_redemption": QT_TRANSLATE_NOOP("Audit", "Reward request"),
    "reward_rule": QT_TRANSLATE_NOOP("Audit", "Reward rule"),
    "risk_scan": QT_TRANSLATE_NOOP("Audit", "Risk scan"),
    "segment_rule": QT_TRANSLATE_NOOP("Audit", "Segmentation grid cell"),
    "sltv_tiers": QT_TRANSLATE_NOOP("Audit", "SLTV tiers"),
    "winback_plan": QT_TRANSLATE_NOOP("Audit", "Win-back plan"),
}


def audit_action(code: str) -> str:
    source = AUDIT_ACTIONS.get(code)
    return QCoreApplication.translate("Audit", source) if source else code


def audit_field(code: str) -> str:
    """A before/after field's name in words (unknown fields: underscores become spaces)."""
    source = AUDIT_FIELDS.get(code)
    if source:
        return QCoreApplication.translate("Audit", source)
    return code.replace("_", " ").capitalize()


def audit_entity(code: str) -> str:
    source = AUDIT_ENTITIES.get(code)
    return QCoreApplication.translate("Audit", source) if source else code
