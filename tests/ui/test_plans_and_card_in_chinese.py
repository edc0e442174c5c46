"""The default plans read in 简体中文 on the Plans screen, and the customer card shows the
early-warning flag and the plan's progress (issue 19), driven through real widgets."""

from __future__ import annotations

from datetime import date
from typing import Any

from winback_desktop.core.risk import Signal
from winback_desktop.services import plans
from winback_desktop.services.customer_card import CustomerCard
from winback_desktop.ui.screens.workspace.customer_card_view import CustomerCardView
from winback_desktop.ui.shell import i18n
from winback_desktop.ui.shell.context import AppContext

from .test_plans_screen import ctx, open_screen  # noqa: F401


def card(**extra: Any) -> CustomerCard:
    base: dict[str, Any] = dict(
        id=1, external_id="K1", name="钱七", phones=[], timezone="Asia/Shanghai",
        local_time=None, preferred_language="zh", status="at_risk", segment=None,
        sltv_minor=None, sltv_imported_minor=None, sltv_tier=None, defection_reason="unknown",
        defection_date=None, reason_note=None, trigger=None, competitor=None, currency="CNY",
        annual_revenue_minor=None, annual_margin_minor=None, last_purchase_date=None,
        purchase_count=None, city=None, email=None, do_not_call=False, calls=[], offers=[])
    base.update(extra)
    return CustomerCard(**base)


def test_default_plans_in_chinese(qtbot: Any, ctx: AppContext) -> None:  # noqa: F811
    i18n.install("zh_CN")
    try:
        screen = open_screen(qtbot, ctx)
        editor = screen.editor
        assert editor.list.item(0).text() == "长期挽回"
        assert editor.name.text() == "长期挽回"
        assert editor.steps.item(0, 3).text().startswith("尊敬的{name}：")
        assert editor.list.item(1).text().startswith("礼貌告别")
    finally:
        i18n.install("en")


def test_card_shows_the_flag_and_the_plan(qtbot: Any) -> None:
    view = CustomerCardView()
    qtbot.addWidget(view)
    view.show_card(card())
    assert not view.watch.isVisibleTo(view)
    summary = plans.CustomerPlanSummary("Long-term win-back", "active", None, 2, 5, "call",
                                        date(2026, 6, 22))
    view.show_card(card(risk_signals=[Signal("complaints", {"count": 3})],
                        risk_flagged_at=None, plan=summary))
    assert view.watch.isVisibleTo(view)
    text = view.watch.text()
    assert "Complaints on record: 3" in text
    assert "Long-term win-back: 2 of 5 steps done; next: call on 2026-06-22" in text
    i18n.install("zh_CN")
    try:
        view.show_card(card(plan=plans.CustomerPlanSummary(
            "Long-term win-back", "ended", "still_customer", 1, 5, None, None)))
        text = view.watch.text()
        assert "长期挽回" in text and "仍是客户" in text
    finally:
        i18n.install("en")


def test_the_call_history_shows_each_amendment(qtbot: Any) -> None:
    from datetime import UTC, datetime

    from winback_desktop.services.calls import Amendment
    from winback_desktop.services.customer_card import PastCall

    at = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    view = CustomerCardView()
    qtbot.addWidget(view)
    view.show_card(card(calls=[PastCall(
        7, at, at, at, "agent01", "not_interested", None, None,
        (Amendment(at, "sup1", "won_back", "not_interested", "wrong key", True),))]))
    item = view.calls_table.item(0, 2)
    assert item is not None
    assert item.text() == "Not interested (amended)"
    assert "sup1" in item.toolTip() and "wrong key" in item.toolTip()
    # in Chinese the full-width bracket follows the word directly, no stray space
    i18n.install("zh_CN")
    try:
        view.show_card(card(calls=[PastCall(
            7, at, at, at, "agent01", "not_interested", None, None,
            (Amendment(at, "sup1", "won_back", "not_interested", "wrong key", True),))]))
        item = view.calls_table.item(0, 2)
        assert item is not None and item.text() == "不感兴趣（已更正）"
    finally:
        i18n.install("en")
