"""Reference data every database starts with: SLTV tiers, the segmentation grid of
DESIGN §2, the authority matrix (seeded by the first migration) and the default
long-term win-back and courtesy plans (migration ew02); tests that empty a database put
it back with ``reseed``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert
from sqlalchemy.sql import column, table

from winback_desktop.core import segmentation

#: ¥ amounts in fen: agents decide small offers themselves ("decide in advance").
AUTHORITY_DEFAULTS: dict[str, dict[str, int]] = {
    "agent": {"A": 50_000, "B": 30_000, "C": 15_000, "D": 5_000, "negative": 0},
    "supervisor": {"A": 500_000, "B": 200_000, "C": 80_000, "D": 30_000, "negative": 0},
    "admin": {"A": 5_000_000, "B": 2_000_000, "C": 500_000, "D": 200_000,
              "negative": 50_000},
}


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    return {
        "sltv_tiers": [{"tier": str(t), "min_sltv_minor": v}
                       for t, v in segmentation.DEFAULT_TIER_THRESHOLDS.items()],
        "segment_rules": [{"tier": t, "reason": r, "treatment": x}
                          for (t, r), x in segmentation.default_grid().items()],
        "authority_limits": [{"role": role, "tier": tier, "max_cost_minor": v}
                             for role, cells in AUTHORITY_DEFAULTS.items()
                             for tier, v in cells.items()],
    }


#: (name, kind, default reasons, active, [(channel, wait days, text, owner role)])
DEFAULT_PLANS: list[tuple[str, str, list[str] | None, bool, list[tuple[str, int, str, str]]]] = [
    ("Long-term win-back", "long_term", ["*"], True, [
        ("letter", 0, "Dear {name}, thank you for the years you were with us. We are sorry "
         "for what went wrong, and we have changed it. (A personal letter: apologise, say what "
         "changed.)", "supervisor"),
        ("email", 14, "Dear {name}, here is what is new since you left, and an invitation to "
         "come back with an offer made for you.", "supervisor"),
        ("call", 21, "Check in: did the letter arrive? Ask what would bring them back; "
         "propose the regeneration offer.", "agent"),
        ("sms", 30, "{name}, a reminder of the offer we made you; reply or call us back.",
         "agent"),
        ("call", 30, "Follow-up call: answer doubts, confirm the offer, or agree when to stay "
         "in touch.", "agent"),
    ]),
    ("Courtesy goodbye", "courtesy", None, False, [
        ("letter", 0, "Dear {name}, thank you for having been our customer. Our door stays "
         "open.", "supervisor"),
    ]),
]


#: the default plans' names and texts in 简体中文: a team (or a customer) in Chinese reads
#: and receives them in Chinese; a text the admin has changed is theirs and shown as written
DEFAULT_PLAN_TEXTS_ZH: dict[str, str] = {
    "Long-term win-back": "长期挽回",
    "Courtesy goodbye": "礼貌告别",
    "Dear {name}, thank you for the years you were with us. We are sorry for what went "
    "wrong, and we have changed it. (A personal letter: apologise, say what changed.)":
        "尊敬的{name}：感谢您多年来对我们的信任。对于之前让您失望的地方，我们深表歉意，"
        "并且已经做出了改进。（亲笔信：诚恳致歉，说明改进了什么。）",
    "Dear {name}, here is what is new since you left, and an invitation to come back with "
    "an offer made for you.":
        "尊敬的{name}：这是您离开后我们的新变化，诚邀您回来，并附上专门为您准备的优惠。",
    "Check in: did the letter arrive? Ask what would bring them back; propose the "
    "regeneration offer.":
        "回访：信收到了吗？询问什么能让客户回来；提出挽回优惠。",
    "{name}, a reminder of the offer we made you; reply or call us back.":
        "{name}，提醒您：我们为您准备的优惠仍然有效，欢迎回复或回电。",
    "Follow-up call: answer doubts, confirm the offer, or agree when to stay in touch.":
        "跟进电话：解答疑问，确认优惠，或约定下次联系的时间。",
    "Dear {name}, thank you for having been our customer. Our door stays open.":
        "尊敬的{name}：感谢您曾经选择我们。我们的大门始终为您敞开。",
}


def seed_plans(conn: Connection) -> None:
    """Insert the default plans (ids drawn as usual, so sequences stay right)."""
    from sqlalchemy import Boolean, Integer

    from winback_desktop.db.types import JSONType, UTCDateTime, utcnow

    plans = table("winback_plans", column("id", Integer), column("name"), column("kind"),
                  column("default_reasons", JSONType), column("active", Boolean),
                  column("created_at", UTCDateTime()), column("updated_at", UTCDateTime()))
    steps = table("winback_plan_steps", column("plan_id"), column("position"),
                  column("channel"), column("wait_days"), column("text"),
                  column("owner_role"))
    now = utcnow()
    for name, kind, reasons, active, plan_steps in DEFAULT_PLANS:
        stmt = insert(plans).values(
            name=name, kind=kind, default_reasons=reasons, active=active, created_at=now,
            updated_at=now).returning(plans.c.id)
        plan_id = conn.execute(stmt).scalar_one()
        conn.execute(insert(steps), [
            {"plan_id": plan_id, "position": i, "channel": channel, "wait_days": wait,
             "text": text, "owner_role": role}
            for i, (channel, wait, text, role) in enumerate(plan_steps, start=1)])


#: the not-ready reasons every floor starts with (migration dk01); admins edit the list
DEFAULT_NOT_READY_REASONS = ("break", "lunch", "training", "meeting", "admin")


def not_ready_rows() -> list[dict[str, Any]]:
    return [{"code": code, "name": None, "active": True, "position": i}
            for i, code in enumerate(DEFAULT_NOT_READY_REASONS, start=1)]


def lightweight_table(name: str, rows: list[dict[str, Any]]) -> Any:
    return table(name, *[column(key) for key in rows[0]])


def reseed(conn: Connection) -> None:
    """Replace the reference tables' rows with the defaults."""
    for name, rows in reference_rows().items():
        t = lightweight_table(name, rows)
        conn.execute(delete(t))
        conn.execute(insert(t), rows)
    conn.execute(delete(table("winback_plans")))
    seed_plans(conn)
    reasons = lightweight_table("not_ready_reasons", not_ready_rows())
    conn.execute(delete(reasons))
    conn.execute(insert(reasons), not_ready_rows())
