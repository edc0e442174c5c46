"""P(win) in the GUI: the explain popup in words, and the campaign's queue order."""

from __future__ import annotations

from sqlalchemy import select

from tests.ui.conftest import make_ctx
from winback_desktop.db.models import CallTask, Campaign
from winback_desktop.services import sltv_service, win_model
from winback_desktop.services.context import Actor
from winback_desktop.ui.kit.vocabulary import money
from winback_desktop.ui.screens.campaigns.screen import CampaignsScreen
from winback_desktop.ui.screens.workspace.customer_card_view import SltvExplainDialog
from winback_desktop.ui.screens.workspace.win_chance_view import WinChancePanel

TIMEOUT = 20_000


def _a_queued_task(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        task = s.scalars(select(CallTask).where(CallTask.status == "queued")
                         .order_by(CallTask.id)).first()
        assert task is not None
        return task.customer_id, task.campaign_id


def test_explain_popup_says_the_chance_and_the_value_in_words(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.shell import i18n

    win_model.refresh(demo_db, Actor.system())
    customer_id, campaign_id = _a_queued_task(demo_db)
    ctx = make_ctx(demo_db, "supervisor1")
    chance = win_model.explain_for(demo_db, ctx.actor, customer_id, campaign_id)
    with demo_db.session() as s:
        sltv = sltv_service.explain_customer(s, ctx.actor, customer_id, campaign_id)
    dialog = SltvExplainDialog(sltv, "Test", "CNY", chance=chance)
    qtbot.addWidget(dialog)
    panel = dialog.findChild(WinChancePanel, "winChancePanel")
    assert panel is not None
    assert panel.p_label.text() == f"<b>{chance.estimate.p_win:.1%}</b>"
    own = chance.estimate.own
    assert f"won back {own.wins} of {own.tries} calls" in panel.cell_label.text()
    assert f"{chance.estimate.parent.rate:.1%}" in panel.basis_label.text()
    assert f"<b>{money(chance.value.expected_value_minor)}</b>" in panel.value_label.text()
    i18n.install("zh_CN")
    zh = SltvExplainDialog(sltv, "测试", "CNY", chance=chance)
    qtbot.addWidget(zh)
    zh_panel = zh.findChild(WinChancePanel, "winChancePanel")
    assert zh_panel is not None and zh_panel.title() == "挽回的可能性"
    assert "次通话中挽回" in zh_panel.cell_label.text()


def test_campaign_queue_order_is_saved_and_scores_follow(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = CampaignsScreen(make_ctx(demo_db, "admin"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.idle() and screen.table.rowCount() == 2, timeout=TIMEOUT)
    screen.table.selectRow(0)
    cid = screen.current_id
    assert screen.order_combo.currentData() == "sltv"
    with demo_db.session() as s:
        s.execute(CallTask.__table__.update().where(CallTask.campaign_id == cid)
                  .values(p_win=None, expected_value_minor=0))
    screen.order_combo.setCurrentIndex(screen.order_combo.findData("expected_value"))
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.idle() and "saved" in screen.status.text(), timeout=TIMEOUT)
    with demo_db.session() as s:
        campaign = s.get(Campaign, cid)
        assert campaign is not None and campaign.queue_order == "expected_value"
        unscored = s.scalars(select(CallTask.id).where(
            CallTask.campaign_id == cid, CallTask.status == "queued",
            CallTask.p_win.is_(None))).first()
        assert unscored is None  # the save refreshed the campaign's expected values
    screen.table.selectRow(0)
    assert screen.order_combo.currentData() == "expected_value"
