"""Programme: does the win-back programme pay, and who comes back (issue 18).

A supervisor picks a period (and the hourly cost of an agent's time); the report is
built by ``services.programme`` off the GUI thread with progress and cancel, then laid
out as totals, a breakdown table with its bar chart (reason, SLTV tier, segment,
campaign, team), the cohort curves and the model's calibration. Export writes the
same report as xlsx or PDF in the language on screen.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import programme as pg
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.metrics import Period
from winback_desktop.core.permissions import Permission
from winback_desktop.services import programme, programme_export
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit import vocabulary
from winback_desktop.ui.kit.charts import ChartWidget
from winback_desktop.ui.kit.relabel import relabel
from winback_desktop.ui.kit.service_op import OpControl, OpError, OpGroup
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

_Index = QModelIndex | QPersistentModelIndex
CONTEXT = "Programme"

_PRESETS = (
    ("this_month", QT_TRANSLATE_NOOP("Programme", "This month")),
    ("last_month", QT_TRANSLATE_NOOP("Programme", "Last month")),
    ("this_quarter", QT_TRANSLATE_NOOP("Programme", "This quarter")),
    ("last_quarter", QT_TRANSLATE_NOOP("Programme", "Last quarter")),
    ("this_year", QT_TRANSLATE_NOOP("Programme", "This year")),
    ("custom", QT_TRANSLATE_NOOP("Programme", "Dates…")),
)


def labels() -> dict[str, str]:
    """Every label of the report in the language on screen (also for the exports)."""
    return programme_export.labels(QCoreApplication.translate)


def group_name(breakdown: str, code: str | None) -> str:
    return vocabulary.name(code)


def preset_period(key: str, today: date) -> Period:
    month = today.strftime("%Y-%m")
    if key == "this_month":
        return pg.parse_period(month)
    if key == "last_month":
        first = today.replace(day=1) - timedelta(days=1)
        return pg.parse_period(first.strftime("%Y-%m"))
    quarter = (today.month - 1) // 3 + 1
    if key == "this_quarter":
        return pg.parse_period(f"{today.year}-Q{quarter}")
    if key == "last_quarter":
        year, q = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
        return pg.parse_period(f"{year}-Q{q}")
    return pg.parse_period(str(today.year))


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _money(minor: int | None) -> str:
    return vocabulary.money(minor)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _cell(key: str, figures: dict[str, Any]) -> str:
    value = figures.get(key)
    fmt = dict(programme_export.COLUMNS).get(key, "int")
    if fmt == "money":
        return _money(value)
    if fmt == "pct":
        return _pct(value)
    return "—" if value is None else f"{value:,}"


class BreakdownModel(QAbstractTableModel):
    """One breakdown's groups with every figure (a handful of rows)."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[programme.Group] = []
        self.breakdown = "reason"
        self.names = labels()

    def set_groups(self, breakdown: str, groups: list[programme.Group]) -> None:
        self.beginResetModel()
        self.breakdown, self.groups, self.names = breakdown, groups, labels()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(programme_export.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.names["group"]
        return self.names[programme_export.COLUMNS[section - 1][0]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.groups[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            if group.label:
                return group.label
            return self.names["none"] if group.key is None else group_name(self.breakdown,
                                                                          group.key)
        key = programme_export.COLUMNS[index.column() - 1][0]
        return _cell(key, group.figures.as_dict())


class ProgrammeScreen(QWidget):
    """Totals, breakdowns, cohorts and calibration of the programme for a period."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeScreen")
        self.ctx = ctx
        self.ops = OpGroup(self, ctx.hub)
        self.report: programme.ProgrammeReport | None = None
        self._running: Any = None
        self._build()
        ctx.hub.subscribe(self, (Topic.CALLS, Topic.OFFERS, Topic.CUSTOMERS, Topic.SETTINGS),
                          lambda _changes: self.reload())
        self.reload()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        self.preset = QComboBox()
        self.preset.setObjectName("programmePeriod")
        for key, text in _PRESETS:
            self.preset.addItem(QCoreApplication.translate(CONTEXT, text), key)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        bar.addWidget(self.preset)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(1 - today.day()))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            bar.addWidget(edit)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Hourly labour cost:")))
        self.hourly = QDoubleSpinBox()
        self.hourly.setObjectName("programmeHourlyCost")
        self.hourly.setRange(0, 100_000)
        self.hourly.setDecimals(2)
        self.hourly.setValue(programme.DEFAULT_HOURLY_COST_MINOR / 100)
        self._hourly_set = False
        self.hourly.valueChanged.connect(self._hourly_changed)
        self.hourly.setToolTip(self.tr("What an hour of an agent's time costs; labour cost "
                                       "= handle hours × this"))
        bar.addWidget(self.hourly)
        self.refresh_button = QPushButton(self.tr("&Show"))
        self.refresh_button.clicked.connect(self.reload)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.export_xlsx_button = QPushButton(self.tr("Export &xlsx…"))
        self.export_xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.export_pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar.addWidget(self.export_xlsx_button)
        bar.addWidget(self.export_pdf_button)
        layout.addLayout(bar)

        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.ops.cancel_all)
        self.status = QLabel()
        self.status.setObjectName("programmeStatus")
        busy.addWidget(self.status, 1)
        busy.addWidget(self.progress)
        busy.addWidget(self.cancel_button)
        layout.addLayout(busy)

        self.totals_box = QGroupBox(self.tr("Totals"))
        grid = QGridLayout(self.totals_box)
        self.total_values: dict[str, QLabel] = {}
        self.total_names: dict[str, QLabel] = {}
        keys = [k for k, _ in programme_export.COLUMNS] + ["defection_rate"]
        names = labels()
        for i, key in enumerate(keys):
            value = QLabel("—")
            value.setObjectName(f"total_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            caption = QLabel(names[key] + ":")
            self.total_names[key] = caption
            grid.addWidget(caption, i // 4, (i % 4) * 2)
            grid.addWidget(value, i // 4, (i % 4) * 2 + 1)
            self.total_values[key] = value
        layout.addWidget(self.totals_box)

        self.tabs = QTabWidget()
        # breakdowns: table above, bars by won back and by return below
        breakdown = QWidget()
        b_layout = QVBoxLayout(breakdown)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Break down by:")))
        self.breakdown = QComboBox()
        self.breakdown.setObjectName("programmeBreakdown")
        for name in programme.BREAKDOWNS:
            self.breakdown.addItem(names[f"by_{name}"], name)
        self.breakdown.currentIndexChanged.connect(self._show_breakdown)
        pick.addWidget(self.breakdown)
        pick.addStretch(1)
        b_layout.addLayout(pick)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = BreakdownModel()
        self.table = QTableView()
        self.table.setObjectName("programmeTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)
        split.addWidget(self.table)
        self.bars = ChartWidget(height=3.0)
        split.addWidget(self.bars)
        split.setSizes([220, 300])
        b_layout.addWidget(split)
        self.tabs.addTab(breakdown, self.tr("Breakdowns"))
        self.cohort_chart = ChartWidget(height=3.5)
        self.tabs.addTab(self.cohort_chart, self.tr("Cohorts"))
        calibration = QWidget()
        c_layout = QVBoxLayout(calibration)
        self.calibration_note = QLabel()
        self.calibration_note.setWordWrap(True)
        c_layout.addWidget(self.calibration_note)
        self.calibration_chart = ChartWidget(height=3.5)
        c_layout.addWidget(self.calibration_chart, 1)
        self.tabs.addTab(calibration, self.tr("Calibration"))
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ period

    def _preset_changed(self) -> None:
        custom = self.preset.currentData() == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            self.reload()

    def _hourly_changed(self) -> None:
        self._hourly_set = True

    def period(self) -> Period:
        key = self.preset.currentData()
        if key == "custom":
            start = _day(self.start.date())
            end = _day(self.end.date())
            if end < start:
                start, end = end, start
            return Period(start, end + timedelta(days=1), f"{start}..{end}")
        return preset_period(str(key), date.today())

    # ------------------------------------------------------------------ loading

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for button in (self.refresh_button, self.export_xlsx_button, self.export_pdf_button):
            button.setEnabled(not busy)

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: fixed texts, then the figures and their headers."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "model"):
            relabel(self)
            self._retranslate_choices()
            self.reload()

    def _retranslate_choices(self) -> None:
        """The period presets, the totals' names and the breakdowns (words of the
        ``Programme`` vocabulary, not of this class)."""
        for i, (_key, text) in enumerate(_PRESETS):
            self.preset.setItemText(i, QCoreApplication.translate(CONTEXT, text))
        names = labels()
        for key, label in self.total_names.items():
            label.setText(names[key] + ":")
        for i in range(self.breakdown.count()):
            self.breakdown.setItemText(i, names[f"by_{self.breakdown.itemData(i)}"])

    def reload(self) -> None:
        if not self.ops.idle():
            self.ops.cancel_all()
        db, actor = self.ctx.db, self.ctx.actor
        period = self.period()
        # the team's hourly cost until the supervisor changes it here
        hourly = round(self.hourly.value() * 100) if self._hourly_set else None

        def work(control: OpControl) -> programme.ProgrammeReport:
            return programme.build_report(db, actor, period, hourly_cost_minor=hourly,
                                          progress=control.progress,
                                          cancelled=control.is_set)

        self._busy(True)
        self.status.setText(self.tr("Counting {start} – {end}…").format(
            start=period.start, end=period.end - timedelta(days=1)))
        self.ops.op(work).progress(self._progress).success(self._loaded) \
            .failure(self._failed).finally_(lambda: self._busy(False)).run()

    def _progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: OpError) -> None:
        self.status.setText("" if error.cancelled else error.text)

    def _loaded(self, report: programme.ProgrammeReport) -> None:
        self.report = report
        period = report.period
        self.hourly.blockSignals(True)
        self.hourly.setValue(report.hourly_cost_minor / 100)
        self.hourly.blockSignals(False)
        self.status.setText(self.tr("{start} – {end}: {calls} calls, {won} won back.").format(
            start=period.start, end=period.end - timedelta(days=1),
            calls=report.totals.calls, won=report.totals.won_back))
        totals = report.totals.as_dict()
        for key, label in self.total_values.items():
            if key == "defection_rate":
                label.setText(_pct(report.defection.get("rate")))
            else:
                label.setText(_cell(key, totals))
        self._show_breakdown()
        self._draw_cohorts()
        self._draw_calibration()

    def _show_breakdown(self) -> None:
        if self.report is None:
            return
        name = str(self.breakdown.currentData())
        self.model.set_groups(name, self.report.breakdowns[name])
        self.table.resizeColumnsToContents()
        figure = self.bars.figure
        figure.clear()
        names = labels()
        programme_export.draw_breakdown(figure.add_subplot(1, 2, 1), self.report, name, names,
                                        group_name, "won_back")
        programme_export.draw_breakdown(figure.add_subplot(1, 2, 2), self.report, name, names,
                                        group_name, "return_minor")
        self.bars.canvas.draw_idle()

    def _draw_cohorts(self) -> None:
        assert self.report is not None
        figure = self.cohort_chart.figure
        figure.clear()
        programme_export.draw_cohorts(figure.add_subplot(1, 1, 1), self.report, labels())
        self.cohort_chart.canvas.draw_idle()

    def _draw_calibration(self) -> None:
        assert self.report is not None
        rows = self.report.calibration
        if rows:
            tries = sum(int(r["tries"]) for r in rows)
            self.calibration_note.setText(self.tr(
                "P(win) the model gave each call when it was made, against how often such "
                "calls won, by tenth of the predictions ({tries} calls).").format(tries=tries))
        else:
            self.calibration_note.setText(self.tr(
                "No call of this period was made with a P(win) from the model yet."))
        figure = self.calibration_chart.figure
        figure.clear()
        programme_export.draw_calibration(figure.add_subplot(1, 1, 1), self.report, labels())
        self.calibration_chart.canvas.draw_idle()

    # ------------------------------------------------------------------ export

    def export(self, kind: str, path: Path | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            suffix = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
            name = f"programme-{self.report.period.label}.{kind}".replace("..", "_")
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the programme report"), name, suffix)
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != f".{kind}":
                path = path.with_suffix(f".{kind}")
        report, names = self.report, labels()

        def work(_control: OpControl) -> Path:
            return programme_export.export(report, path, names, group_name)

        self._busy(True)
        self.ops.op(work).success(lambda p: self.status.setText(
            self.tr("Saved {path}").format(path=p))).failure(self._failed) \
            .finally_(lambda: self._busy(False)).run()


def _factory(ctx: AppContext) -> QWidget:
    return ProgrammeScreen(ctx)


SPEC = register(ScreenSpec(
    key="programme",
    title=QT_TRANSLATE_NOOP("Screens", "Programme"),
    permission=Permission.VIEW_TEAM_SCORECARDS,
    factory=_factory,
    order=62,
))
