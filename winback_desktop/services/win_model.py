"""P(win-back) learned from outcomes, kept on every open task (DESIGN §12).

* After every call outcome (``observe_outcome``, in the outcome's own transaction) the
  call's try is counted in its cell (an amended outcome moves exactly that try) and
  its task is scored again for its next call.
* ``refresh`` folds the calls after its mark (``win_model_state``) into the facts and
  counts, fits the model on the cell counts, publishes the cells whose rate moved
  beyond the tolerance (``win_model_rates``) and writes ``p_win`` and
  ``expected_value_minor`` onto the open tasks whose stored figures differ from their
  cell's published rate: counting and scoring run in SQL, a range of task ids per
  short transaction (claims go on meanwhile), so claims of campaigns that order by
  expected value read them from an index. ``full=True`` looks at every call, recounts
  the cells and publishes every cell exactly. ``ModelMaintenance`` runs it now and
  then on one workstation of the team; campaign start and a change of order run it for
  their campaign; ``winback model refresh`` runs it on demand.

The model itself (empirical-Bayes rates per cell) is ``core.win_model``.
"""

from __future__ import annotations

import logging
import threading
import time as time_module
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from winback_desktop.core import win_model as wm
from winback_desktop.core.domain import CampaignKind, CustomerStatus, TaskStatus
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db import win_model_sql
from winback_desktop.db.models import (
    Call,
    CallTask,
    Campaign,
    Customer,
    WinModelCell,
    WinModelFact,
    WinModelRate,
    WinModelState,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse
from winback_desktop.services.sltv_service import parse_params

log = logging.getLogger(__name__)

#: task ids scored per transaction (a claim waits at most for one range)
WRITE_BATCH = 50_000
#: on SQLite, when more than this share of a range changed and more than BULK_MIN_TASKS
#: ids are left, the rest is written in one transaction around a rebuilt index
BULK_SHARE = 0.3
BULK_MIN_TASKS = 100_000
#: a call without an outcome this long after it started no longer holds back the
#: refresh mark (a crashed workstation's call is never finished)
OPEN_CALL_WINDOW = timedelta(days=1)

_OPEN = (TaskStatus.QUEUED.value, TaskStatus.CLAIMED.value, TaskStatus.CALLBACK.value)


@dataclass(frozen=True, slots=True)
class RefreshResult:
    full: bool
    facts_added: int
    tries: int
    wins: int
    tasks_scored: int
    tasks_changed: int
    cells_published: int
    seconds: float


@dataclass(frozen=True, slots=True)
class PWinExplanation:
    """A customer's P(win) in one campaign, what it rests on, and what a call is worth."""

    customer_id: int
    campaign_id: int | None
    task_id: int | None
    estimate: wm.Estimate
    value: wm.ExpectedValue
    #: what the task carries now (the queue orders by it): may lag the model until the
    #: next refresh
    stored_p_win: float | None
    stored_expected_value_minor: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"p_win": round(self.estimate.p_win, 6),
                "p_win_basis": self.estimate.as_dict(),
                "expected_cost_minor": self.value.expected_cost_minor,
                "expected_value_minor": self.value.expected_value_minor,
                "expected_value": self.value.as_dict(),
                "stored_p_win": self.stored_p_win,
                "stored_expected_value_minor": self.stored_expected_value_minor}


def _may_refresh(actor: Actor) -> bool:
    return actor.can(Permission.MANAGE_CAMPAIGNS) or actor.can(Permission.MONITOR_AGENTS)


# ------------------------------------------------------------------ the model


def load_model(session: Session) -> wm.WinModel:
    """The model fitted on the stored cell counts (a few thousand rows at most)."""
    rows = session.execute(select(
        WinModelCell.kind, WinModelCell.reason, WinModelCell.tier, WinModelCell.segment,
        WinModelCell.attempt, WinModelCell.age, WinModelCell.tries, WinModelCell.wins))
    return wm.WinModel.from_counts(
        (wm.CellKey.of(k, r, t, s, a, g), n, w) for k, r, t, s, a, g, n, w in rows)


