"""``winback import FILE`` / ``winback import purchases FILE`` / ``winback import undo`` /
``winback export customers FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from winback_desktop.cli._common import (
    _qt_translate,
    acting_user,
    add_command,
    emit,
    lazy_module,
    open_db,
    tr,
)
from winback_desktop.core import choices
from winback_desktop.core.errors import NotFound, ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP, counted

if TYPE_CHECKING:
    from winback_desktop.io import error_report
    from winback_desktop.services import (
        customer_query,
        import_actions,
        import_matching,
        importing,
    )
else:  # imported when a command runs, not when the parser is built
    customer_query = lazy_module("winback_desktop.services.customer_query")
    error_report = lazy_module("winback_desktop.io.error_report")
    import_actions = lazy_module("winback_desktop.services.import_actions")
    import_matching = lazy_module("winback_desktop.services.import_matching")
    importing = lazy_module("winback_desktop.services.importing")

#: Errors printed in text mode before "… and N more".
SHOWN_ERRORS = 20


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = add_command(sub, "import", common, import_file,
                      tr("import customers from .xlsx, .xlsm, .xls or .csv "
                         "('winback import purchases FILE' imports a purchase history; "
                         "'winback import undo' undoes the last import)"))
    imp.add_argument("file", metavar="FILE",
                     help=tr("the file to import, 'purchases' or 'undo'"))
    imp.add_argument("purchase_file", metavar="PURCHASE_FILE", nargs="?", default=None,
                     help=tr("after 'purchases': the purchase history to import"))
    imp.add_argument("--no-scan", action="store_true",
                     help=tr("purchases: do not run the early-warning scan afterwards"))
    imp.add_argument("--sheet", default=None, help=tr("sheet name (default: the first)"))
    imp.add_argument("--mapping", default=None, metavar="NAME",
                     help=tr("saved column mapping name, or a JSON file {field: header}"))
    imp.add_argument("--save-mapping", default=None, metavar="NAME",
                     help=tr("save the mapping used under this name"))
    imp.add_argument("--header-row", type=int, default=None, metavar="N",
                     help=tr("spreadsheet row of the header (default: detected)"))
    imp.add_argument("--mode", choices=list(choices.IMPORT_MODES), default="upsert",
                     help=tr("upsert updates known customer IDs; insert-only never updates"))
    imp.add_argument("--on-duplicate", choices=list(choices.IMPORT_ON_DUPLICATE), default=None,
                     help=tr("what a known customer does (default: update for upsert, "
                             "skip for insert-only)"))
    imp.add_argument("--on-conflict", choices=list(choices.IMPORT_ON_CONFLICT), default="reject",
                     help=tr("rows of the file that are one customer with different data: "
                             "reject them all (default), import the first or the last"))
    imp.add_argument("--valid-only", action="store_true",
                     help=tr("import the valid rows even when others have errors"))
    imp.add_argument("--region", default=None, metavar="CC",
                     help=tr("default phone region, e.g. CN or US (default: the setting)"))
    imp.add_argument("--error-report", default=None, metavar="FILE",
                     help=tr("write the rejected rows and reasons to this .xlsx"))
    imp.add_argument("--preview", action="store_true",
                     help=tr("check the file and report problems without importing"))

    exp = sub.add_parser("export", help=tr("export lists to Excel or CSV"))
    exp_sub = exp.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    cust = add_command(exp_sub, "customers", common, export_customers,
                       tr("export customers (current filters) to .xlsx or .csv"))
    cust.add_argument("file", metavar="FILE")
    cust.add_argument("--status", default=None, help=tr("status, e.g. lost or at_risk"))
    cust.add_argument("--reason", default=None, help=tr("defection reason"))
    cust.add_argument("--tier", default=None, help=tr("SLTV tier: A, B, C, D or negative"))
    cust.add_argument("--segment", default=None, help=tr("treatment: quick, long_term, ..."))
    cust.add_argument("--batch", type=int, default=None, help=tr("import batch number"))
    cust.add_argument("--campaign", type=int, default=None, help=tr("campaign number"))
    cust.add_argument("--search", default=None, help=tr("text in name, phone or customer ID"))
    cust.add_argument("--format", choices=["xlsx", "csv"], default=None,
                      help=tr("file format (default: from the file name)"))


def _progress(args: argparse.Namespace) -> Any:
    def report(done: int, total: int) -> None:
        if not getattr(args, "json", False) and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
    return report


def _waiting(args: argparse.Namespace) -> Any:
    said: list[bool] = []

    def waiting() -> None:
        if not said and not getattr(args, "json", False) and sys.stderr.isatty():
            print(tr("Waiting for another import of this database to finish…"),
                  file=sys.stderr, flush=True)
        said.append(True)
    return waiting


def _load_mapping(args: argparse.Namespace, db: Any) -> dict[str, str] | None:
    if not args.mapping:
        return None
    candidate = Path(args.mapping)
    if candidate.suffix.lower() == ".json" and candidate.is_file():
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The mapping file {file} is not valid JSON: {detail}"),
                file=candidate.name, detail=str(exc)) from None
        if not isinstance(data, dict):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "Errors", "The mapping file {file} is not valid JSON: {detail}"),
                file=candidate.name, detail="{field: header}")
        return {str(k): str(v) for k, v in data.items()}
    try:
        return import_actions.get_mapping(db, acting_user(args, db), args.mapping)
    except NotFound:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No saved mapping named '{name}'."),
                       name=args.mapping) from None


def _kind(args: argparse.Namespace) -> str:
    """``import purchases FILE`` reads a purchase history; ``import FILE`` a customer list."""
    if args.file == "purchases" and args.purchase_file:
        args.file = args.purchase_file
        return "purchases"
    if args.file == "purchases" and not Path("purchases").exists():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Name the purchase file: winback import purchases FILE"))
    if args.purchase_file:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "One file at a time: winback import FILE, or winback import purchases "
            "FILE."))
    return "customers"


def import_file(args: argparse.Namespace) -> int:
    if args.file == "undo" and not Path("undo").exists() and not args.purchase_file:
        return undo(args)
    kind = _kind(args)
    db = open_db(args)
    try:
        mapping = _load_mapping(args, db)
        if args.preview:
            pv = import_actions.preview(db, acting_user(args, db), args.file,
                                        sheet=args.sheet, mapping=mapping,
                                        header_row=args.header_row,
                                        default_region=args.region,
                                        progress=_progress(args), kind=kind)
            data = {
                "kind": kind,
                "file": pv.file_name, "sheet": pv.sheet, "sheets": pv.sheets,
                "header_row": pv.header_row, "mapping": pv.mapping,
                "unmapped_headers": pv.unmapped_headers, "rows": pv.total_rows,
                "valid": pv.valid_rows, "invalid": pv.invalid_rows,
                "duplicates_in_file": [d.as_dict() for d in pv.duplicates_in_file],
                "conflicts": [c.as_dict(_qt_translate) for c in pv.conflicts],
                "duplicates_in_db": [d.as_dict() for d in pv.duplicates_in_db],
                "errors": [{"row": i.row, "column": i.column,
                            "message": i.render(_qt_translate)} for i in pv.errors],
                "warnings": [{"row": i.row, "column": i.column,
                              "message": i.render(_qt_translate)} for i in pv.warnings],
            }
            lines = [tr("{file}, sheet '{sheet}', header in row {row}.").format(
                file=pv.file_name, sheet=pv.sheet, row=pv.header_row)]
            lines += [f"  {field} ← {header}" for field, header in pv.mapping.items()]
            lines.append(tr("{rows}: {valid} valid, {invalid} with errors; "
                            "{dup_file} repeated in the file, {dup_db} already known.").format(
                rows=counted(pv.total_rows, tr("{n} row"), tr("{n} rows")),
                valid=pv.valid_rows, invalid=pv.invalid_rows,
                dup_file=len(pv.duplicates_in_file), dup_db=len(pv.duplicates_in_db)))
            lines += _issue_lines(pv.errors)
            emit(args, data, "\n".join(lines))
            return 0 if not pv.invalid_rows else 1
        result = importing.run_import(
            db, acting_user(args, db), args.file, sheet=args.sheet, mapping=mapping,
            header_row=args.header_row, mode=args.mode, on_duplicate=args.on_duplicate,
            valid_only=args.valid_only, default_region=args.region, progress=_progress(args),
            kind=kind, scan_after=not args.no_scan, on_conflict=args.on_conflict,
            waiting=_waiting(args))
        if not getattr(args, "json", False) and sys.stderr.isatty():
            print(file=sys.stderr)
        if args.error_report and result.rejected_rows:
            error_report.write_error_report(args.error_report, result.headers, result.rejected_rows,
                               translate=_qt_translate)
        if args.save_mapping and result.committed:
            import_actions.save_mapping(db, acting_user(args, db), args.save_mapping,
                                        _used_mapping(args, mapping, kind))
        data = result.as_dict(_qt_translate)
        if result.committed and kind == "purchases":
            text = tr("Purchases import #{batch}: {rows}, {inserted} new, {unchanged} "
                      "imported before, {rejected} rejected.").format(
                batch=result.batch_id, rows=counted(result.rows, tr("{n} row"), tr("{n} rows")),
                inserted=result.inserted,
                unchanged=result.unchanged, rejected=result.rejected)
            if result.risk_flagged is not None:
                text += "\n" + tr("Early-warning scan: {count} customers flagged at risk "
                                  "('winback risk list' shows why).").format(
                    count=result.risk_flagged)
            elif result.risk_scan_pending:
                text += "\n" + tr("The early-warning scan after the import did not finish; "
                                  "run 'winback risk scan' (the admin's workstation runs it "
                                  "at its next check).")
        elif result.committed:
            text = tr("Import #{batch}: {rows}, {inserted} new, {updated} updated, "
                      "{unchanged} unchanged, {skipped} skipped, {rejected} rejected.").format(
                batch=result.batch_id, rows=counted(result.rows, tr("{n} row"), tr("{n} rows")),
                inserted=result.inserted,
                updated=result.updated, unchanged=result.unchanged, skipped=result.skipped,
                rejected=result.rejected)
            if result.risk_flags_closed:
                text += "\n" + tr("{count} early-warning flags closed: the list changed "
                                  "those customers' status.").format(
                    count=result.risk_flags_closed)
        elif result.rows > result.rejected:
            text = tr("Nothing was imported: {rejected} of {rows} rows have errors. Fix them, "
                      "or use --valid-only to import the valid rows.").format(
                rejected=result.rejected, rows=result.rows)
        else:  # --valid-only would import nothing either: do not offer it
            text = counted(result.rows, tr(
                "Nothing was imported: the file's one row has errors. Fix it (--error-report "
                "writes each row's reason)."), tr(
                "Nothing was imported: all {n} rows have errors. Fix them (--error-report "
                "writes each row's reason)."))
        lines = [text, *(tr("Rows {rows}: customer {key}, different {fields}; {what}.").format(
            rows=", ".join(str(n) for n in c.rows), key=c.shown_key,
            fields=", ".join(import_matching.field_labels(c.fields, _qt_translate)),
            what=tr("all rejected") if c.kept is None else
            tr("row {row} imported").format(row=c.kept)) for c in result.conflicts),
            *_issue_lines(result.errors)]
        if args.error_report and result.rejected_rows:
            lines.append(tr("Error report: {file}").format(file=args.error_report))
        emit(args, data, "\n".join(lines))
        return 0 if result.committed else 1
    finally:
        db.dispose()


def _used_mapping(args: argparse.Namespace, mapping: dict[str, str] | None,
                  kind: str = "customers") -> dict[str, str]:
    if mapping is not None:
        return mapping
    pv = importing.preview(args.file, sheet=args.sheet, header_row=args.header_row,
                           default_region=args.region, limit=0, kind=kind)
    return pv.mapping


def _issue_lines(issues: list[Any]) -> list[str]:
    lines = []
    for issue in issues[:SHOWN_ERRORS]:
        where = tr("row {row}").format(row=issue.row)
        if issue.column:
            where += f", {issue.column}"
        lines.append(f"  {where}: {issue.render(_qt_translate)}")
    if len(issues) > SHOWN_ERRORS:
        lines.append("  " + tr("… and {count} more.").format(count=len(issues) - SHOWN_ERRORS))
    return lines


def undo(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        done = importing.undo_last_batch(db, acting_user(args, db))
        emit(args, {"batch_id": done.batch_id, "removed": done.removed,
                    "restored": done.restored},
             tr("Import #{batch} undone: {removed} customers removed, {restored} restored.")
             .format(batch=done.batch_id, removed=done.removed, restored=done.restored))
    finally:
        db.dispose()
    return 0


def export_customers(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        filt = customer_query.CustomerFilter(
            status=args.status, defection_reason=args.reason, sltv_tier=args.tier,
            segment=args.segment, import_batch_id=args.batch, campaign_id=args.campaign,
            text=args.search)
        rows = customer_query.export_customers(db, acting_user(args, db), filt, args.file,
                                               fmt=args.format, progress=_progress(args),
                                               translate=_qt_translate)
        emit(args, {"file": args.file, "rows": rows},
             tr("Exported {rows} customers to {file}.").format(rows=rows, file=args.file))
    finally:
        db.dispose()
    return 0
