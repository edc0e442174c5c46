"""Admin screens: the segmentation grid and campaigns, against a demo database."""

from __future__ import annotations

from sqlalchemy import func, select

from tests.ui.conftest import make_ctx
from tests.ui.helpers import wait_ops
from winback_desktop.core import sltv
from winback_desktop.core.sltv import SltvParams
from winback_desktop.db.models import CallTask, Campaign, CampaignAgent, Customer, User
from winback_desktop.services import campaigns as campaign_service
from winback_desktop.services import segmentation_service
from winback_desktop.ui.screens.campaigns.screen import CampaignsScreen
from winback_desktop.ui.screens.segmentation.screen import SegmentationScreen

TIMEOUT = 10_000


def _customers_in(db, tier: str, reason: str | None = None, segment: str | None = None) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        stmt = select(func.count()).select_from(Customer).where(Customer.sltv_tier == tier)
        if reason:
            stmt = stmt.where(Customer.defection_reason == reason)
        if segment:
            stmt = stmt.where(Customer.segment == segment)
        return int(s.scalar(stmt) or 0)


def test_segmentation_cell_edit_persists_and_moves_counts(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = SegmentationScreen(make_ctx(demo_db, "admin"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.idle() and bool(screen.counts), timeout=TIMEOUT)
    cell = screen.cells[("C", "pulled_away")]
    assert cell.treatment() == "long_term"  # DESIGN §2 default
    in_cell = _customers_in(demo_db, "C", "pulled_away")
    assert in_cell > 0
    assert cell.count_label.text() == f"{in_cell:,}"
    quick_before = int(screen.summary_labels["quick"].text().replace(",", ""))
    nurture_before = int(screen.summary_labels["long_term"].text().replace(",", ""))

    # a change that moves customers asks first, saying how many; "no" keeps everything
    asked: list[str] = []
    screen.confirm = lambda text: asked.append(text) or False
    cell.combo.setCurrentIndex(cell.combo.findData("quick"))
    assert len(asked) == 1 and f"{in_cell:,} customers" in asked[0]
    assert cell.treatment() == "long_term"
    wait_ops(qtbot)
    with demo_db.session() as s:
        assert segmentation_service.get_grid(s)[("C", "pulled_away")] == "long_term"
    screen.confirm = lambda text: asked.append(text) or True
    cell.combo.setCurrentIndex(cell.combo.findData("quick"))
    assert len(asked) == 2
    qtbot.waitUntil(lambda: screen.idle() and screen.grid.get(("C", "pulled_away")) == "quick",
                    timeout=TIMEOUT)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    with demo_db.session() as s:
        assert segmentation_service.get_grid(s)[("C", "pulled_away")] == "quick"
    # the customers of the cell are re-segmented, and the per-treatment totals follow
    assert _customers_in(demo_db, "C", "pulled_away", "quick") == in_cell
    assert int(screen.summary_labels["quick"].text().replace(",", "")) == quick_before + in_cell
    assert int(screen.summary_labels["long_term"].text().replace(",", "")) == \
        nurture_before - in_cell
    assert "Saved" in screen.status.text()


def test_segmentation_thresholds_retier_customers(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = SegmentationScreen(make_ctx(demo_db, "admin"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.idle() and bool(screen.counts), timeout=TIMEOUT)
    a_before = sum(n for (t, _r), n in screen.counts.items() if t == "A")
    # lower tier A's bound to tier B's: every B customer above it becomes A
    screen.threshold_edits["A"].setValue(30_000)
    screen.save_thresholds_button.click()
    qtbot.waitUntil(lambda: screen.idle() and screen.thresholds.get("A") == 3_000_000,
                    timeout=TIMEOUT)
    a_after = sum(n for (t, _r), n in screen.counts.items() if t == "A")
    assert a_after == _customers_in(demo_db, "A") > a_before
    with demo_db.session() as s:
        assert segmentation_service.get_thresholds(s)["A"] == 3_000_000

    # an impossible order is refused before reaching the database
    screen.threshold_edits["C"].setValue(10_000_000)
    screen.save_thresholds_button.click()
    assert screen.idle()
    assert "A > B > C > D" in screen.status.text()


def test_campaign_preview_create_start_pause(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx(demo_db, "admin")
    screen = CampaignsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1300, 850)
    screen.show()
    qtbot.waitUntil(lambda: screen.idle() and screen.table.rowCount() == 2
                    and screen.agent_list.count() > 0, timeout=TIMEOUT)

    # preview of the running demo campaign: the service's numbers, rule by rule
    screen.table.selectRow(0)
    assert screen.current_id is not None
    assert screen.name_edit.text() == screen.campaigns[0].name
    screen.preview_button.click()
    qtbot.waitUntil(lambda: screen.idle() and screen.preview_table.rowCount() > 0,
                    timeout=TIMEOUT)
    with demo_db.session() as s:
        expected = campaign_service.preview(s, ctx.actor, screen.current_id).as_dict()
    shown = {screen.preview_table.item(r, 0).data(0x0100):
             int(screen.preview_table.item(r, 1).text().replace(",", ""))
             for r in range(screen.preview_table.rowCount())}
    assert shown == expected
    assert expected["do_not_call"] > 0 and expected["eligible"] > 0

    # a new campaign for tier A only, worked by agent01
    screen.new_button.click()
    screen.name_edit.setText("Tier A sweep")
    screen.tier_checks.boxes["A"].setChecked(True)
    screen.max_attempts.setValue(3)
    screen.r_spin.setValue(60)
    with demo_db.session() as s:
        agent01 = s.scalar(select(User.id).where(User.login == "agent01"))
    for i in range(screen.agent_list.count()):
        item = screen.agent_list.item(i)
        if item.data(0x0100) == agent01:
            item.setCheckState(screen.agent_list.item(i).checkState().Checked)
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.idle() and screen.table.rowCount() == 3, timeout=TIMEOUT)
    with demo_db.session() as s:
        made = s.scalar(select(Campaign).where(Campaign.name == "Tier A sweep"))
        assert made is not None and made.status == "draft"
        assert made.customer_filter == {"tier": ["A"], "status": ["lost"]}
        assert made.max_attempts == 3
        assert made.sltv_params["retention_rate"] == 0.6
        agents = s.scalars(select(CampaignAgent.user_id)
                           .where(CampaignAgent.campaign_id == made.id)).all()
        assert list(agents) == [agent01]
        made_id = made.id
    assert screen.current_id == made_id
    assert screen.start_button.isEnabled() and not screen.pause_button.isEnabled()

    screen.start_button.click()
    qtbot.waitUntil(lambda: screen.idle() and screen.pause_button.isEnabled(), timeout=TIMEOUT)
    with demo_db.session() as s:
        assert s.get(Campaign, made_id).status == "running"
        # the new queue is ranked by this campaign's SLTV model (r = 60 %), not the default
        task, customer = s.execute(
            select(CallTask, Customer).join(Customer, Customer.id == CallTask.customer_id)
            .where(CallTask.campaign_id == made_id).limit(1)).one()
        params = SltvParams.from_mapping(s.get(Campaign, made_id).sltv_params)
        assert task.sltv_minor == sltv.compute(customer.annual_margin_minor,
                                               customer.annual_revenue_minor, params)
        assert task.sltv_minor < customer.sltv_minor
    assert "added to the queue" in screen.status.text()
    screen.pause_button.click()
    qtbot.waitUntil(lambda: screen.idle() and screen.start_button.isEnabled(), timeout=TIMEOUT)
    with demo_db.session() as s:
        assert s.get(Campaign, made_id).status == "paused"


def test_campaign_name_required(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    screen = CampaignsScreen(make_ctx(demo_db, "admin"))
    qtbot.addWidget(screen)
    qtbot.waitUntil(screen.idle, timeout=TIMEOUT)
    screen.new_button.click()
    screen.save_button.click()
    assert screen.idle()
    assert "name" in screen.status.text()


def test_segmentation_screen_switches_language_live(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """A live switch retranslates the open screen (it stayed English until the next login)."""
    from winback_desktop.ui.shell import i18n

    screen = SegmentationScreen(make_ctx(demo_db, "admin"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.idle() and bool(screen.counts), timeout=TIMEOUT)
    english = (screen.intro.text(), screen.save_thresholds_button.text(),
               screen.table.horizontalHeaderItem(0).text(), screen.sum_box.title(),
               screen.cells[("A", "pulled_away")].combo.itemText(0))
    i18n.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: screen.save_thresholds_button.text() != english[1],
                        timeout=TIMEOUT)
        chinese = (screen.intro.text(), screen.save_thresholds_button.text(),
                   screen.table.horizontalHeaderItem(0).text(), screen.sum_box.title(),
                   screen.cells[("A", "pulled_away")].combo.itemText(0))
        assert all(a != b for a, b in zip(english, chinese, strict=True)), chinese
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: screen.save_thresholds_button.text() == english[1], timeout=TIMEOUT)
