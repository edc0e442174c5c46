"""Interviews: running an interview on a call (start, answer, back, pause, proposal, complete)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core import interview as iv
from winback_desktop.core import segmentation
from winback_desktop.core.domain import CampaignKind, DefectionReason
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    CallTask,
    Campaign,
    Customer,
    InterviewResponse,
    InterviewScript,
    User,
)
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, segmentation_service
from winback_desktop.services.context import Actor, require
from winback_desktop.services.interviews.common import (
    COMPLETED,
    IN_PROGRESS,
    OPEN_RESPONSE,
    OPEN_TASK,
    PAUSED,
    to_core,
)
from winback_desktop.services.interviews.scripts import _get_script, default_script_for

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

