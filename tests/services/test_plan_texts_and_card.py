"""Issue 19 leftovers on SQLite and PostgreSQL: the default plans in the customer's
language, the plans' use cases (one unit of work each) and the customer card's
early-warning flag and plan progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from winback_desktop.db.models import Customer, WinbackPlan
from winback_desktop.services import campaigns, customer_card, importing, plans, risk
from winback_desktop.services.context import Actor

from .test_importing import workbook
from .test_risk_scan import AS_OF, purchases, setup_customers


def lost(db: Any, admin: Actor, tmp_path: Path) -> dict[str, int]:
    path = workbook(tmp_path / "lost.xlsx", [
        ["ZH1", "王芳", "13800000041", "moved away", "lost", "zh"],
        ["EN1", "Ann Lee", "13800000042", "moved away", "lost", "en"],
    ], ["客户编号", "姓名", "手机", "流失原因", "状态", "语言"])
    assert importing.run_import(db, admin, path).committed
    with db.session() as s:
        s.execute(update(Customer).values(segment="long_term"))
        camp = campaigns.create_campaign(s, admin, "长期挽回")
        s.execute(update(WinbackPlan).values(campaign_id=camp.id))
        return dict(s.execute(select(Customer.external_id, Customer.id)).all())


def test_default_plan_letters_follow_the_customers_language(db, admin, tmp_path) -> None:
    ids = lost(db, admin, tmp_path)
    for ref in ("ZH1", "EN1"):
        info = plans.enroll(db, admin, ref)  # by external id, the default plan
        assert info.plan_name == "Long-term win-back"
    rows = {r.external_id: r for r in plans.due_todos(db, admin, due_by=date.today())}
    assert rows["ZH1"].text.startswith("尊敬的王芳：感谢您多年来对我们的信任。")
    assert rows["EN1"].text.startswith("Dear Ann Lee, thank you for the years")
    assert plans.localized("Long-term win-back", "zh_CN") == "长期挽回"
    assert plans.localized("Courtesy goodbye", "zh") == "礼貌告别"
    assert plans.localized("Our own plan", "zh_CN") == "Our own plan"  # the admin's words
    # the progress through the same use cases the screen and the CLI call
    shown = plans.customer_plans(db, admin, str(ids["ZH1"]))
    assert [(e.plan_name, e.status, e.done_steps) for e in shown] == [
        ("Long-term win-back", "active", 0)]
    assert {r.customer_id for r in plans.progress(db, admin)} == set(ids.values())
    choices = plans.editor_choices(db, admin)
    assert [c[1] for c in choices.campaigns] == ["长期挽回"]
    assert {p.name for p in plans.plan_list(db, admin)} == {"Long-term win-back",
                                                            "Courtesy goodbye"}


def test_editor_saves_through_one_use_case(db, admin) -> None:
    saved = plans.save_plan_template(db, admin, name="回访计划", default_reasons=["*"],
                                     steps=[plans.StepSpec("letter", 0, "您好 {name}",
                                                           "supervisor")])
    assert plans.plan_details(db, admin, "回访计划").id == saved.id


def test_the_card_shows_the_flag_and_the_plan(db, admin, tmp_path) -> None:
    ids = setup_customers(db, admin, tmp_path)
    importing.run_import(db, admin, purchases(tmp_path), kind="purchases", scan_after=False)
    risk.scan(db, admin, as_of=AS_OF)
    with db.session() as s:
        card = customer_card.customer_card(s, admin, ids["SILENT"])
        assert [sig.code for sig in card.risk_signals] == ["rhythm_gap"]
        assert card.risk_flagged_at is not None and card.plan is None
        regular = customer_card.customer_card(s, admin, ids["REGULAR"])
        assert regular.risk_signals == [] and regular.risk_flagged_at is None

    more = lost(db, admin, tmp_path)
    plans.enroll(db, admin, "ZH1")
    with db.session() as s:
        card = customer_card.customer_card(s, admin, more["ZH1"])
    assert card.plan is not None
    assert (card.plan.plan_name, card.plan.status, card.plan.done, card.plan.total) == (
        "Long-term win-back", "active", 0, 5)
    assert card.plan.next_channel == "letter" and card.plan.next_due == date.today()
    # still a customer ends it: the card says so
    from winback_desktop.services import customer_outcomes

    customer_outcomes.confirm_still_customer(db, admin, more["ZH1"])
    with db.session() as s:
        card = customer_card.customer_card(s, admin, more["ZH1"])
    assert card.plan is not None
    assert (card.plan.status, card.plan.end_reason) == ("ended", "still_customer")
    assert card.plan.next_due is None

