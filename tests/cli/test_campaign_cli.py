"""``winback campaign`` and ``winback sltv``: the queue ranks by the value the explain
shows (issue 14)."""

from __future__ import annotations

import json
from typing import Any

from tests.services.queue_helpers import agent, customers


def _json(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _queue_and_explain(winback: Any, db_url: str, campaign: str) -> tuple[int, int]:
    (row,) = _json(winback("--database", db_url, "queue", "list", "--campaign", campaign,
                           "--json"))
    explained = _json(winback("--database", db_url, "sltv", "explain", "C2", "--campaign",
                              campaign, "--json"))
    return row["sltv_minor"], explained["sltv_minor"]


def test_campaign_parameters_reach_the_queue_without_a_recompute(winback, db, db_url,
                                                                 admin) -> None:
    agent(db, admin, "agent1")
    customers(db, [{"external_id": "C2", "annual_margin_minor": 200_000,
                    "sltv_minor": 200_000 * 27301 // 10_000 - 2000}])
    _json(winback("--database", db_url, "campaign", "create", "Spring", "--agents", "agent1",
                  "--sltv-param", "horizon_years=1", "--sltv-param", "contact_cost_minor=500",
                  "--start", "--json"))
    queued, explained = _queue_and_explain(winback, db_url, "Spring")
    assert queued == explained == round(200_000 / 1.1) - 500
    # new parameters re-rank the queue at once
    _json(winback("--database", db_url, "campaign", "update", "Spring", "--sltv-param",
                  "horizon_years=2", "--json"))
    queued, explained = _queue_and_explain(winback, db_url, "Spring")
    assert queued == explained == round(200_000 / 1.1 + 200_000 * 0.7 / 1.21) - 2000
    # customers added by a later start are valued with the campaign's parameters too
    customers(db, [{"external_id": "C3", "annual_margin_minor": 100_000}])
    started = _json(winback("--database", db_url, "campaign", "start", "Spring", "--json"))
    assert started["tasks_added"] == 1
    rows = _json(winback("--database", db_url, "queue", "list", "--campaign", "Spring",
                         "--json"))
    assert sorted(r["sltv_minor"] for r in rows) == sorted(
        [round(200_000 / 1.1 + 200_000 * 0.7 / 1.21) - 2000,
         round(100_000 / 1.1 + 100_000 * 0.7 / 1.21) - 2000])


def test_explain_of_a_customer_without_spend_data_says_why(winback, db, db_url,
                                                           admin) -> None:
    customers(db, [{"external_id": "C9", "annual_margin_minor": None,
                    "annual_revenue_minor": None, "sltv_minor": None, "sltv_tier": "D"}])
    data = _json(winback("--database", db_url, "sltv", "explain", "C9", "--json"))
    assert data["sltv_minor"] is None and data["years"] == [] and data["tier"] == "D"
    text = winback("--database", db_url, "sltv", "explain", "C9")
    assert text.returncode == 0
    assert "cannot value" in text.stdout and "tier D" in text.stdout


def test_explain_text_adds_up(winback, db, db_url, admin) -> None:
    customers(db, [{"external_id": "C5", "annual_margin_minor": 9_553_072}])
    data = _json(winback("--database", db_url, "sltv", "explain", "C5", "--json"))
    assert sum(y["value_minor"] for y in data["years"]) - data["cost_minor"] == data[
        "sltv_minor"]
