"""The segmentation grid as editable data (DESIGN §2), and the one re-segmentation path.

``resegment_customers`` is how any change reaches a customer's segment and their queue:
an exit interview, an import update, a grid or threshold edit, an SLTV recompute and a
manual edit all end there. It works on sets (SQL ``UPDATE``s with a ``CASE`` per
table), so one customer and a million take the same statements:

- customers: tier from the SLTV (unknown → the unvalued tier), segment from the grid;
- their open tasks (queued, claimed, callback) and the ones closed as not pursued
  follow: defection reason from the customer, tier from the task's own SLTV (each
  campaign values with its own parameters), segment from the grid;
- a ``do_not_pursue`` segment closes queued tasks and callbacks (``not_pursued``); a
  task closed that way reopens (as a callback if one was agreed) when the segment
  changes back. A claimed task keeps its claim: the call in progress ends normally and
  the task closes then (calls and expired leases leave a not-pursued task closed).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Table,
    and_,
    case,
    false,
    func,
    literal,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session

from winback_desktop.core.domain import SltvTier, TaskStatus, Treatment
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.core.segmentation import (
    DEFAULT_TIER_THRESHOLDS,
    REASONS,
    TIERS,
    default_grid,
    unvalued_tier,
)
from winback_desktop.db.models import CallTask, Customer, SegmentRule, SltvTierThreshold
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, require

Cell = tuple[str, str]
_CU = cast(Table, Customer.__table__)
_TA = cast(Table, CallTask.__table__)
_DNP = Treatment.DO_NOT_PURSUE.value
#: task states that follow their customer's segment
FOLLOWING = (TaskStatus.QUEUED.value, TaskStatus.CLAIMED.value, TaskStatus.CALLBACK.value,
             TaskStatus.NOT_PURSUED.value)
#: task states a ``do_not_pursue`` segment closes at once
CLOSABLE = (TaskStatus.QUEUED.value, TaskStatus.CALLBACK.value)
#: customers per statement of the set-based form
CHUNK = 5_000


def get_grid(session: Session) -> dict[Cell, str]:
    """Every cell of the grid; cells missing from the table read as the defaults."""
    grid = default_grid()
    for tier, reason, treatment in session.execute(
            select(SegmentRule.tier, SegmentRule.reason, SegmentRule.treatment)):
        grid[(tier, reason)] = treatment
    return grid


def get_thresholds(session: Session) -> dict[str, int]:
    """Lower SLTV bound (minor units) of each tier, highest tier first."""
    rows = {tier: int(bound) for tier, bound in session.execute(
        select(SltvTierThreshold.tier, SltvTierThreshold.min_sltv_minor))}
    data = rows or dict(DEFAULT_TIER_THRESHOLDS)
    return dict(sorted(data.items(), key=lambda kv: kv[1], reverse=True))


def tier_expression(sltv: ColumnElement[Any], thresholds: Mapping[str, int],
                    unknown: ColumnElement[bool] | None = None) -> ColumnElement[Any]:
    """SQL for ``core.segmentation.tier_for``: an unknown SLTV (NULL, or ``unknown``
    true) is the unvalued tier."""
    whens: list[tuple[ColumnElement[bool], Any]] = [
        (sltv.is_(None) if unknown is None else unknown, literal(unvalued_tier(thresholds))),
        (sltv < 0, literal(SltvTier.NEGATIVE.value))]
    for tier, bound in sorted(thresholds.items(), key=lambda kv: kv[1], reverse=True):
        whens.append((sltv >= bound, literal(tier)))
    return case(*whens, else_=literal(SltvTier.NEGATIVE.value))


def segment_expression(tier: ColumnElement[Any], reason: ColumnElement[Any],
                       grid: Mapping[Cell, str]) -> ColumnElement[Any]:
    """SQL for ``core.segmentation.treatment_for`` over a whole table."""
    whens = [(and_(tier == t, reason == r), literal(x)) for (t, r), x in sorted(grid.items())]
    return case(*whens, else_=literal(Treatment.QUICK.value))


# ------------------------------------------------------------ the one path


@dataclass(frozen=True, slots=True)
class Resegmented:
    """What a re-segmentation changed."""

    customers: int = 0       # customers whose tier or segment changed
    tasks: int = 0           # open tasks whose reason, tier or segment changed
    tasks_closed: int = 0    # queued tasks and callbacks closed: do not pursue
    tasks_reopened: int = 0  # tasks closed that way and pursued again

    def __add__(self, other: Resegmented) -> Resegmented:
        return Resegmented(*(a + b for a, b in zip(asdict(self).values(),
                                                   asdict(other).values(), strict=True)))

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @property
    def changes(self) -> Changes:
        return Changes.of(Topic.SEGMENTATION, Topic.CUSTOMERS, Topic.QUEUE)


def _count(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def resegment_customers(session: Session, customer_ids: Iterable[int] | None = None, *,
                        cell: Cell | None = None, campaign_id: int | None = None,
                        now: datetime | None = None,
                        thresholds: Mapping[str, int] | None = None,
                        grid: Mapping[Cell, str] | None = None) -> Resegmented:
    """Re-tier and re-segment customers and reconcile their tasks (module docstring).

    ``customer_ids`` limits it to those customers (in chunks of ``CHUNK``), ``cell`` to
    the customers and tasks of one grid cell, ``campaign_id`` to one campaign's tasks
    (after its parameters changed); none of them: everyone. Runs in the caller's
    transaction; pending ORM changes are flushed first and loaded objects expired after.
    """
    session.flush()
    thresholds = thresholds or get_thresholds(session)
    grid = grid or get_grid(session)
    now = now or utcnow()
    if customer_ids is None:
        scope_c: ColumnElement[bool] = true()
        scope_t: ColumnElement[bool] = true()
        if cell is not None:
            scope_c = and_(_CU.c.sltv_tier == cell[0], _CU.c.defection_reason == cell[1])
            scope_t = and_(_TA.c.sltv_tier == cell[0], _TA.c.defection_reason == cell[1])
        elif campaign_id is not None:
            scope_c = false()
            scope_t = _TA.c.campaign_id == campaign_id
        total = _resegment(session, scope_c, scope_t, thresholds, grid, now)
    else:
        ids = sorted(set(customer_ids))
        total = Resegmented()
        for start in range(0, len(ids), CHUNK):
            part = ids[start:start + CHUNK]
            total = total + _resegment(session, _CU.c.id.in_(part),
                                       _TA.c.customer_id.in_(part), thresholds, grid, now)
    session.expire_all()
    return total


def _resegment(session: Session, scope_c: ColumnElement[bool], scope_t: ColumnElement[bool],
               thresholds: Mapping[str, int], grid: Mapping[Cell, str],
               now: datetime) -> Resegmented:
    run = session.execute
    plain = {"synchronize_session": False}
    # customers: tier, then segment
    tier = tier_expression(_CU.c.sltv_minor, thresholds)
    retiered = _count(run(update(_CU).where(scope_c, _CU.c.sltv_tier.is_distinct_from(tier))
                          .values(sltv_tier=tier), execution_options=plain))
    segment = segment_expression(_CU.c.sltv_tier, _CU.c.defection_reason, grid)
    moved = _count(run(update(_CU).where(scope_c, _CU.c.segment.is_distinct_from(segment))
                       .values(segment=segment), execution_options=plain))
    # their tasks: reason, tier (by the task's own SLTV), segment
    following = and_(scope_t, _TA.c.status.in_(FOLLOWING))
    joined = and_(following, _TA.c.customer_id == _CU.c.id)
    tasks = _count(run(update(_TA).where(
        joined, _TA.c.defection_reason != _CU.c.defection_reason)
        .values(defection_reason=_CU.c.defection_reason, updated_at=now),
        execution_options=plain))
    task_tier = tier_expression(_TA.c.sltv_minor, thresholds, unknown=_CU.c.sltv_minor.is_(None))
    tasks += _count(run(update(_TA).where(joined, _TA.c.sltv_tier.is_distinct_from(task_tier))
                        .values(sltv_tier=task_tier, updated_at=now), execution_options=plain))
    task_segment = segment_expression(_TA.c.sltv_tier, _TA.c.defection_reason, grid)
    tasks += _count(run(update(_TA).where(following,
                                          _TA.c.segment.is_distinct_from(task_segment))
                        .values(segment=task_segment, updated_at=now),
                        execution_options=plain))
    closed = _count(run(update(_TA).where(scope_t, _TA.c.status.in_(CLOSABLE),
                                          _TA.c.segment == _DNP)
                        .values(status=TaskStatus.NOT_PURSUED.value, updated_at=now),
                        execution_options=plain))
    reopened = _count(run(update(_TA).where(
        scope_t, _TA.c.status == TaskStatus.NOT_PURSUED.value,
        _TA.c.segment.is_distinct_from(_DNP))
        .values(status=reopened_status(_TA), updated_at=now), execution_options=plain))
    return Resegmented(max(retiered, moved), tasks, closed, reopened)


def reopened_status(table: Table) -> ColumnElement[Any]:
    """Status of a task handed back to the queue (lease lapsed, released, call ended
    without a final outcome): closed if its customer is not pursued, else a callback if
    one is due, else queued."""
    return case((table.c.segment == _DNP, literal(TaskStatus.NOT_PURSUED.value)),
                (table.c.callback_at.is_not(None), literal(TaskStatus.CALLBACK.value)),
                else_=literal(TaskStatus.QUEUED.value))


# ------------------------------------------------------------------ the grid


def _check_cell(tier: str, reason: str, treatment: str) -> None:
    if tier not in TIERS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown SLTV tier '{tier}'."),
                              tier=tier)
    if reason not in REASONS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown defection reason '{reason}'."),
                              reason=reason)
    try:
        Treatment(treatment)
    except ValueError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown treatment '{treatment}'."),
                              treatment=treatment) from exc


def set_cell(session: Session, actor: Actor, tier: str, reason: str, treatment: str
             ) -> Resegmented:
    """Change one cell and re-segment the customers and tasks in it."""
    require(actor, Permission.MANAGE_SEGMENTATION)
    _check_cell(tier, reason, treatment)
    rule = session.scalar(select(SegmentRule).where(SegmentRule.tier == tier,
                                                    SegmentRule.reason == reason))
    before = rule.treatment if rule is not None else default_grid()[(tier, reason)]
    if rule is None:
        rule = SegmentRule(tier=tier, reason=reason, treatment=treatment)
        session.add(rule)
    rule.treatment = treatment
    changed = resegment_customers(session, cell=(tier, reason))
    if before != treatment:
        audit.record(session, actor, "segment_cell_changed", "segment_rule", f"{tier}/{reason}",
                     before={"treatment": before},
                     after={"treatment": treatment, **changed.as_dict()})
    return changed


def set_thresholds(session: Session, actor: Actor, thresholds: Mapping[str, int]
                   ) -> Resegmented:
    """Move tier bounds (A > B > C > D ≥ 0), then re-tier and re-segment everyone."""
    require(actor, Permission.MANAGE_SEGMENTATION)
    current = get_thresholds(session)
    merged = dict(current)
    for tier, value in thresholds.items():
        if tier not in current:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown SLTV tier '{tier}'."),
                                  tier=tier)
        merged[tier] = int(value)
    order = [t for t in TIERS if t in merged]
    values = [merged[t] for t in order]
    if any(a <= b for a, b in itertools.pairwise(values)) or values[-1] < 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Tier bounds must fall from A to D and D must be 0 or more."))
    for tier, value in merged.items():
        row = session.get(SltvTierThreshold, tier)
        if row is None:
            session.add(SltvTierThreshold(tier=tier, min_sltv_minor=value))
        else:
            row.min_sltv_minor = value
    changed = resegment_customers(session, thresholds=merged)
    old, new = audit.changed_fields(current, merged)
    if new:
        audit.record(session, actor, "sltv_thresholds_changed", "sltv_tiers", None,
                     before=old, after=new | changed.as_dict())
    return changed


def cell_counts(session: Session) -> dict[Cell, int]:
    """Customers per grid cell, one GROUP BY (served by the reason/tier index)."""
    rows = session.execute(
        select(Customer.sltv_tier, Customer.defection_reason, func.count())
        .group_by(Customer.sltv_tier, Customer.defection_reason))
    return {(tier, reason): int(n) for tier, reason, n in rows if tier is not None}


# ------------------------------------------------ the screen's and CLI's actions


@dataclass(frozen=True, slots=True)
class GridView:
    grid: dict[Cell, str]
    thresholds: dict[str, int]
    counts: dict[Cell, int]


def grid_view(db: Database, actor: Actor) -> GridView:
    """The grid, the tier bounds and how many customers sit in each cell."""
    require(actor, Permission.MANAGE_SEGMENTATION)
    with db.session() as s:
        return GridView(get_grid(s), get_thresholds(s), cell_counts(s))


def change_cell(db: Database, actor: Actor, tier: str, reason: str, treatment: str
                ) -> Resegmented:
    with db.session(immediate=True) as s:
        return set_cell(s, actor, tier, reason, treatment)


def change_thresholds(db: Database, actor: Actor, thresholds: Mapping[str, int]
                      ) -> Resegmented:
    with db.session(immediate=True) as s:
        return set_thresholds(s, actor, thresholds)


@dataclass(frozen=True, slots=True)
class GridRestored:
    cells: int           # cells set back to the default
    moved: Resegmented   # what that moved

    @property
    def changes(self) -> Changes:
        return self.moved.changes


def restore_default_grid(db: Database, actor: Actor) -> GridRestored:
    """Every cell back to the book's default, in one transaction."""
    require(actor, Permission.MANAGE_SEGMENTATION)
    with db.session(immediate=True) as s:
        current = get_grid(s)
        changes = {k: v for k, v in default_grid().items() if current.get(k) != v}
        total = Resegmented()
        for (tier, reason), treatment in sorted(changes.items()):
            total = total + set_cell(s, actor, tier, reason, treatment)
        return GridRestored(len(changes), total)
