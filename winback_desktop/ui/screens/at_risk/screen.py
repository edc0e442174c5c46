"""At-risk screen: customers the early-warning scan flagged, why, and their spend.

Each row says in words which signals fired (silent for longer than usual, buying less
often, spending less, probably no longer buying, complaints, overdue invoices, a
downgrade), the BG/NBD P(alive), the last purchase against the usual gap and a
sparkline of the last twelve months' spend. Supervisors and admins run the scan now or
dismiss a flag judged wrong; both run off the GUI thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import risk as risk_core
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import customer_outcomes, risk
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.screens.customers import labels
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

ModelIndex = QModelIndex | QPersistentModelIndex
SPARK_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS: list[tuple[str, str]] = [
    ("external_id", QT_TRANSLATE_NOOP("AtRiskScreen", "Customer ID")),
    ("name", QT_TRANSLATE_NOOP("AtRiskScreen", "Name")),
    ("flagged_at", QT_TRANSLATE_NOOP("AtRiskScreen", "Flagged")),
    ("signals", QT_TRANSLATE_NOOP("AtRiskScreen", "Why")),
    ("p_alive", QT_TRANSLATE_NOOP("AtRiskScreen", "P(alive)")),
    ("last_purchase", QT_TRANSLATE_NOOP("AtRiskScreen", "Last purchase")),
    ("gap", QT_TRANSLATE_NOOP("AtRiskScreen", "Usually every")),
    ("spend", QT_TRANSLATE_NOOP("AtRiskScreen", "Spend, last 12 months")),
    ("sltv", QT_TRANSLATE_NOOP("AtRiskScreen", "SLTV")),
]
SPEND_COLUMN = [key for key, _ in COLUMNS].index("spend")
DAYS = QT_TRANSLATE_NOOP("AtRiskScreen", "{days} days")
SPENT = QT_TRANSLATE_NOOP("AtRiskScreen", "Spent {total} in the last 12 months")
P_ALIVE_TIP = QT_TRANSLATE_NOOP(
    "AtRiskScreen", "The probability that the customer still buys at all, from the BG/NBD "
    "model fitted on every purchase history. It falls slowly for frequent buyers; their own "
    "rhythm flags them sooner.")


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("AtRiskScreen", text)


def signal_words(signals: list[risk_core.Signal]) -> list[str]:
    from PySide6.QtCore import QCoreApplication

    return [risk_core.describe(s, QCoreApplication.translate) for s in signals]


class AtRiskModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[risk.AtRiskRow] = []

    def set_rows(self, rows: list[risk.AtRiskRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section][1])
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole
                and COLUMNS[section][0] == "p_alive"):
            return _tr(P_ALIVE_TIP)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == SPARK_ROLE and key == "spend":
            return row.monthly_spend
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "signals":
                return "\n".join(signal_words(row.signals))
            if key == "p_alive":
                return _tr(P_ALIVE_TIP)
            if key == "spend":
                return _tr(SPENT).format(
                    total=labels.money(sum(row.monthly_spend), cents=False))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("p_alive", "gap", "sltv"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(row, key)

    @staticmethod
    def _text(row: risk.AtRiskRow, key: str) -> str:
        if key == "external_id":
            return row.external_id or ""
        if key == "name":
            return row.name
        if key == "flagged_at":
            return labels.day(row.flagged_at.astimezone().date())
        if key == "signals":
            return "; ".join(signal_words(row.signals))
        if key == "p_alive":
            if row.p_alive is None:
                return ""
            return ">99%" if row.p_alive > 0.99 else f"{row.p_alive:.0%}"
        if key == "last_purchase":
            return row.last_purchase_on.isoformat() if row.last_purchase_on else ""
        if key == "gap":
            return ("" if row.typical_gap_days is None
                    else _tr(DAYS).format(days=round(row.typical_gap_days)))
        if key == "sltv":
            return labels.money(row.sltv_minor, cents=False) if row.sltv_minor is not None else ""
        return ""


class SparklineDelegate(QStyledItemDelegate):
    """Draws a row's monthly spend as a small line, the last month as a dot."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: ModelIndex) -> None:
        values = index.data(SPARK_ROLE) or []
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(option.rect, option.palette.highlight())  # type: ignore[attr-defined]
        if not values:
            return
        rect: QRect = option.rect.adjusted(6, 5, -6, -5)  # type: ignore[attr-defined]
        top = max(values) or 1
        step = rect.width() / max(len(values) - 1, 1)
        points = [QPointF(rect.left() + i * step,
                          rect.bottom() - (v / top) * rect.height())
                  for i, v in enumerate(values)]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#c9d3df"), 1))
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        painter.setPen(QPen(QColor("#1f6fb2"), 1.6))
        painter.drawPolyline(QPolygonF(points))
        # the last month: red when it fell below a third of the year's best month
        last = QColor("#c0392b") if values[-1] < top / 3 else QColor("#1f6fb2")
        painter.setPen(QPen(last, 1))
        painter.setBrush(last)
        painter.drawEllipse(points[-1], 3.0, 3.0)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(140, 26)


class AtRiskScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("atRiskScreen")
        self.ctx = ctx
        self.may_scan = ctx.actor.can(Permission.IMPORT_CUSTOMERS)
        self.loading = False
        self.scanning = False
        self.last_scan: Any = None
        self.model = AtRiskModel(self)
        self._build()
        self.retranslate()
        ctx.hub.subscribe(self, (Topic.RISK, Topic.CUSTOMERS, Topic.IMPORTS),
                          lambda _changes: self.refresh())
        ctx.hub.language_changed.connect(lambda _code: self.retranslate())
        self.refresh()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("atRiskSummary")
        bar.addWidget(self.summary, 1)
        self.show_combo = QComboBox()
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.show_combo)
        self.scan_button = QPushButton()
        self.scan_button.setObjectName("scanButton")
        self.scan_button.clicked.connect(self.scan_now)
        self.scan_button.setVisible(self.may_scan)
        bar.addWidget(self.scan_button)
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.clicked.connect(self.ask_dismiss)
        self.dismiss_button.setVisible(self.may_scan)
        self.dismiss_button.setEnabled(False)
        bar.addWidget(self.dismiss_button)
        # the customer never left (checked the account, spoke to them): closes the flag and
        # any plan, status active; neither a win-back nor a save
        self.still_button = QPushButton()
        self.still_button.setObjectName("stillCustomerButton")
        self.still_button.clicked.connect(self.confirm_still_customer)
        self.still_button.setVisible(self.may_scan)
        self.still_button.setEnabled(False)
        bar.addWidget(self.still_button)
        root.addLayout(bar)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(False)
        root.addWidget(self.progress)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setObjectName("atRiskTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(SPEND_COLUMN, SparklineDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The reasons take what is left; the sparkline keeps its width (1280×800 fits).
        for col, width in enumerate((84, 80, 92, 300, 76, 100, 96, 160, 90)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        splitter.addWidget(self.table)
        self.details = QTextBrowser()
        self.details.setObjectName("atRiskDetails")
        splitter.addWidget(self.details)
        self.details.setMinimumHeight(60)
        splitter.setSizes([560, 110])
        root.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        root.addWidget(self.message)

    def retranslate(self) -> None:
        current = self.show_combo.currentData() if self.show_combo.count() else risk.OPEN
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItem(self.tr("Open flags"), risk.OPEN)
        self.show_combo.addItem(self.tr("All flags"), None)
        self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(current)))
        self.show_combo.blockSignals(False)
        self.scan_button.setText(self.tr("Scan now"))
        self.dismiss_button.setText(self.tr("Dismiss flag…"))
        self.still_button.setText(self.tr("Still a customer"))
        self.still_button.setToolTip(self.tr(
            "The customer never left: status back to active, the flag closed, any plan ended; "
            "counted as neither a win-back nor a save"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show_summary()
        self._selected()

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        db, actor = self.ctx.db, self.ctx.actor
        status = self.show_combo.currentData()

        def work(_ctl: Any) -> tuple[list[risk.AtRiskRow], datetime | None]:
            return risk.list_flags(db, actor, status=status), risk.last_scan_at(db)

        def done(result: tuple[list[risk.AtRiskRow], datetime | None]) -> None:
            self.loading = False
            rows, self.last_scan = result
            self.model.set_rows(rows)
            self._show_summary()
            self._selected()

        ServiceOp(self, work, hub=self.ctx.hub).success(done).failure(self._failed).run()

    def _failed(self, error: OpError) -> None:
        self.loading = False
        self.scanning = False
        self.progress.setVisible(False)
        self.scan_button.setEnabled(True)
        self.message.setText(error.text)

    def _show_summary(self) -> None:
        count = len(self.model.rows)
        when = (labels.day(self.last_scan) if self.last_scan is not None
                else self.tr("never"))
        self.summary.setText(self.tr("{count} customers flagged. Last scan: {when}.").format(
            count=count, when=when))

    def selected_row(self) -> risk.AtRiskRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selected(self, *_args: Any) -> None:
        row = self.selected_row()
        self.dismiss_button.setEnabled(row is not None and row.status == "at_risk")
        self.still_button.setEnabled(row is not None and row.status == "at_risk")
        if row is None:
            self.details.setPlainText(self.tr("Select a customer to see why they were "
                                              "flagged."))
            return
        items = "".join(f"<li>{w}</li>" for w in signal_words(row.signals))
        head = self.tr("{name} ({id}) — {status}").format(
            name=row.name, id=row.external_id or row.customer_id,
            status=labels.status(row.status))
        self.details.setHtml(f"<b>{head}</b><ul>{items}</ul>")

    # ----------------------------------------------------------------- actions

    def scan_now(self) -> None:
        if self.scanning:
            return
        self.scanning = True
        self.scan_button.setEnabled(False)
        self.progress.setRange(0, 4)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Scanning purchase histories…"))
        db, actor = self.ctx.db, self.ctx.actor

        def work(ctl: Any) -> risk.ScanResult:
            return risk.scan(db, actor, progress=lambda _s, d, t: ctl.progress(d, t))

        def progress(done: int, total: int, _label: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        def done(result: risk.ScanResult) -> None:
            self.scanning = False
            self.progress.setVisible(False)
            self.scan_button.setEnabled(True)
            self.message.setText(self.tr(
                "Scanned {scanned} customers: {flagged} newly flagged at risk, {queued} "
                "queued in save campaigns.").format(scanned=result.scanned,
                                                    flagged=len(result.flagged),
                                                    queued=result.queued))

        # the result's changes (risk, customers, queue) are broadcast by the op
        (ServiceOp(self, work, hub=self.ctx.hub).success(done).failure(self._failed)
         .progress(progress).run())

    def ask_dismiss(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        note, ok = QInputDialog.getText(
            self, self.tr("Dismiss flag"),
            self.tr("Why is {name} not at risk? (kept in the audit log)").format(name=row.name))
        if ok:
            self.dismiss(row.flag_id, note.strip() or None)

    def confirm_still_customer(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        db, actor, name, cid = self.ctx.db, self.ctx.actor, row.name, row.customer_id

        def done(_effects: object) -> None:
            self.message.setText(self.tr("{name} is still a customer: the flag is closed and "
                                         "their status is active.").format(name=name))

        (ServiceOp(self, lambda _ctl: customer_outcomes.confirm_still_customer(db, actor, cid),
                   hub=self.ctx.hub)
         .publishes(Topic.RISK, Topic.CUSTOMERS).success(done).failure(self._failed).run())

    def dismiss(self, flag_id: int, note: str | None) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(status: str) -> None:
            self.message.setText(self.tr("Flag dismissed; the customer is {status} again.")
                                 .format(status=labels.status(status)))

        (ServiceOp(self, lambda _ctl: risk.dismiss(db, actor, flag_id, note), hub=self.ctx.hub)
         .publishes(Topic.RISK, Topic.CUSTOMERS).success(done).failure(self._failed).run())


register(ScreenSpec(
    key="at_risk",
    title=QT_TRANSLATE_NOOP("Screens", "At risk"),
    permission=Permission.VIEW_CUSTOMERS,
    factory=lambda ctx: AtRiskScreen(ctx),
    order=46,
))
