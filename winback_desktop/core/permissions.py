"""Which role may do what. Services check these; the UI only mirrors them."""

from __future__ import annotations

from enum import StrEnum

from winback_desktop.core.domain import Role


class Permission(StrEnum):
    WORK_QUEUE = "work_queue"
    VIEW_OWN_SCORECARD = "view_own_scorecard"
    VIEW_CUSTOMERS = "view_customers"
    IMPORT_CUSTOMERS = "import_customers"
    EXPORT_DATA = "export_data"
    APPROVE_OFFERS = "approve_offers"
    MONITOR_AGENTS = "monitor_agents"
    EVALUATE_CALLS = "evaluate_calls"
    EDIT_SCRIPTS = "edit_scripts"
    EDIT_OFFERS = "edit_offers"
    GRANT_SPOT_REWARDS = "grant_spot_rewards"
    VIEW_TEAM_SCORECARDS = "view_team_scorecards"
    VIEW_AUDIT_LOG = "view_audit_log"
    MANAGE_USERS = "manage_users"
    MANAGE_CAMPAIGNS = "manage_campaigns"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_SEGMENTATION = "manage_segmentation"
    MANAGE_REWARD_RULES = "manage_reward_rules"
    MANAGE_DATABASE = "manage_database"
    LOAD_DEMO_DATA = "load_demo_data"
    #: enrol customers in long-term plans and do their to-dos (issue 19)
    MANAGE_PLANS = "manage_plans"


_AGENT = {Permission.WORK_QUEUE, Permission.VIEW_OWN_SCORECARD}
_SUPERVISOR = _AGENT | {
    Permission.VIEW_CUSTOMERS,
    Permission.IMPORT_CUSTOMERS,
    Permission.EXPORT_DATA,
    Permission.APPROVE_OFFERS,
    Permission.MONITOR_AGENTS,
    Permission.EVALUATE_CALLS,
    Permission.EDIT_SCRIPTS,
    Permission.EDIT_OFFERS,
    Permission.GRANT_SPOT_REWARDS,
    Permission.VIEW_TEAM_SCORECARDS,
    Permission.VIEW_AUDIT_LOG,
    Permission.MANAGE_PLANS,
}
_ADMIN = set(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset(_AGENT),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_ADMIN),
}


def role_allows(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]
