"""Exit-interview scripts and responses: edit, publish, run in a call, classify, report.

Scripts are versioned (DESIGN §4): a draft is edited freely; publishing validates it
and freezes it for good (an ORM guard below refuses any later change, whatever code
path tries); a new version is a clone. Responses keep the script version they
answered, save every answer as it is given (so a dropped call loses nothing and the
next call resumes where it stopped) and, when the agent confirms the reason, update the
customer's defection reason and segment through the ``segment_rules`` grid at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, attributes

from winback_desktop.core import interview as iv
from winback_desktop.core import segmentation
from winback_desktop.core.domain import CampaignKind, DefectionReason, TaskStatus
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    CallTask,
    Campaign,
    Customer,
    InterviewQuestion,
    InterviewResponse,
    InterviewScript,
    User,
)
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, segmentation_service
from winback_desktop.services.context import Actor, refuse, require

IN_PROGRESS, PAUSED, COMPLETED = "in_progress", "paused", "completed"
OPEN_RESPONSE = (IN_PROGRESS, PAUSED)
OPEN_TASK = (TaskStatus.QUEUED.value, TaskStatus.CLAIMED.value, TaskStatus.CALLBACK.value)
DEFAULT_SCRIPTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "scripts"


# ----------------------------------------------------------------- conversions


def to_core(row: InterviewScript) -> iv.Script:
    return iv.Script(
        name=row.name, version=row.version, kind=row.kind, language=row.language,
        description=row.description or "", status=row.status,
        questions=tuple(iv.question_from_storage(q.key, q.text, q.qtype, q.required,
                                                 q.help_text, q.options)
                        for q in sorted(row.questions, key=lambda q: q.position)))


def _questions_rows(script: iv.Script) -> list[InterviewQuestion]:
    return [InterviewQuestion(position=i, key=q.key, text=q.text, qtype=q.qtype,
                              required=q.required, help_text=q.help_text or None,
                              options=iv.question_options(q))
            for i, q in enumerate(script.questions)]


@dataclass(frozen=True)
class ScriptInfo:
    id: int
    name: str
    version: int
    status: str
    kind: str
    language: str
    questions: int
    campaigns: list[str]
    responses: int
    published_at: datetime | None
    parent_id: int | None


# ----------------------------------------------------------------- immutability


def _guard_published(session: Session, _ctx: Any, _instances: Any) -> None:
    """Refuse any flush that would change a published or retired script's content."""
    for obj in list(session.dirty) + list(session.new) + list(session.deleted):
        if isinstance(obj, InterviewQuestion):
            script = obj.script if obj.script is not None else (
                session.get(InterviewScript, obj.script_id) if obj.script_id else None)
            if script is None:
                continue
            status_hist = attributes.get_history(script, "status")
            frozen_status = (status_hist.deleted[0] if status_hist.deleted
                             else script.status)
            if frozen_status != iv.STATUS_DRAFT and obj in session.deleted and \
                    script in session.deleted:
                continue  # deleting a whole script cascades; refused below if published
            if frozen_status != iv.STATUS_DRAFT:
                raise iv.ScriptImmutable(name=script.name, version=script.version,
                                         status=frozen_status)
        elif isinstance(obj, InterviewScript) and obj not in session.new:
            hist = attributes.get_history(obj, "status")
            old_status = hist.deleted[0] if hist.deleted else obj.status
            if old_status == iv.STATUS_DRAFT:
                continue
            if obj in session.deleted:
                raise iv.ScriptImmutable(name=obj.name, version=obj.version, status=old_status)
            for name in ("name", "version", "kind", "language", "description"):
                if attributes.get_history(obj, name).has_changes():
                    raise iv.ScriptImmutable(name=obj.name, version=obj.version,
                                             status=old_status)
            if hist.added and hist.added[0] == iv.STATUS_DRAFT:
                raise iv.ScriptImmutable(name=obj.name, version=obj.version, status=old_status)


from sqlalchemy import event  # noqa: E402  (kept next to the one listener it registers)

