"""Purchase histories through the import engine, on SQLite and PostgreSQL (issue 19)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from winback_desktop.db.models import AuditEntry, Customer, ImportBatch, Purchase, PurchaseStats
from winback_desktop.services import importing
from winback_desktop.services.context import Actor

from .test_importing import workbook

CUSTOMER_HEADERS = ["客户编号", "姓名", "手机", "状态"]
PURCHASE_HEADERS = ["订单号", "会员编号", "手机", "下单日期", "实付金额", "商品名称"]


def load_customers(db: Any, admin: Actor, tmp_path: Path) -> None:
    path = workbook(tmp_path / "customers.xlsx", [
        ["C1", "张三", "13800138001", "活跃"],
        ["C2", "李四", "13800138002", "active"],
        ["C3", "王五", "13800138003", "retained"],
        ["C4", "赵六", "13800138004", "已挽留"],
    ], CUSTOMER_HEADERS)
    result = importing.run_import(db, admin, path)
    assert result.committed and result.inserted == 4


def purchases_file(tmp_path: Path, name: str = "purchases.xlsx") -> Path:
    return workbook(tmp_path / name, [
        ["A-1", "C1", None, date(2026, 1, 5), 120.5, "咖啡豆"],
        ["A-2", "C1", None, date(2026, 2, 4), 99, "咖啡豆"],
        ["A-3", "C1", None, date(2026, 3, 6), 130, "滤纸"],
        ["A-3", "C1", None, date(2026, 3, 6), 15, "滤纸"],        # a second line of A-3
        [None, None, "+86 138-0013-8002", date(2026, 2, 1), 300, None],  # by phone, no order
        [None, None, "+86 138-0013-8002", date(2026, 2, 1), 300, None],  # the same again
        ["B-9", "C3", None, "2026/03/01", "¥1,200.00", "会员卡"],
    ], PURCHASE_HEADERS)


def stats(db: Any) -> dict[int, tuple]:
    with db.session() as s:
        return {r.customer_id: (r.first_purchase_on, r.last_purchase_on, r.purchases,
                                r.spend_minor, r.typical_gap_days)
                for r in s.scalars(select(PurchaseStats))}


def test_customers_of_every_status_import_and_keep_their_status(db, admin, tmp_path) -> None:
    load_customers(db, admin, tmp_path)
    with db.session() as s:
        got = dict(s.execute(select(Customer.external_id, Customer.status)).all())
    assert got == {"C1": "active", "C2": "active", "C3": "retained", "C4": "retained"}


def test_purchase_import_matches_by_id_and_phone_and_keeps_rhythm(db, admin, tmp_path) -> None:
    load_customers(db, admin, tmp_path)
    preview = importing.preview(purchases_file(tmp_path), kind="purchases")
    assert preview.mapping == {"order_id": "订单号", "external_id": "会员编号", "phone": "手机",
                               "purchased_on": "下单日期", "amount": "实付金额",
                               "product": "商品名称"}
    assert preview.invalid_rows == 0 and preview.kind == "purchases"

    result = importing.run_import(db, admin, purchases_file(tmp_path), kind="purchases")
    assert result.committed, result.errors
    assert (result.rows, result.inserted, result.unchanged, result.rejected) == (7, 7, 0, 0)
    with db.session() as s:
        ids = dict(s.execute(select(Customer.external_id, Customer.id)).all())
        c1 = s.get(Customer, ids["C1"])
        assert c1 is not None
        assert (c1.last_purchase_date, c1.purchase_count) == (date(2026, 3, 6), 4)
        batch = s.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.kind == "purchases" and batch.inserted == 7
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "purchases_imported")) == 1
    got = stats(db)
    # C1: purchase days 5 Jan, 4 Feb, 6 Mar → gaps 30 and 30 days; four lines, ¥364.50
    assert got[ids["C1"]] == (date(2026, 1, 5), date(2026, 3, 6), 4, 36450, 30.0)
    # C2 by phone: the same purchase twice in the file is two purchases
    assert got[ids["C2"]] == (date(2026, 2, 1), date(2026, 2, 1), 2, 60000, None)
    assert got[ids["C3"]][3] == 120000
    assert ids["C4"] not in got


def test_reimport_adds_nothing_and_undo_removes_the_batch(db, admin, tmp_path) -> None:
    load_customers(db, admin, tmp_path)
    first = importing.run_import(db, admin, purchases_file(tmp_path), kind="purchases")
    again = importing.run_import(db, admin, purchases_file(tmp_path, "again.xlsx"),
                                 kind="purchases")
    assert again.committed
    assert (again.inserted, again.unchanged) == (0, 7)
    # A later export that overlaps: one new order line, the rest known.
    later = workbook(tmp_path / "later.xlsx", [
        ["A-3", "C1", None, date(2026, 3, 6), 130, "滤纸"],
        ["A-4", "C1", None, date(2026, 4, 5), 88, "咖啡豆"],
    ], PURCHASE_HEADERS)
    third = importing.run_import(db, admin, later, kind="purchases")
    assert (third.inserted, third.unchanged) == (1, 1)
    with db.session() as s:
        cid = s.scalar(select(Customer.id).where(Customer.external_id == "C1"))
        assert s.scalar(select(func.count()).select_from(Purchase)) == 8
    assert stats(db)[cid][1:3] == (date(2026, 4, 5), 5)

    undone = importing.undo_last_batch(db, admin)
    assert (undone.batch_id, undone.removed, undone.restored) == (third.batch_id, 1, 1)
    assert stats(db)[cid][1:3] == (date(2026, 3, 6), 4)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Purchase)) == 7
        assert s.get(ImportBatch, third.batch_id).status == "undone"  # type: ignore[union-attr]
    assert first.batch_id is not None


def test_unknown_customers_reject_the_file_or_only_their_rows(db, admin, tmp_path) -> None:
    load_customers(db, admin, tmp_path)
    path = workbook(tmp_path / "bad.xlsx", [
        ["X-1", "C1", None, date(2026, 1, 5), 10, None],
        ["X-2", "C404", None, date(2026, 1, 6), 10, None],
        ["X-3", None, "13900000000", date(2026, 1, 7), 10, None],
        ["X-4", "C2", None, None, 10, None],
        ["X-5", "C2", None, "not a date", 10, None],
        ["X-6", "C2", None, date(2026, 1, 8), None, None],
        ["X-7", None, None, date(2026, 1, 8), 5, None],
    ], PURCHASE_HEADERS)
    with db.session() as s:
        preview = importing.preview(path, kind="purchases", session=s)
    assert (preview.valid_rows, preview.invalid_rows) == (1, 6)
    messages = {i.row: i.render() for i in preview.errors}
    assert messages[3] == "No customer has the ID 'C404'."
    assert messages[4] == "No customer has the phone 13900000000."
    assert messages[5] == "The purchase has no date."
    assert messages[7] == "The purchase has no amount."
    assert messages[8] == "The row has neither a customer ID nor a phone."

    rejected = importing.run_import(db, admin, path, kind="purchases")
    assert not rejected.committed and rejected.rejected == 6
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Purchase)) == 0
        assert s.scalar(select(func.count()).select_from(ImportBatch)
                        .where(ImportBatch.kind == "purchases")) == 0
    valid = importing.run_import(db, admin, path, kind="purchases", valid_only=True)
    assert valid.committed and (valid.inserted, valid.rejected) == (1, 6)


def test_a_shared_phone_needs_the_customer_id(db, admin, tmp_path) -> None:
    path = workbook(tmp_path / "twins.xlsx", [["T1", "甲", "13700000001", "active"],
                                              ["T2", "乙", "13700000001", "active"]],
                    CUSTOMER_HEADERS)
    assert importing.run_import(db, admin, path).committed
    buys = workbook(tmp_path / "buys.xlsx", [["Z-1", None, "13700000001", date(2026, 1, 1), 9,
                                              None]], PURCHASE_HEADERS)
    result = importing.run_import(db, admin, buys, kind="purchases")
    assert not result.committed
    assert result.errors[0].render() == (
        "The phone 13700000001 belongs to several customers: give the customer ID.")


def test_a_purchase_file_needs_its_columns(db, admin, tmp_path) -> None:
    from winback_desktop.core.errors import ValidationError

    path = workbook(tmp_path / "cols.xlsx", [["C1", 10]], ["会员编号", "实付金额"])
    with pytest.raises(ValidationError, match="purchase date and the amount"):
        importing.run_import(db, admin, path, kind="purchases")
    agent = Actor(None, "a", "agent")  # type: ignore[arg-type]
    from winback_desktop.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        importing.run_import(db, agent, path, kind="purchases")