def _kind_of(session: Session, campaign_id: int | None) -> str:
    kind = None if campaign_id is None else session.scalar(
        select(Campaign.kind).where(Campaign.id == campaign_id))
    return kind or CampaignKind.WIN_BACK.value


def _task_cell(task: CallTask, kind: str, on: date) -> wm.CellKey:
    """The cell of a task's next call."""
    return wm.CellKey.of(kind, task.defection_reason, task.sltv_tier, task.segment,
                         (task.attempts or 0) + 1, wm.age_bucket(task.defection_date, on))


def _value(session: Session, campaign_id: int | None, p_win: float, sltv_minor: int
           ) -> wm.ExpectedValue:
    raw = None if campaign_id is None else session.scalar(
        select(Campaign.sltv_params).where(Campaign.id == campaign_id))
    params = parse_params(raw)
    return wm.expected_value(p_win, sltv_minor, params.win_back_cost_minor,
                             params.contact_cost_minor)


def _score_task(session: Session, task: CallTask, model: wm.WinModel, now: datetime) -> None:
    """The task's figures for its next call: its cell's published rate (what a refresh
    would write), the model's own estimate while the cell has none."""
    kind = _kind_of(session, task.campaign_id)
    cell = _task_cell(task, kind, now.date())
    published = None
    state = session.get(WinModelState, 1)
    if state is not None and state.layout == wm.LAYOUT:
        published = session.scalar(select(WinModelRate.p).where(
            WinModelRate.code == wm.cell_code(cell)))
    p = model.estimate(cell).p_win if published is None else float(published)
    value = _value(session, task.campaign_id, p, task.sltv_minor or 0)
    task.p_win = p
    task.expected_value_minor = value.expected_value_minor


# ------------------------------------------------------------------ after an outcome


def _adjust_cell(session: Session, fact: WinModelFact, tries: int, wins: int) -> None:
    cell = session.get(WinModelCell, (fact.kind, fact.reason, fact.tier, fact.segment,
                                      fact.attempt, fact.age), with_for_update=True)
    if cell is None:
        cell = WinModelCell(kind=fact.kind, reason=fact.reason, tier=fact.tier,
                            segment=fact.segment, attempt=fact.attempt, age=fact.age,
                            tries=0, wins=0)
        session.add(cell)
    cell.tries = max(0, (cell.tries or 0) + tries)
    cell.wins = min(cell.tries, max(0, (cell.wins or 0) + wins))


def observe_outcome(session: Session, call_id: int, now: datetime | None = None) -> None:
    """Count a call's outcome (or its amendment) in the model and score its task again.

    Runs in the caller's transaction, so the count and the outcome commit together. A
    call seen before keeps its cell (what was known when it was made) and only moves
    between won and not won; a call without a task or a disposition counts nothing, and
    neither does "still a customer" (``NOT_COUNTED``: the customer never left, so the
    call is neither a win nor a failed try; amended to it, the try leaves its cell)."""
    now = now or utcnow()
    call = session.get(Call, call_id)
    if call is None or call.task_id is None:
        return
    task = session.get(CallTask, call.task_id)
    if task is None:
        return
    won = call.disposition in win_model_sql.WIN_DISPOSITIONS
    counted = (call.disposition is not None
               and call.disposition not in win_model_sql.NOT_COUNTED)
    fact = session.get(WinModelFact, call.id)
    if fact is not None:
        if not counted:  # an outcome taken back, or amended to one that is no try
            _adjust_cell(session, fact, -1, -int(fact.won))
            session.delete(fact)
        elif fact.won != won:
            _adjust_cell(session, fact, 0, int(won) - int(fact.won))
            fact.won = won
    elif counted:
        attempt = session.scalar(select(func.count()).select_from(Call).where(
            Call.task_id == task.id, Call.id <= call.id, Call.disposition.is_not(None))) or 1
        key = wm.CellKey.of(_kind_of(session, task.campaign_id), task.defection_reason,
                            task.sltv_tier, task.segment, attempt,
                            wm.age_bucket(task.defection_date, call.started_at.date()))
        fact = WinModelFact(call_id=call.id, campaign_id=task.campaign_id, kind=key.kind,
                            reason=key.reason, tier=key.tier, segment=key.segment,
                            attempt=key.attempt, age=key.age, won=won,
                            p_predicted=task.p_win, observed_at=call.ended_at or now)
        session.add(fact)
        _adjust_cell(session, fact, 1, int(won))
    session.flush()
    if task.status in _OPEN:
        _score_task(session, task, load_model(session), now)


