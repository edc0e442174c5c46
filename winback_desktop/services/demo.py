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
from winback_desktop.core.choices import DEMO_CUSTOMERS, DEMO_SEED
from winback_desktop.core.domain import (
    CampaignKind,
    CampaignStatus,
    CustomerStatus,
    DefectionReason,
    Disposition,
    Role,
    TaskStatus,
)
from winback_desktop.core.errors import Conflict, WinbackError
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

DEFAULT_SEED = DEMO_SEED
DEFAULT_CUSTOMERS = DEMO_CUSTOMERS
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
    now: datetime | None = None,
    lively: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create the demo team, customers, campaigns and call history in one transaction.

    Dates are relative to ``today`` (default: today, UTC): the last 90 days of calls up
    to ``now`` (default: this moment), so this week's scorecards, the leaderboard and the
    home counters have figures on a first run. ``lively`` adds what a supervisor expects
    to see in a working team: completed and paused interviews, offers with costs and
    approvals (some waiting now), QA evaluations (one disputed), coaching messages,
    reward redemptions and callbacks due today. The same day and seed give the same data;
    ``now`` only decides how much of today's calls already happened.
    """
    rng = random.Random(seed)
    if today is None:
        now = now or datetime.now(UTC)
        today = now.astimezone(UTC).date()
    elif now is None:
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
        thresholds = segmentation.DEFAULT_TIER_THRESHOLDS
        for row, value in zip(customer_rows, values.tolist(), strict=True):
            row["sltv_minor"] = None if value != value else int(value)  # NaN: unknown
            row["sltv_tier"], row["segment"] = segmentation.classify(
                row["sltv_minor"], row["defection_reason"], thresholds, grid)
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
                "sltv_minor": row["sltv_minor"] or 0, "sltv_tier": row["sltv_tier"],
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
        # A small demo spreads its calls over the whole 90 days (a worked-out queue in
        # September leaves this month's scorecards empty): fewer calls per agent-day.
        pace = min(1.0, len(task_rows) / 18_000) if lively else 1.0
        for day in range(90, -1 if lively else 0, -1):
            when = today - timedelta(days=day)
            if when.weekday() >= 5 and (day or not lively):
                continue  # weekends off, but today is always a working day
            for agent in agents:
                senior = agent.seniority == "senior"
                per_day = rng.randint(25, 45) if senior else rng.randint(15, 30)
                if pace < 1.0:
                    per_day = int(per_day * pace + rng.random())
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
                    if disposition is Disposition.WON_BACK and task["campaign_id"] == save.id:
                        disposition = Disposition.SAVED  # a save is never a win-back
                    answered = disposition not in (Disposition.NO_ANSWER, Disposition.BUSY,
                                                   Disposition.VOICEMAIL)
                    ring = timedelta(seconds=rng.randint(5, 30))
                    talk = timedelta(seconds=rng.randint(60, 900) if answered else 0)
                    wrap = timedelta(seconds=rng.randint(15, 120))
                    if clock + ring + talk + wrap > now:
                        break  # today's later calls have not happened yet
                    call_rows.append({
                        "task_id": task_ids[idx], "customer_id": task["customer_id"],
                        "campaign_id": task["campaign_id"], "agent_id": agent.id,
                        "started_at": clock, "answered_at": clock + ring if answered else None,
                        "ended_at": clock + ring + talk,
                        "wrapup_ended_at": clock + ring + talk + wrap,
                        "disposition": disposition.value, "notes": None,
                        "flagged_for_review": False,
                        "sltv_minor": task["sltv_minor"]
                        if disposition is Disposition.WON_BACK else None,
                    })
                    upd = task_updates.setdefault(idx, {"attempts": 0})
                    upd["attempts"] += 1
                    upd["last_attempt_at"] = clock
                    upd["last_disposition"] = disposition.value
                    if disposition in (Disposition.WON_BACK, Disposition.SAVED,
                                       Disposition.NOT_INTERESTED, Disposition.REFUSED_OFFER,
                                       Disposition.WRONG_NUMBER):
                        upd["status"] = TaskStatus.DONE.value
                    elif disposition is Disposition.DO_NOT_CALL:
                        upd["status"] = TaskStatus.DO_NOT_CALL.value
                    elif upd["attempts"] >= 5:
                        upd["status"] = TaskStatus.EXHAUSTED.value
                    clock += ring + talk + wrap + timedelta(seconds=rng.randint(20, 300))
        for start in range(0, len(call_rows), chunk):
            session.execute(insert(_table(Call)), call_rows[start:start + chunk])
        won: list[int] = []
        kept: list[int] = []
        dnc: list[int] = []
        bulk = []
        for idx, upd in task_updates.items():
            bulk.append({"id": task_ids[idx], "attempts": upd["attempts"],
                         "last_attempt_at": upd["last_attempt_at"],
                         "last_disposition": upd["last_disposition"],
                         "status": upd.get("status", task_rows[idx]["status"])})
            if upd["last_disposition"] == Disposition.WON_BACK.value:
                won.append(task_rows[idx]["customer_id"])
            if upd["last_disposition"] == Disposition.SAVED.value:
                kept.append(task_rows[idx]["customer_id"])
            if upd["last_disposition"] == Disposition.DO_NOT_CALL.value:
                dnc.append(task_rows[idx]["customer_id"])
        session.execute(update(CallTask), bulk)
        for start in range(0, len(won), 500):
            session.execute(update(Customer).where(Customer.id.in_(won[start:start + 500]))
                            .values(status=CustomerStatus.WON_BACK.value, won_back_at=now))
        for start in range(0, len(kept), 500):
            session.execute(update(Customer).where(Customer.id.in_(kept[start:start + 500]))
                            .values(status=CustomerStatus.RETAINED.value, retained_at=now))
        for start in range(0, len(dnc), 500):
            session.execute(update(Customer).where(Customer.id.in_(dnc[start:start + 500]))
                            .values(do_not_call=True))
        session.flush()
        rewards.ensure_default_rules(session, today - timedelta(days=365))
        session.flush()
        rewards.sync_ledger(session, admin_actor, today - timedelta(days=100),
                            today + timedelta(days=1))
        if lively:
            _bring_to_life(session, random.Random(seed + 1), today, now, admin_actor,
                           agents, [u for u in made if u.role == Role.SUPERVISOR.value])
        summary = DemoSummary(users=len(made), customers=len(ids), calls=len(call_rows),
                              tasks=len(task_ids), campaigns=2, password=DEMO_PASSWORD)
        audit.record(session, admin_actor, "demo_loaded", "database", None,
                     after=summary.as_dict() | {"seed": seed, "password": None})
    return summary


_COMPETITORS = ["Unicom", "Telstar", "BrightNet", "联通", "移动"]
_TEXT_ANSWERS = {
    "zh": ["价格太高", "服务响应慢", "竞争对手给了优惠", "搬家了", "账单出错"],
    "en": ["Price went up", "Slow support", "A competitor's discount", "Moved abroad",
           "Billing mistakes"],
}
_COACHING = [
    "Great save on that last call - keep the empathy statement early.",
    "Ask about the competitor's offer before you present ours.",
    "上一通电话处理得很好，记得先确认客户的离开原因。",
    "Slow down on the price part; let the customer finish.",
    "记得在结束前确认回访时间。",
]


def _answer(rng: random.Random, q: Any, language: str) -> Any:
    """A plausible answer to one script question (choices by value, texts from a list)."""
    from winback_desktop.core import interview as iv

    if q.qtype in iv.CHOICE_TYPES and q.choices:
        if q.qtype == iv.MULTI:
            return [c.value for c in rng.sample(list(q.choices), rng.randint(1, min(2, len(
                q.choices))))]
        return rng.choice(list(q.choices)).value
    if q.qtype == iv.SCALE:
        return rng.randint(q.scale_min, q.scale_max)
    if q.qtype == iv.NUMBER:
        return rng.randint(1, 36)
    if q.qtype == iv.DATE:
        return (date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))).isoformat()
    if q.tag == iv.TAG_COMPETITOR:
        return rng.choice(_COMPETITORS)
    return rng.choice(_TEXT_ANSWERS.get(language, _TEXT_ANSWERS["en"]))


def _walk(rng: random.Random, script: Any, language: str, stop_after: int | None
          ) -> tuple[dict[str, Any], str | None]:
    """Answers along the script's own branching; ``stop_after`` leaves it paused there."""
    from winback_desktop.core import interview as iv

    answers: dict[str, Any] = {}
    key: str | None = script.questions[0].key if script.questions else None
    while key is not None and key != iv.END:
        if stop_after is not None and len(answers) >= stop_after:
            return answers, key
        q = script.question(key)
        if q is None:
            break
        value = _answer(rng, q, language)
        answers[key] = iv.normalise_answer(q, value)
        key = iv.next_key(script, key, answers[key])
    return answers, None