event.listen(Session, "before_flush", _guard_published)


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
    return {"questions": iv.script_to_dict(script)["questions"], "kind": script.kind,
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
    script = iv.script_from_json(text, source)
    row = create_draft(session, actor, script)
    if publish_now:
        publish(session, actor, row.id)
    return row


def export_script(session: Session, actor: Actor, name: str,
                  version: int | None = None) -> str:
    del actor
    return iv.script_to_json(to_core(find_script(session, name, version)))


def ensure_default_scripts(session: Session, actor: Actor | None = None) -> list[InterviewScript]:
    """Install the shipped scripts (English and Chinese) that are not there yet.

    Idempotent: a script whose name exists in any version is left alone, so an admin's
    own versions are never touched. The shipped scripts are published at once.
    """
    actor = actor or Actor.system()
    made = []
    for path in sorted(DEFAULT_SCRIPTS_DIR.glob("*.json")):
        script = iv.script_from_json(path.read_text(encoding="utf-8"), path.name)
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


# ----------------------------------------------------------------- responses


@dataclass(frozen=True)
class ResponseState:
    """What the runner shows: where the interview stands, after every step."""

    response_id: int
    script_id: int
    script: iv.Script
    customer_id: int
    call_id: int | None
    status: str
    answers: dict[str, Any]
    current_key: str | None
    notes: str
    done: int
    total: int
    can_go_back: bool
    resumed: bool = False

    @property
    def question(self) -> iv.Question | None:
        return self.script.question(self.current_key)

    @property
    def finished(self) -> bool:
        """All questions on the path asked: the confirm page comes next."""
        return self.current_key is None

    @property
    def step_label(self) -> str:
        """For the live board: ``3/9 reason`` (question number and key)."""
        if self.status == COMPLETED:
            return "completed"
        if self.current_key is None:
            return f"{self.total}/{self.total} confirm"
        return f"{self.done + 1}/{self.total} {self.current_key}"


def _state(row: InterviewResponse, script: iv.Script, *, resumed: bool = False) -> ResponseState:
    answers = dict(row.answers or {})
    current = row.current_question_key
    if row.status == COMPLETED:
        current = None
    done, total = iv.progress(script, answers, current)
    return ResponseState(
        response_id=row.id, script_id=row.script_id, script=script,
        customer_id=row.customer_id, call_id=row.call_id, status=row.status,
        answers=answers, current_key=current, notes=row.notes or "", done=done, total=total,
        can_go_back=iv.previous_key(script, answers, current) is not None
        and row.status != COMPLETED,
        resumed=resumed)


def _load_response(session: Session, actor: Actor, response_id: int,
                   *, for_update: bool = True) -> tuple[InterviewResponse, iv.Script]:
    require(actor, Permission.WORK_QUEUE)
    row = session.get(InterviewResponse, response_id)
    if row is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("Errors", "interview") + f" #{response_id}")
    if for_update and row.status == COMPLETED:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This interview is already completed."))
    return row, to_core(_get_script(session, row.script_id))


def script_language(session: Session, customer: Customer, agent_id: int | None) -> str:
    """The language a call's interview is read in (issue 16).

    The customer's preferred language when it is set and the agent speaks it (the
    languages on the agent's user record, or the agent's interface language); otherwise
    the agent's interface language. An English-speaking agent calling an English-speaking
    customer in a Chinese campaign reads the English script, and a Chinese-speaking
    customer routed to an English-only agent still gets a script the agent can read.
    """
    agent = session.get(User, agent_id) if agent_id is not None else None
    agent_language = _base(agent.language if agent is not None else None) or "en"
    spoken = {_base(x) for x in (agent.languages or [])} if agent is not None else set()
    spoken.add(agent_language)
    wanted = _base(customer.preferred_language)
    return wanted if wanted and wanted in spoken else agent_language


def _base(language: str | None) -> str:
    return (language or "").replace("-", "_").split("_")[0].lower()


