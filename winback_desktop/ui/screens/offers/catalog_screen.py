"""Offer catalogue, authority matrix and offers report (issue 7).

Supervisors edit the catalogue (every save of an existing offer makes a new version;
requests keep the version they were given). The authority matrix (role × SLTV tier →
highest cost approved without asking) and per-person overrides are edited by admins
and shown read-only to supervisors. The report tab shows acceptance, cost per
accepted offer, return per offer and approval turnaround, and exports them to xlsx.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.io import offers_xlsx
from winback_desktop.services import offer_actions, offers
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.screens.offers import texts as T
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

CATALOGUE_COLUMNS = [
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Code"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Version"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Name"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Kind"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Cost rule"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "For"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Valid"),
    QT_TRANSLATE_NOOP("OfferCatalogScreen", "Active"),
]
REPORT_COLUMNS = ["code", "name", "requests", "auto_approved", "approved", "rejected", "expired",
                  "accepted", "declined", "win_backs", "saves", "acceptance_rate", "cost_minor",
                  "sltv_recovered_minor", "return_minor", "cost_per_accepted_offer_minor",
                  "roi"]
NO_DATE = QDate(2000, 1, 1)


def _ctr(text: str) -> str:
    return QCoreApplication.translate("OfferCatalogScreen", text)


# The role code behind a role's name in the overrides table.
_ROLE_CODE = Qt.ItemDataRole.UserRole + 1


class OfferCatalogScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.templates: list[offers.TemplateInfo] = []
        self.current: offers.TemplateInfo | None = None
        self.report: offers.OfferReport | None = None
        self.can_edit = ctx.actor.can(Permission.EDIT_OFFERS)
        self.is_admin = ctx.actor.can(Permission.MANAGE_SETTINGS)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._build_catalogue()
        self._build_authority()
        self._build_report()
        self.retranslate()
        ctx.hub.language_changed.connect(lambda _l: self.retranslate())
        self._ops = OpGroup(self, ctx.hub)
        ctx.hub.subscribe(self, [Topic.OFFERS], lambda _changes: self.load())
        self.load()

    # ---------------------------------------------------------------- building

    def _build_catalogue(self) -> None:
        page = QWidget()
        self.catalogue_page = page
        split = QSplitter(Qt.Orientation.Horizontal, page)
        lay = QVBoxLayout(page)
        lay.addWidget(split)
        self.table = QTableWidget(0, len(CATALOGUE_COLUMNS), split)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)  # eligibility: elided
        self.table.itemSelectionChanged.connect(self._selected)

        editor = QWidget(split)
        elay = QVBoxLayout(editor)
        elay.setContentsMargins(6, 0, 0, 0)
        self.form_box = QGroupBox(editor)
        form = QFormLayout(self.form_box)
        self.labels: dict[str, QLabel] = {}

        def row(key: str, widget: QWidget) -> None:
            label = QLabel(self.form_box)
            self.labels[key] = label
            form.addRow(label, widget)

        self.code = QLineEdit(self.form_box)
        self.name = QLineEdit(self.form_box)
        self.kind = QComboBox(self.form_box)
        self.rule_type = QComboBox(self.form_box)
        self.amount = QDoubleSpinBox(self.form_box)
        self.amount.setRange(0, 10_000_000)
        self.amount.setPrefix("¥")
        self.percent = QDoubleSpinBox(self.form_box)
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.months = QSpinBox(self.form_box)
        self.months.setRange(1, 36)
        self.min_cost = QDoubleSpinBox(self.form_box)
        self.min_cost.setRange(0, 10_000_000)
        self.min_cost.setPrefix("¥")
        self.max_cost = QDoubleSpinBox(self.form_box)
        self.max_cost.setRange(0, 10_000_000)
        self.max_cost.setPrefix("¥")
        self.win_probability = QSpinBox(self.form_box)
        self.win_probability.setRange(1, 100)
        self.win_probability.setSuffix(" %")
        for key, widget in [("code", self.code), ("name", self.name), ("kind", self.kind),
                            ("rule", self.rule_type), ("amount", self.amount),
                            ("percent", self.percent), ("months", self.months),
                            ("min", self.min_cost), ("max", self.max_cost),
                            ("win", self.win_probability)]:
            row(key, widget)
        self.rule_type.currentIndexChanged.connect(self._rule_fields)

        reasons = QWidget(self.form_box)
        rgrid = QGridLayout(reasons)
        rgrid.setContentsMargins(0, 0, 0, 0)
        self.reason_boxes: dict[str, QCheckBox] = {}
        for i, reason in enumerate(T.REASONS):
            box = QCheckBox(reasons)
            self.reason_boxes[reason] = box
            rgrid.addWidget(box, i // 2, i % 2)
        row("reasons", reasons)
        tiers = QWidget(self.form_box)
        tlay = QHBoxLayout(tiers)
        tlay.setContentsMargins(0, 0, 0, 0)
        self.tier_boxes: dict[str, QCheckBox] = {}
        for tier in T.TIERS:
            box = QCheckBox(tiers)
            self.tier_boxes[tier] = box
            tlay.addWidget(box)
        tlay.addStretch(1)
        row("tiers", tiers)
        self.campaigns = QLineEdit(self.form_box)
        row("campaigns", self.campaigns)
        self.valid_from = QDateEdit(self.form_box)
        self.valid_to = QDateEdit(self.form_box)
        for d in (self.valid_from, self.valid_to):
            d.setCalendarPopup(True)
            d.setMinimumDate(NO_DATE)
            d.setDisplayFormat("yyyy-MM-dd")
        row("from", self.valid_from)
        row("to", self.valid_to)
        self.active = QCheckBox(self.form_box)
        row("active", self.active)
        elay.addWidget(self.form_box)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(editor)
        self.new_button.clicked.connect(self.new_offer)
        self.save_button = QPushButton(editor)
        self.save_button.clicked.connect(self.save)
        self.defaults_button = QPushButton(editor)
        self.defaults_button.clicked.connect(self.add_defaults)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        elay.addLayout(buttons)
        elay.addStretch(1)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.tabs.addTab(page, "")
        for w in (self.save_button, self.new_button, self.defaults_button):
            w.setEnabled(self.can_edit)

    def _build_authority(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.authority_hint = QLabel(page)
        self.authority_hint.setWordWrap(True)
        lay.addWidget(self.authority_hint)
        self.matrix = QTableWidget(3, len(T.TIERS), page)
        self.matrix.setFixedHeight(150)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.matrix)
        self.overrides_label = QLabel(page)
        lay.addWidget(self.overrides_label)
        self.overrides = QTableWidget(0, 4, page)
        self.overrides.verticalHeader().hide()
        self.overrides.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.overrides, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_matrix_button = QPushButton(page)
        self.save_matrix_button.clicked.connect(self.save_authority)
        self.save_matrix_button.setEnabled(self.is_admin)
        row.addWidget(self.save_matrix_button)
        lay.addLayout(row)
        if not self.is_admin:
            for t in (self.matrix, self.overrides):
                t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs.addTab(page, "")

    def _build_report(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.summary)
        self.report_table = QTableWidget(0, len(REPORT_COLUMNS), page)
        self.report_table.verticalHeader().hide()
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.report_table, 1)
        row = QHBoxLayout()
        self.report_refresh = QPushButton(page)
        self.report_refresh.clicked.connect(self.load_report)
        self.export_button = QPushButton(page)
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(self.ctx.actor.can(Permission.EXPORT_DATA))
        row.addStretch(1)
        row.addWidget(self.report_refresh)
        row.addWidget(self.export_button)
        lay.addLayout(row)
        self.tabs.addTab(page, "")

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        for row in range(self.overrides.rowCount()):
            item = self.overrides.item(row, 2)
            if item is not None and item.data(_ROLE_CODE):
                item.setText(T.role_text(str(item.data(_ROLE_CODE))))
        self.tabs.setTabText(0, self.tr("Catalogue"))
        self.tabs.setTabText(1, self.tr("Authority"))
        self.tabs.setTabText(2, self.tr("Report"))
        self.table.setHorizontalHeaderLabels([_ctr(c) for c in CATALOGUE_COLUMNS])
        texts = {"code": self.tr("Code"), "name": self.tr("Name (English / 中文)"),
                 "kind": self.tr("Kind"), "rule": self.tr("Cost rule"),
                 "amount": self.tr("Amount"), "percent": self.tr("Percent of revenue"),
                 "months": self.tr("Months"), "min": self.tr("At least"),
                 "max": self.tr("At most (0: no cap)"), "win": self.tr("Chance it wins back"),
                 "reasons": self.tr("Defection reasons"), "tiers": self.tr("SLTV tiers"),
                 "campaigns": self.tr("Campaigns"), "from": self.tr("Valid from"),
                 "to": self.tr("Valid until"), "active": self.tr("Active")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.form_box.setTitle(self.tr("Offer"))
        self.campaigns.setPlaceholderText(self.tr("all (or names/ids, comma separated)"))
        for d in (self.valid_from, self.valid_to):
            d.setSpecialValueText(self.tr("no limit"))
        self.active.setText(self.tr("Offered to agents"))
        for reason, box in self.reason_boxes.items():
            box.setText(T.reason_text(reason))
        for tier, box in self.tier_boxes.items():
            box.setText(T.tier_text(tier))
        kind, rule = self.kind.currentData(), self.rule_type.currentData()
        self.kind.clear()
        for k in T.KINDS:
            self.kind.addItem(T.kind_text(k), k)
        self.rule_type.clear()
        for r, text in T.RULES.items():
            self.rule_type.addItem(T.tr(text), r)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.rule_type.setCurrentIndex(max(self.rule_type.findData(rule), 0))
        self.new_button.setText(self.tr("New offer"))
        self.defaults_button.setText(self.tr("Add shipped offers"))
        self.defaults_button.setToolTip(self.tr(
            "Add the default offers that come with Winback Desktop and are not in the "
            "catalogue yet"))
        self._save_text()
        self.authority_hint.setText(self.tr(
            "Highest offer cost each role may give without asking anyone, per SLTV tier. "
            "A person's own limit, when set, wins over their role's."))
        self.matrix.setHorizontalHeaderLabels([T.tier_text(t) for t in T.TIERS])
        self.matrix.setVerticalHeaderLabels([T.role_text(r) for r in ("agent", "supervisor",
                                                                      "admin")])
        self.overrides_label.setText(self.tr("Per-person limits (empty: use the matrix)"))
        self.overrides.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Name"),
                                                  self.tr("Role"), self.tr("Own limit (¥)")])
        self.save_matrix_button.setText(self.tr("Save authority"))
        self.report_table.setHorizontalHeaderLabels(
            [QCoreApplication.translate(offers_xlsx.CONTEXT, label)
             for key, label, _f in offers_xlsx.OFFER_COLUMNS if key in REPORT_COLUMNS])
        self.report_refresh.setText(self.tr("Refresh"))
        self.export_button.setText(self.tr("Export xlsx…"))
        self._render_templates()
        self._render_report()

    def _save_text(self) -> None:
        self.save_button.setText(self.tr("Create offer") if self.current is None
                                 else self.tr("Save as new version"))

    # ------------------------------------------------------------------ loading

    def _fail(self, error: OpError) -> None:
        self.message.setStyleSheet("color:#b00020")
        self.message.setText(error.text)

    def _ok(self, text: str) -> None:
        self.message.setStyleSheet("color:#1b7f3b")
        self.message.setText(text)

    def load(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(setup: offer_actions.OfferSetup) -> None:
            self.templates = setup.templates
            self._render_templates()
            self._render_authority(setup.matrix, setup.overrides)

        self._ops.op(lambda _c: offer_actions.offer_setup(db, actor)).success(done).failure(
            self._fail).run()
        self.load_report()

    def _render_templates(self) -> None:
        lang = self.ctx.language
        self.table.setRowCount(len(self.templates))
        for row, t in enumerate(self.templates):
            elig = t.eligibility
            parts = [", ".join(elig.get("tiers") or [])] if elig.get("tiers") else []
            if elig.get("reasons"):
                parts.append(", ".join(T.reason_text(r) for r in elig["reasons"]))
            valid = "–".join(str(d) if d else "…" for d in (t.valid_from, t.valid_to)) \
                if (t.valid_from or t.valid_to) else self.tr("always")
            values = [t.code, str(t.version), T.offer_name(t.name, lang), T.kind_text(t.kind),
                      self._rule_text(t.cost_rule), "; ".join(parts) or self.tr("everyone"),
                      valid, self.tr("yes") if t.active else self.tr("no")]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                item.setToolTip(value)
                self.table.setItem(row, col, item)

    def _rule_text(self, rule: dict[str, Any]) -> str:
        kind = rule.get("type")
        if kind == "fixed":
            text = T.money(int(rule.get("amount_minor") or 0))
        elif kind == "percent_revenue":
            text = self.tr("{p}% of revenue × {m} months").format(
                p=rule.get("percent"), m=rule.get("months", 12))
        else:
            text = self.tr("{m} month(s) of revenue").format(m=rule.get("months"))
        if rule.get("max_minor") is not None:
            text += " " + self.tr("(max {v})").format(v=T.money(rule["max_minor"]))
        return text

    def _render_authority(self, matrix: dict[tuple[str, str], int], overrides: list) -> None:
        for r, role in enumerate(("agent", "supervisor", "admin")):
            for c, tier in enumerate(T.TIERS):
                item = QTableWidgetItem(f"{matrix.get((role, tier), 0) / 100:,.2f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.matrix.setItem(r, c, item)
        self.overrides.setRowCount(len(overrides))
        for row, (uid, login, name, role, value) in enumerate(overrides):
            for col, text in enumerate([login, name, T.role_text(role),
                                        "" if value is None else f"{value / 100:,.2f}"]):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, uid)
                if col == 2:
                    item.setData(_ROLE_CODE, role)  # worded again on a language switch
                if col < 3:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.overrides.setItem(row, col, item)

    # ------------------------------------------------------------------ editing

    def _rule_fields(self) -> None:
        kind = self.rule_type.currentData()
        self.amount.setEnabled(kind == "fixed")
        self.percent.setEnabled(kind == "percent_revenue")
        self.months.setEnabled(kind in ("percent_revenue", "free_period"))

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        t = self.templates[rows[0].row()]
        self.current = t
        self.code.setText(t.code)
        self.code.setReadOnly(True)
        self.name.setText(t.name)
        self.kind.setCurrentIndex(max(self.kind.findData(t.kind), 0))
        rule = t.cost_rule
        self.rule_type.setCurrentIndex(max(self.rule_type.findData(rule.get("type")), 0))
        self.amount.setValue((rule.get("amount_minor") or 0) / 100)
        self.percent.setValue(float(rule.get("percent") or 0))
        self.months.setValue(int(rule.get("months") or 1))
        self.min_cost.setValue((rule.get("min_minor") or 0) / 100)
        self.max_cost.setValue((rule.get("max_minor") or 0) / 100)
        self.win_probability.setValue(round(float(rule.get("win_probability") or 1) * 100))
        elig = t.eligibility
        for reason, box in self.reason_boxes.items():
            box.setChecked(reason in (elig.get("reasons") or []))
        for tier, box in self.tier_boxes.items():
            box.setChecked(tier in (elig.get("tiers") or []))
        self.campaigns.setText(", ".join(str(c) for c in elig.get("campaigns") or []))
        self.valid_from.setDate(_qdate(t.valid_from))
        self.valid_to.setDate(_qdate(t.valid_to))
        self.active.setChecked(t.active)
        self._rule_fields()
        self._save_text()

    def new_offer(self) -> None:
        self.current = None
        self.table.clearSelection()
        self.code.clear()
        self.code.setReadOnly(False)
        self.name.clear()
        self.amount.setValue(0)
        self.percent.setValue(10)
        self.months.setValue(3)
        self.min_cost.setValue(0)
        self.max_cost.setValue(0)
        self.win_probability.setValue(30)
        for box in [*self.reason_boxes.values(), *self.tier_boxes.values()]:
            box.setChecked(False)
        self.campaigns.clear()
        self.valid_from.setDate(NO_DATE)
        self.valid_to.setDate(NO_DATE)
        self.active.setChecked(True)
        self._save_text()
        self.code.setFocus()

    def form_values(self) -> dict[str, Any]:
        kind = self.rule_type.currentData()
        rule: dict[str, Any] = {"type": kind}
        if kind == "fixed":
            rule["amount_minor"] = round(self.amount.value() * 100)
        if kind == "percent_revenue":
            rule["percent"] = self.percent.value()
        if kind in ("percent_revenue", "free_period"):
            rule["months"] = self.months.value()
        if self.min_cost.value() > 0:
            rule["min_minor"] = round(self.min_cost.value() * 100)
        if self.max_cost.value() > 0:
            rule["max_minor"] = round(self.max_cost.value() * 100)
        rule["win_probability"] = self.win_probability.value() / 100
        campaigns: list[Any] = []
        for part in self.campaigns.text().split(","):
            part = part.strip()
            if part:
                campaigns.append(int(part) if part.isdigit() else part)
        eligibility = {
            "reasons": [r for r, b in self.reason_boxes.items() if b.isChecked()],
            "tiers": [t for t, b in self.tier_boxes.items() if b.isChecked()],
            "campaigns": campaigns,
        }
        return {"name": self.name.text(), "kind": self.kind.currentData(), "cost_rule": rule,
                "eligibility": eligibility, "valid_from": _pydate(self.valid_from.date()),
                "valid_to": _pydate(self.valid_to.date()), "active": self.active.isChecked()}

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        form = offer_actions.OfferForm(**self.form_values())
        template_id = None if self.current is None else self.current.id
        code = self.code.text()

        def done(saved: offer_actions.OfferSaved) -> None:
            t = saved.template
            self._ok(self.tr("Saved {code} version {v}.").format(code=t.code, v=t.version))
            self.current = t

        self._ops.op(lambda _c: offer_actions.save_offer(db, actor, template_id, form,
                                                         code=code)).success(done).failure(
            self._fail).run()

    def add_defaults(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.op(lambda _c: offer_actions.add_shipped_offers(db, actor)).success(
            lambda added: self._ok(self.tr("Added {n} shipped offer(s).").format(
                n=added.count))).failure(self._fail).run()

    def save_authority(self) -> None:
        try:
            matrix = {}
            for r, role in enumerate(("agent", "supervisor", "admin")):
                for c, tier in enumerate(T.TIERS):
                    item = self.matrix.item(r, c)
                    matrix[(role, tier)] = _minor(item.text() if item else "0")
            overrides: dict[int, int | None] = {}
            for row in range(self.overrides.rowCount()):
                item = self.overrides.item(row, 3)
                login = self.overrides.item(row, 0)
                if item is None or login is None:
                    continue
                text = item.text().strip()
                overrides[int(login.data(Qt.ItemDataRole.UserRole))] = \
                    _minor(text) if text else None
        except ValueError:
            self.message.setStyleSheet("color:#b00020")
            self.message.setText(self.tr("Amounts are numbers in yuan, e.g. 500.00"))
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.op(lambda _c: offer_actions.save_authority(db, actor, matrix, overrides)
                     ).success(lambda _r: self._ok(self.tr("Authority saved."))).failure(
            self._fail).run()

    # ------------------------------------------------------------------ report

    def load_report(self) -> None:
        ctx = self.ctx
        if not (ctx.actor.can(Permission.VIEW_TEAM_SCORECARDS)
                or ctx.actor.can(Permission.EDIT_OFFERS)):
            return

        db, actor = ctx.db, ctx.actor

        def done(report: offers.OfferReport) -> None:
            self.report = report
            self._render_report()

        self._ops.op(lambda _c: offer_actions.offer_report(db, actor)).success(done).failure(
            self._fail).run()

    def _render_report(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText("")
            self.report_table.setRowCount(0)
            return
        t = report.totals
        rate = "-" if t.acceptance_rate is None else f"{t.acceptance_rate:.0%}"
        turnaround = "-" if report.turnaround_median_minutes is None \
            else f"{report.turnaround_median_minutes:.1f}"
        self.summary.setText(self.tr(
            "<b>{a}</b> of <b>{n}</b> offers accepted (<b>{w}</b> calls won back, <b>{s}"
            "</b> saved) · acceptance rate <b>{rate}</b> · cost per accepted offer <b>{per}"
            "</b> · SLTV recovered <b>{sltv}</b> · median approval turnaround <b>{mins}</b> "
            "min").format(
            a=t.accepted, w=t.win_backs, s=t.saves, n=t.requests, rate=rate,
            per=T.money(t.cost_per_accepted_offer_minor),
            sltv=T.money(t.sltv_recovered_minor), mins=turnaround))
        self.report_table.setRowCount(len(report.rows))
        for row, r in enumerate(report.rows):
            data = r.as_dict()
            for col, key in enumerate(REPORT_COLUMNS):
                value = data[key]
                if key == "name":
                    text = T.offer_name(str(value), self.ctx.language)
                elif key.endswith("_minor"):
                    text = T.money(value)
                elif key == "acceptance_rate":
                    text = "-" if value is None else f"{value:.0%}"
                elif key == "roi":
                    text = "-" if value is None else f"{value:.1f}"
                else:
                    text = str(value)
                item = QTableWidgetItem(text)
                if col > 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(T.offer_name(r.name, self.ctx.language))
                self.report_table.setItem(row, col, item)

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export offers report"), "offers-report.xlsx",
                self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        ctx = self.ctx
        headers = {label: QCoreApplication.translate(offers_xlsx.CONTEXT, label)
                   for label in offers_xlsx.labels()}
        target = path

        db, actor = ctx.db, ctx.actor
        self._ops.op(lambda _c: offer_actions.export_offer_report(db, actor, target, headers)
                     ).success(lambda _r: self._ok(self.tr("Exported to {path}.").format(
                         path=target))).failure(self._fail).run()


def _qdate(d: date | None) -> QDate:
    return NO_DATE if d is None else QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date | None:
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())


def _minor(text: str) -> int:
    value = float(text.replace(",", "").replace("¥", "").strip() or 0)
    if value < 0:
        raise ValueError(text)
    return round(value * 100)


register(ScreenSpec(
    key="offer_catalog",
    title=QT_TRANSLATE_NOOP("Screens", "Offers"),
    permission=Permission.EDIT_OFFERS,
    factory=lambda ctx: OfferCatalogScreen(ctx),
    order=45,
))
