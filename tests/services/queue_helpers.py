"""Small builders for queue tests: agents, customers, a running campaign."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from winback_desktop.db.models import Customer, CustomerPhone
from winback_desktop.services import campaigns, users
from winback_desktop.services.context import Actor

#: 11:00 in Shanghai, 03:00 in London, 22:00 (previous day) in New York
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def agent(db: Any, admin: Actor, login: str, **skills: Any) -> Actor:
    with db.session() as s:
        user = users.add_user(s, admin, login, "agent", "agent-pass-1")
        if skills:
            users.update_user(s, admin, user.id, **skills)
        return Actor.of(user)


def customers(db: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert customers; defaults: lost, zh, Shanghai, SLTV 10,000.00 (imported unless
    the row gives spend data), tier C, segment quick."""
    ids = []
    with db.session() as s:
        for n, row in enumerate(rows):
            data = {"external_id": f"X{n:05d}", "name": f"Customer {n}", "status": "lost",
                    "defection_reason": "unknown", "timezone": "Asia/Shanghai",
                    "preferred_language": "zh", "sltv_minor": 1_000_000, "sltv_tier": "C",
                    "segment": "quick", "defection_date": date(2026, 6, 1)} | row
            if not {"annual_margin_minor", "annual_revenue_minor",
                    "sltv_imported_minor"} & set(row):
                # a value with no spend data behind it came from the list: an imported
                # SLTV, which every revaluation (campaign start, recompute) keeps
                data["sltv_imported_minor"] = data["sltv_minor"]
            customer = Customer(**data)
            customer.phones.append(CustomerPhone(e164=f"+8613800{n:06d}", raw=f"138{n}",
                                                 is_primary=True))
            s.add(customer)
            s.flush()
            ids.append(customer.id)
    return ids


def campaign(db: Any, admin: Actor, agents: list[Actor], name: str = "Q4", *,
             start: bool = True, **kw: Any) -> int:
    kw.setdefault("window_start", time(9, 0))
    kw.setdefault("window_end", time(20, 0))
    with db.session() as s:
        c = campaigns.create_campaign(s, admin, name, kw.pop("kind", "win_back"),
                                      agent_ids=[a.user_id for a in agents], **kw)
        if start:
            campaigns.start_campaign(s, admin, c.id, now=NOW)
        return c.id