def script_for_call(session: Session, customer_id: int, call_id: int | None,
                    agent_id: int | None = None) -> int | None:
    """The script a call uses: its campaign's kind (save for at-risk customers without a
    campaign), in the language of ``script_language``. The campaign's own script when it
    is in that language, else the newest published script of the kind in that language,
    else the campaign's script (or the newest of the kind in any language)."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    campaign_id = None
    if call_id is not None:
        campaign_id = session.scalar(select(Call.campaign_id).where(Call.id == call_id))
    if campaign_id is None:
        campaign_id = session.scalar(
            select(CallTask.campaign_id).where(CallTask.customer_id == customer_id,
                                               CallTask.status.in_(OPEN_TASK))
            .order_by(CallTask.id.desc()).limit(1))
    kind = (CampaignKind.SAVE.value if customer.status == "at_risk"
            else CampaignKind.WIN_BACK.value)
    language = script_language(session, customer, agent_id)
    chosen: InterviewScript | None = None
    if campaign_id is not None:
        campaign = session.get(Campaign, campaign_id)
        if campaign is not None:
            kind = campaign.kind
            if campaign.script_id is not None:
                chosen = session.get(InterviewScript, campaign.script_id)
    if chosen is not None and (_base(chosen.language) == language
                               or chosen.status != iv.STATUS_PUBLISHED):
        return chosen.id
    if chosen is not None:
        kind = chosen.kind
    row = default_script_for(session, kind, language)
    if row is not None and _base(row.language) == language:
        return row.id
    if chosen is not None:
        return chosen.id
    return row.id if row else None


def resume_response(session: Session, actor: Actor, customer_id: int) -> ResponseState | None:
    """The customer's unfinished interview (a dropped call), if there is one."""
    require(actor, Permission.WORK_QUEUE)
    row = session.scalar(select(InterviewResponse)
                         .where(InterviewResponse.customer_id == customer_id,
                                InterviewResponse.status.in_(OPEN_RESPONSE))
                         .order_by(InterviewResponse.id.desc()).limit(1))
    if row is None:
        return None
    return _state(row, to_core(_get_script(session, row.script_id)), resumed=True)


def start_response(session: Session, actor: Actor, customer_id: int, call_id: int | None,
                   script_id: int | None = None) -> ResponseState:
    """Begin the interview of this call, or resume the customer's unfinished one.

    An unfinished interview with the same script (or any, when no script is named) is
    resumed with its answers and linked to the new call; otherwise a new response
    starts on the given script, or the call's campaign script when none is given.
    """
    require(actor, Permission.WORK_QUEUE)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    open_row = session.scalar(select(InterviewResponse)
                              .where(InterviewResponse.customer_id == customer_id,
                                     InterviewResponse.status.in_(OPEN_RESPONSE))
                              .order_by(InterviewResponse.id.desc()).limit(1))
    if open_row is not None and (script_id is None or open_row.script_id == script_id):
        open_row.status = IN_PROGRESS
        if call_id is not None and open_row.call_id != call_id:
            open_row.call_id = call_id
        open_row.agent_id = actor.user_id or open_row.agent_id
        audit.record(session, actor, "interview_resumed", "interview_response", open_row.id,
                     after={"call_id": call_id})
        return _state(open_row, to_core(_get_script(session, open_row.script_id)),
                      resumed=True)
    if script_id is None:
        script_id = script_for_call(session, customer_id, call_id, actor.user_id)
    if script_id is None:
        raise NotFound(what=QT_TRANSLATE_NOOP("Errors", "a published interview script"))
    script_row = _get_script(session, script_id)
    if script_row.status != iv.STATUS_PUBLISHED:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Only a published script can be used in a call."))
    if open_row is not None:  # switching scripts: the old one is left, not lost
        open_row.status = "abandoned"
    script = to_core(script_row)
    row = InterviewResponse(script_id=script_row.id, call_id=call_id, customer_id=customer_id,
                            agent_id=actor.user_id, status=IN_PROGRESS, answers={},
                            current_question_key=script.first_key)
    session.add(row)
    session.flush()
    audit.record(session, actor, "interview_started", "interview_response", row.id,
                 after={"customer_id": customer_id, "call_id": call_id,
                        "script_id": script_row.id})
    return _state(row, script)


def answer(session: Session, actor: Actor, response_id: int, key: str, value: Any,
           *, notes: str | None = None) -> ResponseState:
    """Record the answer to the current question and move to where it leads."""
    row, script = _load_response(session, actor, response_id)
    question = script.question(key)
    if question is None:
        raise NotFound(what=key)
    stored = iv.normalise_answer(question, value)
    answers = dict(row.answers or {})
    if stored is None:
        answers.pop(key, None)
    else:
        answers[key] = stored
    row.answers = answers
    row.current_question_key = iv.next_key(script, key, stored)
    row.status = IN_PROGRESS
    if notes is not None:
        row.notes = notes or None
    return _state(row, script)


def back(session: Session, actor: Actor, response_id: int,
         *, notes: str | None = None) -> ResponseState:
    """Go to the previous question on the walked path; its answer is kept to edit."""
    row, script = _load_response(session, actor, response_id)
    prev = iv.previous_key(script, row.answers or {}, row.current_question_key)
    if prev is not None:
        row.current_question_key = prev
    if notes is not None:
        row.notes = notes or None
    return _state(row, script)


