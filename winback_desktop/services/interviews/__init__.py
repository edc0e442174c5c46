"""Exit-interview scripts and responses: edit, publish, run in a call, classify, report.

Scripts are versioned (DESIGN §4): a draft is edited freely; publishing validates it
and freezes it for good (an ORM guard below refuses any later change, whatever code
path tries); a new version is a clone. Responses keep the script version they
answered, save every answer as it is given (so a dropped call loses nothing and the
next call resumes where it stopped) and, when the agent confirms the reason, update the
customer's defection reason and segment through the ``segment_rules`` grid at once."""

from __future__ import annotations

from winback_desktop.services.interviews.common import (
    COMPLETED,
    DEFAULT_SCRIPTS_DIR,
    IN_PROGRESS,
    OPEN_RESPONSE,
    OPEN_TASK,
    PAUSED,
    ScriptInfo,
    to_core,
)
from winback_desktop.services.interviews.report import (
    AgentInterviewStats,
    InterviewReport,
    export_report_xlsx,
    find_campaign,
    interview_report,
    report_sheets,
)
from winback_desktop.services.interviews.responses import (
    Completion,
    Proposal,
    ResponseState,
    answer,
    back,
    complete,
    load_grid,
    pause,
    proposal,
    response_state,
    resume_response,
    script_for_call,
    start_response,
)
from winback_desktop.services.interviews.scripts import (
    CampaignInfo,
    assign,
    clone,
    create_draft,
    default_script_for,
    delete_draft,
    ensure_default_scripts,
    export_script,
    find_script,
    get_script,
    import_script,
    list_campaigns,
    list_scripts,
    publish,
    retire,
    save_draft,
)

__all__ = [
    "COMPLETED",
    "DEFAULT_SCRIPTS_DIR",
    "IN_PROGRESS",
    "OPEN_RESPONSE",
    "OPEN_TASK",
    "PAUSED",
    "AgentInterviewStats",
    "CampaignInfo",
    "Completion",
    "InterviewReport",
    "Proposal",
    "ResponseState",
    "ScriptInfo",
    "answer",
    "assign",
    "back",
    "clone",
    "complete",
    "create_draft",
    "default_script_for",
    "delete_draft",
    "ensure_default_scripts",
    "export_report_xlsx",
    "export_script",
    "find_campaign",
    "find_script",
    "get_script",
    "import_script",
    "interview_report",
    "list_campaigns",
    "list_scripts",
    "load_grid",
    "pause",
    "proposal",
    "publish",
    "report_sheets",
    "response_state",
    "resume_response",
    "retire",
    "save_draft",
    "script_for_call",
    "start_response",
    "to_core",
]
