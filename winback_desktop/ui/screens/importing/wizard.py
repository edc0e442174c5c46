"""The Excel/CSV import wizard: file → sheet → mapping → preview → options → run.

Every read of the file (sheet list, header detection, preview of every row) and the
import itself run off the GUI thread (``ServiceOp``) with progress; the wizard only
moves on when the background step has answered. A broken, empty or password-protected
file stops on the first page with the translated message. The run page reports what
was inserted, updated and rejected, saves the error report and can undo the import.

The same wizard imports purchase histories (``kind="purchases"``): the mapping offers
the purchase columns, the duplicate options are not asked (a purchase imported before
is left alone) and the early-warning scan runs after the import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP, counted
from winback_desktop.core.permissions import Permission
from winback_desktop.io.fields import schema_for
from winback_desktop.services import import_actions, import_matching, import_report, importing
from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp
from winback_desktop.ui.shell.context import AppContext

FILE_FILTER_EXTENSIONS = "*.xlsx *.xlsm *.xls *.csv"
ERROR_BG = QColor("#f8d7da")
WARNING_BG = QColor("#fff3cd")
DUPLICATE_BG = QColor("#dbe9f6")

#: phone regions offered for numbers written without a country code
REGIONS: list[tuple[str, str]] = [
    ("CN", QT_TRANSLATE_NOOP("ImportWizard", "China (+86)")),
    ("HK", QT_TRANSLATE_NOOP("ImportWizard", "Hong Kong (+852)")),
    ("MO", QT_TRANSLATE_NOOP("ImportWizard", "Macau (+853)")),
    ("TW", QT_TRANSLATE_NOOP("ImportWizard", "Taiwan (+886)")),
    ("SG", QT_TRANSLATE_NOOP("ImportWizard", "Singapore (+65)")),
    ("MY", QT_TRANSLATE_NOOP("ImportWizard", "Malaysia (+60)")),
    ("JP", QT_TRANSLATE_NOOP("ImportWizard", "Japan (+81)")),
    ("KR", QT_TRANSLATE_NOOP("ImportWizard", "South Korea (+82)")),
    ("AU", QT_TRANSLATE_NOOP("ImportWizard", "Australia (+61)")),
    ("GB", QT_TRANSLATE_NOOP("ImportWizard", "United Kingdom (+44)")),
    ("DE", QT_TRANSLATE_NOOP("ImportWizard", "Germany (+49)")),
    ("FR", QT_TRANSLATE_NOOP("ImportWizard", "France (+33)")),
    ("US", QT_TRANSLATE_NOOP("ImportWizard", "United States / Canada (+1)")),
]


def tr(text: str) -> str:
    """Free ``tr()``: lupdate files these under the empty context (like the CLI's)."""
    return QCoreApplication.translate("", text)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


class _BusyPage(QWizardPage):
    """A page whose "Next" first runs a background step and moves on when it answers."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self._ready = False
        self.busy = QProgressBar()
        self.busy.setVisible(False)
        self.busy.setTextVisible(False)
        self.error = _error_label()

    def validatePage(self) -> bool:
        if self._ready:
            self._ready = False
            return True
        if self.w.busy:
            return False
        self.error.setVisible(False)
        self.start_step()
        return False

    def start_step(self) -> None:  # pragma: no cover - every page overrides it
        """Each page with background work starts it here; reaching the base is a bug."""
        raise TypeError(f"{type(self).__name__} must define start_step()")

    def step_done(self) -> None:
        """The background step succeeded: advance."""
        self._ready = True
        self.w.next()

    def step_failed(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


class FilePage(_BusyPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.browse = QPushButton()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555")
        layout.addWidget(self.hint)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(self._path_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Choose the file"))
        self.setSubTitle(tr("Purchase histories from Excel (.xlsx, .xlsm, .xls) or CSV: one "
                             "row per purchase or order line.") if self.w.purchases
                         else tr("Customer lists from Excel (.xlsx, .xlsm, .xls) or CSV."))
        self.intro.setText(tr("The first rows may be a title block: the header row is "
                               "found automatically. Nothing is imported before the last "
                               "step."))
        self.path.setPlaceholderText(tr("Path of the purchase history") if self.w.purchases
                                     else tr("Path of the customer list"))
        self.browse.setText(tr("Browse…"))
        self.hint.setText(tr("CSV files may be UTF-8 (with or without BOM), GBK/GB18030 "
                              "or UTF-16, as Excel saves them."))

    def _path_changed(self, _text: str) -> None:
        self.error.setVisible(False)
        self.completeChanged.emit()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the purchase history") if self.w.purchases
            else tr("Choose the customer list"), self.path.text() or str(Path.home()),
            tr("Spreadsheets ({patterns})").format(patterns=FILE_FILTER_EXTENSIONS))
        if path:
            self.path.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def start_step(self) -> None:
        path = Path(self.path.text().strip())
        if not path.is_file():
            self.step_failed(tr("The file {path} does not exist.").format(path=str(path)))
            return
        self.w.path = path
        self.w.sheet = None
        self.w.mapping = None
        self.w.run_preview(self, self.step_done, self.step_failed)


class SheetPage(_BusyPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.sheets = QListWidget()
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        self.sheets.currentRowChanged.connect(lambda _r: self.completeChanged.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Choose the sheet"))
        self.setSubTitle(tr("The workbook has several sheets; which one holds the "
                             "customers?"))

    def initializePage(self) -> None:
        preview = self.w.preview
        self.sheets.clear()
        if preview is None:
            return
        self.sheets.addItems(preview.sheets)
        self.sheets.setCurrentRow(max(0, preview.sheets.index(preview.sheet))
                                  if preview.sheet in preview.sheets else 0)

    def isComplete(self) -> bool:
        return self.sheets.currentItem() is not None

    def start_step(self) -> None:
        item = self.sheets.currentItem()
        if item is None:
            return
        if self.w.preview is not None and item.text() == self.w.preview.sheet:
            self.step_done()
            return
        self.w.sheet = item.text()
        self.w.mapping = None
        self.w.run_preview(self, self.step_done, self.step_failed)


class MappingPage(_BusyPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.header_info = QLabel()
        self.header_info.setWordWrap(True)
        layout.addWidget(self.header_info)
        self.table = QTableWidget(0, 3)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(2, 210)
        layout.addWidget(self.table, 1)
        grid = QGridLayout()
        self.saved_label = QLabel()
        self.saved = QComboBox()
        self.saved.setMinimumContentsLength(16)
        self.load_button = QPushButton()
        self.save_button = QPushButton()
        self.region_label = QLabel()
        self.region = QComboBox()
        grid.addWidget(self.saved_label, 0, 0)
        grid.addWidget(self.saved, 0, 1)
        grid.addWidget(self.load_button, 0, 2)
        grid.addWidget(self.save_button, 0, 3)
        grid.addWidget(self.region_label, 1, 0)
        grid.addWidget(self.region, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        self.combos: list[QComboBox] = []
        self.load_button.clicked.connect(self.load_saved)
        self.save_button.clicked.connect(self.ask_save)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Match the columns"))
        self.setSubTitle(tr("Each column of the file goes into one purchase field; the "
                             "customer is found by ID or phone. Columns set to \"Do not "
                             "import\" are left out.") if self.w.purchases else
                         tr("Each column of the file goes into one customer field; "
                             "columns set to \"Do not import\" are left out."))
        self.table.setHorizontalHeaderLabels(
            [tr("Column in the file"), tr("First values"), tr("Import as")])
        self.saved_label.setText(tr("Saved mappings:"))
        self.load_button.setText(tr("Load"))
        self.save_button.setText(tr("Save mapping as…"))
        self.region_label.setText(tr("Phone numbers without country code are in:"))
        current = self.region.currentData()
        self.region.clear()
        for code, name in REGIONS:
            self.region.addItem(QCoreApplication.translate("ImportWizard", name), code)
        self.set_region(current or self.w.default_region)

    def set_region(self, code: str) -> None:
        index = self.region.findData(code)
        if index < 0:
            self.region.addItem(code, code)
            index = self.region.count() - 1
        self.region.setCurrentIndex(index)

    def initializePage(self) -> None:
        preview = self.w.preview
        if preview is None:
            return
        self.header_info.setText(tr("Header row found on row {row} of sheet \"{sheet}\"; "
                                     "{n} columns.").format(row=preview.header_row,
                                                            sheet=preview.sheet,
                                                            n=len(preview.headers)))
        by_header = {header: key for key, header in preview.mapping.items()}
        fields = preview.fields
        self.table.setRowCount(len(preview.headers))
        self.combos = []
        for i, header in enumerate(preview.headers):
            self.table.setItem(i, 0, QTableWidgetItem(header))
            samples = [r.cells[i] for r in preview.rows[:3] if i < len(r.cells) and r.cells[i]]
            self.table.setItem(i, 1, QTableWidgetItem("  |  ".join(samples)))
            combo = QComboBox()
            combo.addItem(tr("Do not import"), None)
            for spec in fields:
                combo.addItem(QCoreApplication.translate("Fields", spec.label), spec.key)
            combo.setCurrentIndex(max(0, combo.findData(by_header.get(header))))
            combo.currentIndexChanged.connect(lambda _i, row=i: self._combo_changed(row))
            self.table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        self.table.resizeRowsToContents()
        self._update_status()
        self.w.load_saved_names(self)

    def mapping(self) -> dict[str, str]:
        """``{field: header}`` as currently chosen."""
        preview = self.w.preview
        if preview is None:
            return {}
        result: dict[str, str] = {}
        for header, combo in zip(preview.headers, self.combos, strict=False):
            key = combo.currentData()
            if key:
                result[key] = header
        return result

    def apply_mapping(self, mapping: dict[str, str]) -> None:
        preview = self.w.preview
        if preview is None:
            return
        by_header = {header: key for key, header in mapping.items()}
        for header, combo in zip(preview.headers, self.combos, strict=False):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(by_header.get(header))))
            combo.blockSignals(False)
        self._update_status()

    def _combo_changed(self, row: int) -> None:
        key = self.combos[row].currentData()
        if key:  # one column per field: the field leaves the column that had it
            for i, combo in enumerate(self.combos):
                if i != row and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._update_status()

    def _mapping_ok(self) -> bool:
        chosen = self.mapping().keys()
        schema = self.w.schema
        return bool(set(schema.keys) & chosen) and all(k in chosen for k in schema.required)

    def _update_status(self) -> None:
        chosen = self.mapping()
        ok = self._mapping_ok()
        if ok:
            self.status.setText(tr("{n} of {total} columns will be imported.").format(
                n=len(chosen), total=len(self.combos)))
            self.status.setStyleSheet("")
        else:
            self.status.setText(
                tr("Map the customer ID or the phone column, the purchase date and the "
                   "amount.") if self.w.purchases
                else tr("Map at least the customer ID, a phone or the e-mail column."))
            self.status.setStyleSheet("color: #b00020")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._mapping_ok()

    def load_saved(self) -> None:
        name = self.saved.currentText()
        if name:
            self.w.load_mapping(self, name)

    def ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, tr("Save mapping"),
                                        tr("Name of this mapping:"),
                                        text=self.saved.currentText())
        if ok and name.strip():
            self.w.save_mapping(self, name.strip(), self.mapping())

    def start_step(self) -> None:
        self.w.mapping = self.mapping()
        self.w.region = self.region.currentData()
        self.w.run_preview(self, self.step_done, self.step_failed)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        self.issues = QListWidget()
        self.issues.setMaximumHeight(110)
        layout.addWidget(self.issues)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Check the rows"))
        self.setSubTitle(tr("The first rows as they will be read. Problem cells are "
                             "marked; point at a cell to see why."))
        self.legend.setText(tr(
            "<span style='background:{err}'>&nbsp;error&nbsp;</span> the row is rejected "
            "&nbsp; <span style='background:{warn}'>&nbsp;warning&nbsp;</span> imported, "
            "check it &nbsp; <span style='background:{dup}'>&nbsp;duplicate&nbsp;</span> "
            "customer ID seen before").format(err=ERROR_BG.name(), warn=WARNING_BG.name(),
                                              dup=DUPLICATE_BG.name()))

    def initializePage(self) -> None:
        p = self.w.preview
        if p is None:
            return
        if self.w.purchases:  # no duplicates among purchases: lines of an order repeat IDs
            self.legend.setText(tr(
                "<span style='background:{err}'>&nbsp;error&nbsp;</span> the row is rejected "
                "&nbsp; <span style='background:{warn}'>&nbsp;warning&nbsp;</span> imported, "
                "check it").format(err=ERROR_BG.name(), warn=WARNING_BG.name()))
        else:
            self.retranslate()
        if self.w.purchases:
            self.summary.setText(tr(
                "{total}: {valid} valid, {invalid} with errors (a purchase whose "
                "customer cannot be found is an error).").format(
                    total=counted(p.total_rows, tr("{n} row"), tr("{n} rows")),
                    valid=f"{p.valid_rows:,}", invalid=f"{p.invalid_rows:,}"))
        else:
            self.summary.setText(tr(
                "{total}: {valid} valid, {invalid} with errors. Duplicates: {dup_file} "
                "in the file, {dup_db} already in the database.").format(
                    total=counted(p.total_rows, tr("{n} row"), tr("{n} rows")),
                    valid=f"{p.valid_rows:,}",
                    invalid=f"{p.invalid_rows:,}", dup_file=f"{len(p.duplicates_in_file):,}",
                    dup_db=f"{len(p.duplicates_in_db):,}")
                + ("\n" + counted(len(p.conflicts), tr(
                    "{n} customer appears in several rows with different data; choose on the "
                    "next page what happens to those rows."), tr(
                    "{n} customers appear in several rows with different data; choose on the "
                    "next page what happens to those rows.")) if p.conflicts else ""))
        mapped = {header: key for key, header in p.mapping.items()}
        headers = p.headers
        self.table.clear()
        self.table.setColumnCount(len(headers) + 1)
        self.table.setRowCount(len(p.rows))
        titles = [tr("Row")]
        for header in headers:
            titles.append(header if header in mapped else tr("{header} (not imported)")
                          .format(header=header))
        self.table.setHorizontalHeaderLabels(titles)
        column_of = {h: i for i, h in enumerate(headers)}
        duplicate_text = {"file": tr("This customer ID appears earlier in the file."),
                          "database": tr("This customer ID is already in the database.")}
        for r, row in enumerate(p.rows):
            number = QTableWidgetItem(str(row.row))
            if row.duplicate:
                number.setBackground(QBrush(DUPLICATE_BG))
                number.setToolTip(duplicate_text.get(row.duplicate, ""))
            self.table.setItem(r, 0, number)
            for c, cell in enumerate(row.cells[:len(headers)]):
                item = QTableWidgetItem(cell)
                if headers[c] not in mapped:
                    item.setForeground(QBrush(QColor("#9a9a9a")))
                self.table.setItem(r, c + 1, item)
            row_problems: list[str] = []
            for issue in row.issues:
                text = issue.render(QCoreApplication.translate)
                col = column_of.get(issue.column)
                colour = ERROR_BG if issue.severity == "error" else WARNING_BG
                if col is None:
                    row_problems.append(text)
                    target = number
                else:
                    target = self.table.item(r, col + 1) or QTableWidgetItem("")
                    if self.table.item(r, col + 1) is None:
                        self.table.setItem(r, col + 1, target)
                tip = target.toolTip()
                target.setToolTip(f"{tip}\n{text}" if tip else text)
                if target is not number or not row.duplicate or colour is ERROR_BG:
                    target.setBackground(QBrush(colour))
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 220))
        self.issues.clear()
        for issue in (p.errors + p.warnings)[:200]:
            where = tr("row {row}").format(row=issue.row)
            if issue.column:
                where += f", {issue.column}"
            self.issues.addItem(f"{where}: {issue.render(QCoreApplication.translate)}")
        if not p.errors and not p.warnings:
            self.issues.addItem(tr("No problems found."))


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        layout = QVBoxLayout(self)
        self.dup_label = QLabel()
        self.dup_label.setWordWrap(True)
        layout.addWidget(self.dup_label)
        self.skip = QRadioButton()
        self.update_existing = QRadioButton()
        self.dup_group = QButtonGroup(self)
        for button in (self.skip, self.update_existing):
            self.dup_group.addButton(button)
            layout.addWidget(button)
        self.update_existing.setChecked(True)
        layout.addSpacing(12)
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        layout.addWidget(self.conflict_label)
        self.reject_both = QRadioButton()
        self.keep_first = QRadioButton()
        self.keep_last = QRadioButton()
        self.conflict_group = QButtonGroup(self)
        for button in (self.reject_both, self.keep_first, self.keep_last):
            self.conflict_group.addButton(button)
            layout.addWidget(button)
        self.reject_both.setChecked(True)
        layout.addSpacing(12)
        self.tx_label = QLabel()
        self.tx_label.setWordWrap(True)
        layout.addWidget(self.tx_label)
        self.all_or_nothing = QRadioButton()
        self.valid_only = QRadioButton()
        self.tx_group = QButtonGroup(self)
        for button in (self.all_or_nothing, self.valid_only):
            self.tx_group.addButton(button)
            layout.addWidget(button)
        self.all_or_nothing.setChecked(True)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Import options"))
        self.setSubTitle(tr("Nothing has been written yet."))
        self.dup_label.setText(tr("When a customer ID is already in the database:"))
        self.skip.setText(tr("Skip the row (keep the customer as it is)"))
        self.update_existing.setText(tr("Update the customer with the file's values"))
        self.conflict_label.setText(tr(
            "When rows of the file are the same customer with different data:"))
        self.reject_both.setText(tr("Reject those rows and tell me (fix the file)"))
        self.keep_first.setText(tr("Import the first of them, skip the others"))
        self.keep_last.setText(tr("Import the last of them, skip the others"))
        self.tx_label.setText(tr("When some rows have errors:"))
        self.all_or_nothing.setText(tr("Import nothing (all or nothing)"))
        self.valid_only.setText(tr("Import the valid rows, reject the others"))
        # Not a commit page: after a rejection the run page can come back here.
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Import"))

    def initializePage(self) -> None:
        for widget in (self.dup_label, self.skip, self.update_existing, self.conflict_label,
                       self.reject_both, self.keep_first, self.keep_last):
            widget.setVisible(not self.w.purchases)
        p = self.w.preview
        if p is not None and p.invalid_rows and not self.valid_only.isChecked():
            self.tx_label.setText(tr("When some rows have errors ({n} rows here):").format(
                n=f"{p.invalid_rows:,}"))

    def on_duplicate(self) -> str:
        return "skip" if self.skip.isChecked() else "update"

    def on_conflict(self) -> str:
        if self.keep_first.isChecked():
            return "first"
        return "last" if self.keep_last.isChecked() else "reject"


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.done = False
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.cancel_button = QPushButton()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        actions = QHBoxLayout()
        self.report_button = QPushButton()
        self.undo_button = QPushButton()
        # after an all-or-nothing rejection: change the options, or take the valid rows
        self.back_button = QPushButton()
        self.valid_button = QPushButton()
        for button in (self.report_button, self.undo_button, self.back_button,
                       self.valid_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.cancel_button.clicked.connect(self.w.cancel_import)
        self.report_button.clicked.connect(self.ask_report)
        self.undo_button.clicked.connect(self.w.undo)
        self.back_button.clicked.connect(self.w.back_to_options)
        self.valid_button.clicked.connect(self.w.import_valid_rows)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Importing"))
        self.back_button.setText(tr("< Back to options"))
        self.valid_button.setText(tr("Import the valid rows"))
        self.setSubTitle(tr("One transaction: cancelling leaves the database as it was."))
        self.cancel_button.setText(tr("Cancel import"))
        self.report_button.setText(tr("Save error report…"))
        self.undo_button.setText(tr("Undo this import"))

    def initializePage(self) -> None:
        self.done = False
        self.result.setText("")
        self.error.setVisible(False)
        self.report_button.setVisible(False)
        self.undo_button.setVisible(False)
        self.back_button.setVisible(False)
        self.valid_button.setVisible(False)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.status.setText(tr("Reading and checking every row…"))
        self.w.start_import()

    def isComplete(self) -> bool:
        return self.done

    def ask_report(self) -> None:
        default = self.w.path.with_name(self.w.path.stem + "_errors.xlsx") if self.w.path \
            else Path.home() / "errors.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Save error report"), str(default),
                                              tr("Excel workbook (*.xlsx)"))
        if path:
            self.w.save_error_report(Path(path if path.lower().endswith(".xlsx")
                                          else path + ".xlsx"))


class ImportWizard(QWizard):
    """Import customers from a spreadsheet; opened from the customers screen or a menu."""

    #: emitted after an import or an undo changed customers
    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 kind: str = "customers") -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: which kind of list: ``customers`` or ``purchases``
        self.kind = kind
        self.schema = schema_for(kind)
        self.path: Path | None = None
        self.sheet: str | None = None
        self.mapping: dict[str, str] | None = None
        self.region: str | None = None
        self.default_region = "CN"
        self.preview: Any = None
        self.result: Any = None
        self.busy = False
        self._op: ServiceOp[Any] | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 680)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.options_page = OptionsPage(self)
        self.run_page = RunPage(self)
        self.FILE, self.SHEET, self.MAPPING, self.PREVIEW, self.OPTIONS, self.RUN = (
            self.addPage(p) for p in (self.file_page, self.sheet_page, self.mapping_page,
                                      self.preview_page, self.options_page, self.run_page))
        self.retranslate()
        self._load_default_region()

    def retranslate(self) -> None:
        """Own texts for the standard buttons: Qt's qtbase catalogue may not be shipped."""
        self.setWindowTitle(tr("Import purchases") if self.purchases
                            else tr("Import customers"))
        texts = {QWizard.WizardButton.BackButton: tr("< Back"),
                 QWizard.WizardButton.NextButton: tr("Next >"),
                 QWizard.WizardButton.CancelButton: tr("Cancel"),
                 QWizard.WizardButton.FinishButton: tr("Finish"),
                 QWizard.WizardButton.CommitButton: tr("Import")}
        for button, text in texts.items():
            self.setButtonText(button, text)

    @property
    def purchases(self) -> bool:
        return self.kind == "purchases"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "run_page"):
            self.retranslate()
            for page in (self.file_page, self.sheet_page, self.mapping_page,
                         self.preview_page, self.options_page, self.run_page):
                page.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ navigation

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.FILE:
            sheets = self.preview.sheets if self.preview is not None else []
            return self.SHEET if len(sheets) > 1 else self.MAPPING
        return super().nextId()

    def reject(self) -> None:
        if self.busy and self._op is not None:
            self._op.cancel()
            return
        super().reject()

    # ------------------------------------------------------ background steps

    def _start(self, fn: Callable[[OpControl], Any], page: QWizardPage | None,
               on_success: Callable[[Any], None], on_failure: Callable[[str], None],
               on_progress: Callable[[int, int, str], None] | None = None) -> None:
        bar = getattr(page, "busy", None)
        self.busy = True
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        if bar is not None:
            bar.setRange(0, 0)
            bar.setVisible(True)

        def finish() -> None:
            self.busy = False
            self._op = None
            if bar is not None:
                bar.setVisible(False)
            if page is not None:
                self.button(QWizard.WizardButton.BackButton).setEnabled(True)
                page.completeChanged.emit()

        def ok(result: Any) -> None:
            finish()
            on_success(result)

        def fail(error: OpError) -> None:
            finish()
            on_failure(error.text)

        def progress(done: int, total: int, label: str) -> None:
            if bar is not None and total > 0:
                bar.setRange(0, total)
                bar.setValue(min(done, total))
            if on_progress is not None:
                on_progress(done, total, label)

        self._op = (ServiceOp(self, fn, hub=self.ctx.hub).success(ok).failure(fail)
                    .progress(progress).run())

    def _load_default_region(self) -> None:
        db = self.ctx.db

        def work(_ctl: OpControl) -> str:
            return import_actions.default_phone_region(db)

        def done(region: str) -> None:
            self.default_region = region
            if self.region is None:
                self.mapping_page.set_region(region)

        # a failure here leaves the wizard's own default (CN); the preview will report
        # an unreachable database in its own words
        ServiceOp(self, work, hub=None).success(done).failure(lambda _e: None).run()

    def run_preview(self, page: QWizardPage, on_done: Callable[[], None],
                    on_error: Callable[[str], None]) -> None:
        path, sheet, mapping = self.path, self.sheet, self.mapping
        assert path is not None
        region = self.region or self.default_region
        db, actor, kind = self.ctx.db, self.ctx.actor, self.kind

        def work(ctl: OpControl) -> Any:
            return import_actions.preview(
                db, actor, path, sheet=sheet, mapping=mapping, default_region=region,
                progress=lambda done, total: ctl.progress(done, total),
                cancel=lambda: ctl.cancelled, kind=kind)

        def done(preview: Any) -> None:
            self.preview = preview
            on_done()

        self._start(work, page, done, on_error)

    def load_saved_names(self, page: MappingPage) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> list[str]:
            return import_actions.list_mappings(db, actor)

        def done(names: list[str]) -> None:
            current = page.saved.currentText()
            page.saved.clear()
            page.saved.addItems(names)
            if current in names:
                page.saved.setCurrentText(current)
            page.load_button.setEnabled(bool(names))

        ServiceOp(self, work, hub=self.ctx.hub).success(done).failure(
            lambda error: page.step_failed(error.text)).run()

    def load_mapping(self, page: MappingPage, name: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> dict[str, str]:
            return import_actions.get_mapping(db, actor, name)

        def done(mapping: dict[str, str]) -> None:
            page.apply_mapping(mapping)
            headers = set(self.preview.headers) if self.preview is not None else set()
            missing = [h for h in mapping.values() if h not in headers]
            if missing:
                page.step_failed(tr("This file has no column {columns}; those fields stay "
                                     "unmapped.").format(columns=", ".join(missing)))
            else:
                page.error.setVisible(False)

        ServiceOp(self, work, hub=self.ctx.hub).success(done).failure(
            lambda error: page.step_failed(error.text)).run()

    def save_mapping(self, page: MappingPage, name: str, mapping: dict[str, str]) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_ctl: OpControl) -> import_actions.MappingSaved:
            return import_actions.save_mapping(db, actor, name, mapping)

        def done(_result: import_actions.MappingSaved) -> None:
            page.error.setVisible(False)
            page.status.setText(tr("Mapping \"{name}\" saved.").format(name=name))
            self.load_saved_names(page)
            page.saved.setCurrentText(name)

        ServiceOp(self, work, hub=self.ctx.hub).success(done).failure(
            lambda error: page.step_failed(error.text)).run()

    # ---------------------------------------------------------------- import

    def start_import(self) -> None:
        page = self.run_page
        path, sheet = self.path, self.preview.sheet if self.preview is not None else None
        mapping = self.mapping
        assert path is not None
        region = self.region or self.default_region
        on_duplicate = self.options_page.on_duplicate()
        on_conflict = self.options_page.on_conflict()
        valid_only = self.options_page.valid_only.isChecked()
        db, actor, kind = self.ctx.db, self.ctx.actor, self.kind
        if self.purchases:
            on_duplicate = "skip"  # not asked: a known purchase is left alone

        def work(ctl: OpControl) -> Any:
            return importing.run_import(
                db, actor, path, sheet=sheet, mapping=mapping, mode="upsert",
                on_duplicate=on_duplicate, valid_only=valid_only, default_region=region,
                progress=lambda done, total: ctl.progress(done, total),
                cancel=lambda: ctl.cancelled, kind=kind, on_conflict=on_conflict,
                waiting=lambda: ctl.progress(0, 0, "waiting"))

        def progress(done: int, total: int, label: str) -> None:
            if label == "waiting":
                page.progress.setRange(0, 0)
                page.status.setText(tr("Waiting for another import of this database to "
                                        "finish…"))
            elif total > 0:
                page.progress.setRange(0, total)
                page.progress.setValue(min(done, total))
                page.status.setText(tr("Imported {done} of {total} rows…").format(
                    done=f"{done:,}", total=f"{total:,}"))

        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self._start(work, None, self._import_done, self._import_failed, progress)

    def back_to_options(self) -> None:
        """From a rejected import back to the options page, keeping the error report."""
        if self.currentId() == self.RUN and not self.busy:
            self.back()

    def import_valid_rows(self) -> None:
        """Run the rejected import again, importing the valid rows this time."""
        if self.currentId() == self.RUN and not self.busy:
            self.options_page.valid_only.setChecked(True)
            self.run_page.initializePage()

    def cancel_import(self) -> None:
        if self._op is not None:
            self.run_page.cancel_button.setEnabled(False)
            self.run_page.status.setText(tr("Cancelling…"))
            self._op.cancel()

    def _finish_run(self) -> None:
        page = self.run_page
        page.done = True
        page.cancel_button.setVisible(False)
        page.progress.setRange(0, 1)
        page.progress.setValue(1)
        page.completeChanged.emit()

    def _import_done(self, result: Any) -> None:
        self.result = result
        page = self.run_page
        self._finish_run()
        committed = getattr(result, "committed", True)
        read = counted(result.rows, tr("{n} row read"), tr("{n} rows read"))
        if self.purchases:
            lines = [tr("{rows}: {inserted}, {unchanged} imported before, {rejected} "
                         "rejected.").format(
                rows=read, inserted=counted(result.inserted, tr("{n} new purchase"),
                                            tr("{n} new purchases")),
                unchanged=f"{result.unchanged:,}", rejected=f"{result.rejected:,}")]
            if getattr(result, "risk_flagged", None) is not None:
                lines.append(counted(result.risk_flagged, tr(
                    "Early-warning scan: {n} customer flagged at risk (see the At-risk "
                    "screen)."), tr("Early-warning scan: {n} customers flagged at risk (see "
                                    "the At-risk screen).")))
        else:
            lines = [tr("{rows}: {inserted}, {updated} updated, {skipped} skipped, "
                         "{rejected} rejected.").format(
                rows=read, inserted=counted(result.inserted, tr("{n} new customer"),
                                            tr("{n} new customers")),
                updated=f"{result.updated:,}", skipped=f"{getattr(result, 'skipped', 0):,}",
                rejected=f"{result.rejected:,}")]
            if committed and getattr(result, "risk_flags_closed", 0):
                lines.append(counted(result.risk_flags_closed, tr(
                    "{n} early-warning flag closed: the list changed that customer's "
                    "status."), tr("{n} early-warning flags closed: the list changed those "
                                   "customers' status.")))
        valid_rows = result.rows > result.rejected
        if committed:
            page.status.setText(tr("The import is finished."))
            if result.batch_id is not None:
                lines.append(tr("Import batch #{id}.").format(id=result.batch_id))
        elif valid_rows:
            page.status.setText(tr("Nothing was imported: some rows have errors and the "
                                    "import was set to all or nothing. Go back to the "
                                    "options, or import the valid rows only."))
        else:
            page.status.setText(tr("Nothing was imported: no row can be imported. The error "
                                    "report gives each row's reason; fix the file, or go "
                                    "back to the options."))
        for conflict in getattr(result, "conflicts", [])[:10]:
            first = import_matching.conflict_issues(conflict)[0]
            lines.append("• " + first.render(QCoreApplication.translate))
        page.result.setText("\n".join(lines))
        page.back_button.setVisible(not committed)
        page.valid_button.setVisible(not committed and valid_rows)
        page.report_button.setVisible(bool(getattr(result, "rejected_rows", None)
                                           or result.errors))
        page.undo_button.setVisible(bool(committed and result.batch_id is not None
                                         and (result.inserted or result.updated)))
        page.undo_button.setEnabled(True)
        if committed:
            self.imported.emit(result)

    def _import_failed(self, text: str) -> None:
        page = self.run_page
        self._finish_run()
        page.status.setText(tr("The import did not run."))
        page.error.setText(text)
        page.error.setVisible(True)

    def save_error_report(self, target: Path) -> None:
        result = self.result
        if result is None:
            return
        page = self.run_page

        def work(_ctl: OpControl) -> Any:
            return import_report.write_error_report(result, target,
                                                translate=QCoreApplication.translate)

        def done(_n: Any) -> None:
            page.status.setText(tr("Error report saved to {path}.").format(path=str(target)))
            self.report_path = target

        ServiceOp(self, work, hub=None).success(done).failure(
            lambda error: self._show_run_error(error.text)).run()

    def _show_run_error(self, text: str) -> None:
        self.run_page.error.setText(text)
        self.run_page.error.setVisible(True)

    def undo(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        page = self.run_page
        page.undo_button.setEnabled(False)

        def work(_ctl: OpControl) -> Any:
            return importing.undo_last_batch(db, actor)

        def done(undo: Any) -> None:
            page.undo_button.setVisible(False)
            if self.purchases:
                page.status.setText(tr("Import #{id} undone: {removed} purchases removed, "
                                        "the rhythm of {restored} customers recomputed.")
                                    .format(id=undo.batch_id, removed=f"{undo.removed:,}",
                                            restored=f"{undo.restored:,}"))
            else:
                page.status.setText(tr("Import #{id} undone: {removed} customers removed, "
                                        "{restored} restored.").format(
                    id=undo.batch_id, removed=f"{undo.removed:,}",
                    restored=f"{undo.restored:,}"))
            self.imported.emit(undo)

        def failed(error: OpError) -> None:
            page.undo_button.setEnabled(True)
            self._show_run_error(error.text)

        # the undo reports what it changed (customers, batches, flags): views refresh
        ServiceOp(self, work, hub=self.ctx.hub).success(done).failure(failed).run()


def open_import_wizard(ctx: AppContext, parent: QWidget | None = None,
                       kind: str = "customers") -> ImportWizard | None:
    """Menu action entry point: the wizard, if the user may import."""
    if not ctx.actor.can(Permission.IMPORT_CUSTOMERS):
        return None
    wizard = ImportWizard(ctx, parent, kind)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
