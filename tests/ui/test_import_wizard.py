"""The import wizard end to end on real generated workbooks (openpyxl)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from winback_desktop.db.models import Customer, ImportBatch
from winback_desktop.services import users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.importing.wizard import ImportWizard
from winback_desktop.ui.screens.importing.wizard_common import ERROR_BG
from winback_desktop.ui.shell.context import AppContext

HEADERS = ["客户编号", "姓名", "手机", "流失日期", "流失原因", "年消费额", "毛利"]


def chinese_workbook(path: Path, rows: list[list[Any]], *, title: bool = True,
                     extra_sheet: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "流失客户"
    if title:
        sheet.append(["2026年11月流失客户名单"])
        sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        notes = book.create_sheet("说明")
        notes.append(["本文件由销售部导出"])
    book.save(path)
    return path


GOOD_ROWS = [
    ["C001", "王伟", "13800138000", date(2026, 3, 1), "价格太贵", "¥12,345.50", 3000],
    ["C002", "李娜", "139 0013 9000", "2026年3月2日", "竞争对手", 56000, 9000],
    ["C003", "张敏", "13700137000", "2026-03-03", "搬家", 8000, 1000],
    ["C004", "刘洋", "13600136000", "not a date", "服务差", 9000, 900],
    ["C001", "王伟(重复)", "13800138000", "2026-03-05", "价格", 100, 10],
]


@pytest.fixture
def ctx(sqlite_db: Any) -> AppContext:
    with sqlite_db.session() as s:
        admin = users.add_user(s, Actor.system(), "boss", "admin", "boss-pass-123")
        sup = users.add_user(s, Actor.of(admin), "sup", "supervisor", "sup-pass-1234")
        return AppContext(db=sqlite_db, actor=Actor.of(sup))


def customers(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(Customer)) or 0


def _destroy(widget: Any) -> None:
    """Delete the wizard now, on the GUI thread (not whenever the GC gets to it)."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    if shiboken6.isValid(widget):
        widget.close()
        widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


_OPEN: list[Any] = []


@pytest.fixture(autouse=True)
def _destroy_wizards() -> Any:
    yield
    while _OPEN:
        _destroy(_OPEN.pop())


def open_wizard(qtbot: Any, ctx: AppContext, path: Path) -> ImportWizard:
    wizard = ImportWizard(ctx)
    _OPEN.append(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    return wizard


def go_next(qtbot: Any, wizard: ImportWizard, expected: int, timeout: int = 20_000) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == expected or wizard.file_page.error.isVisible()
                    or wizard.mapping_page.error.isVisible(), timeout=timeout)
    assert wizard.currentId() == expected, (wizard.file_page.error.text(),
                                            wizard.mapping_page.error.text())


