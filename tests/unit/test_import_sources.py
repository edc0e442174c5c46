"""Opening customer files: every format, every encoding, every way a file can be bad."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from winback_desktop.io import sources
from winback_desktop.io.rows import CustomerRows, MappingProblem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"

EXPECTED = {
    "K001": {"name": "张三", "phone": "+8613800138000", "defection_date": date(2024, 3, 1),
             "defection_reason": "bought_away", "annual_revenue": 1234550,
             "annual_margin": 300000, "city": "上海"},
    "K002": {"name": "李四", "phone": "+8613900139000", "defection_date": date(2024, 3, 5),
             "defection_reason": "pulled_away", "annual_revenue": 123450,
             "annual_margin": -12300, "city": "上海"},  # city from the merged cell above
    "K003": {"name": "Wang Wu", "phone": "+8618600001111", "defection_date": date(2024, 3, 1),
             "defection_reason": "moved_away", "annual_revenue": 123450, "city": "北京"},
    "K004": {"name": "赵六", "phone": "+8613700137000", "defection_date": date(2024, 4, 3),
             "defection_reason": "pushed_unintentional", "annual_revenue": 500000,
             "annual_margin": 100000, "city": "广州"},
}


def _parsed(path: Path, **kwargs: object) -> dict[str, dict[str, object]]:
    out = {}
    with CustomerRows(path, **kwargs) as rows:  # type: ignore[arg-type]
        for r in rows:
            assert r.ok, r.issues
            values = dict(r.values)
            values["phone"] = r.phones[0][0] if r.phones else None
            values.pop("reason_note", None)
            out[values.pop("external_id")] = values
    return out


@pytest.mark.parametrize("name", ["customers.xlsx", "customers.xlsm", "customers.xls"])
def test_real_workbooks_parse_identically(name: str) -> None:
    """openpyxl's .xlsx and LibreOffice's .xls/.xlsm: title block, merged city, blank row."""
    with CustomerRows(FIXTURES / name) as rows:
        assert rows.sheet == "名单"
        assert rows.sheet_names == ["名单", "说明"]
        assert rows.header_row == 4
        numbers = [r.row for r in rows]
    assert numbers == [5, 6, 8, 9]  # spreadsheet row numbers; blank row 7 skipped
    assert _parsed(FIXTURES / name) == EXPECTED


def test_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "customers.xls"
    shutil.copyfile(FIXTURES / "customers.xlsx", renamed)
    assert _parsed(renamed) == EXPECTED
    as_csv_name = tmp_path / "export.csv"
    shutil.copyfile(FIXTURES / "customers.xls", as_csv_name)
    assert _parsed(as_csv_name) == EXPECTED


def test_choose_sheet(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Empty"
    ws = wb.create_sheet("Customers")
    ws.append(["ID", "Name"])
    ws.append(["A1", "Ann"])
    wb.save(path)
    assert sources.list_sheets(path) == ["Empty", "Customers"]
    with CustomerRows(path) as rows:  # first sheet with data
        assert rows.sheet == "Customers"
    with CustomerRows(path, sheet="Customers") as rows:
        assert [r.values["name"] for r in rows] == ["Ann"]
    with pytest.raises(sources.SheetNotFound) as info:
        CustomerRows(path, sheet="Nope")
    assert "Customers" in str(info.value)
    with pytest.raises(sources.NoData):
        CustomerRows(path, sheet="Empty")


CSV_TEXT = "客户编号,姓名,电话,年消费额\nK1,张三,13800138000,\"1,234.50\"\nK2,李四,13900139000,88\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    with CustomerRows(path) as rows:
        got = [(r.values["name"], r.values["annual_revenue"], r.phones[0][0]) for r in rows]
    assert got == [("张三", 123450, "+8613800138000"), ("李四", 8800, "+8613900139000")]


def test_gbk_names_after_a_megabyte_of_latin_rows_read_right(tmp_path: Path) -> None:
    """A long GBK export whose first 60,000 rows are Latin names (issue 15): judged on
    its head alone it was taken for UTF-8 and refused at row 60,001."""
    path = tmp_path / "long.csv"
    head = "".join(f"E{i},Wang Wu,1380013{i % 10_000:04d}\n" for i in range(60_000))
    path.write_bytes(("ID,Name,Phone\n" + head + "K1,张三,13800138000\n").encode("gbk"))
    assert path.stat().st_size > 1 << 20
    with CustomerRows(path) as rows:
        names = [r.values["name"] for r in rows]
    assert len(names) == 60_001 and names[-1] == "张三"


def test_gb18030_four_byte_characters_read_right(tmp_path: Path) -> None:
    """A short GB18030 file whose one rare name uses the four-byte form (𠀀, 䶮)."""
    path = tmp_path / "rare.csv"
    path.write_bytes("客户编号,姓名,电话\nK1,刘䶮,13800138000\nK2,𠀀三,13900139000\n"
                     .encode("gb18030"))
    with CustomerRows(path) as rows:
        assert [r.values["name"] for r in rows] == ["刘䶮", "𠀀三"]


def test_latin1_names_read_right(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("ID,Name,Phone\nE1,João Conceição,13800138000\n"
                     "E2,François Müller,008613900139000\nE3,Ñúñez Peña,+86 138 0013 8001\n"
                     .encode("latin-1"))
    with CustomerRows(path) as rows:
        got = [(r.values["name"], r.phones[0][0]) for r in rows]
    assert got == [("João Conceição", "+8613800138000"), ("François Müller", "+8613900139000"),
                   ("Ñúñez Peña", "+8613800138001")]


def test_utf8_bom_header_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("客户编号,姓名,电话\nK1,张三,13800138000\n".encode("utf-8-sig"))
    with CustomerRows(path) as rows:
        [r] = list(rows)
    assert r.values["external_id"] == "K1" and r.values["name"] == "张三"


def test_csv_semicolons_and_european_amounts(tmp_path: Path) -> None:
    path = tmp_path / "eu.csv"
    path.write_text("ID;Name;Revenue\nE1;Jürgen;1.234,50\n", encoding="cp1252")
    with CustomerRows(path) as rows:
        [r] = list(rows)
    assert r.values == {"external_id": "E1", "name": "Jürgen", "annual_revenue": 123450}


def test_vertical_merged_group_cells_are_filled(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["城市", "客户编号", "姓名"])
    ws.append(["上海", "C1", "A"])
    ws.append([None, "C2", "B"])
    ws.append([None, "C3", "C"])
    ws.append(["北京", "C4", "D"])
    ws.merge_cells("A2:A4")
    wb.save(path)
    with CustomerRows(path) as rows:
        assert [r.values["city"] for r in rows] == ["上海", "上海", "上海", "北京"]


def test_sheet_starting_in_a_later_column(tmp_path: Path) -> None:
    path = tmp_path / "offset.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    ws.write_row(2, 2, ["Customer ID", "Name", "Phone"])
    ws.write_row(3, 2, ["X1", "Xavier", "+1 212 555 0123"])
    wb.close()
    with CustomerRows(path) as rows:
        assert rows.header_row == 3
        [r] = list(rows)
        assert r.row == 4
        assert rows.column_letter(rows.columns["phone"]) == "E"
    assert r.phones == [("+12125550123", "+1 212 555 0123")]


def test_unmapped_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(MappingProblem):
        CustomerRows(path)
    with CustomerRows(path, mapping={"external_id": "foo", "name": "bar"}) as rows:
        [r] = list(rows)
    assert r.values == {"external_id": "1", "name": "2"}


# ------------------------------------------------------------------------- bad files


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(sources.FileMissing):
        sources.open_sheet(tmp_path / "nope.xlsx")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    with pytest.raises(sources.EmptyFile):
        sources.open_sheet(path)


def test_workbook_without_rows(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(sources.NoData):
        CustomerRows(path)


def test_password_protected_workbook() -> None:
    with pytest.raises(sources.PasswordProtected) as info:
        sources.open_sheet(FIXTURES / "encrypted.xlsx")
    assert "password" in str(info.value)


def test_html_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_text("<html><body><table><tr><td>客户编号</td></tr></table></body></html>",
                    encoding="utf-8")
    with pytest.raises(sources.WebPageNotSpreadsheet):
        sources.open_sheet(path)
    path.write_bytes(b"\xef\xbb\xbf\r\n<!DOCTYPE html>\n<html>")
    with pytest.raises(sources.WebPageNotSpreadsheet):
        sources.open_sheet(path)


def test_truncated_download(tmp_path: Path) -> None:
    data = (FIXTURES / "customers.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(sources.DamagedFile):
        sources.open_sheet(path)


def test_corrupt_sheet_xml(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(FIXTURES / "customers.xlsx") as src, \
            zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet1"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(sources.SpreadsheetError):
        list(CustomerRows(path))


def test_other_zip_and_binary_files(tmp_path: Path) -> None:
    docx = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(sources.NotASpreadsheet):
        sources.open_sheet(docx)
    pdf = tmp_path / "scan.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 10)
    with pytest.raises(sources.NotASpreadsheet):
        sources.open_sheet(pdf)


def test_huge_file_is_refused_before_reading(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    with pytest.raises(sources.FileTooLarge):
        sources.open_sheet(FIXTURES / "customers.xlsx")


def test_bad_text_encoding_is_reported_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    # UTF-8 Chinese at the top, then bytes no encoding of the first part can read; an
    # all-ASCII head alone says nothing of the encoding and is judged past (see above)
    path.write_bytes(b"ID,Name\n" + "A0,张三\n".encode() + b"A1,ok\n" * 250_000
                     + b"A2,\xff\xfe\xfa bad\n")
    with pytest.raises(sources.EncodingProblem) as refused:
        list(CustomerRows(path))
    near = refused.value.params["row"]
    assert 245_000 <= near <= 250_002, near  # "near": the decoder reads ahead in blocks


def _rows_of(path: Path) -> list[tuple[int, list[object]]]:
    with sources.open_sheet(path) as data:
        return [(n, [c for c in cells]) for n, cells in data.rows()]


def test_a_large_sheet_is_read_in_windows_with_the_same_cells(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows of 1,000 rows give exactly the rows, numbers, types and merged ranges of
    one whole read — including a window whose rows start further right, gaps between
    rows, a title above the list, and merged group cells."""
    from winback_desktop.io import xlsx_windows

    path = tmp_path / "big.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("名单")
    fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write(0, 1, "2026年流失客户")
    ws.write_row(2, 1, ["客户编号", "姓名", "手机", "流失日期", "年消费额"])
    ws.merge_range(3, 0, 6, 0, "上海")
    for i in range(3, 4503):
        if i % 997 == 0:
            continue  # a gap
        first = 2 if 1500 <= i < 2600 else 1  # a whole window without column B
        ws.write_row(i, first, [f"C{i:05d}", "王伟", "+8613800138000", 1.5][first - 1:])
        ws.write_datetime(i, 4, date(2026, 1, 1 + i % 28), fmt)
        ws.write_number(i, 5, i * 1.25)
    wb.close()
    whole = _rows_of(path)
    with sources.open_sheet(path) as data:
        merged = data.merged
    monkeypatch.setattr(xlsx_windows, "LARGE_SHEET_CELLS", 1000)
    monkeypatch.setattr(xlsx_windows, "WINDOW_CELLS", 6000)
    seen: list[Path] = []
    real_iter = xlsx_windows.SheetWindows.__iter__

    def spy(self: xlsx_windows.SheetWindows):  # type: ignore[no-untyped-def]
        for window in real_iter(self):
            seen.append(window)
            yield window

    monkeypatch.setattr(xlsx_windows.SheetWindows, "__iter__", spy)
    with sources.open_sheet(path) as data:
        assert data.merged == merged and data.first_column == 0
        windowed = [(n, list(cells)) for n, cells in data.rows()]
        folder = seen[0].parent
    assert len(seen) >= 4
    assert not folder.exists()  # every window file is gone with the sheet
    strip = [(n, cells) for n, cells in whole if any(c != "" for c in cells)]
    assert [(n, c) for n, c in windowed if any(x != "" for x in c)] == strip
