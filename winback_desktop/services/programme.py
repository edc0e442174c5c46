"""The programme report: recovery, return and who comes back, for a period (issue 18).

One GROUP BY over the period's finished calls per breakdown (reason, SLTV tier,
segment, campaign, team) and one over the offers accepted in it; the definitions are
``core.programme``'s. Supervisors and admins only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from winback_desktop.core import programme as pg
from winback_desktop.core.domain import CampaignKind, CustomerStatus, Disposition
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.metrics import Period
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    CallTask,
    Campaign,
    Customer,
    OfferRequest,
    Team,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.db.sql import seconds_between
from winback_desktop.services import settings as settings_service
from winback_desktop.services import win_model
from winback_desktop.services.context import Actor, require

#: team setting: what an hour of an agent's time costs, in minor units
HOURLY_COST_KEY = "labour_cost_per_hour_minor"
DEFAULT_HOURLY_COST_MINOR = 5_000

#: breakdowns of the report, in the order screens and exports show them
BREAKDOWNS = ("reason", "tier", "segment", "campaign", "team")
#: months of defectors the cohort view follows, ending with the period's last month
COHORT_MONTHS = 12


@dataclass(frozen=True)
class Group:
    key: str | None
    label: str | None
    figures: pg.ProgrammeFigures

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label} | self.figures.as_dict()


@dataclass(frozen=True)
class ProgrammeReport:
    period: Period
    hourly_cost_minor: int
    totals: pg.ProgrammeFigures
    breakdowns: dict[str, list[Group]]
    defection: dict[str, Any]
    cohorts: list[pg.Cohort]
    calibration: list[dict[str, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "period": {"start": self.period.start, "end": self.period.end,
                       "label": self.period.label},
            "hourly_cost_minor": self.hourly_cost_minor,
            "totals": self.totals.as_dict(),
            **{f"by_{name}": [g.as_dict() for g in groups]
               for name, groups in self.breakdowns.items()},
            "defection": self.defection,
            "cohorts": [c.as_dict() for c in self.cohorts],
            "calibration": self.calibration,
        }


def _at(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def hourly_cost(session: Session) -> int:
    value = settings_service.get(session, HOURLY_COST_KEY)
    try:
        return int(value) if value is not None else DEFAULT_HOURLY_COST_MINOR
    except (TypeError, ValueError):
        return DEFAULT_HOURLY_COST_MINOR


def _dimension(name: str) -> tuple[Any, list[Any]]:
    """The column a breakdown groups by, and the joins it needs beyond customers."""
    if name == "reason":
        return Customer.defection_reason, []
    if name == "tier":
        return Customer.sltv_tier, []
    if name == "segment":
        return Customer.segment, []
    if name == "campaign":
        return Call.campaign_id, []
    if name == "team":
        return User.team_id, [User]
    raise ValueError(name)


def _calls_stmt(period: Period, rate_minor: int, dimension: str | None) -> Select[Any]:
    answered = Call.answered_at.is_not(None)
    rpc = and_(answered, Call.disposition != Disposition.WRONG_NUMBER.value)
    won = Call.disposition == Disposition.WON_BACK.value
    saved = Call.disposition == Disposition.SAVED.value
    handle = func.coalesce(seconds_between(
        Call.started_at, func.coalesce(Call.wrapup_ended_at, Call.ended_at)), 0.0)
    kind = Campaign.kind
    cols: list[Any] = [
        func.count().label("calls"),
        func.count(func.distinct(Call.customer_id)).label("customers_worked"),
        func.count(func.distinct(case((kind == CampaignKind.WIN_BACK.value, Call.customer_id))))
        .label("win_back_customers"),
        func.count(func.distinct(case((kind == CampaignKind.SAVE.value, Call.customer_id))))
        .label("save_customers"),
        func.sum(case((rpc, 1), else_=0)).label("rpc"),
        func.sum(case((won, 1), else_=0)).label("won_back"),
        func.sum(case((and_(won, kind == CampaignKind.WIN_BACK.value), 1), else_=0))
        .label("recovered"),
        func.sum(case((saved, 1), else_=0)).label("saved"),
        # what each win-back recorded when the customer came back (as the scorecards
        # count it): re-valuing customers later does not rewrite what was recovered
        func.sum(case((won, func.coalesce(Call.sltv_minor, 0)), else_=0))
        .label("sltv_recovered_minor"),
        func.sum(handle).label("handle_seconds"),
        func.sum(func.round(handle * rate_minor / 3600.0)).label("labour_cost_minor"),
    ]
    stmt = (select(*cols).select_from(Call)
            .join(Customer, Customer.id == Call.customer_id)
            .outerjoin(Campaign, Campaign.id == Call.campaign_id)
            .where(Call.disposition.is_not(None), Call.started_at >= _at(period.start),
                   Call.started_at < _at(period.end)))
    if dimension is not None:
        column, joins = _dimension(dimension)
        for model in joins:
            stmt = stmt.outerjoin(model, model.id == Call.agent_id)
        stmt = stmt.add_columns(column.label("key")).group_by(column)
    return stmt


def _offers_stmt(period: Period, dimension: str | None) -> Select[Any]:
    stmt = (select(func.coalesce(func.sum(OfferRequest.cost_minor), 0).label("cost"))
            .select_from(OfferRequest)
            .join(Customer, Customer.id == OfferRequest.customer_id)
            .where(OfferRequest.status == "accepted",
                   OfferRequest.outcome_at >= _at(period.start),
                   OfferRequest.outcome_at < _at(period.end)))
    if dimension is None:
        return stmt
    if dimension == "campaign":
        column: Any = CallTask.campaign_id
        stmt = stmt.outerjoin(CallTask, CallTask.id == OfferRequest.task_id)
    elif dimension == "team":
        column = User.team_id
        stmt = stmt.outerjoin(User, User.id == OfferRequest.agent_id)
    else:
        column, _joins = _dimension(dimension)
    return stmt.add_columns(column.label("key")).group_by(column)


def _labels(session: Session, dimension: str) -> dict[Any, str]:
    if dimension == "campaign":
        return dict(session.execute(select(Campaign.id, Campaign.name)).all())
    if dimension == "team":
        return dict(session.execute(select(Team.id, Team.name)).all())
    return {}


def _groups(session: Session, period: Period, rate: int, dimension: str) -> list[Group]:
    rows: dict[Any, dict[str, Any]] = {}
    for row in session.execute(_calls_stmt(period, rate, dimension)).mappings():
        rows[row["key"]] = dict(row)
    for key, cost in ((r.key, r.cost) for r in session.execute(
            _offers_stmt(period, dimension))):
        rows.setdefault(key, {"key": key})["offer_cost_minor"] = cost
    labels = _labels(session, dimension)
    groups = [Group(None if key is None else str(key), labels.get(key), pg.figures(values))
              for key, values in rows.items()]
    groups.sort(key=lambda g: (-g.figures.won_back, -g.figures.calls, g.key or ""))
    return groups


def _defection(session: Session, period: Period) -> dict[str, Any]:
    """Defection rate when customers other than lost ones are on file."""
    known = session.scalar(select(func.count()).select_from(Customer).where(
        Customer.status.not_in([CustomerStatus.LOST.value]))) or 0
    defected = session.scalar(select(func.count()).select_from(Customer).where(
        Customer.defection_date >= period.start, Customer.defection_date < period.end)) or 0
    base = session.scalar(select(func.count()).select_from(Customer).where(
        or_(Customer.defection_date.is_(None), Customer.defection_date >= period.start),
        Customer.created_at < _at(period.end))) or 0
    rate = defected / base if known and base else None
    return {"active_base": base if known else None, "defected": defected, "rate": rate}


def _cohorts(session: Session, period: Period) -> list[pg.Cohort]:
    last = period.end.replace(day=1) if period.end.day > 1 else _month_before(period.end)
    first = last
    for _ in range(COHORT_MONTHS - 1):
        first = _month_before(first)
    window = (Customer.defection_date >= first, Customer.defection_date < period.end)
    sizes = session.execute(select(Customer.defection_date, func.count())
                            .where(*window).group_by(Customer.defection_date)).all()
    wins = session.execute(select(Customer.defection_date, Customer.won_back_at).where(
        *window, Customer.won_back_at.is_not(None),
        Customer.won_back_at < _at(period.end))).all()
    return pg.cohorts(((d, n) for d, n in sizes if d is not None),
                      ((d, w.date()) for d, w in wins if d is not None and w is not None),
                      first, last)


def _month_before(day: date) -> date:
    first = day.replace(day=1)
    return date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)


class ReportCancelled(WinbackError):
    """The caller asked to stop between two of the report's queries."""

    default_text = QT_TRANSLATE_NOOP("Errors", "The report was cancelled.")


