"""The customer export speaks the user's language and imports back unchanged (issue 21)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import delete, select

from winback_desktop.db.models import Customer, CustomerPhone, ImportBatch
from winback_desktop.services import customer_query, importing
from winback_desktop.services.context import Actor

COMPARED = (*importing.IMPORTED_COLUMNS, "sltv_minor", "sltv_tier", "segment")


def _customers(db) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = s.scalars(select(Customer).order_by(Customer.id)).all()
        out = {}
        for c in rows:
            phones = s.scalars(select(CustomerPhone.e164)
                               .where(CustomerPhone.customer_id == c.id)
                               .order_by(CustomerPhone.is_primary.desc(), CustomerPhone.id)).all()
            out[str(c.external_id)] = {**{k: getattr(c, k) for k in COMPARED},
                                       "phones": list(phones)}
        return out


SOURCE = [
    # ID, name, phone, phone 2, e-mail, status, reason, date, note, revenue, margin, sltv,
    # language, do not call, competitor, city, purchases, currency
    ["R1", "王伟", "13800138000", "010-6552 9988", "wang@example.com", "lost", "价格太贵",
     date(2026, 3, 1), None, 12345.5, 3000, None, "zh", "否", "京东", "北京", 12, "CNY"],
    ["R2", "Mary Lee", "+852 9123 4567", None, None, "at_risk", "competitor",
     date(2026, 2, 1), "went to a rival", 56000, 9000, 80000, "en", "yes", None, "香港", None,
     "HKD"],
    ["R3", "张敏", "13700137000", None, None, "won_back", "搬家", None, None, None, None, None,
     "yue", None, None, None, None, None],
    ["R4", "李娜", "13600136000", None, "li@example.com", "active", "service was slow",
     date(2025, 12, 31), None, 800, -200, None, None, None, None, "上海", 3, None],
    ["R5", "赵强", "13500135000", None, None, "retained", "不盈利", date(2026, 1, 5), None,
     100, 10, -500, None, "1", None, None, None, None],
    ["R6", "周杰", "13400134000", None, None, None, "随便写的原因", None, None, None, None, None,
     None, None, None, None, None, None],
]
HEADERS = ["客户编号", "姓名", "手机", "备用电话", "邮箱", "状态", "流失原因", "流失日期", "备注",
           "年消费额", "毛利", "SLTV", "语言", "勿扰", "竞争对手", "城市", "购买次数", "币种"]


def _source(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in SOURCE:
        sheet.append(row)
    path = tmp_path / "source.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_export_imports_back_into_an_empty_database_unchanged(
        db, admin, tmp_path: Path, qapp: Any, language: str) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.ui.shell import i18n

    first = importing.run_import(db, admin, _source(tmp_path))
    assert first.committed and first.inserted == len(SOURCE), first.errors
    before = _customers(db)
    out = tmp_path / f"export-{language}.xlsx"
    i18n.install(language)
    try:
        written = customer_query.export_customers(db, admin, None, out,
                                                  translate=i18n.translate)
    finally:
        i18n.install("en")
    assert written == len(SOURCE)
    sheet = openpyxl.load_workbook(out).active
    cells = list(sheet.iter_rows(values_only=True))
    header = list(cells[0])
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in cells[1:]}
    if language == "en":
        assert by_id["R1"]["Status"] == "Lost"
        assert by_id["R1"]["Defection reason"] == "Bought away (price)"
        assert by_id["R2"]["Language"] == "English" and by_id["R2"]["Do not call"] == "Yes"
        assert by_id["R1"]["Treatment"] == "Do not pursue"
    else:
        assert by_id["R1"]["状态"] == "已流失"
        assert by_id["R1"]["流失原因"] == "被买走（价格）"
        assert by_id["R2"]["语言"] == "英语" and by_id["R2"]["勿扰"] == "是"
        assert by_id["R3"]["状态"] == "已挽回" and by_id["R5"]["状态"] == "已挽留"
        assert by_id["R1"]["处理方式"] == "不再追回"
    assert not any(v in {"lost", "bought_away", "quick", "zh"} for row in cells[1:]
                   for v in row)
    # an empty database: the same customers come back
    with db.session() as s:
        s.execute(delete(CustomerPhone))
        s.execute(delete(Customer))
        s.execute(delete(ImportBatch))
    again = importing.run_import(db, Actor.system(), out)
    assert again.committed, again.errors
    assert (again.inserted, again.rejected, again.warnings) == (len(SOURCE), 0, [])
    assert _customers(db) == before