# ------------------------------------------------------------------ refresh


def _state(session: Session) -> WinModelState:
    state = session.get(WinModelState, 1, with_for_update=True)
    if state is None:
        state = WinModelState(id=1, facts_through_call_id=0, layout="")
        session.add(state)
        session.flush()
    return state


def _facts_mark(session: Session, after: int, now: datetime) -> int:
    """The highest call id up to which every call is finished (or was abandoned over a
    day ago): the next ordinary refresh reads only the calls after it. Taken before
    the facts are built, so a call finishing meanwhile is read again, never skipped."""
    first_open = session.scalar(select(func.min(Call.id)).where(
        Call.id > after, Call.disposition.is_(None), Call.started_at >= now - OPEN_CALL_WINDOW))
    if first_open is not None:
        return max(after, int(first_open) - 1)
    return max(after, int(session.scalar(select(func.max(Call.id))) or 0))


def publish(session: Session, model: wm.WinModel, *, exact: bool = False) -> int:
    """Publish the model's rate of every cell that moved beyond the tolerance (``exact``:
    at all) or was never published; returns how many cells changed. Tasks follow when
    ``write_scores`` compares them with the published rates."""
    state = _state(session)
    rates = model.cell_rates()
    published = np.full(rates.shape, np.nan)
    if state.layout == wm.LAYOUT:
        for code, p in session.execute(select(WinModelRate.code, WinModelRate.p)):
            if 0 <= code < published.size:
                published[code] = p
    else:
        session.execute(delete(WinModelRate))
        state.layout = wm.LAYOUT
    changed = np.flatnonzero(wm.to_publish(rates, published, exact))
    if changed.size:
        known = changed[~np.isnan(published[changed])]
        fresh = changed[np.isnan(published[changed])]
        if known.size:
            session.execute(update(WinModelRate), [
                {"code": int(c), "p": float(rates[c])} for c in known])
        if fresh.size:
            session.execute(insert(WinModelRate), [
                {"code": int(c), "p": float(rates[c])} for c in fresh])
    session.flush()
    return int(changed.size)


def _load_campaigns(session: Session) -> None:
    rows = []
    for cid, kind, raw in session.execute(select(Campaign.id, Campaign.kind,
                                                 Campaign.sltv_params)):
        params = parse_params(raw)
        rows.append((cid, wm.KINDS.index(kind) if kind in wm.KINDS else 0,
                     params.win_back_cost_minor, params.contact_cost_minor))
    win_model_sql.load_campaigns(session.connection(), rows)


