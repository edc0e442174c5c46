"""Script editor, the view: every widget of the screen, laid out, with no behaviour.

:class:`ScriptEditorScreen` (``script_editor.py``) subclasses it, wires the signals to
its handlers and holds the editing logic, so this file is only what the supervisor sees.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import interview as iv
from winback_desktop.core.domain import CampaignKind
from winback_desktop.services import interviews as svc
from winback_desktop.ui.screens.interviews import labels

ROLE = Qt.ItemDataRole.UserRole
CHOICE_FIXED = 2  # label, value; then one column per reason, then "go to"
LANGUAGES = ("en", "zh")


class ScriptEditorView(QWidget):
    """The widgets of the script editor (built once by :meth:`_build`) and how one
    question is shown in them and read back from them."""

    #: kept by the screen: the version shown and the questions being edited
    info: svc.ScriptInfo | None
    questions: list[iv.Question]
    _loading: bool

    def _form_changed(self, *_args: Any) -> None:
        """The screen's handler for any edit of the question form (overridden)."""

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        split = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(split, 1)
        root.addWidget(self.message)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Script"), self.tr("Status"),
                                   self.tr("Language"), self.tr("Campaigns")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        ll.addWidget(self.tree, 1)
        grid = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button = QPushButton(self.tr("Export…"))
        for b in (self.new_button, self.import_button, self.export_button):
            grid.addWidget(b)
        ll.addLayout(grid)
        grid2 = QHBoxLayout()
        self.clone_button = QPushButton(self.tr("Clone to new version"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.retire_button = QPushButton(self.tr("Retire"))
        for b in (self.clone_button, self.publish_button, self.retire_button):
            grid2.addWidget(b)
        ll.addLayout(grid2)
        grid3 = QHBoxLayout()
        self.assign_button = QPushButton(self.tr("Assign to campaign…"))
        self.delete_button = QPushButton(self.tr("Delete draft"))
        grid3.addWidget(self.assign_button)
        grid3.addWidget(self.delete_button)
        ll.addLayout(grid3)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Select a script"))
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt")
        self.status_badge = QLabel()
        head.addWidget(self.title, 1)
        head.addWidget(self.status_badge)
        rl.addLayout(head)
        meta = QHBoxLayout()
        meta.addWidget(QLabel(self.tr("Kind:")))
        self.kind_combo = QComboBox()
        for kind in CampaignKind:
            self.kind_combo.addItem(labels.name(kind.value), kind.value)
        meta.addWidget(self.kind_combo)
        meta.addWidget(QLabel(self.tr("Language:")))
        self.language_combo = QComboBox()
        for lang in LANGUAGES:
            self.language_combo.addItem(labels.name(lang), lang)
        meta.addWidget(self.language_combo)
        meta.addWidget(QLabel(self.tr("Description:")))
        self.description = QLineEdit()
        meta.addWidget(self.description, 1)
        rl.addLayout(meta)

        body = QSplitter(Qt.Orientation.Horizontal)
        qbox = QWidget()
        ql = QVBoxLayout(qbox)
        ql.setContentsMargins(0, 0, 0, 0)
        ql.addWidget(QLabel(self.tr("Questions (drag to reorder)")))
        self.qlist = QListWidget()
        self.qlist.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.qlist.setDefaultDropAction(Qt.DropAction.MoveAction)
        ql.addWidget(self.qlist, 1)
        qbuttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        # Arrow buttons draw their symbol: no text to translate or clip.
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            qbuttons.addWidget(widget)
        ql.addLayout(qbuttons)
        body.addWidget(qbox)

        self.form_box = QGroupBox(self.tr("Question"))
        form = QFormLayout(self.form_box)
        self.key_edit = QLineEdit()
        self.key_edit.setToolTip(self.tr("Short identifier used by branches and reports"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMaximumHeight(56)
        self.type_combo = QComboBox()
        for qt in iv.QUESTION_TYPES:
            self.type_combo.addItem(labels.name(qt), qt)
        self.required_check = QCheckBox(self.tr("Required (counts for adherence)"))
        self.help_edit = QPlainTextEdit()
        self.help_edit.setMaximumHeight(44)
        self.help_edit.setPlaceholderText(self.tr("A hint the agent sees under the question"))
        self.tag_combo = QComboBox()
        self.tag_combo.addItem(self.tr("(none)"), None)
        for tag in iv.TAGS:
            self.tag_combo.addItem(labels.name(tag), tag)
        self.goto_combo = QComboBox()
        scale_row = QHBoxLayout()
        self.min_spin = QSpinBox()
        self.min_spin.setRange(0, 100)
        self.max_spin = QSpinBox()
        self.max_spin.setRange(1, 100)
        scale_row.addWidget(self.min_spin)
        scale_row.addWidget(QLabel("–"))
        scale_row.addWidget(self.max_spin)
        scale_row.addStretch(1)
        self.scale_widget = QWidget()
        self.scale_widget.setLayout(scale_row)
        scale_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Key"), self.key_edit)
        form.addRow(self.tr("Question text"), self.text_edit)
        form.addRow(self.tr("Answer type"), self.type_combo)
        form.addRow("", self.required_check)
        form.addRow(self.tr("Help for the agent"), self.help_edit)
        form.addRow(self.tr("Tag"), self.tag_combo)
        form.addRow(self.tr("Then go to"), self.goto_combo)
        form.addRow(self.tr("Scale"), self.scale_widget)
        self.choices = QTableWidget(0, CHOICE_FIXED + len(iv.SCORED_REASONS) + 1)
        self.choices.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("Value")]
            + [labels.short_reason(r) for r in iv.SCORED_REASONS] + [self.tr("Go to")])
        for i, r in enumerate(iv.SCORED_REASONS):
            item = self.choices.horizontalHeaderItem(CHOICE_FIXED + i)
            if item is not None:
                item.setToolTip(self.tr("Weight toward: {reason}").format(
                    reason=labels.name(r)))
        hh = self.choices.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.choices.setColumnWidth(1, 80)
        for c in range(CHOICE_FIXED, CHOICE_FIXED + len(iv.SCORED_REASONS)):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.choices.setColumnWidth(c, 78)
        hh.setSectionResizeMode(self.choices.columnCount() - 1,
                                QHeaderView.ResizeMode.Interactive)
        self.choices.setColumnWidth(self.choices.columnCount() - 1, 140)
        self.choices.setMinimumHeight(170)
        self.choices.setWordWrap(False)
        self.choices.verticalHeader().setVisible(False)
        choice_buttons = QHBoxLayout()
        self.add_choice_button = QPushButton(self.tr("Add choice"))
        self.remove_choice_button = QPushButton(self.tr("Remove choice"))
        choice_buttons.addWidget(self.add_choice_button)
        choice_buttons.addWidget(self.remove_choice_button)
        choice_buttons.addStretch(1)
        self.choices_box = QWidget()
        cb = QVBoxLayout(self.choices_box)
        cb.setContentsMargins(0, 0, 0, 0)
        cb.addWidget(self.choices, 1)
        cb.addLayout(choice_buttons)
        choices_label = QLabel(self.tr("Choices (weights toward each defection reason; "
                                       "a choice may branch)"))
        form.addRow(choices_label)
        form.addRow(self.choices_box)
        self.choices_label = choices_label
        body.addWidget(self.form_box)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 3)
        body.setSizes([250, 800])
        rl.addWidget(body, 3)

        rl.addWidget(QLabel(self.tr("Checks")))
        self.issues = QListWidget()
        self.issues.setMaximumHeight(84)
        rl.addWidget(self.issues)
        bottom = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.save_button = QPushButton(self.tr("Save draft"))
        bottom.addWidget(self.preview_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        rl.addLayout(bottom)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([330, 1050])

    @property
    def editable(self) -> bool:
        return self.info is not None and self.info.status == iv.STATUS_DRAFT

    def _question_title(self, q: iv.Question) -> str:
        mark = " *" if q.required else ""
        text = q.text.replace("\n", " ")
        if len(text) > 48:
            text = text[:47] + "…"
        return f"{q.key}{mark} — {text}"

    def _goto_items(self, combo: QComboBox, current: str | None, exclude: str | None,
                    default_label: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(default_label, None)
        combo.addItem(self.tr("End the interview"), iv.END)
        for q in self.questions:
            if q.key != exclude:
                combo.addItem(q.key, q.key)
        index = combo.findData(current) if current is not None else 0
        if index < 0:  # a branch to a missing question: keep it visible (and flagged)
            combo.addItem(self.tr("{key} (missing)").format(key=current), current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _show_question(self, q: iv.Question | None) -> None:
        self._loading = True
        self.form_box.setEnabled(q is not None)
        q = q or iv.Question("", "", iv.SINGLE)
        self.key_edit.setText(q.key)
        self.text_edit.setPlainText(q.text)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(q.qtype), 0))
        self.required_check.setChecked(q.required)
        self.help_edit.setPlainText(q.help_text)
        self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(q.tag), 0))
        self._goto_items(self.goto_combo, q.goto, q.key, self.tr("(next question)"))
        self.min_spin.setValue(q.scale_min)
        self.max_spin.setValue(q.scale_max)
        self.choices.blockSignals(True)
        self.choices.setRowCount(0)
        for c in q.choices:
            self._append_choice_row(c, q.key)
        self.choices.blockSignals(False)
        self._loading = False
        self._type_visibility(q.qtype)

    def _append_choice_row(self, c: iv.Choice, own_key: str) -> None:
        r = self.choices.rowCount()
        self.choices.insertRow(r)
        label = QTableWidgetItem(c.label)
        label.setToolTip(c.label)
        self.choices.setItem(r, 0, label)
        self.choices.setItem(r, 1, QTableWidgetItem(c.value))
        for i, reason in enumerate(iv.SCORED_REASONS):
            weight = c.weights.get(reason)
            item = QTableWidgetItem("" if not weight else f"{weight:g}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.choices.setItem(r, CHOICE_FIXED + i, item)
        combo = QComboBox()
        self._goto_items(combo, c.goto, own_key, self.tr("(as the question)"))
        combo.setEnabled(self.editable)
        combo.currentIndexChanged.connect(self._form_changed)
        self.choices.setCellWidget(r, self.choices.columnCount() - 1, combo)

    def _type_visibility(self, qtype: str) -> None:
        has_choices = qtype in iv.CHOICE_TYPES
        self.choices_box.setVisible(has_choices)
        self.choices_label.setVisible(has_choices)
        self.scale_widget.setEnabled(qtype == iv.SCALE and self.editable)
        fixed = qtype == iv.YES_NO
        self.add_choice_button.setEnabled(has_choices and not fixed and self.editable)
        self.remove_choice_button.setEnabled(has_choices and not fixed and self.editable)

    def _choices_from_table(self) -> tuple[iv.Choice, ...]:
        out = []
        for r in range(self.choices.rowCount()):
            def cell(c: int, r: int = r) -> str:
                item = self.choices.item(r, c)
                return item.text().strip() if item is not None else ""

            weights: dict[str, float] = {}
            for i, reason in enumerate(iv.SCORED_REASONS):
                text = cell(CHOICE_FIXED + i).replace(",", ".")
                item = self.choices.item(r, CHOICE_FIXED + i)
                try:
                    value = float(text) if text else 0.0
                    if item is not None:
                        item.setBackground(QBrush())
                except ValueError:
                    value = 0.0
                    if item is not None:
                        item.setBackground(QBrush(QColor("#ffcdd2")))
                if value:
                    weights[reason] = int(value) if value.is_integer() else value
            combo = self.choices.cellWidget(r, self.choices.columnCount() - 1)
            goto = combo.currentData() if isinstance(combo, QComboBox) else None
            out.append(iv.Choice(cell(0), cell(1), weights, goto))
        return tuple(out)