def build_report(db: Database, actor: Actor, period: Period, *,
                 hourly_cost_minor: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ProgrammeReport:
    """The report in its own read-only unit of work (for the screen and the CLI)."""
    with db.session() as session:
        return programme_report(session, actor, period, hourly_cost_minor=hourly_cost_minor,
                                progress=progress, cancelled=cancelled)


def programme_report(session: Session, actor: Actor, period: Period, *,
                     hourly_cost_minor: int | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> ProgrammeReport:
    """Totals, the five breakdowns, defection rate, cohorts and the model's
    calibration for ``period``. ``cancelled`` is asked between queries (raises
    ``ReportCancelled``)."""
    require(actor, Permission.VIEW_TEAM_SCORECARDS)
    stop = cancelled or (lambda: False)

    def report(done: int, total: int) -> None:
        if stop():
            raise ReportCancelled()
        if progress is not None:
            progress(done, total)

    rate = hourly_cost(session) if hourly_cost_minor is None else int(hourly_cost_minor)
    steps = len(BREAKDOWNS) + 3
    totals_row = dict(session.execute(_calls_stmt(period, rate, None)).mappings().one())
    totals_row["offer_cost_minor"] = session.scalar(_offers_stmt(period, None))
    totals = pg.figures(totals_row)
    report(1, steps)
    breakdowns = {}
    for i, name in enumerate(BREAKDOWNS, start=2):
        breakdowns[name] = _groups(session, period, rate, name)
        report(i, steps)
    defection = _defection(session, period)
    cohorts = _cohorts(session, period)
    report(steps - 1, steps)
    calibration = win_model.calibration(session, since=_at(period.start),
                                        until=_at(period.end))
    report(steps, steps)
    return ProgrammeReport(period, rate, totals, breakdowns, defection, cohorts, calibration)


__all__ = ["BREAKDOWNS", "ProgrammeReport", "ReportCancelled", "build_report", "hourly_cost",
           "programme_report"]
