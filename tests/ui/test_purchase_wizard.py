"""The import wizard on a purchase history: mapping, preview, import, scan, undo."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from winback_desktop.db.models import Purchase
from winback_desktop.services import importing, users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.importing.wizard import ImportWizard
from winback_desktop.ui.screens.importing.wizard_common import ERROR_BG
from winback_desktop.ui.shell.context import AppContext

from .test_import_wizard import _destroy, go_next


@pytest.fixture
def ctx(sqlite_db: Any, tmp_path: Path) -> AppContext:
    with sqlite_db.session() as s:
        admin = users.add_user(s, Actor.system(), "boss", "admin", "boss-pass-123")
        actor = Actor.of(admin)
    book = openpyxl.Workbook()
    book.active.append(["客户编号", "姓名", "手机", "状态"])
    book.active.append(["C1", "王伟", "13800138000", "活跃"])
    book.active.append(["C2", "李娜", "13900139000", "active"])
    book.save(tmp_path / "customers.xlsx")
    assert importing.run_import(sqlite_db, actor, tmp_path / "customers.xlsx").committed
    return AppContext(db=sqlite_db, actor=actor)


def purchase_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "订单"
    sheet.append(["2026年订单明细"])
    sheet.append([])
    sheet.append(["订单号", "会员编号", "手机", "下单日期", "实付金额", "商品名称"])
    today = date.today()
    for k in range(6):
        sheet.append([f"A{k}", "C1", None, today - timedelta(days=90 + 10 * k), 88, "咖啡"])
    sheet.append(["B1", None, "139 0013 9000", today - timedelta(days=3), 120, "茶"])
    sheet.append(["X1", "C404", None, today, 5, None])
    book.save(path)
    return path


def purchases(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Purchase)) or 0)


def test_purchase_history_through_the_wizard(qtbot: Any, ctx: AppContext,
                                             tmp_path: Path) -> None:
    wizard = ImportWizard(ctx, kind="purchases")
    try:
        wizard.show()
        assert wizard.windowTitle() == "Import purchases"
        wizard.file_page.path.setText(str(purchase_book(tmp_path / "订单.xlsx")))
        go_next(qtbot, wizard, wizard.MAPPING)
        assert wizard.mapping_page.mapping() == {
            "order_id": "订单号", "external_id": "会员编号", "phone": "手机",
            "purchased_on": "下单日期", "amount": "实付金额", "product": "商品名称"}
        combo = wizard.mapping_page.combos[4]
        offered = [combo.itemData(i) for i in range(combo.count())]
        assert "amount" in offered and "defection_reason" not in offered
        # without the amount the page cannot go on, and says why
        combo.setCurrentIndex(0)
        assert not wizard.mapping_page.isComplete()
        assert "amount" in wizard.mapping_page.status.text()
        combo.setCurrentIndex(combo.findData("amount"))
        assert wizard.mapping_page.isComplete()

        go_next(qtbot, wizard, wizard.PREVIEW)
        page = wizard.preview_page
        assert "8 rows: 7 valid, 1 with errors" in page.summary.text()
        bad_row = page.table.item(7, 0)
        assert bad_row.background().color() == ERROR_BG
        assert "No customer has the ID 'C404'." in bad_row.toolTip()

        go_next(qtbot, wizard, wizard.OPTIONS)
        assert not wizard.options_page.skip.isVisible()
        assert wizard.options_page.valid_only.isVisible()
        wizard.options_page.valid_only.setChecked(True)
        go_next(qtbot, wizard, wizard.RUN)
        qtbot.waitUntil(lambda: wizard.run_page.done, timeout=60_000)
        text = wizard.run_page.result.text()
        assert "7 new purchases" in text and "1 rejected" in text
        assert "Early-warning scan: 1 customer flagged at risk" in text
        assert purchases(ctx) == 7
        wizard.undo()
        qtbot.waitUntil(lambda: purchases(ctx) == 0, timeout=20_000)
        assert "7 purchases removed" in wizard.run_page.status.text()
    finally:
        _destroy(wizard)
