"""Offers: the offer report and its export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from winback_desktop.core import offers as rules
from winback_desktop.core.domain import Disposition
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    OfferRequest,
    OfferTemplate,
)
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require
from winback_desktop.services.offers.common import OfferReport, OfferReportRow, S

# --------------------------------------------------------------------- reports


def offer_report(session: Session, actor: Actor, *, since: datetime | None = None,
                 until: datetime | None = None) -> OfferReport:
    """Acceptance rate, cost per accepted offer, return of each offer, approval turnaround.

    Accepted offers and win-backs are counted apart: an offer is accepted when the
    customer says yes to it, a win-back (or save) is the outcome of the call it was made
    on (its task's call when the offer names no call).
    """
    if not (actor.can(Permission.VIEW_TEAM_SCORECARDS) or actor.can(Permission.EDIT_OFFERS)):
        refuse(None, actor, "offer_report")
    period = []
    if since is not None:
        period.append(OfferRequest.requested_at >= since)
    if until is not None:
        period.append(OfferRequest.requested_at < until)
    # A plain IS NOT NULL (no bound parameters) so PostgreSQL matches it in GROUP BY.
    human = OfferRequest.decided_by.is_not(None)
    stmt = (select(OfferTemplate.code, OfferRequest.status, human, func.count(),
                   func.sum(OfferRequest.cost_minor), func.sum(OfferRequest.sltv_minor))
            .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
            .where(*period).group_by(OfferTemplate.code, OfferRequest.status, human))
    counts: dict[str, dict[tuple[str, int], int]] = defaultdict(lambda: defaultdict(int))
    money: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code, status, by_person, number, cost, value in session.execute(stmt):
        counts[code][(status, int(by_person))] += int(number)
        if status == S.ACCEPTED:
            money[code][0] += int(cost or 0)
            money[code][1] += int(value or 0)
    names = dict(session.execute(
        select(OfferTemplate.code, OfferTemplate.name).order_by(OfferTemplate.version)
    ).all())
    successes: dict[tuple[str, str], int] = defaultdict(int)
    for disposition in (Disposition.WON_BACK, Disposition.SAVED):
        on_call = select(Call.id).where(
            Call.disposition == disposition.value,
            or_(Call.id == OfferRequest.call_id,
                and_(OfferRequest.call_id.is_(None), Call.task_id == OfferRequest.task_id)))
        for code, number in session.execute(
                select(OfferTemplate.code, func.count()).select_from(OfferRequest)
                .join(OfferTemplate, OfferTemplate.id == OfferRequest.offer_template_id)
                .where(*period, OfferRequest.status == S.ACCEPTED, on_call.exists())
                .group_by(OfferTemplate.code)):
            successes[(code, disposition.value)] += int(number)
    rows = []
    for code in sorted(counts):
        c = counts[code]

        def n(*statuses: str, person: int | None = None, c: Any = c) -> int:
            return sum(v for (st, p), v in c.items()
                       if st in statuses and (person is None or p == person))

        rows.append(OfferReportRow(
            code=code, name=names.get(code, code), requests=sum(c.values()),
            auto_approved=n(S.AUTO_APPROVED, S.ACCEPTED, S.DECLINED, person=0),
            approved=n(S.APPROVED, S.COUNTERED, S.ACCEPTED, S.DECLINED, person=1),
            rejected=n(S.REJECTED), expired=n(S.EXPIRED), accepted=n(S.ACCEPTED),
            declined=n(S.DECLINED), cost_minor=money[code][0],
            sltv_recovered_minor=money[code][1],
            win_backs=successes[(code, Disposition.WON_BACK.value)],
            saves=successes[(code, Disposition.SAVED.value)]))
    minutes = [(d - r).total_seconds() / 60 for r, d in session.execute(
        select(OfferRequest.requested_at, OfferRequest.decided_at).where(
            *period, OfferRequest.decided_by.is_not(None),
            OfferRequest.decided_at.is_not(None))) if d is not None]
    avg = sum(minutes) / len(minutes) if minutes else None
    return OfferReport(since, until, rows, len(minutes), avg, rules.median(minutes))


def export_report(session: Session, actor: Actor, path: str | Path,
                  headers: Mapping[str, str] | None = None, *,
                  since: datetime | None = None, until: datetime | None = None) -> OfferReport:
    """The offers report as an xlsx file (headers translated by the caller)."""
    require(actor, Permission.EXPORT_DATA)
    from winback_desktop.io import offers_xlsx

    report = offer_report(session, actor, since=since, until=until)
    offers_xlsx.write_report(Path(path), report.as_dict(), headers or {})
    audit.record(session, actor, "offers_report_exported", "offer_report", None,
                 after={"path": str(path), "offers": len(report.rows)})
    return report

