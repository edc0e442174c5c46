"""Interviews: the interview report and its export."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from winback_desktop.core import interview as iv
from winback_desktop.core.domain import DefectionReason
from winback_desktop.core.errors import NotFound
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    Campaign,
    Customer,
    InterviewResponse,
    User,
)
from winback_desktop.services import audit
from winback_desktop.services.context import Actor, refuse, require
from winback_desktop.services.interviews.common import COMPLETED, to_core
from winback_desktop.services.interviews.scripts import _get_script

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