def refresh(db: Database, actor: Actor, *, campaign_id: int | None = None,
            full: bool = False, now: datetime | None = None,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> RefreshResult:
    """Fold new outcomes into the model, publish the cells that moved, and store P(win)
    and expected value on the open tasks (or the campaign's) that differ from their
    cell's published rate. An ordinary refresh reads only the calls after the refresh
    mark; ``full`` looks at every call and recounts the cells from the facts. Tasks are
    written a range of ids per transaction, so claims go on meanwhile (when most of
    them change, the rest at once around a rebuilt index on SQLite)."""
    if not _may_refresh(actor):
        refuse(None, actor, "refresh")
    started = time_module.perf_counter()
    now = now or utcnow()
    report = progress or (lambda _d, _t: None)
    stop = cancelled or (lambda: False)
    with db.session() as session:
        if campaign_id is not None and session.get(Campaign, campaign_id) is None:
            raise NotFound(what=str(campaign_id))
        conn = session.connection()
        state = _state(session)
        mark = _facts_mark(session, 0 if full else state.facts_through_call_id, now)
        if full:
            added = win_model_sql.backfill_facts(conn)
            win_model_sql.recount_cells(conn)
        else:
            added = win_model_sql.backfill_facts(conn, state.facts_through_call_id, count=True)
        state.facts_through_call_id = mark
        state.refreshed_at = now
        model = load_model(session)
        cells = publish(session, model)
        first, last, total = win_model_sql.task_id_range(conn, campaign_id)
    report(0, total)
    written = 0
    bulk = False
    for lo in range(first, last + 1, WRITE_BATCH):
        if stop():
            break
        hi = last if bulk else min(last, lo + WRITE_BATCH - 1)
        with db.session() as session:
            _load_campaigns(session)
            write = (win_model_sql.write_scores_rebuilding_index if bulk
                     else win_model_sql.write_scores)
            changed = write(session.connection(), now.date(), lo, hi, campaign_id)
        written += changed
        report(min(total, round(total * (hi + 1 - first) / (last - first + 1))), total)
        if bulk:
            break
        # most of a range changed and much is left: the rest in one transaction that
        # builds the expected-value index afresh (SQLite; see write_scores_rebuilding_index)
        bulk = (db.backend == "sqlite" and last - hi > BULK_MIN_TASKS
                and changed > BULK_SHARE * WRITE_BATCH)
    tries = int(model.tries.sum())
    wins = int(model.wins.sum())
    result = RefreshResult(full, added, tries, wins, total, written, cells,
                           round(time_module.perf_counter() - started, 3))
    with db.session() as session:
        audit.record(session, actor, "win_model_refreshed",
                     "campaign" if campaign_id else "win_model", campaign_id,
                     after={"full": full, "facts_added": added, "tries": tries, "wins": wins,
                            "cells_published": cells, "tasks_scored": total,
                            "tasks_changed": written})
    report(total, total)
    return result


def score_tasks(session: Session, campaign_id: int | None = None,
                now: datetime | None = None) -> int:
    """Score the open tasks (of one campaign) in the caller's transaction, e.g. right
    after a campaign queued its customers; returns how many changed."""
    now = now or utcnow()
    publish(session, load_model(session))
    _load_campaigns(session)
    first, last, _total = win_model_sql.task_id_range(session.connection(), campaign_id)
    return win_model_sql.write_scores(session.connection(), now.date(), first, last,
                                      campaign_id)


# ------------------------------------------------------------------ explain


def explain(session: Session, actor: Actor, customer_id: int,
            campaign_id: int | None = None, now: datetime | None = None) -> PWinExplanation:
    """The customer's P(win) for their next call in the campaign (default: their most
    recently touched task's), with its basis and the expected value of the call."""
    from winback_desktop.services.customer_card import check_access

    check_access(session, actor, customer_id)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what=str(customer_id))
    now = now or utcnow()
    stmt = select(CallTask).where(CallTask.customer_id == customer_id)
    if campaign_id is not None:
        if session.get(Campaign, campaign_id) is None:
            raise NotFound(what=str(campaign_id))
        stmt = stmt.where(CallTask.campaign_id == campaign_id)
    task = session.scalar(stmt.order_by(CallTask.updated_at.desc(), CallTask.id.desc()).limit(1))
    model = load_model(session)
    if task is not None:
        kind = _kind_of(session, task.campaign_id)
        estimate = model.estimate(_task_cell(task, kind, now.date()))
        value = _value(session, task.campaign_id, estimate.p_win, task.sltv_minor or 0)
        return PWinExplanation(customer_id, task.campaign_id, task.id, estimate, value,
                               task.p_win, task.expected_value_minor)
    kind = (CampaignKind.SAVE.value if customer.status == CustomerStatus.AT_RISK.value
            else _kind_of(session, campaign_id))
    key = wm.CellKey.of(kind, customer.defection_reason, customer.sltv_tier, customer.segment,
                        1, wm.age_bucket(customer.defection_date, now.date()))
    estimate = model.estimate(key)
    value = _value(session, campaign_id, estimate.p_win, customer.sltv_minor or 0)
    return PWinExplanation(customer_id, campaign_id, None, estimate, value, None, None)


