"""Two people, one database: an agent asks for an offer above authority, a supervisor
approves it in the inbox, the agent sees it and records the customer's answer (issue 7)."""

from __future__ import annotations

from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.db.models import CallTask, Customer
from winback_desktop.ui.screens.approvals.screen import COLUMNS, ApprovalsScreen
from winback_desktop.ui.screens.offers.panel import OffersPanel
from winback_desktop.ui.shell.context import AppContext


def test_agent_asks_supervisor_approves_agent_wins_back(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    customer_id, task_id = add_customer(db, team.campaign_id)
    agent_ctx = AppContext(db=db, actor=team.agent)
    sup_ctx = AppContext(db=db, actor=team.supervisor)

    panel = OffersPanel(agent_ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_context(customer_id, task_id, team.campaign_id)
    qtbot.waitUntil(lambda: len(panel.choices) == 3, timeout=5000)
    visible = [b for b in panel.choice_buttons if b.isVisible()]
    assert len(visible) == 3
    assert "FREE" not in visible[0].text() and "One free month" in visible[0].text()
    assert "supervisor" in visible[0].text()
    assert "Within your authority" in visible[2].text()

    inbox = ApprovalsScreen(sup_ctx)
    qtbot.addWidget(inbox)
    inbox.show()
    counts: list[int] = []
    inbox.pending_count.connect(counts.append)
    arrived: list[int] = []
    inbox.new_requests.connect(arrived.append)
    qtbot.waitUntil(lambda: bool(counts) and counts[-1] == 0, timeout=5000)

    panel.choice_buttons[0].click()  # One free month: ¥4,000 > agent's ¥500
    panel.note.setText("six years with us")
    with qtbot.waitSignal(panel.callback_suggested, timeout=5000):
        panel.propose_button.click()
    assert panel.request is not None and panel.request.status == "pending"
    assert "Sent for approval" in panel.status.text()
    assert not panel.accepted_button.isVisible()

    inbox.refresh()
    qtbot.waitUntil(lambda: sum(arrived) == 1, timeout=5000)  # the notification
    assert inbox.banner.isVisible() and "1 new offer request" in inbox.banner.text()
    qtbot.waitUntil(lambda: inbox.count == 1 and inbox.badge.text() == "1", timeout=5000)
    inbox.select_request(panel.request.id)
    qtbot.waitUntil(lambda: inbox.details is not None, timeout=5000)
    html = inbox.detail.toPlainText()
    assert "six years with us" in html and "SLTV" in html and "陈小姐" in html
    inbox.note.setText("worth it")
    inbox.approve_button.click()
    qtbot.waitUntil(lambda: "Done" in inbox.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: inbox.count == 0, timeout=5000)

    # the agent's panel picks the decision up by polling, within 2 s
    qtbot.waitUntil(lambda: panel.request is not None and panel.request.status == "approved",
                    timeout=2000)
    assert "Approved by Zhou Jing" in panel.status.text() and "worth it" in panel.status.text()
    assert panel.accepted_button.isVisible()
    with qtbot.waitSignal(panel.won_back, timeout=5000):
        panel.accepted_button.click()
    assert panel.request.status == "accepted"
    assert "Accepted" in panel.status.text() and not panel.propose_button.isEnabled()
    # the offer's answer only: the call's outcome wins the customer back (issue 14)
    with db.session() as s:
        customer = s.get(Customer, customer_id)
        assert customer is not None and customer.status == "lost"
        task = s.get(CallTask, task_id)
        assert task is not None and task.status == "claimed"
    panel.set_context(None)
    inbox.timer.stop()
    panel.timer.stop()


def test_panel_auto_approves_within_authority_and_records_decline(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    customer_id, task_id = add_customer(db, team.campaign_id)
    panel = OffersPanel(AppContext(db=db, actor=team.agent))
    qtbot.addWidget(panel)
    panel.show()
    panel.set_context(customer_id, task_id, team.campaign_id)
    qtbot.waitUntil(lambda: len(panel.choices) == 3, timeout=5000)
    panel.choice_buttons[2].click()
    with qtbot.waitSignal(panel.request_changed, timeout=5000):
        panel.propose_button.click()
    assert panel.request is not None and panel.request.status == "auto_approved"
    assert "within your authority" in panel.status.text()
    panel.reason.setEditText("Price still too high")
    with qtbot.waitSignal(panel.request_changed, timeout=5000):
        panel.declined_button.click()
    assert panel.request.status == "declined"
    assert panel.request.decline_reason == "Price still too high"
    assert panel.propose_button.isEnabled()  # another choice may follow
    panel.timer.stop()


def test_catalogue_screen_versions_matrix_and_export(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from winback_desktop.services import offers
    from winback_desktop.ui.screens.offers.catalog_screen import OfferCatalogScreen

    team = make_team(db)
    screen = OfferCatalogScreen(AppContext(db=db, actor=team.admin))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 6, timeout=5000)
    codes = [screen.table.item(r, 0).text() for r in range(6)]
    screen.table.selectRow(codes.index("CREDIT200"))
    assert screen.code.text() == "CREDIT200" and screen.code.isReadOnly()
    assert screen.amount.value() == 200
    screen.amount.setValue(250)
    screen.save_button.click()
    qtbot.waitUntil(lambda: "version 2" in screen.message.text(), timeout=5000)
    with db.session() as s:
        assert offers.get_template(s, team.admin, "CREDIT200").cost_rule["amount_minor"] == 25_000

    screen.matrix.item(0, 0).setText("800.00")  # agent × A
    screen.save_matrix_button.click()
    qtbot.waitUntil(lambda: "Authority saved" in screen.message.text(), timeout=5000)
    with db.session() as s:
        assert offers.authority_matrix(s)[("agent", "A")] == 80_000

    path = tmp_path / "report.xlsx"
    screen.export(str(path))
    qtbot.waitUntil(lambda: "Exported" in screen.message.text(), timeout=5000)
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Offers"]
    # accepted offers are called so, apart from the calls that actually won back (issue 14)
    summary_labels = [row[0] for row in book["Summary"].iter_rows(values_only=True)]
    assert "Accepted offers" in summary_labels and "Calls won back" in summary_labels
    assert "Win-backs" not in summary_labels
    screen.load_report()
    qtbot.waitUntil(lambda: screen.report is not None, timeout=5000)
    headers = [screen.report_table.horizontalHeaderItem(c).text()
               for c in range(screen.report_table.columnCount())]
    assert "Accepted" in headers and "Calls won back" in headers
    assert "offers accepted" in screen.summary.text()
    assert "win-backs from" not in screen.summary.text()

    sup = OfferCatalogScreen(AppContext(db=db, actor=team.supervisor))
    qtbot.addWidget(sup)
    assert not sup.save_matrix_button.isEnabled() and sup.save_button.isEnabled()


def test_inbox_bulk_actions_conflicts_and_expired_rows(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from winback_desktop.db.types import utcnow
    from winback_desktop.services import offers

    team = make_team(db)
    ids = []
    for i in range(3):
        _c, task = add_customer(db, team.campaign_id, name=f"bulk{i}")
        ids.append(offers.request_offer(db, team.agent, "FREE-1M", task_id=task).id)
    _c, old_task = add_customer(db, team.campaign_id, name="stale")
    stale = offers.request_offer(db, team.agent2, "FREE-1M", task_id=old_task,
                                 now=utcnow() - timedelta(hours=5))

    first = ApprovalsScreen(AppContext(db=db, actor=team.supervisor))
    second = ApprovalsScreen(AppContext(db=db, actor=team.supervisor2))
    for screen in (first, second):
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda s=screen: len(s.items) == 4, timeout=5000)
    # in the main window at 1280x800 (about 1060 px for the screen) the inbox shows
    # every column up to the status without scrolling: the empty details pane gives way
    first.resize(1060, 740)
    qtbot.wait(50)
    header = first.table.horizontalHeader()
    status = len(COLUMNS) - 2
    assert header.sectionViewportPosition(status) + header.sectionSize(status) \
        <= first.table.viewport().width(), (first.table.viewport().width(),
                                             header.sectionSize(status))
    # the stale request was expired by the refresh and sits last, greyed
    last = first.table.item(3, 0)
    assert first.items[3].id == stale.id and first.items[3].status == "expired"
    assert last.font().italic() and first.count == 3

    # both supervisors act on the first request: one decision stands, the other is told
    first.select_request(ids[0])
    second.select_request(ids[0])
    first.approve_button.click()
    qtbot.waitUntil(lambda: "Done" in first.message.text(), timeout=5000)
    second.reject_button.click()
    qtbot.waitUntil(lambda: "already approved" in second.message.text(), timeout=5000)
    assert "Zhou Jing" in second.message.text()

    # bulk: select the two remaining open requests and reject them at once
    qtbot.waitUntil(lambda: first.count == 2, timeout=5000)
    first.table.clearSelection()
    for row, item in enumerate(first.items):
        if item.id in ids[1:]:
            first.table.selectionModel().select(
                first.table.model().index(row, 0),
                first.table.selectionModel().SelectionFlag.Select
                | first.table.selectionModel().SelectionFlag.Rows)
    assert first.reject_button.text() == "Reject 2"
    first.note.setText("budget")
    first.reject_button.click()
    qtbot.waitUntil(lambda: "Done: 2" in first.message.text(), timeout=5000)
    with db.session() as s:
        assert {offers.request_info(s, i).status for i in ids[1:]} == {"rejected"}
    qtbot.waitUntil(lambda: first.count == 0, timeout=5000)
    for screen in (first, second):
        screen.timer.stop()
