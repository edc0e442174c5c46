"""Customer list queries on both engines: filters, search, sort order, paging, card."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import CallTask, Campaign, Customer, CustomerPhone
from winback_desktop.services import customer_browse, customer_card, customer_query
from winback_desktop.services.context import Actor
from winback_desktop.services.customer_query import CustomerFilter

ROWS = [("A1", "王伟", "lost", "bought_away", "B", 500), ("A2", "Zed", "lost", "pulled_away", "A", 900),
        ("A3", "Amy", "at_risk", "unknown", "C", 50), ("A4", "李娜", "won_back", "bought_away", "A", 800),
        ("A5", "Ann_%", "lost", "bought_away", None, None)]


@pytest.fixture
def seeded(db: Any, admin: Actor) -> dict[str, int]:
    ids = {}
    with db.session() as s:
        camp = Campaign(name="C")
        s.add(camp)
        s.flush()
        for i, (ext, name, status, reason, tier, sltv) in enumerate(ROWS):
            c = Customer(external_id=ext, name=name, status=status, defection_reason=reason,
                         sltv_tier=tier, sltv_minor=None if sltv is None else sltv * 100,
                         defection_date=date(2026, 2, 1 + i))
            c.phones.append(CustomerPhone(e164=f"+86138000000{i:02d}", raw=f"138-0000-00{i:02d}",
                                          is_primary=True))
            s.add(c)
            s.flush()
            ids[ext] = c.id
            if status == "lost":
                s.add(CallTask(campaign_id=camp.id, customer_id=c.id))
        ids["campaign"] = camp.id
    return ids


def page(db: Any, actor: Actor, filt: CustomerFilter | None = None, sort: str = "external_id",
         desc: bool = False, offset: int = 0, limit: int = 50) -> list[str]:
    with db.session() as s:
        return [r.external_id for r in customer_query.fetch_page(s, actor, filt, sort, desc, offset, limit)]


def count(db: Any, actor: Actor, filt: CustomerFilter) -> int:
    with db.session() as s:
        return customer_query.count_customers(s, actor, filt)


def test_filters_and_counts_agree(db: Any, admin: Actor, seeded: dict[str, int]) -> None:
    cases = {
        CustomerFilter(): ["A1", "A2", "A3", "A4", "A5"],
        CustomerFilter(status="lost"): ["A1", "A2", "A5"],
        CustomerFilter(status="lost", defection_reason="bought_away"): ["A1", "A5"],
        CustomerFilter(status="lost", defection_reason="bought_away", sltv_tier="B"): ["A1"],
        CustomerFilter(sltv_tier="A"): ["A2", "A4"],
        CustomerFilter(campaign_id=seeded["campaign"]): ["A1", "A2", "A5"],
        CustomerFilter(text="王"): ["A1"],
        CustomerFilter(text="a"): ["A1", "A2", "A3", "A4", "A5"],  # ids match too
        CustomerFilter(text="amy"): ["A3"],
        CustomerFilter(text="13800000003"): ["A4"],
        CustomerFilter(text="138 0000 0003"): ["A4"],
        CustomerFilter(text="+86138000000"): ["A1", "A2", "A3", "A4", "A5"],
        CustomerFilter(status=("lost", "won_back"), defection_reason="bought_away"): ["A1", "A4", "A5"],
        CustomerFilter(text="n_%"): ["A5"],
        CustomerFilter(text="%"): ["A5"],
        CustomerFilter(text="_"): ["A5"],
        CustomerFilter(status="lost", text="zed"): ["A2"],
    }
    for filt, expected in cases.items():
        assert page(db, admin, filt) == expected, filt
        assert count(db, admin, filt) == len(expected), filt


def test_sorts_and_pages_are_stable(db: Any, admin: Actor, seeded: dict[str, int]) -> None:
    # customers without an SLTV go where each engine's index puts NULLs
    by_sltv = [x for x in page(db, admin, sort="sltv_minor", desc=True) if x != "A5"]
    assert by_sltv == ["A2", "A4", "A1", "A3"]
    assert page(db, admin, sort="name")[:3] == ["A3", "A5", "A2"]
    assert page(db, admin, sort="defection_date", desc=True) == ["A5", "A4", "A3", "A2", "A1"]
    pages = [page(db, admin, sort="status", offset=o, limit=2) for o in (0, 2, 4)]
    flat = [x for p in pages for x in p]
    assert sorted(flat) == ["A1", "A2", "A3", "A4", "A5"]
    assert flat == page(db, admin, sort="status")


def test_agents_may_not_browse_customers(db: Any, seeded: dict[str, int]) -> None:
    agent = Actor(99, "agent", "agent")  # type: ignore[arg-type]
    with db.session() as s, pytest.raises(PermissionDenied):
        customer_query.fetch_page(s, agent, CustomerFilter(), "name", False, 0, 10)


def test_card_has_phones_and_history(db: Any, admin: Actor, seeded: dict[str, int]) -> None:
    with db.session() as s:
        card = customer_card.customer_card(s, admin, seeded["A2"])
        origin = customer_browse.customer_origin(s, admin, seeded["A2"])
        choices = customer_browse.filter_choices(s, admin)
    assert card.name == "Zed" and card.phones[0].e164 == "+8613800000001"
    assert card.calls == [] and origin.batch is None and origin.call_count == 0
    assert choices.campaigns == [(seeded["campaign"], "C")]
    assert choices.phone_region == "CN"