def pause(session: Session, actor: Actor, response_id: int,
          *, notes: str | None = None) -> ResponseState:
    """The call dropped or the customer asked to continue later: keep everything."""
    row, script = _load_response(session, actor, response_id)
    row.status = PAUSED
    if notes is not None:
        row.notes = notes or None
    audit.record(session, actor, "interview_paused", "interview_response", row.id,
                 after={"at": row.current_question_key})
    return _state(row, script)


@dataclass(frozen=True)
class Proposal:
    """The confirm page: proposed reason, scores, and the grid's treatment per reason."""

    proposed_reason: str
    scores: dict[str, float]
    tier: str
    treatments: dict[str, str]
    current_reason: str
    current_segment: str | None
    adherence_required: int
    adherence_answered: int

    @property
    def proposed_treatment(self) -> str:
        return self.treatments[self.proposed_reason]


def load_grid(session: Session) -> dict[tuple[str, str], str]:
    """The segmentation grid as admins edited it (defaults fill any missing cell)."""
    return segmentation_service.get_grid(session)


def _tier(session: Session, customer: Customer) -> str:
    """The tier the re-segmentation path gives the customer's SLTV."""
    return segmentation.tier_for(customer.sltv_minor,
                                 segmentation_service.get_thresholds(session))


def proposal(session: Session, actor: Actor, response_id: int) -> Proposal:
    row, script = _load_response(session, actor, response_id, for_update=False)
    customer = session.get(Customer, row.customer_id)
    assert customer is not None
    answers = row.answers or {}
    walked = iv.path(script, answers, None)
    result = iv.classify(script, answers, walked)
    tier = _tier(session, customer)
    grid = load_grid(session)
    adh = iv.adherence(script, answers, walked)
    return Proposal(result.proposed, dict(result.scores), tier,
                    {r.value: segmentation.treatment_for(tier, r.value, grid)
                     for r in DefectionReason},
                    customer.defection_reason, customer.segment, adh.required, adh.answered)


@dataclass(frozen=True)
class Completion:
    response_id: int
    customer_id: int
    proposed_reason: str
    confirmed_reason: str
    overridden: bool
    tier: str
    treatment: str
    previous_reason: str
    previous_segment: str | None
    adherence_required: int
    adherence_answered: int


def complete(session: Session, actor: Actor, response_id: int, confirmed_reason: str | None,
             *, notes: str | None = None) -> Completion:
    """Close the interview: store proposed vs confirmed reason, re-segment the customer.

    ``confirmed_reason`` None accepts the proposal. The customer's defection reason,
    trigger and competitor (from tagged questions) and segment change in the same
    transaction, and so do the reasons on the customer's open queue tasks, so the next
    screen and the next queue claim already see the new segment.
    """
    row, script = _load_response(session, actor, response_id)
    customer = session.get(Customer, row.customer_id)
    assert customer is not None
    answers = row.answers or {}
    walked = iv.path(script, answers, None)
    proposed = iv.classify(script, answers, walked).proposed
    confirmed = confirmed_reason or proposed
    if confirmed not in {r.value for r in DefectionReason}:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown defection reason '{reason}'."), reason=confirmed)
    tags = iv.tagged_answers(script, answers, walked)
    adh = iv.adherence(script, answers, walked)
    now = utcnow()
    row.status = COMPLETED
    row.completed_at = now
    row.current_question_key = None
    row.proposed_reason = proposed
    row.confirmed_reason = confirmed
    row.reason_overridden = confirmed != proposed
    if notes is not None:
        row.notes = notes or None
    fields = ("defection_reason", "segment", "sltv_tier", "trigger", "competitor")
    before = audit.snapshot(customer, fields)
    customer.defection_reason = confirmed
    if iv.TAG_TRIGGER in tags:
        customer.trigger = tags[iv.TAG_TRIGGER][:500]
    if iv.TAG_COMPETITOR in tags:
        customer.competitor = tags[iv.TAG_COMPETITOR][:200]
    # the one re-segmentation path: the customer and their open tasks follow
    moved = segmentation_service.resegment_customers(session, [customer.id], now=now)
    tier, treatment = str(customer.sltv_tier), str(customer.segment)
    audit.record(session, actor, "interview_completed", "interview_response", row.id,
                 after={"proposed_reason": proposed, "confirmed_reason": confirmed,
                        "reason_overridden": row.reason_overridden,
                        "adherence": [adh.answered, adh.required]})
    old, new = audit.changed_fields(before, audit.snapshot(customer, fields))
    if new:
        audit.record(session, actor, "customer_resegmented", "customer", customer.id,
                     before=old, after=new | {"tasks_closed": moved.tasks_closed,
                                              "tasks_reopened": moved.tasks_reopened})
    return Completion(row.id, customer.id, proposed, confirmed, bool(row.reason_overridden),
                      tier, treatment, str(before["defection_reason"]), before["segment"],
                      adh.required, adh.answered)