def test_imports_a_chinese_workbook_end_to_end(qtbot: Any, ctx: AppContext,
                                               tmp_path: Path) -> None:
    path = chinese_workbook(tmp_path / "流失客户.xlsx", GOOD_ROWS)
    wizard = open_wizard(qtbot, ctx, path)
    go_next(qtbot, wizard, wizard.MAPPING)  # one sheet: the sheet page is skipped
    mapped = wizard.mapping_page.mapping()
    assert mapped["external_id"] == "客户编号"
    assert mapped["name"] == "姓名"
    assert mapped["phone"] == "手机"
    assert mapped["defection_reason"] == "流失原因"
    assert "row 3" in wizard.mapping_page.header_info.text()
    go_next(qtbot, wizard, wizard.PREVIEW)
    page = wizard.preview_page
    assert "5 rows" in page.summary.text()
    assert "1 in the file" in page.summary.text()
    # the bad date is highlighted with its reason as tooltip
    date_col = HEADERS.index("流失日期") + 1
    bad = page.table.item(3, date_col)
    assert bad.text() == "not a date"
    assert bad.background().color() == ERROR_BG
    assert bad.toolTip()
    go_next(qtbot, wizard, wizard.OPTIONS)
    wizard.options_page.valid_only.setChecked(True)
    wizard.options_page.update_existing.setChecked(True)
    wizard.options_page.keep_last.setChecked(True)  # rows 4 and 8 are both C001
    go_next(qtbot, wizard, wizard.RUN)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=30_000)
    result = wizard.result
    assert result.inserted == 3
    assert result.rejected == 1
    text = wizard.run_page.result.text()
    assert "3 new customers" in text and "1 rejected" in text
    assert customers(ctx) == 3
    assert wizard.run_page.report_button.isVisible()
    report = tmp_path / "errors.xlsx"
    wizard.save_error_report(report)
    qtbot.waitUntil(lambda: report.exists(), timeout=10_000)
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert any("not a date" in [str(c) for c in r] for r in rows[1:])
    # undo removes what this import created
    assert wizard.run_page.undo_button.isVisible()
    wizard.undo()
    qtbot.waitUntil(lambda: customers(ctx) == 0, timeout=10_000)
    qtbot.waitUntil(lambda: "undone" in wizard.run_page.status.text(), timeout=5000)


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(qtbot: Any, ctx: AppContext,
                                                          tmp_path: Path) -> None:
    path = chinese_workbook(tmp_path / "bad_row.xlsx", GOOD_ROWS)
    wizard = open_wizard(qtbot, ctx, path)
    go_next(qtbot, wizard, wizard.MAPPING)
    go_next(qtbot, wizard, wizard.PREVIEW)
    go_next(qtbot, wizard, wizard.OPTIONS)
    assert wizard.options_page.all_or_nothing.isChecked()
    go_next(qtbot, wizard, wizard.RUN)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=30_000)
    assert customers(ctx) == 0
    assert "Nothing was imported" in wizard.run_page.status.text()
    assert not wizard.run_page.undo_button.isVisible()


def test_cancel_mid_import_leaves_the_database_unchanged(qtbot: Any, ctx: AppContext,
                                                         tmp_path: Path) -> None:
    rows = [[f"K{i:06d}", f"客户{i}", f"138{i:08d}", date(2026, 1, 1 + i % 28), "价格",
             1000 + i, 100] for i in range(30_000)]
    path = chinese_workbook(tmp_path / "big.xlsx", rows, title=False)
    wizard = open_wizard(qtbot, ctx, path)
    go_next(qtbot, wizard, wizard.MAPPING, timeout=60_000)
    go_next(qtbot, wizard, wizard.PREVIEW, timeout=60_000)
    go_next(qtbot, wizard, wizard.OPTIONS)
    # press Cancel as soon as the import reports its first progress
    wizard.run_page.progress.valueChanged.connect(
        lambda v: v > 0 and wizard.run_page.cancel_button.isEnabled()
        and wizard.run_page.cancel_button.click())
    go_next(qtbot, wizard, wizard.RUN)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=60_000)
    assert wizard.result is None
    assert wizard.run_page.error.isVisible()
    assert "cancel" in wizard.run_page.error.text().lower()
    assert customers(ctx) == 0
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)
                        .where(ImportBatch.status == "done")) == 0


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 this is not really a zip file",
                                     b"<html><body><table><tr><td>1</td></tr></table></body></html>"])
