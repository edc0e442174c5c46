"""A many-chunk import writes every row whole: ids, phones and values stay together.

Large imports split work between a reading thread (parsing, preparing rows, and on
PostgreSQL reserving customer ids on its own connection) and a writing thread (one
transaction, several multi-row statements per chunk). These tests run with tiny chunks
and tiny statements so that every boundary is crossed many times.
"""

from __future__ import annotations

import gc
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from sqlalchemy import select

from winback_desktop.db import bulk
from winback_desktop.db.models import Customer, CustomerPhone, ImportBatch
from winback_desktop.services import importing

ROWS = 1_200


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("客户")
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, ["客户编号", "姓名", "手机", "流失日期", "流失原因", "年消费额", "毛利"])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, date):
                ws.write_datetime(r, c, value, date_format)
            elif value is not None:
                ws.write(r, c, value)
    wb.close()
    return path


def _rows() -> list[list[Any]]:
    rows: list[list[Any]] = []
    for i in range(ROWS):
        rows.append([f"K{i:05d}", f"客户{i}", 13900000000 + i, date(2025, 1 + i % 12, 1 + i % 28),
                     "价格太贵" if i % 2 else "服务差", 1000 + i, 200 + i])
    # a repeated customer ID far from its first row (another chunk), with a new phone
    rows.append(["K00003", "客户3 新", 13700000003, None, None, None, None])
    # a new customer nobody can call: refused
    rows.append(["K99999", "没有电话", None, None, None, None, None])
    return rows


@pytest.fixture
def tiny_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seven customers per SQLite statement (23 columns × 7 ≤ 170 parameters)."""
    monkeypatch.setattr(bulk, "_MAX_PARAMS", 170)


def test_many_chunks_keep_each_customer_with_its_own_phone(
        db, admin, tmp_path: Path, tiny_statements: None) -> None:
    path = _workbook(tmp_path / "many.xlsx", _rows())
    result = importing.run_import(db, admin, path, chunk_rows=97, on_conflict="last",
                                  valid_only=True)
    assert result.committed, result.errors[:3]
    assert (result.rows, result.inserted, result.updated, result.rejected) == (
        ROWS + 2, ROWS, 0, 1)
    assert result.duplicates_in_file == 1 and result.skipped == 1
    assert [c.rows for c in result.conflicts] == [[5, ROWS + 2]]
    with db.session() as s:
        got = s.execute(select(Customer.id, Customer.external_id, Customer.name,
                               Customer.annual_revenue_minor, Customer.defection_reason,
                               Customer.import_batch_id).order_by(Customer.id)).all()
        phones = s.execute(select(Customer.external_id, CustomerPhone.e164,
                                  CustomerPhone.is_primary)
                           .join(Customer, Customer.id == CustomerPhone.customer_id)
                           .order_by(CustomerPhone.id)).all()
        batch = s.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.inserted == ROWS
    # ids follow the file's order (the conflict's winner is written last), values stay
    # on their row
    assert [g.external_id for g in got] == [f"K{i:05d}" for i in range(ROWS) if i != 3] + [
        "K00003"]
    assert [g.id for g in got] == sorted(g.id for g in got)
    assert all(g.import_batch_id == result.batch_id for g in got)
    by_ext = {g.external_id: g for g in got}
    assert by_ext["K00010"].annual_revenue_minor == 101_000
    assert by_ext["K00011"].defection_reason == "bought_away"
    assert by_ext["K00010"].defection_reason == "pushed_unintentional"
    # the last row won whole: its name, its phone, and no revenue (its cell was empty)
    assert (by_ext["K00003"].name, by_ext["K00003"].annual_revenue_minor) == ("客户3 新", None)
    # every number belongs to the customer of its row
    primary = {ext: e164 for ext, e164, is_primary in phones if is_primary}
    assert primary["K00000"] == "+8613900000000"
    assert primary["K01199"] == "+8613900001199"
    assert [p for p in phones if p[0] == "K00003"] == [("K00003", "+8613700000003", True)]
    assert "K99999" not in by_ext
    assert all(e164 == f"+86139{int(ext[1:]):08d}" for ext, e164 in primary.items()
               if ext != "K00003")


def test_a_rejected_many_chunk_import_leaves_nothing(
        db, admin, tmp_path: Path, tiny_statements: None) -> None:
    rows = _rows()
    rows.insert(700, ["", "", None, date(2025, 1, 1), "价格", None, None])  # nobody to call
    result = importing.run_import(db, admin, _workbook(tmp_path / "bad.xlsx", rows),
                                  chunk_rows=97)
    # that row and the two rows that differ about K00003 (once nothing can commit, the
    # database checks stop: K99999 is reported by the preview, not here)
    assert not result.committed and result.rejected == 3
    with db.session() as s:
        assert s.scalars(select(Customer.id)).first() is None
        assert s.scalars(select(CustomerPhone.id)).first() is None
        assert s.scalars(select(ImportBatch.id)).first() is None


def test_bulk_runtime_restores_the_interpreter_settings() -> None:
    threshold, interval = gc.get_threshold(), sys.getswitchinterval()
    with pytest.raises(RuntimeError), bulk.bulk_runtime():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] >= 50_000
        assert sys.getswitchinterval() <= 0.0005
        raise RuntimeError("the import failed")
    assert gc.get_threshold() == threshold
    assert sys.getswitchinterval() == interval
    assert gc.get_freeze_count() == 0
