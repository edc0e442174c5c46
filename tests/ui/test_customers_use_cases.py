"""The customers screen reads and exports through services only (issue 14), on both
engines: the card pane is one service read, an export is audited and announced on the
``AUDIT`` topic, and the list refreshes when a use case reports a ``CUSTOMERS`` change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from winback_desktop.db.models import AuditEntry, Customer, CustomerPhone
from winback_desktop.services import customer_browse, customer_query
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.customers.screen import CustomersScreen
from winback_desktop.ui.shell.context import AppContext


def _add(db: Any, ext: str, name: str, sltv: int) -> int:
    with db.session() as s:
        c = Customer(external_id=ext, name=name, status="lost", defection_reason="unknown",
                     sltv_tier="B", sltv_minor=sltv, segment="quick")
        c.phones.append(CustomerPhone(e164=f"+86138{sltv % 100_000_000:08d}",
                                      raw=str(sltv), is_primary=True))
        s.add(c)
        s.flush()
        return c.id


@pytest.fixture
def screen(qtbot: Any, db: Any, admin: Actor) -> CustomersScreen:
    _add(db, "C1", "First", 5_000_000)
    _add(db, "C2", "Second", 3_000_000)
    ctx = AppContext(db=db, actor=admin)
    widget = CustomersScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.is_loading() and widget.model.rowCount() == 2,
                    timeout=15_000)
    return widget


def test_card_pane_is_one_service_read(qtbot: Any, db: Any, admin: Actor,
                                       screen: CustomersScreen) -> None:
    first = screen.model.cached_row(0)
    assert first is not None
    details = customer_browse.customer_details(db, admin, first.id)
    assert details.card.name == "First" and details.origin.call_count == 0
    screen.detail.show_customer(first.id)
    qtbot.waitUntil(lambda: screen.detail.title.text() == "First", timeout=10_000)
    assert customer_query.load_count(db, admin) == 2


def test_export_is_audited_and_announced(qtbot: Any, db: Any, screen: CustomersScreen,
                                         tmp_path: Path) -> None:
    heard: list[Changes] = []
    screen.ctx.hub.changed.connect(heard.append)
    op = screen.export_to(tmp_path / "all.xlsx")
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert (tmp_path / "all.xlsx").exists()
    assert any(Topic.AUDIT in c for c in heard)
    with db.session() as s:
        assert s.scalar(select(AuditEntry.action).where(
            AuditEntry.action == "customers_exported")) == "customers_exported"


def test_list_refreshes_on_a_customers_change(qtbot: Any, db: Any,
                                              screen: CustomersScreen) -> None:
    _add(db, "C3", "Third", 9_000_000)
    screen.ctx.hub.publish(Changes.of(Topic.CUSTOMERS))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=15_000)
    qtbot.waitUntil(lambda: not screen.model.is_loading(), timeout=15_000)
    top = screen.model.cached_row(0)
    assert top is not None and top.name == "Third"
