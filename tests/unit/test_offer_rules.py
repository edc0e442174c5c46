"""Offer cost rules, eligibility, ranking and authority (pure rules, DESIGN §6)."""

from __future__ import annotations

from datetime import date

import pytest

from winback_desktop.core import offers
from winback_desktop.core.errors import ValidationError

MATRIX = {("agent", "A"): 50_000, ("agent", "C"): 15_000, ("supervisor", "A"): 500_000,
          ("supervisor", "C"): 80_000, ("admin", "A"): 5_000_000, ("admin", "C"): 500_000}


def test_cost_rules_in_minor_units() -> None:
    revenue = 4_800_000  # ¥48,000 a year → ¥4,000 a month
    assert offers.offer_cost({"type": "fixed", "amount_minor": 20_000}, revenue) == 20_000
    ten_off_3m = {"type": "percent_revenue", "percent": 10, "months": 3}
    assert offers.offer_cost(ten_off_3m, revenue) == 120_000
    assert offers.offer_cost({"type": "percent_revenue", "percent": 5}, revenue) == 240_000
    assert offers.offer_cost({"type": "free_period", "months": 2}, revenue) == 800_000
    capped = {"type": "free_period", "months": 1, "min_minor": 10_000, "max_minor": 300_000}
    assert offers.offer_cost(capped, revenue) == 300_000
    assert offers.offer_cost(capped, None) == 10_000  # unknown revenue: the floor


@pytest.mark.parametrize("rule", [
    None, {"type": "lottery"}, {"type": "fixed"}, {"type": "fixed", "amount_minor": -1},
    {"type": "percent_revenue", "percent": 0}, {"type": "percent_revenue", "percent": 150},
    {"type": "free_period", "months": 0}, {"type": "fixed", "amount_minor": "100"},
    {"type": "fixed", "amount_minor": 1, "win_probability": 1.5},
])
def test_bad_cost_rules_are_refused(rule: dict | None) -> None:
    with pytest.raises(ValidationError):
        offers.validate_cost_rule(rule)


def test_eligibility_by_reason_tier_campaign_and_dates() -> None:
    facts = offers.CustomerFacts(reason="pulled_away", tier="B", status="lost",
                                 sltv_minor=3_000_000, annual_revenue_minor=1_000_000,
                                 campaign_id=7, campaign_name="Q4")
    today = date(2026, 11, 23)
    assert offers.is_eligible({}, facts, today=today)
    assert offers.is_eligible({"reasons": ["pulled_away"], "tiers": ["A", "B"]}, facts,
                              today=today)
    assert not offers.is_eligible({"reasons": ["moved_away"]}, facts, today=today)
    assert not offers.is_eligible({"tiers": ["A"]}, facts, today=today)
    assert offers.is_eligible({"campaigns": [7]}, facts, today=today)
    assert offers.is_eligible({"campaigns": ["Q4"]}, facts, today=today)
    assert not offers.is_eligible({"campaigns": [8]}, facts, today=today)
    assert not offers.is_eligible({}, facts, active=False, today=today)
    assert not offers.is_eligible({}, facts, valid_to=date(2026, 11, 22), today=today)
    assert not offers.is_eligible({}, facts, valid_from=date(2026, 11, 24), today=today)
    assert offers.is_eligible({}, facts, valid_from=today, valid_to=today, today=today)


def test_ranking_by_expected_return_top_three() -> None:
    rule_weak = {"type": "fixed", "amount_minor": 100, "win_probability": 0.1}
    sltv = 1_000_000
    cands = [
        offers.Candidate(1, "CHEAP-WEAK", 100, offers.sltv_recovered(sltv, rule_weak)),
        offers.Candidate(2, "GENEROUS", 200_000, 500_000),
        offers.Candidate(3, "MID", 50_000, 300_000),
        offers.Candidate(4, "TIE", 50_000, 300_000),
    ]
    ranked = offers.rank(cands)
    assert [c.code for c in ranked] == ["GENEROUS", "MID", "TIE"]
    assert ranked[0].expected_return_minor == 300_000
    assert offers.expected_return(sltv, rule_weak, 100) == 99_900


def test_authority_decision_and_override() -> None:
    auto = offers.authority_decision(50_000, "A", "agent", MATRIX)
    assert auto.within_authority and auto.approver_role is None
    pending = offers.authority_decision(50_001, "A", "agent", MATRIX)
    assert (pending.status, pending.approver_role) == ("pending", "supervisor")
    escalated = offers.authority_decision(500_001, "A", "agent", MATRIX)
    assert (escalated.status, escalated.approver_role) == ("escalated", "admin")
    # tier matters: the same cost needs a supervisor for a C customer
    assert offers.authority_decision(20_000, "C", "agent", MATRIX).status == "pending"
    # a per-agent override wins over the matrix, in both directions
    assert offers.authority_decision(120_000, "A", "agent", MATRIX, 150_000).within_authority
    assert offers.authority_decision(10_000, "A", "agent", MATRIX, 0).status == "pending"
    # a supervisor's own request above their limit goes to an admin
    assert offers.authority_decision(600_000, "A", "supervisor", MATRIX).status == "escalated"
    assert offers.can_approve("supervisor", 500_000, "A", MATRIX)
    assert not offers.can_approve("supervisor", 500_001, "A", MATRIX)
    assert not offers.can_approve("supervisor", 100_000, "A", MATRIX, override_minor=50_000)
    assert offers.can_approve("admin", 99_000_000, "A", MATRIX)
    assert not offers.can_approve("agent", 1, "A", MATRIX)


def test_localized_names() -> None:
    assert offers.localized_name("One free month / 免费一个月", "zh_CN") == "免费一个月"
    assert offers.localized_name("One free month / 免费一个月", "en") == "One free month"
    assert offers.localized_name("Gift", "zh_CN") == "Gift"
