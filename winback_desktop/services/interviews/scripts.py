"""Interviews: exit-interview scripts (drafts, publish, clone, retire, assign, import, export)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from winback_desktop.core import interview as iv
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Campaign,
    InterviewQuestion,
    InterviewResponse,
    InterviewScript,
)
from winback_desktop.db.types import utcnow
from winback_desktop.io import interview_json
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require
from winback_desktop.services.interviews.common import (
    DEFAULT_SCRIPTS_DIR,
    ScriptInfo,
    _questions_rows,
    to_core,
)

# ----------------------------------------------------------------- scripts


def _get_script(session: Session, script_id: int) -> InterviewScript:
    row = session.get(InterviewScript, script_id)
    if row is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("Errors", "script") + f" #{script_id}")
    return row


def _require_draft(row: InterviewScript) -> None:
    if row.status != iv.STATUS_DRAFT:
        raise iv.ScriptImmutable(name=row.name, version=row.version, status=row.status)


def _next_version(session: Session, name: str) -> int:
    current = session.scalar(select(func.max(InterviewScript.version))
                             .where(InterviewScript.name == name))
    return int(current or 0) + 1


def _content(script: iv.Script) -> dict[str, Any]:
    return {"questions": interview_json.script_to_dict(script)["questions"], "kind": script.kind,
            "language": script.language, "description": script.description}


def list_scripts(session: Session, actor: Actor, *, name: str | None = None) -> list[ScriptInfo]:
    """Every script version, newest version of each name first within its name."""
    del actor  # agents see scripts too: the runner lists the published ones
    counts = dict(session.execute(
        select(InterviewQuestion.script_id, func.count()).group_by(InterviewQuestion.script_id)
    ).all())
    responses = dict(session.execute(
        select(InterviewResponse.script_id, func.count())
        .group_by(InterviewResponse.script_id)).all())
    campaigns: dict[int, list[str]] = defaultdict(list)
    for cid, cname in session.execute(select(Campaign.script_id, Campaign.name)
                                      .where(Campaign.script_id.is_not(None))):
        if cid is not None:
            campaigns[cid].append(cname)
    stmt = select(InterviewScript).order_by(InterviewScript.name,
                                            InterviewScript.version.desc())
    if name is not None:
        stmt = stmt.where(InterviewScript.name == name)
    return [ScriptInfo(s.id, s.name, s.version, s.status, s.kind, s.language,
                       counts.get(s.id, 0), sorted(campaigns.get(s.id, [])),
                       responses.get(s.id, 0), s.published_at, s.parent_id)
            for s in session.scalars(stmt)]


def get_script(session: Session, actor: Actor, script_id: int) -> iv.Script:
    del actor
    return to_core(_get_script(session, script_id))


def find_script(session: Session, name: str, version: int | None = None) -> InterviewScript:
    """A script by name: the given version, else the newest published, else the newest."""
    stmt = select(InterviewScript).where(InterviewScript.name == name)
    if version is not None:
        row = session.scalar(stmt.where(InterviewScript.version == version))
    else:
        row = session.scalar(stmt.where(InterviewScript.status == iv.STATUS_PUBLISHED)
                             .order_by(InterviewScript.version.desc()).limit(1))
        if row is None:
            row = session.scalar(stmt.order_by(InterviewScript.version.desc()).limit(1))
    if row is None:
        raise NotFound(what=name if version is None else f"{name} v{version}")
    return row


def create_draft(session: Session, actor: Actor, script: iv.Script) -> InterviewScript:
    """A new draft: version 1 of a new name, or the next version of an existing one."""
    require(actor, Permission.EDIT_SCRIPTS)
    if not script.name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The script needs a name."))
    _check_keys(script)
    row = InterviewScript(name=script.name.strip(), version=_next_version(session, script.name),
                          status=iv.STATUS_DRAFT, kind=script.kind, language=script.language,
                          description=script.description or None, created_by=actor.user_id)
    row.questions = _questions_rows(script)
    session.add(row)
    session.flush()
    audit.record(session, actor, "script_created", "interview_script", row.id,
                 after={"name": row.name, "version": row.version, **_content(script)})
    return row


def _check_keys(script: iv.Script) -> None:
    """Drafts may be incomplete, but two questions with one key cannot be stored."""
    seen: set[str] = set()
    for q in script.questions:
        if not q.key or q.key in seen:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Every question needs its own key ('{key}')."), key=q.key)
        seen.add(q.key)


def save_draft(session: Session, actor: Actor, script_id: int, script: iv.Script) -> None:
    """Replace a draft's content (questions, kind, language, description)."""
    require(actor, Permission.EDIT_SCRIPTS)
    row = _get_script(session, script_id)
    _require_draft(row)
    _check_keys(script)
    before = _content(to_core(row))
    row.kind, row.language = script.kind, script.language
    row.description = script.description or None
    row.questions.clear()
    session.flush()
    row.questions.extend(_questions_rows(script))
    session.flush()
    after = _content(script)
    if before != after:
        audit.record(session, actor, "script_edited", "interview_script", row.id,
                     before=before, after=after)


def delete_draft(session: Session, actor: Actor, script_id: int) -> None:
    require(actor, Permission.EDIT_SCRIPTS)
    row = _get_script(session, script_id)
    _require_draft(row)
    audit.record(session, actor, "script_deleted", "interview_script", row.id,
                 before={"name": row.name, "version": row.version})
    session.delete(row)


