"""QA forms, evaluations, acknowledgement, weekly samples, calibration and reports.

Agents see only their own evaluations (enforced here). A failed evaluation can send
the customer back to the same agent as a callback, so the agent puts it right.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from winback_desktop.core import qa as core_qa
from winback_desktop.core.domain import Role, TaskStatus
from winback_desktop.core.errors import Conflict, NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import Call, CallTask, Customer, QaEvaluation, QaForm, User
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require

DEFAULT_FORM_NAME = "Win-back call quality"


def _at(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


# ---------------------------------------------------------------------- forms


def criteria_of(form: QaForm) -> list[core_qa.Criterion]:
    return [core_qa.Criterion.from_dict(c) for c in (form.criteria or {}).get("items", [])]


def ensure_default_form(session: Session) -> QaForm:
    form = session.scalar(select(QaForm).where(QaForm.status == "published")
                          .order_by(QaForm.id.desc()))
    if form is None:
        form = QaForm(name=DEFAULT_FORM_NAME, version=1, status="published",
                      criteria={"items": core_qa.DEFAULT_FORM, "pass_mark": 70})
        session.add(form)
        session.flush()
    return form


def current_form(session: Session) -> QaForm:
    return ensure_default_form(session)


# ----------------------------------------------------------------- evaluations


@dataclass(frozen=True)
class EvaluationInfo:
    id: int
    call_id: int
    agent_id: int | None
    agent_login: str | None
    evaluator_login: str | None
    score_pct: int | None
    critical_fail: bool
    status: str
    coaching_notes: str | None
    agent_comment: str | None
    created_at: datetime
    scores: dict[str, Any]
    #: which call was reviewed: its customer and when it started (the list shows them)
    customer: str | None = None
    call_started_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def evaluate(session: Session, actor: Actor, call_id: int, scores: dict[str, int], *,
             form_id: int | None = None, coaching_notes: str | None = None,
             calibration_session: str | None = None) -> QaEvaluation:
    require(actor, Permission.EVALUATE_CALLS)
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(what=str(call_id))
    if call.agent_id is not None and call.agent_id == actor.user_id:
        refuse(None, actor, "evaluate",
               QT_TRANSLATE_NOOP("Errors", "Nobody scores their own calls."))
    form = session.get(QaForm, form_id) if form_id else current_form(session)
    if form is None:
        raise NotFound(what=str(form_id))
    try:
        result = core_qa.score(criteria_of(form), scores,
                               int((form.criteria or {}).get("pass_mark", 70)))
    except core_qa.QaFormError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The scores are not complete: {detail}"),
                              detail=str(exc)) from exc
    ev = QaEvaluation(call_id=call_id, form_id=form.id, evaluator_id=actor.user_id,
                      agent_id=call.agent_id, scores=dict(scores), score_pct=result.score_pct,
                      critical_fail=result.critical_fail,
                      coaching_notes=(coaching_notes or "").strip() or None,
                      status="calibration" if calibration_session else "submitted",
                      calibration_session=calibration_session)
    session.add(ev)
    session.flush()
    audit.record(session, actor, "qa_evaluated", "qa_evaluation", ev.id,
                 after={"call_id": call_id, "score_pct": result.score_pct,
                        "critical_fail": result.critical_fail,
                        "calibration": calibration_session})
    return ev


def _info(ev: QaEvaluation, logins: dict[int, str],
          calls: dict[int, tuple[str, datetime]] | None = None) -> EvaluationInfo:
    customer, started = (calls or {}).get(ev.call_id, (None, None))
    return EvaluationInfo(ev.id, ev.call_id, ev.agent_id,
                          logins.get(ev.agent_id) if ev.agent_id else None,
                          logins.get(ev.evaluator_id) if ev.evaluator_id else None,
                          ev.score_pct, ev.critical_fail, ev.status, ev.coaching_notes,
                          ev.agent_comment, ev.created_at, dict(ev.scores or {}),
                          customer, started)


def evaluations(session: Session, actor: Actor, *, agent_id: int | None = None,
                limit: int = 200) -> list[EvaluationInfo]:
    """Evaluations visible to ``actor``: agents only ever get their own."""
    stmt = select(QaEvaluation).where(QaEvaluation.calibration_session.is_(None))
    if not actor.can(Permission.EVALUATE_CALLS):
        if agent_id is not None and agent_id != actor.user_id:
            refuse(None, actor, "evaluations")
        agent_id = actor.user_id
    if agent_id is not None:
        stmt = stmt.where(QaEvaluation.agent_id == agent_id)
    rows = list(session.scalars(stmt.order_by(QaEvaluation.id.desc()).limit(limit)))
    logins = {i: login for i, login in session.execute(select(User.id, User.login))}
    call_ids = sorted({ev.call_id for ev in rows})
    about: dict[int, tuple[str, datetime]] = {
        cid: (name, started) for cid, name, started in session.execute(
            select(Call.id, Customer.name, Call.started_at)
            .join(Customer, Customer.id == Call.customer_id)
            .where(Call.id.in_(call_ids)))} if call_ids else {}
    return [_info(ev, logins, about) for ev in rows]


def respond(session: Session, actor: Actor, evaluation_id: int, *, agree: bool,
            comment: str = "") -> QaEvaluation:
    """The agent acknowledges the evaluation, or disputes it with a comment."""
    ev = session.get(QaEvaluation, evaluation_id)
    if ev is None:
        raise NotFound(what=str(evaluation_id))
    if ev.agent_id != actor.user_id:
        refuse(None, actor, "respond")
    if ev.status not in ("submitted",):
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "You already answered this evaluation."))
    if not agree and not comment.strip():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Say why you dispute the evaluation."))
    before = {"status": ev.status}
    ev.status = "acknowledged" if agree else "disputed"
    ev.agent_comment = comment.strip() or None
    ev.acknowledged_at = utcnow()
    audit.record(session, actor, "qa_" + ev.status, "qa_evaluation", ev.id, before=before,
                 after={"status": ev.status, "comment": ev.agent_comment})
    return ev


def send_back_as_callback(session: Session, actor: Actor, evaluation_id: int,
                          when: datetime | None = None) -> CallTask:
    """A failed evaluation: the same agent calls the customer back to put it right."""
    require(actor, Permission.EVALUATE_CALLS)
    ev = session.get(QaEvaluation, evaluation_id)
    if ev is None:
        raise NotFound(what=str(evaluation_id))
    call = session.get(Call, ev.call_id)
    if call is None or call.task_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "This call has no queue task to send back."))
    task = session.get(CallTask, call.task_id)
    if task is None:
        raise NotFound(what=str(call.task_id))
    customer = session.get(Customer, task.customer_id)
    if customer is not None and customer.do_not_call:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "The customer asked not to be called; no callback."))
    before = {"status": task.status, "callback_at": task.callback_at,
              "callback_owner_id": task.callback_owner_id}
    task.status = TaskStatus.CALLBACK.value
    task.callback_at = when or utcnow()
    task.callback_owner_id = call.agent_id
    task.claimed_by = None
    task.lease_expires_at = None
    audit.record(session, actor, "qa_callback", "call_task", task.id, before=before,
                 after={"status": task.status, "callback_at": task.callback_at,
                        "callback_owner_id": task.callback_owner_id,
                        "evaluation_id": ev.id})
    return task


# ---------------------------------------------------------------- samples


@dataclass(frozen=True)
class SampleCall:
    call_id: int
    agent_id: int
    agent_login: str
    customer: str
    started_at: datetime
    disposition: str | None
    flagged: bool
    evaluated: bool


def review_queue(session: Session, actor: Actor, week_start: date, per_agent: int = 5
                 ) -> list[SampleCall]:
    """This week's calls to review: every flagged call plus a reproducible random
    sample of each agent's answered calls."""
    require(actor, Permission.EVALUATE_CALLS)
    lo, hi = _at(week_start), _at(week_start + timedelta(days=7))
    answered = session.execute(
        select(Call.id, Call.agent_id).where(Call.started_at >= lo, Call.started_at < hi,
                                             Call.answered_at.is_not(None),
                                             Call.agent_id.is_not(None))).all()
    per: dict[int, list[int]] = defaultdict(list)
    for cid, aid in answered:
        if aid is not None:
            per[aid].append(cid)
    chosen: set[int] = set()
    for aid, ids in per.items():
        chosen.update(core_qa.sample_calls(ids, per_agent, f"{week_start.isoformat()}:{aid}"))
    flagged = {cid for (cid,) in session.execute(
        select(Call.id).where(Call.flagged_for_review == true(), Call.started_at >= lo,
                              Call.started_at < hi))}
    ids = sorted(chosen | flagged)
    if not ids:
        return []
    evaluated = {cid for (cid,) in session.execute(
        select(QaEvaluation.call_id).where(QaEvaluation.call_id.in_(ids),
                                           QaEvaluation.calibration_session.is_(None)))}
    rows = session.execute(
        select(Call.id, Call.agent_id, User.login, Customer.name, Call.started_at,
               Call.disposition, Call.flagged_for_review)
        .join(User, User.id == Call.agent_id).join(Customer, Customer.id == Call.customer_id)
        .where(Call.id.in_(ids)).order_by(User.login, Call.started_at))
    return [SampleCall(r[0], r[1] or 0, r[2], r[3], r[4], r[5], bool(r[6]), r[0] in evaluated)
            for r in rows]