def explain_for(db: Database, actor: Actor, customer_id: int, campaign_id: int | None = None
                ) -> PWinExplanation:
    """``explain`` in its own read-only unit of work (for the explain popup)."""
    with db.session() as session:
        return explain(session, actor, customer_id, campaign_id)


# ------------------------------------------------------------------ summary


def summary(session: Session, actor: Actor) -> dict[str, Any]:
    """Tries, wins and P(win) per kind and reason, the prior strengths, and the
    calibration of the predictions made so far (supervisors and admins)."""
    if not _may_refresh(actor):
        refuse(None, actor, "summary")
    model = load_model(session)
    kinds = []
    for k, kind in enumerate(wm.KINDS):
        tries, wins = model.total(kind)
        by_reason = []
        for r, reason in enumerate(wm.REASONS):
            by_reason.append({"reason": reason, "tries": int(model.tries[k, r].sum()),
                              "wins": int(model.wins[k, r].sum()),
                              "p_win": round(float(model.rates[1][k, r]), 6)})
        kinds.append({"kind": kind, "tries": tries, "wins": wins,
                      "p_win": round(float(model.rates[0][k]), 6),
                      "prior_strength": {level: round(float(model.kappas[k, i]), 3)
                                         for i, level in enumerate(wm.LEVELS)},
                      "by_reason": by_reason})
    return {"kinds": kinds, "calibration": calibration(session)}


# ------------------------------------------------------------------ calibration


def calibration(session: Session, kind: str | None = None, since: datetime | None = None,
                until: datetime | None = None) -> list[dict[str, float]]:
    """Predicted (when the call was made) against observed P(win) by decile."""
    stmt = select(WinModelFact.p_predicted, WinModelFact.won).where(
        WinModelFact.p_predicted.is_not(None))
    if kind is not None:
        stmt = stmt.where(WinModelFact.kind == kind)
    if since is not None:
        stmt = stmt.where(WinModelFact.observed_at >= since)
    if until is not None:
        stmt = stmt.where(WinModelFact.observed_at < until)
    rows = session.execute(stmt).all()
    if not rows:
        return []
    p = np.asarray([r[0] for r in rows], dtype=np.float64)
    won = np.asarray([bool(r[1]) for r in rows], dtype=np.float64)
    return wm.calibration(p, won)


# ------------------------------------------------------------------ upkeep


class ModelMaintenance:
    """Refreshes the model now and then on one workstation of the team (whoever holds
    the advisory lock on PostgreSQL; the only one on SQLite), so P(win) follows the
    outcomes of the whole team, the SLTV recomputes and the passing days."""

    LOCK_KEY = 0x57494E4D  # "WINM"

    def __init__(self, db: Database, interval_s: float = 600.0) -> None:
        self.db = db
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="win-model", daemon=True)

    def start(self) -> ModelMaintenance:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                if self.db.backend != "postgresql":
                    refresh(self.db, Actor.system(), cancelled=self._stop.is_set)
                    continue
                with self.db.engine.connect() as conn:
                    got = conn.scalar(text("SELECT pg_try_advisory_lock(:k)"),
                                      {"k": self.LOCK_KEY})
                    conn.commit()
                    if got:
                        try:
                            refresh(self.db, Actor.system(), cancelled=self._stop.is_set)
                        finally:
                            conn.scalar(text("SELECT pg_advisory_unlock(:k)"),
                                        {"k": self.LOCK_KEY})
                            conn.commit()
            except Exception:  # keep the workstation running if the server blips
                log.warning("win model refresh failed", exc_info=True)


def start_maintenance(db: Database, interval_s: float = 600.0) -> ModelMaintenance:
    return ModelMaintenance(db, interval_s).start()


def load_summary(db: Database, actor: Actor) -> dict[str, Any]:
    """``summary`` as its own read (``winback model show``)."""
    with db.session() as session:
        return summary(session, actor)
