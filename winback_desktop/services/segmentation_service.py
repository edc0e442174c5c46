"""The segmentation grid as editable data (DESIGN §2): SLTV tier × reason → treatment.

Edits re-segment every customer and queued task at once, in SQL (one ``UPDATE`` with a
``CASE`` per table), so a 1M-customer database follows an admin's change in seconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, case, func, literal, select, update
from sqlalchemy.orm import Session

from winback_desktop.core.domain import SltvTier, Treatment
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.core.segmentation import (
    DEFAULT_TIER_THRESHOLDS,
    REASONS,
    TIERS,
    default_grid,
)
from winback_desktop.db.models import CallTask, Customer, SegmentRule, SltvTierThreshold
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, require

Cell = tuple[str, str]


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


def tier_expression(sltv: ColumnElement[Any], thresholds: Mapping[str, int]
                    ) -> ColumnElement[Any]:
    """SQL for ``core.segmentation.tier_for``: NULL SLTV stays NULL."""
    whens: list[tuple[ColumnElement[bool], Any]] = [
        (sltv.is_(None), literal(None)), (sltv < 0, literal(SltvTier.NEGATIVE.value))]
    for tier, bound in sorted(thresholds.items(), key=lambda kv: kv[1], reverse=True):
        whens.append((sltv >= bound, literal(tier)))
    return case(*whens, else_=literal(SltvTier.NEGATIVE.value))


def segment_expression(tier: ColumnElement[Any], reason: ColumnElement[Any],
                       grid: Mapping[Cell, str]) -> ColumnElement[Any]:
    """SQL for ``core.segmentation.treatment_for`` over a whole table."""
    whens = [(and_(tier == t, reason == r), literal(x)) for (t, r), x in sorted(grid.items())]
    return case(*whens, else_=literal(None))


def resegment(session: Session, *, thresholds: Mapping[str, int] | None = None,
              grid: Mapping[Cell, str] | None = None, retier: bool = False) -> int:
    """Recompute tiers (when asked) and segments of every customer and task in SQL."""
    thresholds = thresholds or get_thresholds(session)
    grid = grid or get_grid(session)
    count = 0
    for model in (Customer, CallTask):
        table = cast(Table, model.__table__)
        values: dict[str, Any] = {}
        tier_col: ColumnElement[Any] = table.c.sltv_tier
        if retier:
            tier_col = tier_expression(table.c.sltv_minor, thresholds)
            values["sltv_tier"] = tier_col
        values["segment"] = segment_expression(tier_col, table.c.defection_reason, grid)
        result = session.execute(update(table).values(**values))
        if model is Customer:
            count = int(getattr(result, "rowcount", 0) or 0)
    session.expire_all()
    return count


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


def set_cell(session: Session, actor: Actor, tier: str, reason: str, treatment: str) -> int:
    """Change one cell and re-segment the customers and tasks in it. Returns how many
    customers the cell holds."""
    require(actor, Permission.MANAGE_SEGMENTATION)
    _check_cell(tier, reason, treatment)
    rule = session.scalar(select(SegmentRule).where(SegmentRule.tier == tier,
                                                    SegmentRule.reason == reason))
    before = rule.treatment if rule is not None else default_grid()[(tier, reason)]
    if rule is None:
        rule = SegmentRule(tier=tier, reason=reason, treatment=treatment)
        session.add(rule)
    rule.treatment = treatment
    session.flush()
    moved = 0
    for model in (Customer, CallTask):
        table = cast(Table, model.__table__)
        result = session.execute(
            update(table).where(table.c.sltv_tier == tier, table.c.defection_reason == reason)
            .values(segment=treatment))
        if model is Customer:
            moved = int(getattr(result, "rowcount", 0) or 0)
    session.expire_all()
    if before != treatment:
        audit.record(session, actor, "segment_cell_changed", "segment_rule", f"{tier}/{reason}",
                     before={"treatment": before},
                     after={"treatment": treatment, "customers": moved})
    return moved


def set_thresholds(session: Session, actor: Actor, thresholds: Mapping[str, int]) -> int:
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
    session.flush()
    count = resegment(session, thresholds=merged, retier=True)
    old, new = audit.changed_fields(current, merged)
    if new:
        audit.record(session, actor, "sltv_thresholds_changed", "sltv_tiers", None,
                     before=old, after=new | {"customers": count})
    return count


def cell_counts(session: Session) -> dict[Cell, int]:
    """Customers per grid cell, one GROUP BY (served by the reason/tier index)."""
    rows = session.execute(
        select(Customer.sltv_tier, Customer.defection_reason, func.count())
        .group_by(Customer.sltv_tier, Customer.defection_reason))
    return {(tier, reason): int(n) for tier, reason, n in rows if tier is not None}
