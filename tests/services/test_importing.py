"""Importing customer lists into SQLite and PostgreSQL (DESIGN §8)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import delete, func, select

from winback_desktop.core import sltv
from winback_desktop.core.errors import Conflict, PermissionDenied, ValidationError
from winback_desktop.db.models import (
    AuditEntry,
    Call,
    Customer,
    CustomerPhone,
    ImportBatch,
    SltvTierThreshold,
)
from winback_desktop.io import sources
from winback_desktop.io.error_report import write_error_report
from winback_desktop.services import importing
from winback_desktop.services.context import Actor

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
HEADERS = ["客户编号", "姓名", "手机", "流失日期", "流失原因", "年消费额", "毛利"]


def workbook(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as CRMs export it
    wb.save(path)
    return path


def good_rows(n: int, start: int = 1) -> list[list[Any]]:
    return [[f"C{i:04d}", f"客户{i}", 13800000000 + i, date(2024, 1, 1 + i % 28), "价格太贵",
             10000 + i, 2500] for i in range(start, start + n)]


def customers(db) -> list[tuple]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.execute(select(Customer.external_id, Customer.name, Customer.version_id)
                              .order_by(Customer.id)))


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ------------------------------------------------------------------------ basic import


def test_import_stores_parsed_values_sltv_and_segment(db, admin, tmp_path: Path) -> None:
    result = importing.run_import(db, admin, FIXTURES / "customers.xls")
    assert result.committed and result.batch_id is not None
    assert (result.rows, result.inserted, result.rejected) == (4, 4, 0)
    with db.session() as s:
        k1 = s.scalar(select(Customer).where(Customer.external_id == "K001"))
        assert k1 is not None
        assert k1.name == "张三"
        assert k1.defection_date == date(2024, 3, 1)
        assert k1.defection_reason == "bought_away"
        assert k1.reason_note == "价格太贵"
        assert (k1.annual_revenue_minor, k1.annual_margin_minor) == (1234550, 300000)
        assert k1.import_batch_id == result.batch_id
        assert k1.timezone == "Asia/Shanghai"
        # the book's model on the margin: ¥3,000 × 2.239 − ¥20 ≈ ¥6,697 → tier C;
        # bought_away with tier C → do not pursue (default grid)
        assert k1.sltv_minor == sltv.compute(300000, 1234550) == 669_731
        assert k1.sltv_tier == "C"
        assert k1.segment == "do_not_pursue"
        phones = s.execute(select(CustomerPhone.e164, CustomerPhone.raw, CustomerPhone.is_primary)
                           .where(CustomerPhone.customer_id == k1.id)).all()
        assert phones == [("+8613800138000", "13800138000", True)]
        batch = s.get(ImportBatch, result.batch_id)
        assert batch is not None
        assert (batch.status, batch.rows, batch.inserted, batch.rejected) == ("done", 4, 4, 0)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "import_batch_created")) == 1


def test_segmentation_uses_the_edited_tables(db, admin, tmp_path: Path) -> None:
    with db.session() as s:
        s.execute(delete(SltvTierThreshold))
        s.add_all([SltvTierThreshold(tier=t, min_sltv_minor=v)
                   for t, v in (("A", 500_000), ("B", 200_000), ("C", 100_000), ("D", 0))])
    importing.run_import(db, admin, FIXTURES / "customers.xlsx")
    with db.session() as s:
        assert s.scalar(select(Customer.sltv_tier).where(Customer.external_id == "K001")) == "A"


def test_imported_sltv_overrides_the_model_and_is_kept(db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "s.xlsx", [["S1", "Sam", "13800138000", 100000, 20000, "¥-50"]],
                    ["ID", "Name", "Phone", "Revenue", "Margin", "SLTV"])
    importing.run_import(db, admin, path)
    with db.session() as s:
        c = s.scalar(select(Customer).where(Customer.external_id == "S1"))
        assert c is not None
        assert (c.sltv_imported_minor, c.sltv_minor, c.sltv_tier) == (-5000, -5000, "negative")
        assert c.segment == "do_not_pursue"


def test_agents_cannot_import(db, admin, tmp_path: Path) -> None:
    from winback_desktop.services import users

    with db.session() as s:
        agent = Actor.of(users.add_user(s, admin, "agent1", "agent", "agent-pass-1"))
    with pytest.raises(PermissionDenied):
        importing.run_import(db, agent, FIXTURES / "customers.xlsx")
    assert count(db, Customer) == 0


# ------------------------------------------------------------- all or nothing / valid only


def _mixed(tmp_path: Path) -> Path:
    rows = good_rows(3)
    rows.insert(1, ["BAD1", "坏行", "12345", "明天", "价格", "很多", None])
    return workbook(tmp_path / "mixed.xlsx", rows)


def test_one_bad_row_rejects_the_whole_file(db, admin, tmp_path: Path) -> None:
    result = importing.run_import(db, admin, _mixed(tmp_path))
    assert not result.committed
    assert result.batch_id is None
    assert (result.rows, result.inserted, result.rejected) == (4, 0, 1)
    assert [(e.row, e.column) for e in result.errors] == [(3, "手机"), (3, "流失日期"),
                                                         (3, "年消费额")]
    assert result.errors[0].render() == "'12345' is not a valid phone number."
    assert count(db, Customer) == 0
    assert count(db, ImportBatch) == 0


def test_valid_only_imports_the_rest_and_reports(db, admin, tmp_path: Path) -> None:
    result = importing.run_import(db, admin, _mixed(tmp_path), valid_only=True)
    assert result.committed
    assert (result.rows, result.inserted, result.rejected) == (4, 3, 1)
    assert [c[0] for c in customers(db)] == ["C0001", "C0002", "C0003"]
    report = tmp_path / "errors.xlsx"
    write_error_report(report, result.headers, result.rejected_rows)
    ws = openpyxl.load_workbook(report).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (*HEADERS, "Original row", "Problems")
    assert rows[1][:5] == ("BAD1", "坏行", "12345", "明天", "价格")
    assert rows[1][7] == 3
    assert "手机: '12345' is not a valid phone number." in rows[1][8]
    assert "年消费额: '很多' is not an amount of money." in rows[1][8]


def test_reimporting_the_same_file_inserts_nothing(db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", good_rows(5))
    first = importing.run_import(db, admin, path)
    again = importing.run_import(db, admin, path)
    assert (first.inserted, first.updated) == (5, 0)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)
    assert count(db, Customer) == 5
    assert count(db, CustomerPhone) == 5
    assert {c[2] for c in customers(db)} == {1}  # untouched: version unchanged


# ------------------------------------------------------------------------- duplicates


def test_duplicates_in_file_and_database_are_previewed(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "old.xlsx", good_rows(2)))
    rows = [*good_rows(3), ["C0003", "again", 13900000003, None, None, None, None],
            good_rows(1, start=5)[0], good_rows(1, start=5)[0]]
    path = workbook(tmp_path / "new.xlsx", rows)
    with db.session() as s:
        pv = importing.preview(path, session=s, actor=admin)
    assert pv.header_row == 1
    assert pv.mapping["external_id"] == "客户编号"
    # rows 4 and 5 claim C0003 with different data: a conflict, rejected unless chosen
    assert (pv.total_rows, pv.valid_rows, pv.invalid_rows) == (6, 4, 2)
    assert [(c.rows, c.shown_key, c.fields) for c in pv.conflicts] == [
        ([4, 5], "C0003", ["name", "phone", "defection_reason", "defection_date",
                           "annual_revenue", "annual_margin", "reason_note"])]
    assert [(d.row, d.first_row) for d in pv.duplicates_in_file] == [(5, 4), (7, 6)]
    assert [(d.row, d.external_id) for d in pv.duplicates_in_db] == [(2, "C0001"),
                                                                     (3, "C0002")]
    assert [r.duplicate for r in pv.rows] == ["database", "database", None, "file", None,
                                              "file"]
    conflict = next(i for i in pv.errors if i.row == 5)
    assert conflict.render() == (
        "Rows 4, 5 are the same customer (C0003) with different Name, Phone, Defection "
        "reason, Defection date, Annual revenue, Annual margin, Reason note: both are "
        "rejected. Fix the file, or choose to keep the first or the last row.")


@pytest.mark.parametrize(("mode", "choice", "inserted", "updated", "skipped", "names"), [
    ("upsert", "update", 1, 2, 0, ["new name 1", "new name 2", "客户3"]),
    ("upsert", "skip", 1, 0, 2, ["客户1", "客户2", "客户3"]),
    ("insert-only", "skip", 1, 0, 2, ["客户1", "客户2", "客户3"]),
])
def test_duplicate_choices(db, admin, tmp_path: Path, mode: str, choice: str, inserted: int,
                           updated: int, skipped: int, names: list[str]) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "old.xlsx", good_rows(2)))
    rows = good_rows(3)
    rows[0][1], rows[1][1] = "new name 1", "new name 2"
    result = importing.run_import(db, admin, workbook(tmp_path / "new.xlsx", rows), mode=mode,
                                  on_duplicate=choice)
    assert (result.inserted, result.updated, result.skipped) == (inserted, updated, skipped)
    assert result.duplicates_in_db == 2
    assert [c[1] for c in customers(db)] == names


def test_a_second_customer_with_one_id_is_no_choice(db, admin, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        importing.run_import(db, admin, FIXTURES / "customers.xlsx", on_duplicate="new")


def test_insert_only_cannot_update(db, admin, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        importing.run_import(db, admin, FIXTURES / "customers.xlsx", mode="insert-only",
                             on_duplicate="update")


def test_update_changes_only_given_fields_and_adds_new_phone(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", good_rows(1)))
    path = workbook(tmp_path / "b.xlsx", [["C0001", 13911112222, "搬家"]],
                    ["客户编号", "手机", "流失原因"])
    result = importing.run_import(db, admin, path)
    assert result.updated == 1
    with db.session() as s:
        c = s.scalar(select(Customer).where(Customer.external_id == "C0001"))
        assert c is not None
        assert (c.name, c.defection_reason, c.version_id) == ("客户1", "moved_away", 2)
        assert c.annual_revenue_minor == 1000100  # kept
        primary = s.scalar(select(CustomerPhone.e164).where(
            CustomerPhone.customer_id == c.id, CustomerPhone.is_primary.is_(True)))
        assert primary == "+8613911112222"


# ------------------------------------------------------------------------------- undo


def test_undo_removes_the_last_batch(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", good_rows(2)))
    rows = good_rows(3)
    rows[0][1] = "renamed"
    second = importing.run_import(db, admin, workbook(tmp_path / "b.xlsx", rows))
    assert (second.inserted, second.updated) == (1, 1)
    done = importing.undo_last_batch(db, admin)
    assert (done.batch_id, done.removed, done.restored) == (second.batch_id, 1, 1)
    assert [c[:2] for c in customers(db)] == [("C0001", "客户1"), ("C0002", "客户2")]
    with db.session() as s:
        assert s.get(ImportBatch, second.batch_id).status == "undone"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(CustomerPhone)) == 2


def test_undo_refused_once_customers_were_worked(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", good_rows(2)))
    with db.session() as s:
        cid = s.scalar(select(Customer.id).where(Customer.external_id == "C0002"))
        s.add(Call(customer_id=cid, disposition="no_answer"))
    with pytest.raises(Conflict) as info:
        importing.undo_last_batch(db, admin)
    assert "cannot be undone" in str(info.value)
    assert count(db, Customer) == 2


def test_undo_refused_after_an_edit(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", good_rows(2)))
    with db.session() as s:
        c = s.scalar(select(Customer).where(Customer.external_id == "C0001"))
        assert c is not None
        c.name = "edited by a supervisor"
    with pytest.raises(Conflict):
        importing.undo_last_batch(db, admin)
    assert count(db, Customer) == 2


def test_nothing_to_undo(db, admin) -> None:
    from winback_desktop.core.errors import NotFound

    with pytest.raises(NotFound):
        importing.undo_last_batch(db, admin)


# ---------------------------------------------------------------------- cancel / failure


def test_cancel_leaves_the_database_as_before(db, admin, tmp_path: Path) -> None:
    importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", good_rows(3)))
    before = customers(db)
    path = workbook(tmp_path / "big.xlsx", good_rows(5000, start=100))
    stop = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 2000:
            stop.set()

    with pytest.raises(importing.ImportCancelled):
        importing.run_import(db, admin, path, progress=progress, cancel=stop,
                             chunk_rows=500)
    assert max(seen) >= 2000
    assert customers(db) == before
    assert count(db, ImportBatch) == 1


def test_broken_files_import_nothing(db, admin, tmp_path: Path) -> None:
    cut = tmp_path / "cut.xlsx"
    data = (FIXTURES / "customers.xlsx").read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    for bad, error in ((cut, sources.DamagedFile),
                       (FIXTURES / "encrypted.xlsx", sources.PasswordProtected)):
        with pytest.raises(error):
            importing.run_import(db, admin, bad)
    assert count(db, Customer) == 0
    assert count(db, ImportBatch) == 0


def test_header_only_file_is_reported(db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "h.xlsx", [])
    with pytest.raises(sources.NoData):
        importing.run_import(db, admin, path)
    assert count(db, ImportBatch) == 0


# --------------------------------------------------------------------------- mappings


def test_saved_mapping_reused_on_an_odd_file(db, admin, tmp_path: Path) -> None:
    path = workbook(tmp_path / "odd.xlsx", [["Z1", "Zoe", "13800138000"]], ["A", "B", "C"])
    mapping = {"external_id": "A", "name": "B", "phone": "C"}
    with db.session() as s:
        importing.save_mapping(s, admin, "CRM export", mapping)
    with db.session() as s:
        assert importing.list_mappings(s, admin) == ["CRM export"]
        saved = importing.get_mapping(s, admin, "CRM export")
    assert saved == mapping
    result = importing.run_import(db, admin, path, mapping=saved)
    assert result.inserted == 1
    assert customers(db)[0][:2] == ("Z1", "Zoe")
    with db.session() as s, pytest.raises(ValidationError):
        importing.save_mapping(s, admin, "bad", {"shoe_size": "A"})
