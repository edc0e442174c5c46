"""The customers screen: rows, server sort, filters, search, lazy paging, card, export."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt

from winback_desktop.db.models import Call, CallTask, Campaign, Customer, CustomerPhone, ImportBatch
from winback_desktop.services import customer_query, users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.customers.model import COLUMN_KEYS, PLACEHOLDER
from winback_desktop.ui.screens.customers.screen import CustomersScreen
from winback_desktop.ui.shell.context import AppContext

PEOPLE = [
    # external id, name, status, reason, tier, sltv (yuan), phone
    ("K001", "王伟", "lost", "bought_away", "B", 52_000, "+8613800000001"),
    ("K002", "Alice Smith", "lost", "pulled_away", "A", 150_000, "+447700900001"),
    ("K003", "李娜", "at_risk", "unknown", "C", 9_000, "+8613800000003"),
    ("K004", "Bob Jones", "won_back", "pushed_unintentional", "A", 120_000, "+12125550104"),
    ("K005", "张敏", "lost", "moved_away", "D", 1_000, "+8613800000005"),
    ("K006", "Carol White", "lost", "bought_away", "C", 8_000, "+12125550106"),
]


@pytest.fixture
def ctx(sqlite_db: Any) -> AppContext:
    with sqlite_db.session() as s:
        admin = users.add_user(s, Actor.system(), "boss", "admin", "boss-pass-123")
        sup = users.add_user(s, Actor.of(admin), "sup", "supervisor", "sup-pass-1234",
                             display_name="Sup Ervisor")
        actor = Actor.of(sup)
        batch = ImportBatch(file_name="spring.xlsx", sheet="客户", status="done", rows=2,
                            inserted=2)
        campaign = Campaign(name="Q4 win-back")
        s.add_all([batch, campaign])
        s.flush()
        for i, (ext, name, status, reason, tier, sltv, phone) in enumerate(PEOPLE):
            c = Customer(external_id=ext, name=name, status=status, defection_reason=reason,
                         sltv_tier=tier, sltv_minor=sltv * 100,
                         annual_revenue_minor=sltv * 50, defection_date=date(2026, 1, 1 + i),
                         import_batch_id=batch.id if i < 2 else None, city="上海",
                         segment="quick")
            c.phones.append(CustomerPhone(e164=phone, raw=phone, is_primary=True))
            s.add(c)
            s.flush()
            if i % 2 == 0:
                s.add(CallTask(campaign_id=campaign.id, customer_id=c.id))
            if ext == "K002":
                s.add(Call(customer_id=c.id, agent_id=sup.id, disposition="callback",
                           started_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
                           answered_at=datetime(2026, 11, 2, 9, 0, 10, tzinfo=UTC),
                           ended_at=datetime(2026, 11, 2, 9, 3, 10, tzinfo=UTC)))
    return AppContext(db=sqlite_db, actor=actor)


def open_screen(qtbot: Any, ctx: AppContext) -> CustomersScreen:
    screen = CustomersScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    settle(qtbot, screen)
    return screen


def settle(qtbot: Any, screen: CustomersScreen) -> None:
    qtbot.waitUntil(lambda: not screen.model.is_loading(), timeout=10_000)


def column(screen: CustomersScreen, key: str) -> list[str]:
    model, col = screen.model, COLUMN_KEYS.index(key)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_shows_every_customer_by_sltv_with_translated_values(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    assert screen.model.rowCount() == 6
    assert column(screen, "name") == ["Alice Smith", "Bob Jones", "王伟", "李娜", "Carol White", "张敏"]
    assert column(screen, "defection_reason")[0] == "Pulled away (competitor)"
    assert column(screen, "sltv")[0] == "¥150,000"
    assert column(screen, "status")[1] == "Won back"
    assert "6 customers" in screen.count_label.text()


def test_header_click_sorts_on_the_server(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    header = screen.table.horizontalHeader()
    header.sectionClicked.emit(COLUMN_KEYS.index("external_id"))
    settle(qtbot, screen)
    assert column(screen, "external_id") == ["K001", "K002", "K003", "K004", "K005", "K006"]
    assert header.sortIndicatorSection() == COLUMN_KEYS.index("external_id")
    header.sectionClicked.emit(COLUMN_KEYS.index("external_id"))
    settle(qtbot, screen)
    assert column(screen, "external_id") == ["K006", "K005", "K004", "K003", "K002", "K001"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # a column without an index keeps the current order
    header.sectionClicked.emit(COLUMN_KEYS.index("city"))
    settle(qtbot, screen)
    assert screen.model.sort_key == "external_id"
    assert header.sortIndicatorSection() == COLUMN_KEYS.index("external_id")


def select_data(combo: Any, value: Any) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_filters_narrow_the_list(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    select_data(screen.status_combo, "lost")
    settle(qtbot, screen)
    assert set(column(screen, "external_id")) == {"K001", "K002", "K005", "K006"}
    select_data(screen.reason_combo, "bought_away")
    settle(qtbot, screen)
    assert column(screen, "external_id") == ["K001", "K006"]
    assert "2 customers" in screen.count_label.text()
    screen.clear_filters()
    settle(qtbot, screen)
    select_data(screen.tier_combo, "A")
    settle(qtbot, screen)
    assert column(screen, "external_id") == ["K002", "K004"]
    screen.clear_filters()
    qtbot.waitUntil(lambda: screen.batch_combo.count() == 2 and screen.campaign_combo.count() == 2)
    settle(qtbot, screen)
    screen.batch_combo.setCurrentIndex(1)
    settle(qtbot, screen)
    assert column(screen, "external_id") == ["K002", "K001"]
    screen.clear_filters()
    screen.campaign_combo.setCurrentIndex(1)
    settle(qtbot, screen)
    assert sorted(column(screen, "external_id")) == ["K001", "K003", "K005"]


def test_search_by_name_phone_and_id_is_debounced(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    fetches = len(screen.model.fetch_log)
    qtbot.keyClicks(screen.search, "smi")
    # nothing is queried per keystroke
    assert len(screen.model.fetch_log) == fetches
    qtbot.waitUntil(lambda: screen.model.filter.text == "smi", timeout=3000)
    settle(qtbot, screen)
    assert column(screen, "name") == ["Alice Smith"]
    assert len(screen.model.fetch_log) == fetches + 1
    screen.search.setText("王")
    screen.apply_filter()
    settle(qtbot, screen)
    assert column(screen, "external_id") == ["K001"]
    screen.search.setText("+1 212-555-0106")  # phone as typed
    screen.apply_filter()
    settle(qtbot, screen)
    assert column(screen, "name") == ["Carol White"]
    screen.search.setText("k00")  # id, case-insensitive
    screen.apply_filter()
    settle(qtbot, screen)
    assert screen.model.rowCount() == 6
    screen.search.setText("100%_")  # LIKE wildcards are matched literally
    screen.apply_filter()
    settle(qtbot, screen)
    assert screen.model.rowCount() == 0


def test_detail_pane_shows_selected_customer(qtbot: Any, ctx: AppContext) -> None:
    screen = open_screen(qtbot, ctx)
    with qtbot.waitSignal(screen.detail.loaded, timeout=5000):
        screen.table.selectRow(0)
    assert screen.detail.title.text() == "Alice Smith"
    assert screen.detail.fields["external_id"].text() == "K002"
    assert "+447700900001" in screen.detail.fields["phones"].text()
    assert screen.detail.fields["reason"].text() == "Pulled away (competitor)"
    assert "spring.xlsx" in screen.detail.fields["batch"].text()
    assert screen.detail.calls.rowCount() == 1
    assert screen.detail.calls.item(0, 1).text() == "sup"
    assert screen.detail.calls.item(0, 2).text() == "Callback at…"
    assert screen.detail.calls.item(0, 3).text() == "3:00"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_writes_the_filtered_rows(qtbot: Any, ctx: AppContext, tmp_path: Path,
                                         fmt: str) -> None:
    screen = open_screen(qtbot, ctx)
    select_data(screen.status_combo, "lost")
    settle(qtbot, screen)
    target = tmp_path / f"lost.{fmt}"
    op = screen.export_to(target, fmt)
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert target.exists()
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(target, read_only=True).active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    else:
        raw = target.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads Chinese right
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    body = rows[1:]
    flat = [" ".join(str(v) for v in r if v is not None) for r in body]
    assert len(body) == 4
    for ext in ("K001", "K002", "K005", "K006"):
        assert any(ext in line for line in flat)
    assert not any("K003" in line or "K004" in line for line in flat)


def _bulk_customers(db_url: str, n: int) -> None:
    path = db_url.removeprefix("sqlite:///")
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO customers (external_id, name, status, defection_reason, currency, "
        "sltv_minor, timezone, preferred_language, do_not_call, created_at, updated_at, "
        "version_id) VALUES (?, ?, 'lost', 'unknown', 'CNY', ?, 'Asia/Shanghai', 'zh', 0, "
        "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)",
        ((f"B{i:06d}", f"Bulk {i}", (i * 7919) % 1_000_000) for i in range(n)))
    con.commit()
    con.close()


def test_model_fetches_lazily_on_a_big_table(qtbot: Any, sqlite_db: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _bulk_customers(sqlite_db.url, 50_000)
    fetched: list[tuple[int, int]] = []
    real = customer_query.fetch_page

    def spy(session: Any, actor: Any, filt: Any, sort: str, desc: bool, offset: int,
            limit: int) -> Any:
        fetched.append((offset, limit))
        return real(session, actor, filt, sort, desc, offset, limit)

    monkeypatch.setattr(customer_query, "fetch_page", spy)
    ctx = AppContext(db=sqlite_db, actor=Actor.system())
    screen = open_screen(qtbot, ctx)
    assert screen.model.rowCount() == 50_000
    # opening read one page, not the table
    assert fetched == [(0, screen.model.page_size)]
    first = screen.model.index(0, COLUMN_KEYS.index("sltv"))
    assert screen.model.data(first) not in (None, "", PLACEHOLDER)
    # jumping to the end loads the pages there, not everything in between
    before = len(fetched)
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(fetched) > before, timeout=5000)
    settle(qtbot, screen)
    assert all(offset >= 40_000 for offset, _ in fetched[before:])
    assert len(fetched) - before <= 3
    last = screen.model.index(49_999, COLUMN_KEYS.index("external_id"))
    qtbot.waitUntil(lambda: screen.model.data(last) != PLACEHOLDER, timeout=5000)
    assert screen.model.data(last).startswith("B")
    assert sum(limit for _, limit in fetched) < 2_000


def test_language_switch_relabels_headers_filters_and_values(qtbot: Any, ctx: AppContext) -> None:
    from winback_desktop.ui.shell import i18n

    screen = open_screen(qtbot, ctx)
    model = screen.model
    reason_col = COLUMN_KEYS.index("defection_reason")
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: screen.status_combo.itemText(0) == "全部状态", timeout=3000)
        assert model.headerData(0, Qt.Orientation.Horizontal) == "客户编号"
        assert model.data(model.index(0, reason_col)) == "被拉走（竞争对手）"
        assert "6 位客户" in screen.count_label.text()
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: screen.status_combo.itemText(0) == "All statuses", timeout=3000)
    assert model.data(model.index(0, reason_col)) == "Pulled away (competitor)"


def test_a_failed_read_shows_the_reason_once(qtbot: Any, sqlite_db: Any) -> None:
    agent = Actor(7, "agent7", "agent")  # type: ignore[arg-type]  # may not browse customers
    screen = CustomersScreen(AppContext(db=sqlite_db, actor=agent))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=5000)
    assert screen.message.text() == "You are not allowed to do this."
    fetches = len(screen.model.fetch_log)
    qtbot.wait(200)
    screen.table.viewport().repaint()
    assert len(screen.model.fetch_log) == fetches  # no retry storm
    assert not screen.import_button.isVisible() and not screen.export_button.isVisible()