def publish(session: Session, actor: Actor, script_id: int) -> InterviewScript:
    """Validate and freeze a draft; from now on responses can use it."""
    require(actor, Permission.EDIT_SCRIPTS)
    row = _get_script(session, script_id)
    _require_draft(row)
    iv.check(to_core(row))
    row.status = iv.STATUS_PUBLISHED
    row.published_at = utcnow()
    audit.record(session, actor, "script_published", "interview_script", row.id,
                 before={"status": iv.STATUS_DRAFT},
                 after={"status": row.status, "name": row.name, "version": row.version})
    return row


def clone(session: Session, actor: Actor, script_id: int) -> InterviewScript:
    """A new draft version of the same script, to change what a published one asks."""
    require(actor, Permission.EDIT_SCRIPTS)
    source = _get_script(session, script_id)
    core = to_core(source)
    row = InterviewScript(name=source.name, version=_next_version(session, source.name),
                          status=iv.STATUS_DRAFT, kind=source.kind, language=source.language,
                          description=source.description, parent_id=source.id,
                          created_by=actor.user_id)
    row.questions = _questions_rows(core)
    session.add(row)
    session.flush()
    audit.record(session, actor, "script_cloned", "interview_script", row.id,
                 after={"from": source.id, "name": row.name, "version": row.version})
    return row


def retire(session: Session, actor: Actor, script_id: int) -> InterviewScript:
    """Withdraw a published version: no new interviews start with it; old ones remain."""
    require(actor, Permission.EDIT_SCRIPTS)
    row = _get_script(session, script_id)
    if row.status != iv.STATUS_PUBLISHED:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Only a published script can be retired."))
    using = session.scalars(select(Campaign.name).where(Campaign.script_id == row.id)).all()
    if using:
        raise Conflict(QT_TRANSLATE_NOOP(
            "Errors", "Campaigns still use this script: {campaigns}. Assign another first."),
            campaigns=", ".join(using))
    row.status = iv.STATUS_RETIRED
    audit.record(session, actor, "script_retired", "interview_script", row.id,
                 before={"status": iv.STATUS_PUBLISHED}, after={"status": row.status})
    return row


def assign(session: Session, actor: Actor, script_id: int | None, campaign_id: int) -> None:
    """Give a campaign its script; a win-back campaign takes a win-back script, a save
    campaign a save script (they ask different things)."""
    require(actor, Permission.EDIT_SCRIPTS)
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound(what=str(campaign_id))
    before = campaign.script_id
    if script_id is not None:
        row = _get_script(session, script_id)
        if row.status != iv.STATUS_PUBLISHED:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "Publish the script before assigning it to a campaign."))
        if row.kind != campaign.kind:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The campaign '{campaign}' is a {campaign_kind} campaign; "
                "the script '{script}' is for {script_kind} calls."),
                campaign=campaign.name, campaign_kind=campaign.kind, script=row.name,
                script_kind=row.kind)
    campaign.script_id = script_id
    if before != script_id:
        audit.record(session, actor, "script_assigned", "campaign", campaign.id,
                     before={"script_id": before}, after={"script_id": script_id})


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    name: str
    kind: str
    status: str
    script_id: int | None


def list_campaigns(session: Session, actor: Actor) -> list[CampaignInfo]:
    del actor
    return [CampaignInfo(c.id, c.name, c.kind, c.status, c.script_id)
            for c in session.scalars(select(Campaign).order_by(Campaign.name))]


def import_script(session: Session, actor: Actor, text: str, *, source: str = "",
                  publish_now: bool = False) -> InterviewScript:
    """Create a draft (or published) new version from a JSON file's text."""
    require(actor, Permission.EDIT_SCRIPTS)
    script = interview_json.script_from_json(text, source)
    row = create_draft(session, actor, script)
    if publish_now:
        publish(session, actor, row.id)
    return row


def export_script(session: Session, actor: Actor, name: str,
                  version: int | None = None) -> str:
    del actor
    return interview_json.script_to_json(to_core(find_script(session, name, version)))


def ensure_default_scripts(session: Session, actor: Actor | None = None) -> list[InterviewScript]:
    """Install the shipped scripts (English and Chinese) that are not there yet.

    Idempotent: a script whose name exists in any version is left alone, so an admin's
    own versions are never touched. The shipped scripts are published at once.
    """
    actor = actor or Actor.system()
    made = []
    for path in sorted(DEFAULT_SCRIPTS_DIR.glob("*.json")):
        script = interview_json.script_from_json(path.read_text(encoding="utf-8"), path.name)
        exists = session.scalar(select(InterviewScript.id)
                                .where(InterviewScript.name == script.name).limit(1))
        if exists is not None:
            continue
        row = create_draft(session, actor, script)
        publish(session, actor, row.id)
        made.append(row)
    return made


def default_script_for(session: Session, kind: str, language: str) -> InterviewScript | None:
    """The newest published script of a kind, preferring the given language."""
    rows = session.scalars(select(InterviewScript)
                           .where(InterviewScript.kind == kind,
                                  InterviewScript.status == iv.STATUS_PUBLISHED)
                           .order_by(InterviewScript.id.desc())).all()
    lang = language.split("_")[0]
    for row in rows:
        if row.language.split("_")[0] == lang:
            return row
    return rows[0] if rows else None