def test_a_broken_file_shows_the_error_on_the_first_page(qtbot: Any, ctx: AppContext,
                                                         tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "客户.xls"
    path.write_bytes(content)
    wizard = open_wizard(qtbot, ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.file_page.error.isVisible(), timeout=10_000)
    assert wizard.currentId() == wizard.FILE
    assert wizard.file_page.error.text()
    assert "Traceback" not in wizard.file_page.error.text()


def test_a_password_protected_workbook_is_refused_on_the_first_page(
        qtbot: Any, ctx: AppContext) -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "encrypted.xlsx"
    wizard = open_wizard(qtbot, ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.file_page.error.isVisible(), timeout=10_000)
    assert wizard.currentId() == wizard.FILE
    assert "password" in wizard.file_page.error.text().lower()


@pytest.mark.parametrize("name", ["customers.xls", "customers.xlsm"])
def test_other_formats_preview(qtbot: Any, ctx: AppContext, name: str) -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "import" / name
    wizard = open_wizard(qtbot, ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != wizard.FILE
                    or wizard.file_page.error.isVisible(), timeout=20_000)
    assert not wizard.file_page.error.isVisible(), wizard.file_page.error.text()
    assert wizard.preview is not None and wizard.preview.total_rows > 0


def test_missing_file_is_reported(qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, ctx, tmp_path / "nowhere.xlsx")
    wizard.next()
    assert wizard.file_page.error.isVisible()
    assert wizard.currentId() == wizard.FILE


def test_sheet_choice_and_saved_mapping(qtbot: Any, ctx: AppContext, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = chinese_workbook(tmp_path / "two.xlsx", GOOD_ROWS[:3], extra_sheet=True)
    wizard = open_wizard(qtbot, ctx, path)
    go_next(qtbot, wizard, wizard.SHEET)
    assert [wizard.sheet_page.sheets.item(i).text()
            for i in range(wizard.sheet_page.sheets.count())] == ["流失客户", "说明"]
    go_next(qtbot, wizard, wizard.MAPPING)
    page = wizard.mapping_page
    # map 毛利 away, save, reset, load back
    margin_row = HEADERS.index("毛利")
    page.combos[margin_row].setCurrentIndex(0)
    wizard.save_mapping(page, "月度流失名单", page.mapping())
    qtbot.waitUntil(lambda: page.saved.findText("月度流失名单") >= 0, timeout=5000)
    page.combos[margin_row].setCurrentIndex(page.combos[margin_row].findData("annual_margin"))
    page.combos[0].setCurrentIndex(0)
    assert "external_id" not in page.mapping()
    page.saved.setCurrentText("月度流失名单")
    page.load_saved()
    qtbot.waitUntil(lambda: "external_id" in page.mapping(), timeout=5000)
    assert "annual_margin" not in page.mapping()


# ------------------------------------------------ after a rejection (issue 21), both engines


@pytest.fixture
def any_ctx(db: Any) -> AppContext:
    with db.session() as s:
        admin = users.add_user(s, Actor.system(), "boss", "admin", "boss-pass-123")
        return AppContext(db=db, actor=Actor.of(admin))


CONFLICTING = [
    ["C001", "王伟", "13800138000", date(2026, 3, 1), "价格太贵", 1000, 300],
    ["C002", "李娜", "13900139000", date(2026, 3, 2), "竞争对手", 2000, 400],
    ["C001", "王伟伟", "13800138001", date(2026, 3, 1), "价格太贵", 1000, 300],
    ["C003", "", "", None, "搬家", 10, 1],  # nobody can call this new customer
]


def _to_run(qtbot: Any, ctx: AppContext, path: Path) -> ImportWizard:
    wizard = open_wizard(qtbot, ctx, path)
    go_next(qtbot, wizard, wizard.MAPPING)
    go_next(qtbot, wizard, wizard.PREVIEW)
    return wizard


def test_preview_shows_conflicts_with_both_rows_and_fields(qtbot: Any, any_ctx: AppContext,
                                                          tmp_path: Path) -> None:
    wizard = _to_run(qtbot, any_ctx, chinese_workbook(tmp_path / "c.xlsx", CONFLICTING))
    page = wizard.preview_page
    assert "1 customer appears in several rows with different data" in page.summary.text()
    items = [page.issues.item(i).text() for i in range(page.issues.count())]
    assert any("Rows 4, 6 are the same customer (C001) with different Name, Phone" in t
               for t in items), items
    assert any("nobody can call this customer" in t for t in items), items


def test_a_rejected_import_offers_back_to_options_and_the_valid_rows(
        qtbot: Any, any_ctx: AppContext, tmp_path: Path) -> None:
    wizard = _to_run(qtbot, any_ctx, chinese_workbook(tmp_path / "c.xlsx", CONFLICTING))
    go_next(qtbot, wizard, wizard.OPTIONS)
    assert wizard.options_page.reject_both.isChecked()
    assert wizard.options_page.all_or_nothing.isChecked()
    go_next(qtbot, wizard, wizard.RUN)
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.done, timeout=30_000)
    assert customers(any_ctx) == 0
    assert "Nothing was imported" in run.status.text()
    assert "Rows 4, 6 are the same customer (C001)" in run.result.text()
    assert run.back_button.isVisible() and run.valid_button.isVisible()
    assert run.report_button.isVisible()
    # back to the options: keep the last of the conflicting rows, still all or nothing
    run.back_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.OPTIONS)
    wizard.options_page.keep_last.setChecked(True)
    go_next(qtbot, wizard, wizard.RUN)
    qtbot.waitUntil(lambda: run.done and wizard.result is not None, timeout=30_000)
    assert not wizard.result.committed  # row 7 still cannot be called
    assert wizard.result.rejected == 1 and customers(any_ctx) == 0
    # import the valid rows, right here: no restart, the error report stays
    run.valid_button.click()
    qtbot.waitUntil(lambda: run.done and wizard.result.committed, timeout=30_000)
    assert (wizard.result.inserted, wizard.result.rejected) == (2, 1)
    assert customers(any_ctx) == 2
    with any_ctx.db.session() as s:
        assert s.scalar(select(Customer.name).where(Customer.external_id == "C001")) == "王伟伟"
    assert run.report_button.isVisible() and not run.back_button.isVisible()
    report = tmp_path / "errors.xlsx"
    wizard.save_error_report(report)
    qtbot.waitUntil(report.exists, timeout=10_000)
    rows = list(openpyxl.load_workbook(report).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["C003"]


def test_wizard_steps_are_use_cases_that_announce_what_changed(
        qtbot: Any, any_ctx: AppContext, tmp_path: Path) -> None:
    """Issue 14: no session in the wizard; the import and its undo announce customers,
    imports and risk; a rejected import announces nothing; a saved mapping is audited."""
    from winback_desktop.services.changes import Changes, Topic

    heard: list[Changes] = []
    any_ctx.hub.changed.connect(heard.append)
    wizard = _to_run(qtbot, any_ctx, chinese_workbook(tmp_path / "g.xlsx", GOOD_ROWS[:3]))
    page = wizard.mapping_page
    wizard.save_mapping(page, "monthly", page.mapping())
    qtbot.waitUntil(lambda: any(Topic.AUDIT in c for c in heard), timeout=10_000)
    heard.clear()
    go_next(qtbot, wizard, wizard.OPTIONS)
    go_next(qtbot, wizard, wizard.RUN)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=30_000)
    assert wizard.result.committed and customers(any_ctx) == 3
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard[-1].touches([Topic.CUSTOMERS]) and Topic.IMPORTS in heard[-1]
    heard.clear()
    wizard.undo()
    qtbot.waitUntil(lambda: customers(any_ctx) == 0 and bool(heard), timeout=10_000)
    assert Topic.CUSTOMERS in heard[-1] and Topic.RISK in heard[-1]


