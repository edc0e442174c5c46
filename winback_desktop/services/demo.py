"""Deterministic demo data: a realistic win-back team to explore and to test against.

Seeded, so the same seed always gives the same team, customers and call history.
Bulk rows go through SQLAlchemy Core inserts in one transaction: 20,000 customers and
three months of calls load in seconds on either engine.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, update

from winback_desktop.core import segmentation, sltv
from winback_desktop.core.domain import (
    CampaignKind,
    CampaignStatus,
    DefectionReason,
    Disposition,
    Role,
    TaskStatus,
)
from winback_desktop.core.errors import Conflict
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    Call,
    CallTask,
    Campaign,
    CampaignAgent,
    Customer,
    CustomerPhone,
    User,
)
from winback_desktop.db.session import Database
from winback_desktop.services import audit, interviews, offers, rewards, users
from winback_desktop.services.context import Actor, require

DEFAULT_SEED = 20261123
DEFAULT_CUSTOMERS = 20_000
DEMO_PASSWORD = "winback-demo"
DEMO_ADMIN = "admin"
DEMO_SUPERVISORS = ("supervisor1", "supervisor2")
DEMO_AGENTS = tuple(f"agent{i:02d}" for i in range(1, 11))

_CN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
_CN_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国红梅玉兰志强海燕"
_EN_FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
             "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph",
             "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Emma", "Oliver", "Amelia"]
_EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
            "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
            "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young"]

#: region, weight, timezone, language, cities, phone factory
_REGIONS: list[tuple[str, int, str, str, list[str]]] = [
    ("CN", 55, "Asia/Shanghai", "zh", ["上海", "北京", "广州", "深圳", "杭州", "成都", "南京"]),
    ("HK", 8, "Asia/Hong_Kong", "zh", ["香港"]),
    ("SG", 7, "Asia/Singapore", "en", ["Singapore"]),
    ("GB", 12, "Europe/London", "en", ["London", "Manchester", "Leeds"]),
    ("US", 18, "America/New_York", "en", ["New York", "Boston", "Chicago", "Seattle"]),
]
_US_TZ = {"New York": "America/New_York", "Boston": "America/New_York",
          "Chicago": "America/Chicago", "Seattle": "America/Los_Angeles"}

_REASON_WEIGHTS = [
    (DefectionReason.PULLED_AWAY, 28),
    (DefectionReason.BOUGHT_AWAY, 22),
    (DefectionReason.PUSHED_UNINTENTIONAL, 18),
    (DefectionReason.MOVED_AWAY, 9),
    (DefectionReason.PUSHED_INTENTIONAL, 5),
    (DefectionReason.UNKNOWN, 18),
]

_DISPOSITIONS = [
    (Disposition.NO_ANSWER, 34), (Disposition.BUSY, 6), (Disposition.VOICEMAIL, 14),
    (Disposition.WRONG_NUMBER, 3), (Disposition.CALLBACK, 10),
    (Disposition.NOT_INTERESTED, 14), (Disposition.DO_NOT_CALL, 2),
    (Disposition.WON_BACK, 11), (Disposition.REFUSED_OFFER, 6),
]


@dataclass(frozen=True)
class DemoSummary:
    users: int
    customers: int
    calls: int
    tasks: int
    campaigns: int
    password: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def is_empty(db: Database) -> bool:
    """No customers and no users besides at most one admin: the GUI offers demo data."""
    with db.session() as session:
        customers = session.scalar(select(func.count()).select_from(Customer)) or 0
        return customers == 0 and users.count_users(session) <= 1


def _phone(rng: random.Random, region: str) -> tuple[str, str]:
    """A number that phonenumbers accepts as valid for the region, E.164 and raw."""
    if region == "CN":
        digits = f"13{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
        return f"+86{digits}", digits
    if region == "HK":
        digits = f"9{rng.randint(0, 9_999_999):07d}"
        return f"+852{digits}", f"{digits[:4]} {digits[4:]}"
    if region == "SG":
        digits = f"9{rng.randint(0, 9_999_999):07d}"
        return f"+65{digits}", digits
    if region == "GB":
        digits = f"7700{rng.randint(900_000, 900_999)}"
        return f"+44{digits}", f"0{digits[:4]} {digits[4:]}"
    area = rng.choice(["212", "617", "312", "206"])
    digits = f"{area}{rng.randint(2, 9)}{rng.randint(0, 99):02d}{rng.randint(0, 9999):04d}"
    return f"+1{digits}", f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def _name(rng: random.Random, language: str) -> str:
    if language == "zh":
        return rng.choice(_CN_SURNAMES) + "".join(rng.sample(_CN_GIVEN, rng.choice([1, 2])))
    return f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}"


def _weighted(rng: random.Random, items: list[tuple[Any, int]]) -> Any:
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def load_demo(
    db: Database,
    actor: Actor,
    *,
    customers: int = DEFAULT_CUSTOMERS,
    seed: int = DEFAULT_SEED,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create the demo team, customers, campaigns and call history in one transaction."""
    rng = random.Random(seed)
    today = today or date(2026, 11, 20)
    now = datetime.combine(today, time(9, 0), tzinfo=UTC)
    report = progress or (lambda _d, _t: None)
    with db.session() as session:
        if not users.needs_first_admin(session):
            require(actor, Permission.LOAD_DEMO_DATA)
        existing = session.scalar(select(func.count()).select_from(Customer)) or 0
        if existing:
            raise Conflict(QT_TRANSLATE_NOOP(
                "Errors", "Demo data goes only into an empty database; this one has customers."))
        for login in (DEMO_ADMIN, *DEMO_SUPERVISORS, *DEMO_AGENTS):
            if session.scalar(select(User.id).where(User.login == login)) is not None:
                raise Conflict(QT_TRANSLATE_NOOP(
                    "Errors", "Demo data cannot be loaded: the login '{login}' exists."),
                    login=login)
        # -- people
        made: list[User] = []
        made.append(users.add_user(session, actor, DEMO_ADMIN, Role.ADMIN, DEMO_PASSWORD,
                                   display_name="Admin 管理员", team=None))
        admin_actor = Actor.of(made[0]) if actor.user_id is None else actor
        sup_names = ["周静 Zhou Jing", "Sarah Walker"]
        for i, login in enumerate(DEMO_SUPERVISORS):
            made.append(users.add_user(session, admin_actor, login, Role.SUPERVISOR,
                                       DEMO_PASSWORD, display_name=sup_names[i],
                                       team=f"Team {i + 1}", language="zh_CN" if i == 0 else "en"))
        agent_names = ["王伟 Wang Wei", "李娜 Li Na", "张敏 Zhang Min", "刘洋 Liu Yang",
                       "陈杰 Chen Jie", "Emma Taylor", "Oliver Brown", "Amelia Clark",
                       "黄磊 Huang Lei", "David Lee"]
        agents: list[User] = []
        for i, login in enumerate(DEMO_AGENTS):
            user = users.add_user(session, admin_actor, login, Role.AGENT, DEMO_PASSWORD,
                                  display_name=agent_names[i], team=f"Team {i % 2 + 1}",
                                  language="zh_CN" if i < 5 or i == 8 else "en")
            user.languages = ["zh", "en"] if i in (0, 4, 9) else (["zh"] if i < 5 or i == 8
                                                                   else ["en"])
            user.seniority = "trainee" if i in (3, 7) else "senior"
            user.skill_tiers = ["C", "D"] if user.seniority == "trainee" else ["A", "B", "C", "D"]
            user.skill_reasons = [r.value for r in DefectionReason]
            agents.append(user)
        made.extend(agents)
        session.flush()
        # -- campaigns
        winback = Campaign(name="Win-back 2026 Q4 / 2026第四季度挽回", kind=CampaignKind.WIN_BACK,
                           status=CampaignStatus.RUNNING, created_by=made[0].id,
                           started_at=now - timedelta(days=90),
                           customer_filter={"status": ["lost"]})
        save = Campaign(name="Save at-risk / 挽留风险客户", kind=CampaignKind.SAVE,
                        status=CampaignStatus.RUNNING, created_by=made[0].id,
                        started_at=now - timedelta(days=60),
                        customer_filter={"status": ["at_risk"]})
        session.add_all([winback, save])
        session.flush()
        # Shipped exit-interview scripts; the campaigns use the Chinese ones (most demo
        # customers are Chinese-speaking; the runner offers the English version too).
        interviews.ensure_default_scripts(session, admin_actor)
        for campaign in (winback, save):
            script = interviews.default_script_for(session, campaign.kind, "zh")
            campaign.script_id = script.id if script is not None else None
        offers.ensure_default_offers(session, admin_actor)
        for campaign in (winback, save):
            for agent in agents:
                session.add(CampaignAgent(campaign_id=campaign.id, user_id=agent.id))
        # -- customers
        params = sltv.SltvParams()
        customer_rows: list[dict[str, Any]] = []
        phone_rows: list[tuple[int, str, str]] = []
        region_items = [(r, r[1]) for r in _REGIONS]
        for n in range(customers):
            region, _w, tz, language, cities = _weighted(rng, region_items)
            city = rng.choice(cities)
            if region == "US":
                tz = _US_TZ[city]
            at_risk = rng.random() < 0.15
            revenue = int(rng.lognormvariate(10.6, 0.9)) * 100  # ≈ ¥40k median
            margin_rate = rng.uniform(0.08, 0.4)
            has_margin = rng.random() < 0.8
            reason = DefectionReason.UNKNOWN if at_risk else _weighted(rng, _REASON_WEIGHTS)
            defected = None if at_risk else today - timedelta(days=rng.randint(5, 720))
            last_purchase = (defected or today) - timedelta(days=rng.randint(0, 120))
            row = {
                "external_id": f"C{100000 + n}",
                "name": _name(rng, language),
                "status": "at_risk" if at_risk else "lost",
                "defection_reason": reason.value,
                "defection_date": defected,
                "currency": "CNY",
                "annual_revenue_minor": revenue,
                "annual_margin_minor": int(revenue * margin_rate) if has_margin else None,
                "last_purchase_date": last_purchase,
                "purchase_count": rng.randint(1, 80),
                "city": city,
                "region": region,
                "timezone": tz,
                "preferred_language": language,
                "do_not_call": rng.random() < 0.02,
                "created_at": now - timedelta(days=100),
                "updated_at": now - timedelta(days=100),
                "version_id": 1,
            }
            customer_rows.append(row)
            for _k in range(1 + (rng.random() < 0.25)):
                e164, raw = _phone(rng, region)
                phone_rows.append((n, e164, raw))
        margins = [r["annual_margin_minor"] if r["annual_margin_minor"] is not None
                   else float("nan") for r in customer_rows]
        revenues = [r["annual_revenue_minor"] for r in customer_rows]
        values = sltv.compute_many(margins, revenues, params)
        grid = segmentation.default_grid()
        for row, value in zip(customer_rows, values, strict=True):
            row["sltv_minor"] = int(value)
            row["sltv_tier"] = segmentation.tier_for(int(value))
            row["segment"] = segmentation.treatment_for(row["sltv_tier"], row["defection_reason"],
                                                        grid)
        report(0, customers)
        chunk = 2_000
        # Core inserts (no ORM bookkeeping, no RETURNING): ids are read back afterwards
        # by the demo's unique external ids.
        for start in range(0, len(customer_rows), chunk):
            session.execute(insert(_table(Customer)), customer_rows[start:start + chunk])
            report(min(start + chunk, customers), customers)
        by_external = {ext: cid for ext, cid in session.execute(
            select(Customer.external_id, Customer.id))}
        ids = [by_external[r["external_id"]] for r in customer_rows]
        session.execute(insert(_table(CustomerPhone)), _primary_flags(phone_rows, ids))
        # -- queue tasks
        task_rows = []
        for cid, row in zip(ids, customer_rows, strict=True):
            if row["segment"] == "do_not_pursue":
                continue
            campaign = save if row["status"] == "at_risk" else winback
            task_rows.append({
                "campaign_id": campaign.id, "customer_id": cid,
                "status": TaskStatus.DO_NOT_CALL.value if row["do_not_call"]
                else TaskStatus.QUEUED.value,
                "sltv_minor": row["sltv_minor"], "sltv_tier": row["sltv_tier"],
                "segment": row["segment"],
                "defection_reason": row["defection_reason"],
                "defection_date": row["defection_date"],
                "language": row["preferred_language"], "timezone": row["timezone"],
                "attempts": 0, "created_at": now - timedelta(days=90),
                "updated_at": now - timedelta(days=90),
            })
        for start in range(0, len(task_rows), chunk):
            session.execute(insert(_table(CallTask)), task_rows[start:start + chunk])
        by_customer = {cust: tid for cust, tid in session.execute(
            select(CallTask.customer_id, CallTask.id))}
        task_ids = [by_customer[r["customer_id"]] for r in task_rows]
        # -- three months of calls, worked from the top of each queue down
        order = sorted(range(len(task_rows)), key=lambda i: -task_rows[i]["sltv_minor"])
        call_rows: list[dict[str, Any]] = []
        task_updates: dict[int, dict[str, Any]] = {}
        cursor = 0
        for day in range(90, 0, -1):
            when = today - timedelta(days=day)
            if when.weekday() >= 5:
                continue
            for agent in agents:
                senior = agent.seniority == "senior"
                per_day = rng.randint(25, 45) if senior else rng.randint(15, 30)
                clock = datetime.combine(when, time(1, 0), tzinfo=UTC) + timedelta(
                    minutes=rng.randint(0, 30))
                for _ in range(per_day):
                    if cursor >= len(order):
                        break
                    idx = order[cursor]
                    cursor += 1 if rng.random() < 0.7 else 0
                    task = task_rows[idx]
                    if task["status"] == TaskStatus.DO_NOT_CALL.value:
                        continue
                    disposition = _weighted(rng, _DISPOSITIONS)
                    answered = disposition not in (Disposition.NO_ANSWER, Disposition.BUSY,
                                                   Disposition.VOICEMAIL)
                    ring = timedelta(seconds=rng.randint(5, 30))
                    talk = timedelta(seconds=rng.randint(60, 900) if answered else 0)
                    wrap = timedelta(seconds=rng.randint(15, 120))
                    call_rows.append({
                        "task_id": task_ids[idx], "customer_id": task["customer_id"],
                        "campaign_id": task["campaign_id"], "agent_id": agent.id,
                        "started_at": clock, "answered_at": clock + ring if answered else None,
                        "ended_at": clock + ring + talk,
                        "wrapup_ended_at": clock + ring + talk + wrap,
                        "disposition": disposition.value, "notes": None,
                        "flagged_for_review": False,
                    })
                    upd = task_updates.setdefault(idx, {"attempts": 0})
                    upd["attempts"] += 1
                    upd["last_attempt_at"] = clock
                    upd["last_disposition"] = disposition.value
                    if disposition in (Disposition.WON_BACK, Disposition.NOT_INTERESTED,
                                       Disposition.REFUSED_OFFER, Disposition.WRONG_NUMBER):
                        upd["status"] = TaskStatus.DONE.value
                    elif disposition is Disposition.DO_NOT_CALL:
                        upd["status"] = TaskStatus.DO_NOT_CALL.value
                    elif upd["attempts"] >= 5:
                        upd["status"] = TaskStatus.EXHAUSTED.value
                    clock += ring + talk + wrap + timedelta(seconds=rng.randint(20, 300))
        for start in range(0, len(call_rows), chunk):
            session.execute(insert(_table(Call)), call_rows[start:start + chunk])
        won: list[int] = []
        dnc: list[int] = []
        bulk = []
        for idx, upd in task_updates.items():
            bulk.append({"id": task_ids[idx], "attempts": upd["attempts"],
                         "last_attempt_at": upd["last_attempt_at"],
                         "last_disposition": upd["last_disposition"],
                         "status": upd.get("status", task_rows[idx]["status"])})
            if upd["last_disposition"] == Disposition.WON_BACK.value:
                won.append(task_rows[idx]["customer_id"])
            if upd["last_disposition"] == Disposition.DO_NOT_CALL.value:
                dnc.append(task_rows[idx]["customer_id"])
        session.execute(update(CallTask), bulk)
        for start in range(0, len(won), 500):
            session.execute(update(Customer).where(Customer.id.in_(won[start:start + 500]))
                            .values(status="won_back", won_back_at=now))
        for start in range(0, len(dnc), 500):
            session.execute(update(Customer).where(Customer.id.in_(dnc[start:start + 500]))
                            .values(do_not_call=True))
        session.flush()
        rewards.ensure_default_rules(session, today - timedelta(days=365))
        session.flush()
        rewards.sync_ledger(session, admin_actor, today - timedelta(days=100),
                            today + timedelta(days=1))
        summary = DemoSummary(users=len(made), customers=len(ids), calls=len(call_rows),
                              tasks=len(task_ids), campaigns=2, password=DEMO_PASSWORD)
        audit.record(session, admin_actor, "demo_loaded", "database", None,
                     after=summary.as_dict() | {"seed": seed, "password": None})
    return summary


def _table(model: type[Any]) -> Table:
    """The Core table of a model: bulk inserts skip the ORM's per-row bookkeeping."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _primary_flags(phone_rows: list[tuple[int, str, str]], ids: list[int]) -> list[dict]:
    seen: set[int] = set()
    rows = []
    for n, e164, raw in phone_rows:
        rows.append({"customer_id": ids[n], "e164": e164, "raw": raw, "kind": "mobile",
                     "is_primary": n not in seen})
        seen.add(n)
    return rows
