"""Import wizard, first pages: choose the file, the sheet and the column mapping."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from winback_desktop.ui.screens.importing.wizard_common import (
    FILE_FILTER_EXTENSIONS,
    REGIONS,
    _error_label,
    tr,
)

if TYPE_CHECKING:
    from winback_desktop.ui.screens.importing.wizard import ImportWizard


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

