"""What supervisors do with interview scripts and the interview report: one function per
action, each its own unit of work.

The script editor and the interview report screens call these; neither opens a
session. Permission checks and the audit entries live in ``services.interviews`` (the
building blocks, run inside the transaction opened here); the results say what changed
so every view showing scripts or campaigns refreshes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from winback_desktop.core import interview as iv
from winback_desktop.core.permissions import Permission
from winback_desktop.db.session import Database
from winback_desktop.services import interviews
from winback_desktop.services.changes import NO_CHANGES, Changes, Topic
from winback_desktop.services.context import Actor, require
from winback_desktop.services.interviews import CampaignInfo, InterviewReport, ScriptInfo

SCRIPTS_CHANGED = Changes.of(Topic.SCRIPTS)


@dataclass(frozen=True, slots=True)
class ScriptChanged:
    """The script version an action created or changed (the editor selects it)."""

    script_id: int
    changes: Changes = SCRIPTS_CHANGED
    name: str = ""
    version: int = 0
    #: assign: the campaign that now uses the script
    campaign_id: int | None = None
    #: draft, published or retired, where the action says
    status: str = ""

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.script_id, "name": self.name,
                                   "version": self.version}
        if self.status:
            data["status"] = self.status
        return data


@dataclass(frozen=True, slots=True)
class ScriptsInstalled:
    """The shipped scripts a ``install_defaults`` added (none when all were there)."""

    scripts: list[ScriptChanged]
    changes: Changes = SCRIPTS_CHANGED


@dataclass(frozen=True, slots=True)
class FileWritten:
    """A file an export wrote; nothing in the database changed."""

    path: Path
    changes: Changes = NO_CHANGES


# ----------------------------------------------------------------------- reads


def list_scripts(db: Database, actor: Actor) -> list[ScriptInfo]:
    with db.session() as session:
        return interviews.list_scripts(session, actor)


def get_script(db: Database, actor: Actor, script_id: int) -> iv.Script:
    with db.session() as session:
        return interviews.get_script(session, actor, script_id)


def list_campaigns(db: Database, actor: Actor) -> list[CampaignInfo]:
    with db.session() as session:
        return interviews.list_campaigns(session, actor)


def interview_report(db: Database, actor: Actor, campaign_id: int | None = None,
                     date_from: date | None = None,
                     date_to: date | None = None) -> InterviewReport:
    with db.session() as session:
        return interviews.interview_report(session, actor, campaign_id, date_from, date_to)


def report_for(db: Database, actor: Actor, campaign: str | None = None,
               date_from: date | None = None, date_to: date | None = None, *,
               xlsx: Path | None = None,
               headers: dict[str, str] | None = None) -> InterviewReport:
    """The interview report for a campaign named on the command line, optionally also
    written to ``xlsx`` (audited) from the same read."""
    with db.session() as session:
        campaign_id = interviews.find_campaign(session, campaign).id if campaign else None
        report = interviews.interview_report(session, actor, campaign_id, date_from, date_to)
        if xlsx is not None:
            interviews.export_report_xlsx(session, actor, report, xlsx, headers)
        return report


# --------------------------------------------------------------------- changes


def create_draft(db: Database, actor: Actor, script: iv.Script) -> ScriptChanged:
    with db.session() as session:
        return ScriptChanged(interviews.create_draft(session, actor, script).id)


def save_draft(db: Database, actor: Actor, script_id: int, script: iv.Script) -> ScriptChanged:
    with db.session() as session:
        interviews.save_draft(session, actor, script_id, script)
    return ScriptChanged(script_id)


def publish(db: Database, actor: Actor, script_id: int) -> ScriptChanged:
    with db.session() as session:
        return ScriptChanged(interviews.publish(session, actor, script_id).id)


def clone(db: Database, actor: Actor, script_id: int) -> ScriptChanged:
    """A new draft version; the result names the new version."""
    with db.session() as session:
        return ScriptChanged(interviews.clone(session, actor, script_id).id)


def retire(db: Database, actor: Actor, script_id: int) -> ScriptChanged:
    with db.session() as session:
        return ScriptChanged(interviews.retire(session, actor, script_id).id)


def delete_draft(db: Database, actor: Actor, script_id: int) -> ScriptChanged:
    with db.session() as session:
        interviews.delete_draft(session, actor, script_id)
    return ScriptChanged(script_id)


def import_script(db: Database, actor: Actor, text: str, *, source: str = "",
                  publish_now: bool = False) -> ScriptChanged:
    with db.session() as session:
        row = interviews.import_script(session, actor, text, source=source,
                                       publish_now=publish_now)
        return ScriptChanged(row.id, name=row.name, version=row.version, status=row.status)


def publish_named(db: Database, actor: Actor, name: str,
                  version: int | None = None) -> ScriptChanged:
    """Publish a script named as on the command line (newest version unless given)."""
    with db.session() as session:
        row = interviews.find_script(session, name, version)
        interviews.publish(session, actor, row.id)
        return ScriptChanged(row.id, name=row.name, version=row.version)


def assign_named(db: Database, actor: Actor, name: str, version: int | None,
                 campaign: str) -> ScriptChanged:
    """Give the campaign named ``campaign`` the script named ``name``."""
    with db.session() as session:
        row = interviews.find_script(session, name, version)
        target = interviews.find_campaign(session, campaign)
        interviews.assign(session, actor, row.id, target.id)
        return ScriptChanged(row.id, SCRIPTS_CHANGED | Changes.of(Topic.CAMPAIGNS),
                             name=row.name, version=row.version, campaign_id=target.id)


def install_defaults(db: Database, actor: Actor) -> ScriptsInstalled:
    """The shipped scripts (English and Chinese) that are not there yet, published."""
    require(actor, Permission.EDIT_SCRIPTS)
    with db.session() as session:
        made = interviews.ensure_default_scripts(session, actor)
        return ScriptsInstalled([ScriptChanged(r.id, name=r.name, version=r.version)
                                 for r in made])


def assign(db: Database, actor: Actor, script_id: int | None,
           campaign_id: int) -> ScriptChanged:
    """A campaign's script; campaign views show it too."""
    with db.session() as session:
        interviews.assign(session, actor, script_id, campaign_id)
    return ScriptChanged(script_id or 0, SCRIPTS_CHANGED | Changes.of(Topic.CAMPAIGNS))


# --------------------------------------------------------------------- exports


def script_json(db: Database, actor: Actor, name: str, version: int | None = None) -> str:
    """A script version as the JSON text ``import_script`` reads back."""
    with db.session() as session:
        return interviews.export_script(session, actor, name, version)


def export_script_file(db: Database, actor: Actor, name: str, version: int | None,
                       path: Path) -> FileWritten:
    """The script version as JSON in ``path`` (read first, then written: no transaction
    stays open while the disk works)."""
    with db.session() as session:
        text = interviews.export_script(session, actor, name, version)
    path.write_text(text, encoding="utf-8")
    return FileWritten(path)


def export_report(db: Database, actor: Actor, report: InterviewReport, path: Path,
                  headers: dict[str, str] | None = None) -> FileWritten:
    with db.session() as session:
        # the export is audited: the audit view refreshes
        return FileWritten(interviews.export_report_xlsx(session, actor, report, path,
                                                         headers), Changes.of(Topic.AUDIT))
