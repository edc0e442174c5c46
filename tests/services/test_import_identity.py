"""Customer lists that never duplicate and never guess (issue 21), on both engines."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from winback_desktop.db.models import AuditEntry, Customer, CustomerPhone
from winback_desktop.services import importing

from .test_importing import count, workbook

NO_ID = ["姓名", "手机", "邮箱", "城市"]


def names(db) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [tuple(r) for r in s.execute(select(Customer.external_id, Customer.name,
                                                   Customer.email, Customer.city)
                                            .order_by(Customer.id))]


# ------------------------------------------------------------------------- matching


def test_rows_without_an_id_match_by_phone_then_email(db, admin, tmp_path: Path) -> None:
    rows = [["王伟", "138 0013 8000", None, "上海"],
            ["李娜", None, "Li.Na@example.com", "北京"]]
    path = workbook(tmp_path / "no_id.xlsx", rows, NO_ID)
    first = importing.run_import(db, admin, path)
    assert (first.inserted, first.updated) == (2, 0)
    again = importing.run_import(db, admin, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    # the same people written differently: +86 and upper-case e-mail, with a new city
    moved = [["王伟", "+86 138-0013-8000", None, "杭州"],
             ["李娜", None, "li.na@EXAMPLE.com", "深圳"]]
    third = importing.run_import(db, admin, workbook(tmp_path / "moved.xlsx", moved, NO_ID))
    assert (third.inserted, third.updated) == (0, 2)
    assert names(db) == [(None, "王伟", None, "杭州"), (None, "李娜", "li.na@EXAMPLE.com", "深圳")]


def test_a_phone_shared_by_two_customers_matches_nobody(db, admin, tmp_path: Path) -> None:
    shared = [["A1", "甲", "13800138000"], ["A2", "乙", "13800138000"]]
    importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", shared, ["编号", "姓名", "手机"]))
    path = workbook(tmp_path / "b.xlsx", [["丙", "13800138000", None, "广州"]], NO_ID)
    result = importing.run_import(db, admin, path)
    assert not result.committed
    assert [e.render() for e in result.errors] == [
        "The phone +8613800138000 belongs to several customers: give the customer ID."]
    assert [n[1] for n in names(db)] == ["甲", "乙"]


# ------------------------------------------------------------------------- refusals


def test_a_new_customer_nobody_can_call_is_refused(db, admin, tmp_path: Path) -> None:
    rows = [["N1", "有电话", "13800138001", None], ["N2", "没有电话", None, None],
            [None, "没编号也没电话", None, None]]
    path = workbook(tmp_path / "n.xlsx", rows, ["编号", "姓名", "手机", "邮箱"])
    result = importing.run_import(db, admin, path, valid_only=True)
    assert result.committed and (result.inserted, result.rejected) == (1, 2)
    assert [(e.row, e.render()) for e in result.errors] == [
        (3, "The row has no phone and no e-mail: nobody can call this customer."),
        (4, "The row has no phone and no e-mail: nobody can call this customer.")]
    assert [r.row for r in result.rejected_rows] == [3, 4]
    with db.session() as s:
        pv = importing.preview(path, session=s, actor=admin)
    assert (pv.valid_rows, pv.invalid_rows) == (1, 2)
    # an update of a known customer needs no phone: it only changes what it carries
    update = workbook(tmp_path / "u.xlsx", [["N1", "改名了"]], ["编号", "姓名"])
    done = importing.run_import(db, admin, update)
    assert done.committed and done.updated == 1


def test_no_name_but_a_phone_is_imported_with_a_warning(db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "w.xlsx", [["W1", None, "13800138002"]], ["编号", "姓名", "手机"])
    result = importing.run_import(db, admin, path)
    assert result.committed and result.inserted == 1 and not result.errors
    assert [(w.row, w.column, w.render()) for w in result.warnings] == [
        (2, "姓名", "The row has no name: the customer is imported with the phone or e-mail "
                   "only.")]


def test_an_update_with_some_columns_keeps_the_others(db, admin, tmp_path: Path) -> None:
    full = [["P1", "张三", "13800138003", "z@example.com", "上海", "价格太贵"]]
    importing.run_import(db, admin, workbook(tmp_path / "full.xlsx", full,
                                             ["编号", "姓名", "手机", "邮箱", "城市", "流失原因"]))
    status_only = workbook(tmp_path / "status.xlsx", [["P1", "有风险", None]],
                           ["编号", "状态", "城市"])
    result = importing.run_import(db, admin, status_only)
    assert (result.updated, result.rejected) == (1, 0)
    with db.session() as s:
        c = s.scalar(select(Customer).where(Customer.external_id == "P1"))
        assert c is not None
        assert (c.name, c.email, c.city, c.status, c.defection_reason) == (
            "张三", "z@example.com", "上海", "at_risk", "bought_away")
        assert s.scalars(select(CustomerPhone.e164)
                         .where(CustomerPhone.customer_id == c.id)).all() == ["+8613800138003"]


# ------------------------------------------------------------------ in-file conflicts

CONFLICT = [["D1", "first", "13800000001", "d1@example.com"],
            ["D2", "other", "13800000002", None],
            ["D1", "second", "13800000009", None],
            ["D2", "other", "13800000002", None]]  # the same again: harmless
HEADERS = ["编号", "姓名", "手机", "邮箱"]


def test_a_conflict_rejects_both_rows_by_default(db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "c.xlsx", CONFLICT, HEADERS)
    result = importing.run_import(db, admin, path)
    assert not result.committed and count(db, Customer) == 0
    assert result.rejected == 2 and result.duplicates_in_file == 2
    [conflict] = result.conflicts
    assert (conflict.rows, conflict.shown_key, conflict.fields, conflict.kept) == (
        [2, 4], "D1", ["name", "phone", "email"], None)
    assert [(e.row, e.severity) for e in result.errors] == [(2, "error"), (4, "error")]
    assert [r.row for r in result.rejected_rows] == [2, 4]
    assert result.rejected_rows[0].cells[:2] == ["D1", "first"]


def test_valid_only_imports_the_rest_and_takes_the_first_row_back(
        db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "c.xlsx", CONFLICT, HEADERS)
    result = importing.run_import(db, admin, path, valid_only=True)
    assert result.committed
    assert (result.inserted, result.rejected, result.skipped) == (1, 2, 1)
    assert names(db) == [("D2", "other", None, None)]
    assert count(db, CustomerPhone) == 1


@pytest.mark.parametrize(("choice", "kept"), [("first", ("D1", "first", "d1@example.com")),
                                               ("last", ("D1", "second", None))])
def test_a_conflict_keeps_the_chosen_row_whole(db, admin, tmp_path: Path, choice: str,
                                               kept: tuple[str, str, str | None]) -> None:
    path = workbook(tmp_path / "c.xlsx", CONFLICT, HEADERS)
    result = importing.run_import(db, admin, path, on_conflict=choice)
    assert result.committed
    assert (result.inserted, result.rejected, result.skipped) == (2, 0, 2)
    assert [(w.row, w.severity) for w in result.warnings] == [(2, "warning"), (4, "warning")]
    assert result.conflicts[0].kept == (2 if choice == "first" else 4)
    assert sorted(n[:3] for n in names(db)) == [kept, ("D2", "other", None)]
    with db.session() as s:
        phones = s.scalars(select(CustomerPhone.e164).join(Customer)
                           .where(Customer.external_id == "D1")).all()
    assert phones == (["+8613800000001"] if choice == "first" else ["+8613800000009"])


def test_a_conflict_about_a_known_customer_restores_it(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "old.xlsx",
                                             [["D1", "before", "13800000001", None]], HEADERS))
    path = workbook(tmp_path / "c.xlsx", CONFLICT, HEADERS)
    result = importing.run_import(db, admin, path, valid_only=True)
    assert result.committed and (result.updated, result.inserted) == (0, 1)
    assert names(db)[0] == ("D1", "before", None, None)
    with db.session() as s:
        assert s.scalars(select(CustomerPhone.e164).join(Customer)
                         .where(Customer.external_id == "D1")).all() == ["+8613800000001"]
        assert s.scalar(select(Customer.version_id).where(Customer.external_id == "D1")) == 1
        assert not s.scalars(select(AuditEntry.id).where(
            AuditEntry.action == "customer_updated_by_import")).all()


# ------------------------------------------------------------ one import at a time


def test_two_imports_at_once_never_duplicate(db, admin, tmp_path: Path) -> None:
    rows = [[f"S{i:05d}", f"客户{i}", f"139{i:08d}", None] for i in range(3000)]
    path = workbook(tmp_path / "same.xlsx", rows, HEADERS)
    results: dict[str, Any] = {}
    waited = threading.Event()
    started = threading.Event()

    def first_progress(done: int, _total: int) -> None:
        if done > 0:
            started.set()
            waited.wait(30)  # hold the lock until the second import said it waits

    def run(name: str, **kw: Any) -> None:
        results[name] = importing.run_import(db, admin, path, chunk_rows=500, **kw)

    one = threading.Thread(target=run, args=("first",), kwargs={"progress": first_progress})
    one.start()
    assert started.wait(60)
    two = threading.Thread(target=run, args=("second",), kwargs={"waiting": waited.set})
    two.start()
    one.join(120)
    two.join(120)
    assert waited.is_set()
    first, second = results["first"], results["second"]
    assert (first.inserted, first.waited) == (3000, False)
    assert (second.inserted, second.unchanged, second.waited) == (0, 3000, True)
    assert count(db, Customer) == 3000
