"""Import wizard, last pages: preview every row, choose the options, run and report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from winback_desktop.core.i18n import counted
from winback_desktop.ui.screens.importing.wizard_common import (
    DUPLICATE_BG,
    ERROR_BG,
    WARNING_BG,
    _error_label,
    tr,
)

if TYPE_CHECKING:
    from winback_desktop.ui.screens.importing.wizard import ImportWizard


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