def response_state(session: Session, actor: Actor, response_id: int) -> ResponseState:
    row, script = _load_response(session, actor, response_id, for_update=False)
    return _state(row, script)


# ----------------------------------------------------------------- report


@dataclass
class AgentInterviewStats:
    agent_id: int | None
    login: str
    name: str
    started: int = 0
    completed: int = 0
    overridden: int = 0
    required: int = 0
    required_answered: int = 0
    fully_adherent: int = 0

    @property
    def completion_rate(self) -> float:
        return self.completed / self.started if self.started else 0.0

    @property
    def adherence_rate(self) -> float:
        """Share of required questions answered over completed interviews."""
        return self.required_answered / self.required if self.required else 1.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"completion_rate": round(self.completion_rate, 4),
                               "adherence_rate": round(self.adherence_rate, 4)}


@dataclass
class InterviewReport:
    campaign: str | None
    date_from: date | None
    date_to: date | None
    completed: int = 0
    overridden: int = 0
    #: (campaign name, reason) → count, etc.
    by_campaign: list[dict[str, Any]] = field(default_factory=list)
    by_period: list[dict[str, Any]] = field(default_factory=list)
    by_tier: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[dict[str, Any]] = field(default_factory=list)
    competitors: list[dict[str, Any]] = field(default_factory=list)
    competitor_offers: list[dict[str, Any]] = field(default_factory=list)
    comeback: list[dict[str, Any]] = field(default_factory=list)
    agents: list[AgentInterviewStats] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["agents"] = [a.as_dict() for a in self.agents]
        return data


def _day_bounds(date_from: date | None, date_to: date | None) -> tuple[datetime | None,
                                                                         datetime | None]:
    start = datetime.combine(date_from, time(0), tzinfo=UTC) if date_from else None
    end = (datetime.combine(date_to, time(0), tzinfo=UTC) + timedelta(days=1)
           if date_to else None)
    return start, end


def _counts(rows: Iterable[tuple[str, str]], first: str) -> list[dict[str, Any]]:
    counter = Counter(rows)
    return [{first: k, "reason": r, "count": n}
            for (k, r), n in sorted(counter.items(), key=lambda kv: (kv[0][0], -kv[1]))]


def _top(values: Iterable[str], limit: int = 50) -> list[dict[str, Any]]:
    counter = Counter(v.strip() for v in values if v and v.strip())
    return [{"text": t, "count": n} for t, n in counter.most_common(limit)]


def find_campaign(session: Session, name: str) -> Campaign:
    row = session.scalar(select(Campaign).where(Campaign.name == name))
    if row is None:
        raise NotFound(what=name)
    return row