def _bring_to_life(session: Any, rng: random.Random, today: date, now: datetime,
                   admin: Actor, agents: list[User], supervisors: list[User]) -> None:
    """Interviews, offers, QA, coaching, redemptions and callbacks over the call history."""
    from winback_desktop.core import interview as iv
    from winback_desktop.core import offers as offer_rules
    from winback_desktop.db.models import InterviewResponse, OfferRequest, OfferTemplate
    from winback_desktop.services import monitoring, qa

    answered = (Disposition.NOT_INTERESTED.value, Disposition.REFUSED_OFFER.value,
                Disposition.WON_BACK.value, Disposition.SAVED.value,
                Disposition.CALLBACK.value)
    recent = list(session.execute(
        select(Call.id, Call.customer_id, Call.agent_id, Call.campaign_id, Call.task_id,
               Call.started_at, Call.ended_at, Call.disposition, Customer.preferred_language,
               Customer.annual_revenue_minor, Customer.sltv_minor, Campaign.kind)
        .join(Customer, Customer.id == Call.customer_id)
        .join(Campaign, Campaign.id == Call.campaign_id)
        .where(Call.disposition.in_(answered),
               Call.started_at >= datetime.combine(today - timedelta(days=45), time(0),
                                                   tzinfo=UTC))
        .order_by(Call.id)))
    if not recent:
        return
    picked = rng.sample(recent, min(len(recent), 80))
    picked.sort(key=lambda r: r.id)
    # -- exit interviews: most completed, a few paused mid-way
    scripts: dict[tuple[str, str], Any] = {}
    done_customers: set[int] = set()
    for n, row in enumerate(picked[:60]):
        if row.customer_id in done_customers:
            continue
        done_customers.add(row.customer_id)
        lang = "zh" if (row.preferred_language or "zh").startswith("zh") else "en"
        key = (row.kind, lang)
        if key not in scripts:
            found = interviews.default_script_for(session, row.kind, lang)
            scripts[key] = (found, interviews.to_core(found)) if found is not None else None
        if scripts[key] is None:
            continue
        db_script, script = scripts[key]
        paused = n % 8 == 7
        answers, current = _walk(rng, script, lang, 2 if paused else None)
        reason = None if paused else iv.classify(script, answers).proposed
        started = _aware(row.started_at)
        session.add(InterviewResponse(
            script_id=db_script.id, call_id=row.id, customer_id=row.customer_id,
            agent_id=row.agent_id,
            status=interviews.PAUSED if paused else interviews.COMPLETED,
            answers=answers, current_question_key=current,
            completed_at=None if paused else started + timedelta(minutes=6),
            proposed_reason=reason, confirmed_reason=reason,
            created_at=started, updated_at=started + timedelta(minutes=6)))
    # -- offers with their cost: decided ones in the past, a few waiting right now
    templates = list(session.scalars(select(OfferTemplate).where(OfferTemplate.active)
                                     .order_by(OfferTemplate.id)))
    sup_ids = [u.id for u in supervisors]
    if templates:
        for n, row in enumerate(picked[:40]):
            template = templates[n % len(templates)]
            cost = offer_rules.offer_cost(template.cost_rule, row.annual_revenue_minor)
            asked = _aware(row.started_at) + timedelta(minutes=3)
            status, decided = _offer_status(n, row.disposition)
            pending_now = n < 4
            if pending_now:
                asked = now - timedelta(minutes=4 + 7 * n)
                status, decided = "pending", False
            session.add(OfferRequest(
                offer_template_id=template.id, task_id=row.task_id, call_id=row.id,
                customer_id=row.customer_id, agent_id=row.agent_id, status=status,
                cost_minor=cost or 100_00 * (1 + n % 5), sltv_minor=row.sltv_minor or 0,
                agent_note=None if n % 3 else "Customer asked twice about the price",
                requested_at=asked, expires_at=asked + timedelta(hours=8),
                escalated_to="supervisor" if status == "pending" else None,
                decided_at=asked + timedelta(minutes=2) if decided else None,
                decided_by=sup_ids[n % len(sup_ids)] if decided and sup_ids else None,
                outcome_at=asked + timedelta(minutes=5)
                if status in ("accepted", "declined") else None,
                created_at=asked, updated_at=asked))
    # -- QA: a dozen reviewed calls of the last two weeks, one of them disputed
    form = qa.ensure_default_form(session)
    criteria = qa.criteria_of(form)
    two_weeks = datetime.combine(today - timedelta(days=14), time(0), tzinfo=UTC)
    reviewed = [r for r in picked if _aware(r.started_at) >= two_weeks][:12]
    sup_by_id = {u.id: u for u in supervisors}
    for n, row in enumerate(reviewed):
        if not sup_ids:
            break
        reviewer = Actor.of(sup_by_id[sup_ids[n % len(sup_ids)]])
        scores = {c.key: rng.randint(max(1, c.max_score - 2), c.max_score) for c in criteria}
        ev = qa.evaluate(session, reviewer, row.id, scores,
                         coaching_notes=rng.choice(_COACHING[:2]) if n % 2 else None)
        ev.created_at = _aware(row.ended_at or row.started_at) + timedelta(hours=2)
        if n == 0:
            ev.status, ev.agent_comment = "disputed", (
                "The customer hung up before I could confirm the offer.")
        elif n % 3 == 1:
            ev.status, ev.acknowledged_at = "acknowledged", ev.created_at + timedelta(hours=1)
    session.flush()
    # -- coaching: read messages from earlier days, one unread from this morning
    for n, agent in enumerate(agents[:5]):
        sender = supervisors[n % len(supervisors)] if supervisors else None
        if sender is None:
            break
        msg = monitoring.send_coaching_message(session, Actor.of(sender), agent.id,
                                               _COACHING[n % len(_COACHING)])
        msg.created_at = now - timedelta(days=n + 1, hours=2)
        msg.read_at = msg.created_at + timedelta(minutes=1)
    # -- reward redemptions: approved and waiting (the best-earning agents ask first)
    items = sorted(rewards.catalogue(session), key=lambda c: int(c["points"]))
    def available(agent: User) -> int:
        return rewards.balance(session, Actor.of(agent), agent.id) - \
            rewards.pending_redemption_points(session, agent.id)
    ranked = sorted(agents, key=lambda a: (-available(a), a.id))[:4]
    for n, agent in enumerate(ranked):
        if not items or not supervisors:
            break
        cheapest = int(items[0]["points"])
        if available(agent) < cheapest:
            # a small demo earns few points: the supervisor's spot award tops it up
            try:
                rewards.grant_spot_award(session, Actor.of(supervisors[0]), agent.id,
                                         cheapest - available(agent),
                                         "Best customer feedback this week",
                                         now=now - timedelta(days=4))
            except WinbackError:
                continue
        red = rewards.request_redemption(session, Actor.of(agent), str(items[0]["item"]))
        red.requested_at = now - timedelta(days=3 - n % 3, hours=1)
        if n % 2 == 0:
            rewards.decide_redemption(session, Actor.of(supervisors[0]), red.id, True)
    # -- callbacks due today, each with its agent
    open_tasks = list(session.scalars(
        select(CallTask).where(CallTask.status == TaskStatus.QUEUED.value,
                               CallTask.attempts > 0)
        .order_by(CallTask.sltv_minor.desc(), CallTask.id).limit(len(agents) * 2)))
    day_start = datetime.combine(today, time(1, 0), tzinfo=UTC)
    for n, task in enumerate(open_tasks):
        task.status = TaskStatus.CALLBACK.value
        task.callback_at = day_start + timedelta(hours=1 + (n * 37 % 600) / 60)
        task.callback_owner_id = agents[n % len(agents)].id
        task.last_disposition = Disposition.CALLBACK.value


def _offer_status(n: int, disposition: str) -> tuple[str, bool]:
    """A decided request's status that agrees with how the call ended."""
    if disposition in (Disposition.WON_BACK.value, Disposition.SAVED.value):
        return ("accepted", True) if n % 4 else ("approved", True)
    if disposition == Disposition.REFUSED_OFFER.value:
        return "declined", True
    return ("rejected", True) if n % 5 == 0 else ("auto_approved", False)


def _aware(at: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones."""
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


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
