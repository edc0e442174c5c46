"""The Excel/CSV import wizard: file → sheet → mapping → preview → options → run.

Every read of the file (sheet list, header detection, preview of every row) and the
import itself run off the GUI thread (``ServiceOp``) with progress; the wizard only
moves on when the background step has answered. A broken, empty or password-protected
file stops on the first page with the translated message. The run page reports what
was inserted, updated and rejected, saves the error report and can undo the import.

The same wizard imports purchase histories (``kind="purchases"``): the mapping offers
the purchase columns, the duplicate options are not asked (a purchase imported before
is left alone) and the early-warning scan runs after the import. Its pages live in
:mod:`wizard_pages` and :mod:`wizard_review`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
    QWizardPage,
)

from winback_desktop.core.i18n import counted
from winback_desktop.core.permissions import Permission
from winback_desktop.io.fields import schema_for
from winback_desktop.services import import_actions, import_matching, import_report, importing
from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp
from winback_desktop.ui.screens.importing.wizard_common import tr
from winback_desktop.ui.screens.importing.wizard_pages import FilePage, MappingPage, SheetPage
from winback_desktop.ui.screens.importing.wizard_review import OptionsPage, PreviewPage, RunPage
from winback_desktop.ui.shell.context import AppContext


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

