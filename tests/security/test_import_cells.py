"""A NUL character in an imported cell (issue 15): that row is refused with a translated
reason, like the single-edit path, instead of the whole import failing on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from winback_desktop.io.rows import CustomerRows


def test_a_nul_in_a_cell_refuses_that_row_only(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "list.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, row in enumerate([["Customer ID", "Name", "Phone"], ["K1", "Zhang\x00San", "13800138000"],
                             ["K2", "李四", "13900139000"]]):
        sheet.write_row(r, 0, row)
    book.close()
    with CustomerRows(path) as rows:
        parsed = list(rows)
    bad, good = parsed
    assert not bad.ok and any("NUL" in i.render() for i in bad.issues), bad.issues
    assert good.ok and good.values["name"] == "李四"
