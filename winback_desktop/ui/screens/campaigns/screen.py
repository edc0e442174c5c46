"""Admin screen: win-back and save campaigns.

A campaign is a queue with rules: which customers (segment, tier, reason, status,
import batch), when they may be called (a window on the customer's own clock), how
hard to try (attempts, retry gap), how long an agent may hold one (lease), how SLTV is
computed for it, and which agents work it. Before starting, "Preview" shows how many
customers each rule would skip right now, so nobody starts an empty campaign by
mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import segmentation as seg
from winback_desktop.core.domain import CampaignKind, CustomerStatus, Treatment
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.core.sltv import SltvParams
from winback_desktop.services import campaigns as service
from winback_desktop.services.campaigns import CampaignChange, CampaignInfo, CampaignPreview
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.relabel import relabel
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

#: preview fields, in the order the rules apply (a customer counts under the first rule
#: that skips it)
PREVIEW_LABELS: dict[str, str] = {
    "matching": QT_TRANSLATE_NOOP("CampaignsScreen", "Customers matching the filter"),
    "do_not_call": QT_TRANSLATE_NOOP("CampaignsScreen", "Skipped: do not call"),
    "outside_window": QT_TRANSLATE_NOOP("CampaignsScreen",
                                        "Skipped now: outside their calling window"),
    "attempts_exhausted": QT_TRANSLATE_NOOP("CampaignsScreen", "Skipped: attempts used up"),
    "do_not_pursue": QT_TRANSLATE_NOOP("CampaignsScreen", "Skipped: segment is do-not-pursue"),
    "eligible": QT_TRANSLATE_NOOP("CampaignsScreen", "Eligible to call now"),
    "already_queued": QT_TRANSLATE_NOOP("CampaignsScreen", "Already in this campaign's queue"),
}


class _Checks(QWidget):
    """A row of checkboxes for a set of codes; none checked means "any"."""

    def __init__(self, codes: list[str], columns: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, code in enumerate(codes):
            box = QCheckBox(vocab.name(code))
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[code] = box

    def values(self) -> list[str]:
        return [c for c, b in self.boxes.items() if b.isChecked()]

    def set_values(self, values: Any) -> None:
        chosen = {str(v) for v in (values or [])}
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)


class CampaignsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignsScreen")
        self.ctx = ctx
        self._ops = OpGroup(self, ctx.hub, serial=True, retry_locked=True)
        self.campaigns: list[CampaignInfo] = []
        self.current_id: int | None = None
        self.preview_result: Any = None
        self._pending_agents: list[int] = []
        root = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(splitter)

        # -- left: the list
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("campaignList")
        self.table.setHorizontalHeaderLabels([self.tr("Campaign"), self.tr("Kind"),
                                              self.tr("Status"), self.tr("Open tasks")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        ll.addWidget(self.table, 1)
        preview_box = QGroupBox(self.tr("Preview: who would be called"))
        pl = QVBoxLayout(preview_box)
        self.preview_table = QTableWidget(0, 2)
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Customers")])
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.preview_table.setMinimumHeight(240)
        pl.addWidget(self.preview_table)
        ll.addWidget(preview_box)

        lb = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New campaign"))
        self.new_button.clicked.connect(self.new_campaign)
        lb.addWidget(self.new_button)
        self.reload_button = QPushButton(self.tr("Refresh"))
        self.reload_button.clicked.connect(self.reload)
        lb.addWidget(self.reload_button)
        lb.addStretch(1)
        ll.addLayout(lb)
        splitter.addWidget(left)

        # -- right: the form
        form_host = QWidget()
        fl = QVBoxLayout(form_host)
        self.heading = QLabel()
        hf = self.heading.font()
        hf.setPointSizeF(hf.pointSizeF() * 1.3)
        hf.setBold(True)
        self.heading.setFont(hf)
        fl.addWidget(self.heading)

        basics = QGroupBox(self.tr("Campaign"))
        bf = QFormLayout(basics)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("campaignName")
        bf.addRow(self.tr("Name:"), self.name_edit)
        self.kind_combo = QComboBox()
        for k in CampaignKind:
            self.kind_combo.addItem(vocab.name(k.value), k.value)
        bf.addRow(self.tr("Kind:"), self.kind_combo)
        self.status_label = QLabel("—")
        bf.addRow(self.tr("Status:"), self.status_label)
        fl.addWidget(basics)

        filt = QGroupBox(self.tr("Which customers (nothing ticked = any)"))
        ff = QFormLayout(filt)
        self.segment_checks = _Checks([t.value for t in Treatment])
        ff.addRow(self.tr("Segment:"), self.segment_checks)
        self.tier_checks = _Checks(seg.TIERS, 5)
        ff.addRow(self.tr("SLTV tier:"), self.tier_checks)
        self.reason_checks = _Checks(seg.REASONS, 2)
        ff.addRow(self.tr("Defection reason:"), self.reason_checks)
        self.status_checks = _Checks([CustomerStatus.LOST.value, CustomerStatus.AT_RISK.value])
        ff.addRow(self.tr("Customer status:"), self.status_checks)
        self.batch_edit = QLineEdit()
        self.batch_edit.setPlaceholderText(self.tr("import batch numbers, e.g. 3, 4"))
        ff.addRow(self.tr("Import batch:"), self.batch_edit)
        fl.addWidget(filt)

        rules = QGroupBox(self.tr("Calling rules"))
        rf = QFormLayout(rules)
        window = QHBoxLayout()
        self.window_start = QTimeEdit()
        self.window_start.setDisplayFormat("HH:mm")
        self.window_end = QTimeEdit()
        self.window_end.setDisplayFormat("HH:mm")
        window.addWidget(self.window_start)
        window.addWidget(QLabel("–"))
        window.addWidget(self.window_end)
        window.addWidget(QLabel(self.tr("(customer's local time)")))
        window.addStretch(1)
        rf.addRow(self.tr("Calling window:"), window)
        self.max_attempts = QSpinBox()
        self.max_attempts.setRange(1, 50)
        rf.addRow(self.tr("Max attempts:"), self.max_attempts)
        self.retry_gap = QSpinBox()
        self.retry_gap.setRange(0, 60 * 24 * 30)
        self.retry_gap.setSuffix(self.tr(" min"))
        rf.addRow(self.tr("Retry gap:"), self.retry_gap)
        self.lease = QSpinBox()
        self.lease.setRange(1, 240)
        self.lease.setSuffix(self.tr(" min"))
        rf.addRow(self.tr("Lease (hold) time:"), self.lease)
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("queueOrder")
        self.order_combo.addItem(self.tr("Highest SLTV first"), "sltv")
        self.order_combo.addItem(self.tr("Highest expected value first"), "expected_value")
        self.order_combo.setToolTip(self.tr(
            "Expected value = P(win-back) learned from the team's outcomes × SLTV − expected "
            "offer cost − contact cost. Due callbacks always come first."))
        rf.addRow(self.tr("Queue order:"), self.order_combo)
        side_by_side = QHBoxLayout()
        side_by_side.addWidget(rules)

        params = QGroupBox(self.tr("SLTV parameters"))
        pf = QFormLayout(params)
        self.r_spin = self._percent()
        pf.addRow(self.tr("Retention rate r:"), self.r_spin)
        self.d_spin = self._percent()
        pf.addRow(self.tr("Discount rate d:"), self.d_spin)
        self.t_spin = QSpinBox()
        self.t_spin.setRange(1, 30)
        self.t_spin.setSuffix(self.tr(" years"))
        pf.addRow(self.tr("Horizon T:"), self.t_spin)
        self.margin_spin = self._percent()
        pf.addRow(self.tr("Margin rate:"), self.margin_spin)
        self.contact_cost = QDoubleSpinBox()
        self.contact_cost.setRange(0, 1e9)
        self.contact_cost.setDecimals(2)
        self.contact_cost.setPrefix("¥ ")
        pf.addRow(self.tr("Contact cost:"), self.contact_cost)
        side_by_side.addWidget(params)
        fl.addLayout(side_by_side)

        agents_box = QGroupBox(self.tr("Agents working this campaign"))
        al = QVBoxLayout(agents_box)
        self.agent_list = QListWidget()
        self.agent_list.setObjectName("agentChecklist")
        self.agent_list.setMinimumHeight(120)
        al.addWidget(self.agent_list)
        fl.addWidget(agents_box)

        self.status = QLabel()
        self.status.setObjectName("campaignStatus")
        self.status.setWordWrap(True)
        fl.addWidget(self.status)
        fl.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.start_button = QPushButton(self.tr("S&tart"))
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(self.tr("P&ause"))
        self.pause_button.clicked.connect(self.pause)
        for b in (self.save_button, self.preview_button, self.start_button, self.pause_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 700])
        self.new_campaign()
        self.reload()
        self._load_agents()

    @staticmethod
    def _percent() -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, 100)
        spin.setDecimals(1)
        spin.setSuffix(" %")
        return spin

    # -------------------------------------------------------------- background work
    def _run(self, fn: Callable[[], Any], ok: Callable[[Any], None]) -> None:
        def failed(error: OpError) -> None:
            if not error.cancelled:
                self.message(error.text, error=True)

        (self._ops.op(lambda _ctl: fn()).success(ok).failure(failed)
         .finally_(self._buttons).run())
        self._buttons()

    def idle(self) -> bool:
        return self._ops.idle()

    def message(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color:#b71c1c;" if error else "color:#1b5e20;")
        self.status.setText(text)

    def _buttons(self) -> None:
        busy = not self._ops.idle()
        existing = self.current_id is not None
        status = self._current_status()
        self.save_button.setEnabled(not busy)
        self.preview_button.setEnabled(not busy and existing)
        self.start_button.setEnabled(not busy and existing and status != "running")
        self.pause_button.setEnabled(not busy and existing and status == "running")

    def _current_status(self) -> str | None:
        for c in self.campaigns:
            if c.id == self.current_id:
                return str(c.status)
        return None

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: fixed texts, then the list's kinds and statuses."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "table"):
            relabel(self)
            self.reload()

    # -------------------------------------------------------------- loading
    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        self._run(lambda: service.overview(db, actor), self._show_list)

    def _show_list(self, rows: list[CampaignInfo]) -> None:
        self.campaigns = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        select_row = -1
        for r, c in enumerate(rows):
            cells = [c.name, vocab.name(c.kind), vocab.name(c.status),
                     _count(c.open_tasks)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(r, col, item)
            if c.id == self.current_id:
                select_row = r
        self.table.blockSignals(False)
        if select_row >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(select_row)
            self.table.blockSignals(False)
            self._fill(rows[select_row], keep_message=True)

    def _load_agents(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def ok(agents: list[Any]) -> None:
            checked = self.checked_agents()
            self.agent_list.clear()
            for uid, login, display in agents:
                item = QListWidgetItem(f"{display or login} ({login})")
                item.setData(Qt.ItemDataRole.UserRole, uid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if uid in checked
                                   else Qt.CheckState.Unchecked)
                self.agent_list.addItem(item)
            if self.current_id is not None:
                self._fill_agents(self._pending_agents)

        self._run(lambda: service.assignable_agents(db, actor), ok)

    def checked_agents(self) -> set[int]:
        out = set()
        for i in range(self.agent_list.count()):
            item = self.agent_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _fill_agents(self, ids: Any) -> None:
        wanted = {int(i) for i in (ids or [])}
        self._pending_agents = list(wanted)
        for i in range(self.agent_list.count()):
            item = self.agent_list.item(i)
            item.setCheckState(Qt.CheckState.Checked
                               if int(item.data(Qt.ItemDataRole.UserRole)) in wanted
                               else Qt.CheckState.Unchecked)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        campaign = self.campaigns[rows[0].row()]
        self._fill(campaign)

    def new_campaign(self) -> None:
        self.current_id = None
        self.table.clearSelection()
        self.heading.setText(self.tr("New campaign"))
        self.name_edit.clear()
        self.kind_combo.setCurrentIndex(0)
        self.status_label.setText(vocab.name("draft"))
        for checks in (self.segment_checks, self.tier_checks, self.reason_checks):
            checks.set_values([])
        self.status_checks.set_values([CustomerStatus.LOST.value])
        self.batch_edit.clear()
        self.window_start.setTime(QTime(9, 0))
        self.window_end.setTime(QTime(20, 0))
        self.max_attempts.setValue(5)
        self.retry_gap.setValue(240)
        self.lease.setValue(15)
        self.order_combo.setCurrentIndex(0)
        self._fill_params(SltvParams())
        self._fill_agents([])
        self.preview_table.setRowCount(0)
        self.message("")
        self._buttons()

    def _fill_params(self, p: SltvParams) -> None:
        self.r_spin.setValue(p.retention_rate * 100)
        self.d_spin.setValue(p.discount_rate * 100)
        self.t_spin.setValue(p.horizon_years)
        self.margin_spin.setValue(p.margin_rate * 100)
        self.contact_cost.setValue(p.contact_cost_minor / 100)

    def _fill(self, c: CampaignInfo, *, keep_message: bool = False) -> None:
        self.current_id = c.id
        self.heading.setText(c.name)
        self.name_edit.setText(c.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(c.kind)))
        self.status_label.setText(vocab.name(c.status))
        flt = c.customer_filter or {}
        self.segment_checks.set_values(flt.get("segment"))
        self.tier_checks.set_values(flt.get("tier"))
        self.reason_checks.set_values(flt.get("reason"))
        self.status_checks.set_values(flt.get("status"))
        self.batch_edit.setText(", ".join(str(b) for b in flt.get("import_batch_id") or []))
        self.window_start.setTime(QTime(c.window_start.hour, c.window_start.minute))
        self.window_end.setTime(QTime(c.window_end.hour, c.window_end.minute))
        self.max_attempts.setValue(c.max_attempts)
        self.retry_gap.setValue(c.retry_gap_minutes)
        self.lease.setValue(c.lease_minutes)
        self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(c.queue_order)))
        self._fill_params(SltvParams.from_mapping(c.sltv_params))
        self._fill_agents(c.agent_ids)
        if not keep_message:
            self.preview_table.setRowCount(0)
            self.message("")
        self._buttons()

    # -------------------------------------------------------------- values
    def values(self) -> dict[str, Any]:
        flt: dict[str, Any] = {}
        for key, checks in (("segment", self.segment_checks), ("tier", self.tier_checks),
                            ("reason", self.reason_checks), ("status", self.status_checks)):
            chosen = checks.values()
            if chosen:
                flt[key] = chosen
        batches = [int(p) for p in self.batch_edit.text().replace("，", ",").split(",")
                   if p.strip().isdigit()]
        if batches:
            flt["import_batch_id"] = batches
        ws, we = self.window_start.time(), self.window_end.time()
        defaults = SltvParams()
        params = SltvParams(
            retention_rate=round(self.r_spin.value() / 100, 4),
            discount_rate=round(self.d_spin.value() / 100, 4),
            horizon_years=self.t_spin.value(),
            margin_rate=round(self.margin_spin.value() / 100, 4),
            win_back_cost_minor=defaults.win_back_cost_minor,
            contact_cost_minor=round(self.contact_cost.value() * 100),
        )
        return {
            "name": self.name_edit.text().strip(),
            "kind": str(self.kind_combo.currentData()),
            "customer_filter": flt,
            "window_start": time(ws.hour(), ws.minute()),
            "window_end": time(we.hour(), we.minute()),
            "max_attempts": self.max_attempts.value(),
            "retry_gap_minutes": self.retry_gap.value(),
            "lease_minutes": self.lease.value(),
            "sltv_params": params.as_dict(),
            "queue_order": str(self.order_combo.currentData()),
        }

    # -------------------------------------------------------------- actions
    def save(self) -> None:
        values = self.values()
        if not values["name"]:
            self.message(self.tr("Give the campaign a name."), error=True)
            self.name_edit.setFocus()
            return
        values["agent_ids"] = sorted(self.checked_agents())
        db, actor, cid = self.ctx.db, self.ctx.actor, self.current_id

        def work() -> CampaignChange:
            # new SLTV parameters re-rank the campaign's queue in the same transaction
            if cid is None:
                return service.create(db, actor, values.pop("name"), **values)
            return service.update(db, actor, cid, **values)

        self.message(self.tr("Saving…"))

        def ok(done: CampaignChange) -> None:
            self.current_id = done.campaign.id
            self.message(self.tr("Campaign saved."))
            self.reload()

        self._run(work, ok)

    def preview(self) -> None:
        if self.current_id is None:
            return
        db, actor, cid = self.ctx.db, self.ctx.actor, self.current_id

        self._run(lambda: service.preview_now(db, actor, cid), self.show_preview)

    def show_preview(self, result: CampaignPreview) -> None:
        self.preview_result = result
        data = result.as_dict()
        rows = [(key, data[key]) for key in PREVIEW_LABELS if key in data]
        self.preview_table.setRowCount(len(rows))
        for r, (key, n) in enumerate(rows):
            label = QTableWidgetItem(self._preview_label(key))
            label.setData(Qt.ItemDataRole.UserRole, key)
            self.preview_table.setItem(r, 0, label)
            item = QTableWidgetItem(_count(n))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key == "eligible":
                for cell in (label, item):
                    f = cell.font()
                    f.setBold(True)
                    cell.setFont(f)
            self.preview_table.setItem(r, 1, item)

    def _preview_label(self, key: str) -> str:
        source = PREVIEW_LABELS.get(key)
        if source is None:
            return key.replace("_", " ")
        return QCoreApplication.translate("CampaignsScreen", source)

    def start(self) -> None:
        if self.current_id is None:
            return
        db, actor, cid = self.ctx.db, self.ctx.actor, self.current_id

        def ok(done: CampaignChange) -> None:
            self.message(self.tr("Campaign started: {n} customers added to the queue.")
                         .format(n=f"{done.tasks_added:,}"))
            self.reload()

        self.message(self.tr("Working…"))
        # the new tasks are valued with the campaign's parameters in the same transaction
        self._run(lambda: service.start(db, actor, cid), ok)

    def pause(self) -> None:
        if self.current_id is None:
            return
        db, actor, cid = self.ctx.db, self.ctx.actor, self.current_id
        self.message(self.tr("Working…"))

        def ok(_done: CampaignChange) -> None:
            self.message(self.tr("Campaign paused."))
            self.reload()

        self._run(lambda: service.pause(db, actor, cid), ok)


def _count(value: Any) -> str:
    if value is None:
        return "—"
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def _factory(ctx: AppContext) -> QWidget:
    return CampaignsScreen(ctx)


SPEC = register(ScreenSpec(
    key="campaigns",
    title=QT_TRANSLATE_NOOP("Screens", "Campaigns"),
    permission=Permission.MANAGE_CAMPAIGNS,
    factory=_factory,
    order=60,
))
