"""Importing: the preview a user checks before committing (first rows, issues, duplicates)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.orm import Session

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.io.fields import SCHEMAS, schema_for
from winback_desktop.io.rows import (
    ERROR,
    MAX_KEPT_ISSUES,
    CustomerRows,
    Issue,
    ParsedRow,
)
from winback_desktop.services import (
    import_matching,
)
from winback_desktop.services.context import Actor, require
from winback_desktop.services.importing.common import (
    CHUNK_ROWS,
    PREVIEW_ROWS,
    CancelCheck,
    Duplicate,
    ImportCancelled,
    ImportPreview,
    PreviewRow,
    Progress,
    _cancel_fn,
    _chunks,
    _display,
    _region_default,
    _shown_key,
)

# ---------------------------------------------------------------------------- preview


def preview(
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    header_row: int | None = None,
    default_region: str | None = None,
    session: Session | None = None,
    actor: Actor | None = None,
    limit: int = PREVIEW_ROWS,
    progress: Progress | None = None,
    cancel: CancelCheck = None,
    kind: str = "customers",
) -> ImportPreview:
    """Read the whole file once without writing: mapping, first rows, every problem.

    With a ``session`` it also reports customer IDs that already exist in the database
    (purchases: rows whose customer cannot be found).
    """
    if actor is not None:
        require(actor, Permission.IMPORT_CUSTOMERS)
    region = _region_default(session, default_region)
    is_cancelled = _cancel_fn(cancel)
    purchases = _kind(kind) == "purchases"
    with CustomerRows(path, sheet=sheet, mapping=mapping, header_row=header_row,
                      default_region=region, require_key=False,
                      schema=schema_for(kind)) as rows:
        shown: list[tuple[ParsedRow, str | None]] = []
        errors: list[Issue] = []
        warnings: list[Issue] = []
        dup_file: list[Duplicate] = []
        dup_db: list[Duplicate] = []
        total = valid = invalid = 0
        truncated = False
        for chunk in _chunks(rows, CHUNK_ROWS):
            if is_cancelled():
                raise ImportCancelled()
            in_db: dict[int, int] = {}
            if session is not None and purchases:
                from winback_desktop.services import purchase_import

                purchase_import.match_customers(session, chunk)
            elif session is not None:
                good = [r for r in chunk if r.ok]
                found = import_matching.match_rows(session, good, rows.column_name)
                for r, issue in [*found.refused, *found.warned]:
                    r.issues.append(issue)
                in_db = {id(r): t for r, t in zip(good, found.targets, strict=True)
                         if t is not None and t != -1}
            for r in chunk:
                total += 1
                if r.ok:
                    valid += 1
                else:
                    invalid += 1
                for issue in r.issues:
                    target = errors if issue.severity == ERROR else warnings
                    if len(errors) + len(warnings) < MAX_KEPT_ISSUES:
                        target.append(issue)
                    else:
                        truncated = True
                dup = None
                cid = in_db.get(id(r))
                if cid is not None:
                    dup = "database"
                    dup_db.append(Duplicate(r.row, _shown_key(r.key), "database",
                                            customer_id=cid))
                if len(shown) < limit:
                    shown.append((r, dup))
            if progress is not None:
                progress(total, rows.total_rows)
        conflicts: list[import_matching.InFileConflict] = []
        if not purchases:
            conflicts, _again, _n, _harmless = import_matching.find_conflicts(
                rows, path, "reject")
            first_of: dict[int, int] = {}
            for group in import_matching.repeat_groups(rows):
                first_of.update((n, group[0][0]) for n, _fp in group[1:])
            dup_file = [Duplicate(n, "", "file", first_row=m)
                        for n, m in sorted(first_of.items())]
            by_row = {r.row: r for r, _d in shown}
            for c in conflicts:
                for issue in import_matching.conflict_issues(c):
                    errors.append(issue)
                    if issue.row in by_row:
                        by_row[issue.row].issues.append(issue)
                valid -= len(c.rows)
                invalid += len(c.rows)
            errors.sort(key=lambda i: i.row)
            shown = [(r, "file" if r.row in first_of else d) for r, d in shown]
        problem = rows.mapping_problem()
        if problem is not None:
            errors.insert(0, Issue(rows.header_row, "", problem.text))
        return ImportPreview(
            file_name=rows.file_name, format=rows._data.fmt, encoding=rows.encoding,
            sheets=rows.sheet_names, sheet=rows.sheet, header_row=rows.header_row,
            headers=list(rows.headers), mapping=dict(rows.mapping),
            unmapped_headers=list(rows.unmapped_headers),
            missing_headers=list(rows.missing_headers),
            rows=[PreviewRow(r.row, [_display(c) for c in r.raw], r.issues, dup)
                  for r, dup in shown],
            total_rows=total, valid_rows=valid, invalid_rows=invalid, errors=errors,
            warnings=warnings, duplicates_in_file=dup_file, duplicates_in_db=dup_db,
            issues_truncated=truncated, kind=kind, conflicts=conflicts,
        )


def _kind(kind: str) -> str:
    if kind not in SCHEMAS:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown kind of list '{kind}': use customers or purchases."), kind=kind)
    return kind