def interview_report(session: Session, actor: Actor, campaign_id: int | None = None,
                     date_from: date | None = None,
                     date_to: date | None = None) -> InterviewReport:
    """Reason distribution (by campaign, month, SLTV tier), triggers and competitors
    named, and completion/adherence per agent, over interviews in the period."""
    if not (actor.can(Permission.VIEW_TEAM_SCORECARDS) or actor.can(Permission.EDIT_SCRIPTS)):
        refuse(None, actor, "interview_report")
    start, end = _day_bounds(date_from, date_to)
    campaign_name = None
    if campaign_id is not None:
        camp = session.get(Campaign, campaign_id)
        if camp is None:
            raise NotFound(what=str(campaign_id))
        campaign_name = camp.name
    stmt = (select(InterviewResponse, Campaign.name, Customer.sltv_tier)
            .join(Customer, Customer.id == InterviewResponse.customer_id)
            .outerjoin(Call, Call.id == InterviewResponse.call_id)
            .outerjoin(Campaign, Campaign.id == Call.campaign_id))
    if campaign_id is not None:
        stmt = stmt.where(Call.campaign_id == campaign_id)
    if start is not None:
        stmt = stmt.where(InterviewResponse.created_at >= start)
    if end is not None:
        stmt = stmt.where(InterviewResponse.created_at < end)
    report = InterviewReport(campaign_name, date_from, date_to)
    scripts: dict[int, iv.Script] = {}
    agents: dict[int | None, AgentInterviewStats] = {}
    users = {u.id: u for u in session.scalars(select(User))}
    by_campaign: list[tuple[str, str]] = []
    by_period: list[tuple[str, str]] = []
    by_tier: list[tuple[str, str]] = []
    tagged: dict[str, list[str]] = defaultdict(list)
    for row, camp_name, tier in session.execute(stmt):
        if row.status == "abandoned":
            continue
        user = users.get(row.agent_id) if row.agent_id is not None else None
        stats = agents.get(row.agent_id)
        if stats is None:
            stats = agents[row.agent_id] = AgentInterviewStats(
                row.agent_id, user.login if user else "—", user.display_name if user else "—")
        stats.started += 1
        if row.status != COMPLETED:
            continue
        script = scripts.get(row.script_id)
        if script is None:
            script = scripts[row.script_id] = to_core(_get_script(session, row.script_id))
        answers = row.answers or {}
        walked = iv.path(script, answers, None)
        adh = iv.adherence(script, answers, walked)
        stats.completed += 1
        stats.required += adh.required
        stats.required_answered += adh.answered
        stats.fully_adherent += int(adh.complete)
        stats.overridden += int(row.reason_overridden)
        reason = row.confirmed_reason or DefectionReason.UNKNOWN.value
        report.completed += 1
        report.overridden += int(row.reason_overridden)
        by_campaign.append((camp_name or "—", reason))
        when = row.completed_at or row.created_at
        by_period.append((when.strftime("%Y-%m"), reason))
        by_tier.append((tier or "—", reason))
        for tag, text in iv.tagged_answers(script, answers, walked).items():
            tagged[tag].append(text)
    report.by_campaign = _counts(by_campaign, "campaign")
    report.by_period = _counts(by_period, "period")
    report.by_tier = _counts(by_tier, "tier")
    report.triggers = _top(tagged[iv.TAG_TRIGGER])
    report.competitors = _top(tagged[iv.TAG_COMPETITOR])
    report.competitor_offers = _top(tagged[iv.TAG_COMPETITOR_OFFER])
    report.comeback = _top(tagged[iv.TAG_COMEBACK])
    report.agents = sorted(agents.values(), key=lambda a: a.login)
    return report


def report_sheets(report: InterviewReport,
                  headers: dict[str, str] | None = None) -> list[tuple[str, list[str],
                                                                      list[Sequence[Any]]]]:
    """The report as (sheet, header, rows) tables for the xlsx writer.

    ``headers`` maps English header/sheet names to a translation (the UI passes its own).
    """
    h = headers or {}

    def t(text: str) -> str:
        return h.get(text, text)

    sheets: list[tuple[str, list[str], list[Sequence[Any]]]] = [
        (t("By campaign"), [t("Campaign"), t("Reason"), t("Interviews")],
         [(r["campaign"], t(r["reason"]), r["count"]) for r in report.by_campaign]),
        (t("By month"), [t("Month"), t("Reason"), t("Interviews")],
         [(r["period"], t(r["reason"]), r["count"]) for r in report.by_period]),
        (t("By SLTV tier"), [t("SLTV tier"), t("Reason"), t("Interviews")],
         [(r["tier"], t(r["reason"]), r["count"]) for r in report.by_tier]),
        (t("Triggers"), [t("Trigger"), t("Times named")],
         [(r["text"], r["count"]) for r in report.triggers]),
        (t("Competitors"), [t("Competitor"), t("Times named")],
         [(r["text"], r["count"]) for r in report.competitors]),
        (t("Competitor offers"), [t("What the competitor offers"), t("Times named")],
         [(r["text"], r["count"]) for r in report.competitor_offers]),
        (t("Agents"), [t("Login"), t("Name"), t("Started"), t("Completed"),
                       t("Completion rate"), t("Adherence rate"), t("Reason overridden")],
         [(a.login, a.name, a.started, a.completed, a.completion_rate, a.adherence_rate,
           a.overridden) for a in report.agents]),
    ]
    return sheets


def export_report_xlsx(session: Session, actor: Actor, report: InterviewReport, path: Path,
                       headers: dict[str, str] | None = None) -> Path:
    require(actor, Permission.EXPORT_DATA)
    from winback_desktop.io.interview_xlsx import write_tables

    write_tables(path, report_sheets(report, headers), percent_headers={
        (headers or {}).get(x, x) for x in ("Completion rate", "Adherence rate")})
    audit.record(session, actor, "interview_report_exported", "report", None,
                 after={"file": path.name, "campaign": report.campaign})
    return path
