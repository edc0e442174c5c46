"""``winback offer …`` through the real command line on both engines."""

from __future__ import annotations

import json
from pathlib import Path

from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.db.models import Customer
from winback_desktop.db.session import Database


def test_offer_request_decide_outcome_report(winback, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = Database(db_url)
    team = make_team(db)
    customer_id, task = add_customer(db, team.campaign_id)
    _c2, task2 = add_customer(db, team.campaign_id, name="second")
    db.dispose()

    listed = winback("offer", "list", "--json", "--database", db_url)
    assert listed.returncode == 0, listed.stderr
    codes = {o["code"] for o in json.loads(listed.stdout)}
    assert {"DISC10-3M", "CREDIT200", "FREE-1M", "GIFT-WELCOME"} <= codes

    req = winback("offer", "request", "--task", str(task), "--offer", "FREE-1M",
                  "--agent", "ag1", "--note", "loyal", "--json", "--database", db_url)
    assert req.returncode == 0, req.stderr
    info = json.loads(req.stdout)
    assert info["status"] == "pending" and info["cost_minor"] == 400_000
    rid = str(info["id"])

    own = winback("offer", "decide", rid, "approve", "--by", "ag1", "--database", db_url)
    assert own.returncode != 0 and "Traceback" not in own.stderr
    assert len(own.stderr.strip().splitlines()) == 1

    ok = winback("offer", "decide", rid, "approve", "--by", "sup1", "--note", "go",
                 "--json", "--database", db_url)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["status"] == "approved"
    late = winback("offer", "decide", rid, "reject", "--by", "sup2", "--database", db_url)
    assert late.returncode != 0
    assert "Zhou Jing already approved" in late.stderr and "Traceback" not in late.stderr

    zh = winback("offer", "decide", rid, "reject", "--by", "sup2", "--database", db_url,
                 lang="zh_CN")
    assert zh.returncode != 0 and "Zhou Jing" in zh.stderr and "已" in zh.stderr

    out = winback("offer", "outcome", rid, "accepted", "--database", db_url, as_user="ag1")
    assert out.returncode == 0, out.stderr
    db = Database(db_url)
    with db.session() as s:  # the offer's answer only; the call's outcome wins back
        assert s.get(Customer, customer_id).status == "lost"  # type: ignore[union-attr]
    logged = winback("call", "log", str(task), "--disposition", "won_back",
                     "--database", db_url, as_user="ag1")
    assert logged.returncode == 0, logged.stderr
    with db.session() as s:
        assert s.get(Customer, customer_id).status == "won_back"  # type: ignore[union-attr]
    db.dispose()

    auto = winback("offer", "request", "--task", str(task2), "--offer", "GIFT-WELCOME",
                   "--agent", "ag2", "--json", "--database", db_url)
    assert json.loads(auto.stdout)["status"] == "auto_approved"
    declined = winback("offer", "outcome", str(json.loads(auto.stdout)["id"]), "declined",
                       "--reason", "price", "--json", "--database", db_url, as_user="ag2")
    assert json.loads(declined.stdout)["decline_reason"] == "price"

    xlsx = tmp_path / "report.xlsx"
    rep = winback("offer", "report", "--json", "--xlsx", str(xlsx), "--database", db_url)
    assert rep.returncode == 0, rep.stderr
    data = json.loads(rep.stdout)
    # one accepted offer, and its call won the customer back: two figures, not one
    assert data["accepted_offers"] == 1 and data["acceptance_rate"] == 0.5
    assert (data["win_backs"], data["saves"]) == (1, 0)
    assert sum(r["win_backs"] for r in data["offers"]) == 1
    table = winback("offer", "report", "--database", db_url)
    assert "accepted offers: 1" in table.stdout and "calls won back: 1" in table.stdout, table.stdout
    assert xlsx.exists()

    expire = winback("offer", "expire", "--json", "--database", db_url)
    assert json.loads(expire.stdout) == {"expired": 0}
    missing = winback("offer", "decide", "999", "approve", "--by", "sup1", "--database", db_url)
    assert missing.returncode != 0 and "Not found" in missing.stderr
