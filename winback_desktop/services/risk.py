"""The early-warning scan (DESIGN §12, issue 19): flag customers who are slipping away.

``scan`` reads every purchase history, measures each customer against their own past
(:mod:`core.risk`), refreshes everyone's rhythm and P(alive), and flags the active,
retained and won-back customers whose signals fired: each becomes ``at_risk`` with a
``risk_flags`` row saying which signals, and every running save campaign whose filter
matches queues them.

The heavy part (reading and computing) runs outside any write transaction, so agents'
claims never wait for it on SQLite; the flags are written in one short transaction
that re-checks each customer's status. The scan runs after every purchase import and
once a day from the admin's workstation (``ui`` schedules it), or from
``winback risk scan``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from winback_desktop.core import risk
from winback_desktop.core.domain import CampaignKind, CampaignStatus, CustomerStatus
from winback_desktop.core.errors import Conflict, NotFound
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AuditEntry,
    Campaign,
    Customer,
    PurchaseStats,
    RiskFlag,
    Setting,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import audit, campaigns, purchase_history, settings
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor, require

#: statuses the scan looks at: customers we still have
SCANNED = (CustomerStatus.ACTIVE.value, CustomerStatus.RETAINED.value,
           CustomerStatus.WON_BACK.value)
OPEN = "open"
LAST_SCAN_KEY = "risk_last_scan_at"
PARAMS_KEY = "risk_params"

Progress = Callable[[str, int, int], None]


class FlagClosed(Conflict):
    default_text = QT_TRANSLATE_NOOP("Errors", "Risk flag {flag} is already closed.")


@dataclass(frozen=True, slots=True)
class FlaggedCustomer:
    customer_id: int
    external_id: str | None
    name: str
    signals: list[risk.Signal]
    p_alive: float | None
    flag_id: int | None = None

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {"customer_id": self.customer_id, "external_id": self.external_id,
                "flag_id": self.flag_id,
                "signals": [{"code": s.code, "text": risk.describe(s, translate)}
                            for s in self.signals],
                "p_alive": None if self.p_alive is None else round(self.p_alive, 4)}


@dataclass
class ScanResult:
    as_of: date
    scanned: int = 0
    with_history: int = 0
    flagged: list[FlaggedCustomer] = field(default_factory=list)
    queued: int = 0
    model: dict[str, float] | None = None

    @property
    def changes(self) -> Changes:
        topics = [Topic.RISK]
        if self.flagged:
            topics += [Topic.CUSTOMERS]
        if self.queued:
            topics += [Topic.QUEUE]
        return Changes.of(*topics)

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "scanned": self.scanned,
                "with_history": self.with_history, "queued": self.queued,
                "model": self.model,
                "flagged": [f.as_dict(translate) for f in self.flagged]}


def load_params(session: Session) -> risk.RiskParams:
    return risk.RiskParams.from_mapping(settings.get(session, PARAMS_KEY))


# ------------------------------------------------------------------------- deciding


@dataclass(frozen=True, slots=True)
class _Candidate:
    customer_id: int
    external_id: str | None
    name: str
    status: str
    complaints: int | None
    overdue: int | None
    downgrade: str | None


def _previous_flags(session: Session, ids: Sequence[int]) -> dict[int, RiskFlag]:
    """The latest flag of each of ``ids`` (open or closed)."""
    latest: dict[int, RiskFlag] = {}
    for start in range(0, len(ids), 900):
        part = list(ids[start:start + 900])
        for flag in session.scalars(select(RiskFlag).where(RiskFlag.customer_id.in_(part))
                                    .order_by(RiskFlag.id)):
            latest[flag.customer_id] = flag
    return latest


def _count(signals: list[dict[str, Any]], code: str) -> int:
    for s in signals:
        if s.get("code") == code:
            return int((s.get("params") or {}).get("count") or 0)
    return 0


def _new_evidence(prev: RiskFlag, cand: _Candidate, last_day: int | None,
                  as_of: date, params: risk.RiskParams) -> bool:
    """Whether a customer whose last flag was closed may be flagged again now.

    Not on the same evidence: only once they bought again after that flag, more
    complaints or overdue invoices arrived, or ``reflag_after_days`` have passed.
    """
    if prev.status == OPEN:
        return False
    if last_day is not None and purchase_history.day_date(last_day) > prev.as_of:
        return True
    if (cand.complaints or 0) > _count(prev.signals, risk.COMPLAINTS):
        return True
    if (cand.overdue or 0) > _count(prev.signals, risk.OVERDUE_INVOICES):
        return True
    closed = prev.closed_at or prev.flagged_at
    return (as_of - closed.date()).days >= params.reflag_after_days


# ----------------------------------------------------------------------------- scan


def scan(db: Database, actor: Actor, *, as_of: date | None = None,
         progress: Progress | None = None) -> ScanResult:
    """Run the early-warning scan; see the module docstring."""
    require(actor, Permission.IMPORT_CUSTOMERS)
    report = progress or (lambda _step, _done, _total: None)
    as_of = as_of or date.today()
    as_of_day = purchase_history.day_number(as_of)
    result = ScanResult(as_of)

    # 1. Read and compute (no write lock held).
    report("read", 0, 4)
    with db.session() as s:
        params = load_params(s)
        h = purchase_history.read_histories(s.connection())
        candidates = [_Candidate(*row) for row in s.execute(
            select(Customer.id, Customer.external_id, Customer.name, Customer.status,
                   Customer.complaints, Customer.overdue_invoices, Customer.downgrade)
            .where(Customer.status.in_(SCANNED)).order_by(Customer.id))]
        previous = _previous_flags(s, [c.customer_id for c in candidates])
    report("assess", 1, 4)
    assessment = risk.assess(h, as_of_day, params)
    result.model = assessment.model.as_dict() if assessment.model else None
    result.scanned = len(candidates)
    position = {int(cid): i for i, cid in enumerate(h.customer_ids.tolist())}
    result.with_history = sum(1 for c in candidates if c.customer_id in position)

    decided: list[FlaggedCustomer] = []
    any_signal = assessment.any_signal
    for cand in candidates:
        i = position.get(cand.customer_id)
        signals: list[risk.Signal] = []
        if i is not None and any_signal[i]:
            signals = assessment.signals_of(i, params)
        signals += risk.imported_signals(cand.complaints, cand.overdue, cand.downgrade, params)
        if not signals:
            continue
        prev = previous.get(cand.customer_id)
        last_day = int(assessment.rhythm.last_day[i]) if i is not None else None
        if prev is not None and not _new_evidence(prev, cand, last_day, as_of, params):
            continue
        alive = (float(assessment.p_alive[i])
                 if i is not None and assessment.p_alive is not None else None)
        decided.append(FlaggedCustomer(cand.customer_id, cand.external_id, cand.name,
                                       signals, alive))

    # 2. Everyone's rhythm and P(alive), in short transactions (claims interleave).
    report("stats", 2, 4)
    rows = purchase_history.stats_rows(
        h, assessment.rhythm, assessment.p_alive if assessment.p_alive is not None else None)
    with db.session(immediate=True) as s:
        purchase_history.write_stats(s, rows, everyone=True)

    # 3. The flags, the statuses and the save campaigns' queues: one short transaction.
    report("flag", 3, 4)
    with db.session(immediate=True) as s:
        result.flagged = _write_flags(s, actor, decided, as_of)
        result.queued = _queue_save_campaigns(s) if result.flagged else 0
        _remember_scan(s)
        audit.record(s, actor, "risk_scan", "risk_scan", as_of.isoformat(), after={
            "scanned": result.scanned, "with_history": result.with_history,
            "flagged": len(result.flagged), "queued": result.queued,
            "model": result.model})
    report("done", 4, 4)
    return result


def _write_flags(s: Session, actor: Actor, decided: list[FlaggedCustomer],
                 as_of: date) -> list[FlaggedCustomer]:
    """Flags, statuses and audit entries in a few statements per 900 customers."""
    now = utcnow()
    written: list[FlaggedCustomer] = []
    audits: list[dict[str, Any]] = []
    customers = cast(Table, Customer.__table__)
    set_at_risk = (update(customers)
                   .where(customers.c.id == bindparam("b_id"),
                          customers.c.status == bindparam("b_before"))
                   .values(status=CustomerStatus.AT_RISK.value, updated_at=now,
                           version_id=customers.c.version_id + 1))
    for start in range(0, len(decided), 900):
        part = decided[start:start + 900]
        status = dict(s.execute(select(Customer.id, Customer.status).where(
            Customer.id.in_([f.customer_id for f in part]))).all())
        # changed since the read (worked, lost …): leave those alone
        keep = [f for f in part if status.get(f.customer_id) in SCANNED]
        if not keep:
            continue
        rows = [{"customer_id": f.customer_id, "flagged_at": now, "as_of": as_of,
                 "signals": [sig.as_dict() for sig in f.signals], "p_alive": f.p_alive,
                 "previous_status": status[f.customer_id], "status": OPEN} for f in keep]
        ids = list(s.scalars(insert(RiskFlag).returning(RiskFlag.id,
                                                        sort_by_parameter_order=True), rows))
        s.connection().execute(set_at_risk, [
            {"b_id": f.customer_id, "b_before": status[f.customer_id]} for f in keep])
        for f, flag_id, row in zip(keep, ids, rows, strict=True):
            audits.append({
                "at": now, "user_id": actor.user_id, "user_login": actor.login,
                "action": "customer_flagged_at_risk", "entity": "customer",
                "entity_id": str(f.customer_id), "workstation": actor.workstation,
                "before": {"status": row["previous_status"]},
                "after": {"status": CustomerStatus.AT_RISK.value, "flag_id": flag_id,
                          "signals": row["signals"], "p_alive": f.p_alive}})
            written.append(FlaggedCustomer(f.customer_id, f.external_id, f.name, f.signals,
                                           f.p_alive, flag_id))
    for start in range(0, len(audits), 2000):
        s.execute(insert(AuditEntry), audits[start:start + 2000])
    return written


def _queue_save_campaigns(s: Session) -> int:
    """Every running save campaign queues the customers its filter now matches."""
    added = 0
    now = utcnow()
    for campaign in s.scalars(select(Campaign).where(
            Campaign.kind == CampaignKind.SAVE.value,
            Campaign.status == CampaignStatus.RUNNING.value).order_by(Campaign.id)):
        added += campaigns.populate(s, campaign, now)
    return added


def _remember_scan(s: Session) -> None:
    """When the scan last ran (bookkeeping, not a setting anyone edits)."""
    stamp = utcnow().isoformat()
    row = s.scalar(select(Setting).where(Setting.scope == settings.GLOBAL,
                                         Setting.key == LAST_SCAN_KEY))
    if row is None:
        s.add(Setting(scope=settings.GLOBAL, key=LAST_SCAN_KEY, value=stamp))
    else:
        row.value = stamp


def last_scan_at(db: Database) -> datetime | None:
    with db.session() as s:
        value = settings.get(s, LAST_SCAN_KEY)
    if not value:
        return None
    when = datetime.fromisoformat(str(value))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def scan_due(db: Database, now: datetime | None = None,
             every: timedelta = timedelta(days=1)) -> bool:
    """True when the daily scan has not run in the last ``every``."""
    last = last_scan_at(db)
    now = now or utcnow()
    return last is None or now - last >= every


# --------------------------------------------------------------------- the at-risk list


@dataclass(frozen=True, slots=True)
class AtRiskRow:
    flag_id: int
    customer_id: int
    external_id: str | None
    name: str
    status: str
    flagged_at: datetime
    signals: list[risk.Signal]
    p_alive: float | None
    last_purchase_on: date | None
    typical_gap_days: float | None
    spend_minor: int | None
    sltv_minor: int | None
    #: spend per 30-day month, oldest first (sparkline)
    monthly_spend: list[int]


def list_flags(db: Database, actor: Actor, *, status: str | None = OPEN,
               limit: int = 500, today: date | None = None) -> list[AtRiskRow]:
    """Flagged customers, newest first, with their signals and spend per month."""
    require(actor, Permission.VIEW_CUSTOMERS)
    today = today or date.today()
    with db.session() as s:
        stmt = (select(RiskFlag, Customer.external_id, Customer.name, Customer.status,
                       Customer.sltv_minor, PurchaseStats.last_purchase_on,
                       PurchaseStats.typical_gap_days, PurchaseStats.spend_minor)
                .join(Customer, Customer.id == RiskFlag.customer_id)
                .outerjoin(PurchaseStats, PurchaseStats.customer_id == RiskFlag.customer_id)
                .order_by(RiskFlag.flagged_at.desc(), RiskFlag.id.desc()).limit(limit))
        if status is not None:
            stmt = stmt.where(RiskFlag.status == status)
        rows = s.execute(stmt).all()
        spend = purchase_history.monthly_spend_many(s, [r[0].customer_id for r in rows], today)
    return [AtRiskRow(flag.id, flag.customer_id, ext, name, cstatus, flag.flagged_at,
                      [risk.Signal.from_dict(d) for d in flag.signals], flag.p_alive, last,
                      gap, total, sltv, spend.get(flag.customer_id, []))
            for flag, ext, name, cstatus, sltv, last, gap, total in rows]


def count_open(db: Database, actor: Actor) -> int:
    require(actor, Permission.VIEW_CUSTOMERS)
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(RiskFlag)
                            .where(RiskFlag.status == OPEN)) or 0)


def dismiss(db: Database, actor: Actor, flag_id: int, note: str | None = None) -> str:
    """A supervisor judges a flag wrong: it closes and the customer's status goes back
    to what it was (only if still ``at_risk``). Returns the customer's status."""
    require(actor, Permission.IMPORT_CUSTOMERS)
    with db.session(immediate=True) as s:
        flag = s.get(RiskFlag, flag_id)
        if flag is None:
            raise NotFound(what=str(flag_id))
        if flag.status != OPEN:
            raise FlagClosed(flag=flag_id)
        customer = s.get(Customer, flag.customer_id)
        assert customer is not None
        before = customer.status
        if customer.status == CustomerStatus.AT_RISK.value:
            customer.status = flag.previous_status
        flag.status = "dismissed"
        flag.closed_at = utcnow()
        flag.closed_by = actor.user_id
        audit.record(s, actor, "risk_flag_dismissed", "customer", customer.id,
                     before={"status": before, "flag_id": flag.id},
                     after={"status": customer.status, "note": note})
        return customer.status


