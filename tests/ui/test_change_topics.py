"""Views refresh from what a use case says it changed (``Changes`` on the hub), not from
each screen remembering whom to tell."""

from __future__ import annotations

from typing import Any

from tests.services.offer_fixtures import make_team
from tests.ui.helpers import wait_ops
from winback_desktop.ui.screens.approvals.screen import ApprovalsScreen
from winback_desktop.ui.screens.offers.catalog_screen import OfferCatalogScreen
from winback_desktop.ui.shell.context import AppContext, ChangeHub

TIMEOUT = 10_000


def test_an_offer_created_in_the_catalogue_is_a_counter_offer_in_the_inbox_at_once(
        qtbot: Any, sqlite_db: Any) -> None:
    team = make_team(sqlite_db)
    hub = ChangeHub()
    inbox = ApprovalsScreen(AppContext(db=sqlite_db, actor=team.admin, hub=hub))
    catalogue = OfferCatalogScreen(AppContext(db=sqlite_db, actor=team.admin, hub=hub))
    for screen in (inbox, catalogue):
        qtbot.addWidget(screen)
        screen.show()
    wait_ops(qtbot)
    codes = [inbox.counter_offer.itemData(i) for i in range(inbox.counter_offer.count())]
    assert "LOYAL300" not in codes

    catalogue.new_offer()
    catalogue.code.setText("LOYAL300")
    catalogue.name.setText("Loyalty credit ¥300")
    catalogue.amount.setValue(300)
    catalogue.save_button.click()
    qtbot.waitUntil(lambda: "version 1" in catalogue.message.text(), timeout=TIMEOUT)

    def offered() -> bool:
        return "LOYAL300" in [inbox.counter_offer.itemData(i)
                              for i in range(inbox.counter_offer.count())]

    qtbot.waitUntil(offered, timeout=TIMEOUT)  # nobody pressed refresh in the inbox
    qtbot.waitUntil(lambda: any(catalogue.table.item(r, 0).text() == "LOYAL300"
                                for r in range(catalogue.table.rowCount())), timeout=TIMEOUT)
    inbox.timer.stop()
    wait_ops(qtbot)