# ------------------------------------------------------------- calibration


def calibration(session: Session, actor: Actor, name: str) -> list[core_qa.Spread]:
    require(actor, Permission.EVALUATE_CALLS)
    rows = session.execute(
        select(User.login, QaEvaluation.scores).join(User, User.id == QaEvaluation.evaluator_id)
        .where(QaEvaluation.calibration_session == name)).all()
    if not rows:
        raise NotFound(what=name)
    return core_qa.calibration_spread({login: scores or {} for login, scores in rows})


# ------------------------------------------------------------------ reports


@dataclass(frozen=True)
class AgentQa:
    login: str
    evaluations: int
    average: float | None
    critical_fails: int
    calls: int
    reviewed_share: float | None
    by_criterion: dict[str, float]


def report(session: Session, actor: Actor, start: date, end: date) -> list[AgentQa]:
    """QA by agent and criterion for [start, end), with the share of calls reviewed."""
    require(actor, Permission.EVALUATE_CALLS)
    lo, hi = _at(start), _at(end)
    agents = list(session.execute(select(User.id, User.login)
                                  .where(User.role == Role.AGENT.value).order_by(User.login)))
    calls = {aid: n for aid, n in session.execute(
        select(Call.agent_id, func.count()).where(Call.started_at >= lo, Call.started_at < hi)
        .group_by(Call.agent_id))}
    evs = session.execute(
        select(QaEvaluation.agent_id, QaEvaluation.score_pct, QaEvaluation.critical_fail,
               QaEvaluation.scores, QaEvaluation.call_id, QaEvaluation.form_id)
        .where(QaEvaluation.created_at >= lo, QaEvaluation.created_at < hi,
               QaEvaluation.calibration_session.is_(None))).all()
    forms = {f.id: {c.key: c for c in criteria_of(f)} for f in session.scalars(select(QaForm))}
    per: dict[int, list[Any]] = defaultdict(list)
    for row in evs:
        per[row[0]].append(row)
    out = []
    for aid, login in agents:
        rows = per.get(aid, [])
        crit: dict[str, list[float]] = defaultdict(list)
        for r in rows:
            for key, value in (r[3] or {}).items():
                c = forms.get(r[5], {}).get(key)
                if c is not None:
                    crit[key].append(100 * int(value) / c.max_score)
        n_calls = calls.get(aid, 0)
        reviewed = len({r[4] for r in rows})
        out.append(AgentQa(
            login, len(rows),
            sum(r[1] for r in rows) / len(rows) if rows else None,
            sum(1 for r in rows if r[2]), n_calls,
            reviewed / n_calls if n_calls else None,
            {k: round(sum(v) / len(v), 1) for k, v in sorted(crit.items())}))
    return out