def close_for_status_changes(session: Session, new_status: dict[int, str],
                             actor: Actor | None = None) -> dict[int, list[int]]:
    """Close the open flags of customers whose status a list import changed.

    The list is the newer word on them (lost, active again, kept by the account team):
    a flag left open would keep a customer on the At-risk list whose status no longer
    says so. Each flag closes under the customer's new status. Returns customer id →
    the flag ids closed, so the import can name them in its audit entry and its undo
    can reopen them (:func:`reopen_flags`).
    """
    closed: dict[int, list[int]] = {}
    ids = list(new_status)
    now = utcnow()
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        for flag in session.scalars(select(RiskFlag).where(
                RiskFlag.customer_id.in_(part), RiskFlag.status == OPEN)):
            flag.status = new_status[flag.customer_id]
            flag.closed_at = now
            flag.closed_by = actor.user_id if actor is not None else None
            closed.setdefault(flag.customer_id, []).append(flag.id)
    session.flush()
    return closed


def reopen_flags(session: Session, flag_ids: Sequence[int]) -> None:
    """Open again the flags an import closed, when that import is taken back."""
    ids = list(flag_ids)
    for start in range(0, len(ids), 900):
        session.execute(update(RiskFlag).where(RiskFlag.id.in_(ids[start:start + 900]))
                        .values(status=OPEN, closed_at=None, closed_by=None))


def close_for_customer(session: Session, customer_id: int, outcome: str,
                       actor: Actor | None = None, now: datetime | None = None) -> int:
    """Close the customer's open flags (saved, still a customer, lost …); returns how many.

    Called by the services that record such outcomes, in their transaction, with the
    outcome's time (so an amendment can find what this outcome closed).
    """
    flags = list(session.scalars(select(RiskFlag).where(
        RiskFlag.customer_id == customer_id, RiskFlag.status == OPEN)))
    now = now or utcnow()
    for flag in flags:
        flag.status = outcome
        flag.closed_at = now
        flag.closed_by = actor.user_id if actor is not None else None
    return len(flags)



def reopen_for_customer(session: Session, customer_id: int, outcome: str,
                        since: datetime) -> int:
    """Open again the flags that ``outcome`` closed at or after ``since`` (the outcome
    was amended away: the warning signs stand again); returns how many."""
    flags = list(session.scalars(select(RiskFlag).where(
        RiskFlag.customer_id == customer_id, RiskFlag.status == outcome,
        RiskFlag.closed_at >= since)))
    for flag in flags:
        flag.status = OPEN
        flag.closed_at = None
        flag.closed_by = None
    return len(flags)