def test_a_zip_bomb_is_refused_on_the_first_page(qtbot: Any, ctx: AppContext,
                                                 tmp_path: Path) -> None:
    """A 1 MB workbook inflating to 210 MB: one translated line, at once, no reading."""
    from tests import crafted_xlsx

    path = crafted_xlsx.inflating_workbook(tmp_path / "炸弹.xlsx")
    wizard = open_wizard(qtbot, ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.file_page.error.isVisible(), timeout=10_000)
    assert wizard.currentId() == wizard.FILE
    assert "100:1" in wizard.file_page.error.text()


def test_a_stray_cell_at_xfd1048576_does_not_swamp_the_wizard(qtbot: Any, ctx: AppContext,
                                                              tmp_path: Path) -> None:
    """The list under its header is offered; not 16,384 columns to map."""
    from tests import crafted_xlsx

    path = crafted_xlsx.far_cell_workbook(tmp_path / "远.xlsx", header=True, column="XFD")
    wizard = open_wizard(qtbot, ctx, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != wizard.FILE
                    or wizard.file_page.error.isVisible(), timeout=20_000)
    assert wizard.preview is not None and wizard.preview.headers == ["客户编号"]


def test_no_valid_row_offers_no_valid_rows_and_counts_read_as_english(
        qtbot: Any, any_ctx: AppContext, tmp_path: Path) -> None:
    """One row, and it is bad: the page neither offers "the valid rows" (there are none)
    nor says "1 rows read"."""
    path = chinese_workbook(tmp_path / "one.xlsx",
                            [["C009", "", "", None, "搬家", 10, 1]])  # nobody to call
    wizard = _to_run(qtbot, any_ctx, path)
    assert wizard.preview_page.summary.text().startswith("1 row:"), \
        wizard.preview_page.summary.text()
    go_next(qtbot, wizard, wizard.OPTIONS)
    go_next(qtbot, wizard, wizard.RUN)
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.done, timeout=30_000)
    assert customers(any_ctx) == 0
    status, result = run.status.text(), run.result.text()
    assert "Nothing was imported" in status
    assert "valid rows" not in status, status
    assert not run.valid_button.isVisible() and run.back_button.isVisible()
    assert result.startswith("1 row read: 0 new customers"), result
    assert "1 rows" not in result