def export_report(rows: list[AgentQa], path: Path, labels: dict[str, str]) -> Path:
    """Written whole or not at all (a full disk leaves the previous file as it was)."""
    from winback_desktop.io import atomic

    return atomic.write(path, lambda tmp: _export_report(rows, tmp, labels))


def _export_report(rows: list[AgentQa], path: Path, labels: dict[str, str]) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    try:
        ws = wb.add_worksheet("QA")
        head = wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white"})
        pct = wb.add_format({"num_format": "0.0%"})
        num = wb.add_format({"num_format": "0.0"})
        criteria = sorted({k for r in rows for k in r.by_criterion})
        headers = [labels.get(k, k) for k in ("agent", "evaluations", "average",
                                               "critical_fails", "calls", "reviewed_share")]
        headers += [labels.get(k, k) for k in criteria]
        for j, h in enumerate(headers):
            ws.write(0, j, h, head)
        for i, r in enumerate(rows, start=1):
            ws.write_string(i, 0, r.login)
            ws.write_number(i, 1, r.evaluations)
            if r.average is not None:
                ws.write_number(i, 2, r.average, num)
            ws.write_number(i, 3, r.critical_fails)
            ws.write_number(i, 4, r.calls)
            if r.reviewed_share is not None:
                ws.write_number(i, 5, r.reviewed_share, pct)
            for j, key in enumerate(criteria, start=6):
                if key in r.by_criterion:
                    ws.write_number(i, j, r.by_criterion[key], num)
        ws.freeze_panes(1, 1)
        ws.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        ws.set_column(0, len(headers) - 1, 14)
    finally:
        wb.close()
    return path
