"""The customer list: filters, search, paging, sorting, and export to .xlsx/.csv."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import insert

from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import CallTask, Campaign, Customer
from winback_desktop.services import customer_query as cq
from winback_desktop.services import importing
from winback_desktop.services.context import Actor

from .test_importing import good_rows, workbook


@pytest.fixture
def listed(db, admin, tmp_path: Path):  # type: ignore[no-untyped-def]
    rows = good_rows(6)
    rows[0][1] = "=HYPERLINK(\"http://evil\",\"click\")"   # hostile cell from a CRM
    rows[1][1] = "-2+3"
    rows[2][1] = "@SUM(A1)"
    rows[3][4] = "搬家"
    rows[4][1] = "王小明"
    rows[4][4] = "竞争对手"
    rows[5][6] = -500                                        # a real negative number
    first = importing.run_import(db, admin, workbook(tmp_path / "a.xlsx", rows[:3]))
    second = importing.run_import(db, admin, workbook(tmp_path / "b.xlsx", rows[3:]))
    return first.batch_id, second.batch_id


def test_filters_and_counts(db, admin, listed) -> None:
    first, _second = listed
    with db.session() as s:
        assert cq.count_customers(s, admin) == 6
        assert cq.count_customers(s, admin, cq.CustomerFilter(import_batch_id=first)) == 3
        moved = cq.CustomerFilter(defection_reason="moved_away")
        assert [r.external_id for r in cq.fetch_page(s, admin, moved)] == ["C0004"]
        several = cq.CustomerFilter(defection_reason=["moved_away", "pulled_away"])
        assert cq.count_customers(s, admin, several) == 2
        assert cq.count_customers(s, admin, cq.CustomerFilter(status="at_risk")) == 0
        tiers = {r.sltv_tier for r in cq.fetch_page(s, admin)}
        assert cq.count_customers(s, admin, cq.CustomerFilter(sltv_tier=sorted(tiers))) == 6


def test_text_search_on_name_id_and_phone(db, admin, listed) -> None:
    with db.session() as s:
        def found(text: str) -> list[str | None]:
            return [r.external_id for r in cq.fetch_page(s, admin, cq.CustomerFilter(text=text))]

        assert found("小明") == ["C0005"]
        assert found("王") == ["C0005"]
        assert found("C000") == ["C0001", "C0002", "C0003", "C0004", "C0005", "C0006"]
        assert found("c0006") == []          # IDs are matched as typed (indexed prefix)
        assert found("13800000004") == ["C0004"]
        assert found("+86 138 0000 0006") == ["C0006"]
        assert found("100%_") == []


def test_paging_and_sorting(db, admin, listed) -> None:
    with db.session() as s:
        page1 = cq.fetch_page(s, admin, sort_column="annual_revenue_minor", descending=True,
                              offset=0, limit=4)
        page2 = cq.fetch_page(s, admin, sort_column="annual_revenue_minor", descending=True,
                              offset=4, limit=4)
    ids = [r.external_id for r in page1 + page2]
    assert ids == ["C0006", "C0005", "C0004", "C0003", "C0002", "C0001"]
    assert page1[0].phone == "+8613800000006"
    assert isinstance(page1[0], cq.CustomerRow)


def test_campaign_filter(db, admin, listed) -> None:
    with db.session() as s:
        campaign = Campaign(name="Q4")
        s.add(campaign)
        s.flush()
        some = s.scalars(Customer.__table__.select().with_only_columns(Customer.id)
                         .order_by(Customer.id).limit(2)).all()
        s.execute(insert(CallTask), [{"campaign_id": campaign.id, "customer_id": c}
                                     for c in some])
        got = cq.fetch_page(s, admin, cq.CustomerFilter(campaign_id=campaign.id))
    assert [r.external_id for r in got] == ["C0001", "C0002"]


def test_agents_cannot_list_or_export(db, admin, listed, tmp_path: Path) -> None:
    agent = Actor(None, "a", "agent")  # type: ignore[arg-type]
    with db.session() as s, pytest.raises(PermissionDenied):
        cq.fetch_page(s, agent)
    with pytest.raises(PermissionDenied):
        cq.export_customers(db, agent, None, tmp_path / "x.xlsx")


def test_xlsx_export_is_styled_and_safe(db, admin, listed, tmp_path: Path) -> None:
    out = tmp_path / "customers.xlsx"
    n = cq.export_customers(db, admin, cq.CustomerFilter(), out)
    assert n == 6
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:U7"
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Customer ID", "Name", "Phone", "E-mail"]
    assert ws["A1"].font.b
    assert ws.column_dimensions["B"].width > 8
    names = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=2) for r in range(2, 8)}
    hostile = names['=HYPERLINK("http://evil","click")']
    assert hostile.data_type == "s"           # a string, never a formula
    assert hostile.quotePrefix
    assert names["-2+3"].data_type == "s" and names["-2+3"].quotePrefix
    assert names["@SUM(A1)"].quotePrefix
    assert names["客户4"].quotePrefix is False
    col = {h: i + 1 for i, h in enumerate(header)}
    margin = ws.cell(row=7, column=col["Annual margin"])
    assert margin.value == -500 and margin.data_type == "n"   # negative numbers stay numbers
    assert margin.number_format == "#,##0.00"
    revenue = ws.cell(row=2, column=col["Annual revenue"])
    assert revenue.value == 10001.0
    when = ws.cell(row=2, column=col["Defection date"])
    assert when.is_date and when.value.date() == date(2024, 1, 2)
    phone = ws.cell(row=2, column=col["Phone"])
    assert phone.value == "+8613800000001" and phone.data_type == "s"


def test_csv_export_has_bom_and_neutralised_cells(db, admin, listed, tmp_path: Path) -> None:
    out = tmp_path / "customers.csv"
    n = cq.export_customers(db, admin, cq.CustomerFilter(defection_reason="bought_away"), out,
                            fmt="csv")
    assert n == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "'-2+3" in text
    assert ",+8613800000001," in text   # validated phone numbers are left alone
    assert "10001.00" in text


def test_export_follows_the_filter(db, admin, listed, tmp_path: Path) -> None:
    first, _second = listed
    out = tmp_path / "batch.xlsx"
    assert cq.export_customers(db, admin, cq.CustomerFilter(import_batch_id=first), out) == 3
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == 4


def test_cancelled_export_leaves_no_file(db, admin, listed, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from winback_desktop.io import xlsx_export

    out = tmp_path / "never.xlsx"
    monkeypatch.setattr(xlsx_export, "_checker", lambda cancel: lambda: True)
    with db.session() as s:
        s.execute(insert(Customer), [{"name": f"n{i}", "version_id": 1} for i in range(6000)])
    with pytest.raises(xlsx_export.ExportCancelled):
        cq.export_customers(db, admin, None, out)
    assert not out.exists()
    assert not list(tmp_path.glob("never.xlsx*"))


def test_too_many_rows_for_one_sheet_is_refused_up_front(db, admin, listed, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from winback_desktop.io.xlsx_export import TooManyRowsForExcel

    monkeypatch.setattr(cq, "XLSX_MAX_ROWS", 5)
    with pytest.raises(TooManyRowsForExcel):
        cq.export_customers(db, admin, None, tmp_path / "big.xlsx")
    assert not (tmp_path / "big.xlsx").exists()
    assert cq.export_customers(db, admin, None, tmp_path / "big.csv") == 6