def test_one_new_customer_is_counted_in_the_singular(
        qtbot: Any, any_ctx: AppContext, tmp_path: Path) -> None:
    wizard = _to_run(qtbot, any_ctx, chinese_workbook(tmp_path / "g.xlsx", GOOD_ROWS[:1]))
    go_next(qtbot, wizard, wizard.OPTIONS)
    go_next(qtbot, wizard, wizard.RUN)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=30_000)
    assert wizard.run_page.result.text().startswith("1 row read: 1 new customer, 0 updated"), \
        wizard.run_page.result.text()


def test_trailing_blank_columns_are_not_offered_for_mapping(
        qtbot: Any, ctx: AppContext, tmp_path: Path) -> None:
    """A sheet formatted out to column AZ has blank header cells after its last named
    column: those columns hold nothing and are not listed (one that holds data is)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS + [None] * 30)
    sheet.append(["C001", "王伟", "13800138000", date(2026, 3, 1), "价格", 100, 10]
                 + [None] * 3 + ["note"] + [None] * 26)
    for col in range(1, 53):  # formatted, empty cells out to AZ
        sheet.cell(row=3, column=col).number_format = "@"
        sheet.cell(row=3, column=col).value = ""
    path = tmp_path / "wide.xlsx"
    book.save(path)
    wizard = open_wizard(qtbot, ctx, path)
    go_next(qtbot, wizard, wizard.MAPPING)
    assert wizard.preview.headers == [*HEADERS, "#H", "#I", "#J", "#K"]
    assert wizard.mapping_page.table.rowCount() == len(HEADERS) + 4
    assert "11 columns" in wizard.mapping_page.header_info.text()


def test_a_second_import_says_it_waits_then_runs(qtbot: Any, any_ctx: AppContext,
                                                 tmp_path: Path) -> None:
    """Issue 21: while another import holds the database, the run page says so (not a
    frozen bar), then imports once the other one is done."""
    import threading

    from winback_desktop.services import import_lock

    wizard = _to_run(qtbot, any_ctx, chinese_workbook(tmp_path / "g.xlsx", GOOD_ROWS[:3]))
    go_next(qtbot, wizard, wizard.OPTIONS)
    held, release = threading.Event(), threading.Event()

    def other_import() -> None:
        with import_lock.import_session(any_ctx.db, waiting=lambda: None,
                                        cancelled=lambda: False, on_cancel=RuntimeError):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=other_import)
    holder.start()
    try:
        assert held.wait(10)
        go_next(qtbot, wizard, wizard.RUN)
        qtbot.waitUntil(lambda: "Waiting for another import" in wizard.run_page.status.text(),
                        timeout=15_000)
        assert not wizard.run_page.done and customers(any_ctx) == 0
    finally:
        release.set()
        holder.join(30)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=30_000)
    assert wizard.result.committed and customers(any_ctx) == 3
