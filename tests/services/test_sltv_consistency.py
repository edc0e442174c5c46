"""Issue 14: the figures the queue ranks by agree wherever they are computed.

A customer imported without revenue or margin must keep the same SLTV (unknown, not
−cost) and the same segment after a recompute; and the explain a supervisor reads adds
up: Σ yearly values − cost = SLTV to the minor unit, for the customers of a real list.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select

from winback_desktop.db.models import Customer
from winback_desktop.services import importing, sltv_service
from winback_desktop.services.context import Actor


def _rows(db: Any) -> dict[str, tuple[int | None, str | None, str | None]]:
    with db.session() as s:
        return {c.external_id: (c.sltv_minor, c.sltv_tier, c.segment)
                for c in s.scalars(select(Customer))}


def test_no_spend_data_values_the_same_at_import_and_recompute(db, admin: Actor,
                                                               tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户编号", "姓名", "流失原因", "毛利", "年收入", "电话"])
    ws.append(["N1", "No spend", "竞争对手", None, None, "13800000001"])
    ws.append(["N2", "Revenue only", "竞争对手", None, 40_000, "13800000002"])
    ws.append(["N3", "Margin", "竞争对手", 12_000, None, "13800000003"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    result = importing.run_import(db, admin, path)
    assert result.committed, (result.errors, result.rejected_rows)
    imported = _rows(db)
    assert imported["N1"][0] is None
    sltv_service.recompute(db, admin)
    assert _rows(db) == imported


def test_explain_adds_up_for_every_imported_customer(db, admin: Actor,
                                                     tmp_path: Path) -> None:
    rng = random.Random(14)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户编号", "姓名", "流失原因", "毛利", "年收入", "电话"])
    for i in range(60):
        ws.append([f"E{i}", f"C{i}", "竞争对手", round(rng.uniform(1, 90_000), 2),
                   round(rng.uniform(1, 400_000), 2) if i % 3 == 0 else None,
                   f"139{i:08d}"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert importing.run_import(db, admin, path).committed
    for i in range(60):
        shown = sltv_service.explain_for(db, admin, f"E{i}")
        e = shown.explanation if hasattr(shown, "explanation") else shown
        assert e.sltv_minor is not None
        assert sum(y.value_minor for y in e.years) - e.cost_minor == e.sltv_minor
        assert _rows(db)[f"E{i}"][0] == e.ranking_minor
