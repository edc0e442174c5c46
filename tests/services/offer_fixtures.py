"""A small win-back team with one customer in a campaign queue, for offer tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from winback_desktop.db.models import CallTask, Campaign, Customer
from winback_desktop.db.session import Database
from winback_desktop.services import offers, users
from winback_desktop.services.context import Actor


@dataclass
class Team:
    admin: Actor
    supervisor: Actor
    supervisor2: Actor
    agent: Actor
    agent2: Actor
    campaign_id: int


def make_team(db: Database) -> Team:
    with db.session() as s:
        admin_user = users.add_user(s, Actor.system(), "boss", "admin", "pass-word-1",
                                    display_name="Boss Admin")
        admin = Actor.of(admin_user)
        made = {}
        for login, role, name in [("sup1", "supervisor", "Zhou Jing"),
                                  ("sup2", "supervisor", "Sarah Walker"),
                                  ("ag1", "agent", "Wang Wei"), ("ag2", "agent", "Li Na")]:
            made[login] = Actor.of(users.add_user(s, admin, login, role, "pass-word-1",
                                                  display_name=name))
        offers.ensure_default_offers(s, admin)
        campaign = Campaign(name="Q4 win-back", status="running")
        s.add(campaign)
        s.flush()
        return Team(admin, made["sup1"], made["sup2"], made["ag1"], made["ag2"], campaign.id)


def add_customer(db: Database, campaign_id: int, *, tier: str = "A",
                 sltv_minor: int = 8_000_000, revenue_minor: int = 4_800_000,
                 reason: str = "pulled_away", name: str = "陈小姐") -> tuple[int, int]:
    """A lost customer and their queued task; returns (customer id, task id)."""
    with db.session() as s:
        customer = Customer(name=name, status="lost", defection_reason=reason,
                            defection_date=date(2026, 9, 1), annual_revenue_minor=revenue_minor,
                            annual_margin_minor=revenue_minor // 4, sltv_minor=sltv_minor,
                            sltv_tier=tier, segment="quick")
        s.add(customer)
        s.flush()
        task = CallTask(campaign_id=campaign_id, customer_id=customer.id, status="claimed",
                        sltv_minor=sltv_minor, sltv_tier=tier, defection_reason=reason)
        s.add(task)
        s.flush()
        return customer.id, task.id


def template_id(db: Database, actor: Actor, code: str) -> int:
    with db.session() as s:
        return offers.get_template(s, actor, code).id
