"""Importing customer lists from Excel/CSV (DESIGN §8): preview, import, undo, mappings.

An import is one database transaction: by default any invalid row rejects the whole
file and nothing is written; with ``valid_only`` the valid rows go in and the rest are
reported. The ``import_batches`` row is written inside the same transaction, so a
cancelled, failed or killed import leaves the database exactly as it was.

Rows stream from the reader in chunks; each chunk is looked up by customer ID (upsert),
bulk-inserted with SQLAlchemy Core (no ORM objects) and given SLTV, tier and segment
from the tables admins edit. Updates touch only changed fields, so re-importing the
same file changes nothing.

Other kinds of list go through the same engine with their own column schema and
writer (``kind="purchases"``: :mod:`services.purchase_import`).
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import operator
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, cast

import numpy as np
from sqlalchemy import (
    ARRAY,
    String,
    Table,
    any_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from winback_desktop.core import segmentation, sltv
from winback_desktop.core.domain import TaskStatus
from winback_desktop.core.errors import Conflict, NotFound, ValidationError, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db import bulk
from winback_desktop.db.models import (
    AuditEntry,
    Call,
    CallTask,
    Customer,
    CustomerPhone,
    ImportBatch,
    ImportMapping,
    InterviewResponse,
    OfferRequest,
    SegmentRule,
    SltvTierThreshold,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.io.fields import SCHEMAS, FieldSpec, ListSchema, schema_for
from winback_desktop.io.rows import (
    ERROR,
    FIELD_OF_COLUMN,
    MAX_KEPT_ISSUES,
    WARNING,
    CustomerRows,
    Issue,
    ParsedRow,
    customer_record,
    phone_timezone,
)
from winback_desktop.io.sources import NoData
from winback_desktop.io.values import clean_text
from winback_desktop.services import (
    audit,
    import_lock,
    import_matching,
    settings,
    sltv_service,
)
from winback_desktop.services.changes import NO_CHANGES, Changes, Topic
from winback_desktop.services.context import Actor, require

MODES = ("upsert", "insert-only")
ON_DUPLICATE = ("skip", "update")
ON_CONFLICT = import_matching.ON_CONFLICT
#: Rows per chunk: large enough that PostgreSQL's per-``COPY`` round trips stay a small
#: share (2,000 left the server idle 10 % of the time), small enough for steady progress
#: and a bounded queue.
CHUNK_ROWS = 5_000
PHONE_BATCH_ROWS = 20_000
PREVIEW_ROWS = 100
#: Rows kept with their original cells for the error report.
MAX_REPORTED_ROWS = 100_000

#: Customer columns an import may set (and compares on update).
IMPORTED_COLUMNS = (
    "external_id", "name", "email", "status", "defection_reason", "defection_date",
    "reason_note", "annual_revenue_minor", "annual_margin_minor", "last_purchase_date",
    "purchase_count", "city", "timezone", "sltv_imported_minor", "preferred_language",
    "currency", "competitor", "do_not_call", "complaints", "overdue_invoices", "downgrade",
)
_DERIVED = ("sltv_minor", "sltv_tier", "segment")
_RECORD_COLUMNS = (*IMPORTED_COLUMNS, *_DERIVED)
# changes that move a customer's value or segment, and so their open tasks
_REVALUED = frozenset({"annual_margin_minor", "annual_revenue_minor", "sltv_imported_minor",
                       "defection_reason", *_DERIVED})
_CUSTOMERS = cast(Table, Customer.__table__)
_PHONES = cast(Table, CustomerPhone.__table__)
_PHONE_COLUMNS = ("customer_id", "e164", "raw", "kind", "is_primary")

log = logging.getLogger(__name__)


#: what a kept import or its undo changes: every view of customers, batches and flags
IMPORT_CHANGED = Changes.of(Topic.CUSTOMERS, Topic.IMPORTS, Topic.RISK)


class NothingToUndo(NotFound):
    default_text = QT_TRANSLATE_NOOP("Errors", "There is no import to undo.")


class ImportCancelled(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The import was cancelled; nothing was imported.")


class Cancel(Protocol):
    def is_set(self) -> bool: ...


Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool] | Cancel | None


def _cancel_fn(cancel: CancelCheck) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "is_set"):
        return cancel.is_set
    return cancel  # type: ignore[return-value]


# ------------------------------------------------------------------------ data objects


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A row whose customer ID appeared earlier in the file or exists in the database."""

    row: int
    external_id: str
    kind: str  # "file" or "database"
    first_row: int | None = None
    customer_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "external_id": self.external_id, "kind": self.kind,
                "first_row": self.first_row, "customer_id": self.customer_id}


@dataclass(frozen=True, slots=True)
class PreviewRow:
    row: int
    cells: list[str]
    issues: list[Issue]
    duplicate: str | None  # None, "file" or "database"

    @property
    def ok(self) -> bool:
        return not any(i.severity == ERROR for i in self.issues)


@dataclass
class ImportPreview:
    file_name: str
    format: str
    encoding: str | None
    sheets: list[str]
    sheet: str
    header_row: int
    headers: list[str]
    #: {field: header}: detected, or the given mapping restricted to this file's headers
    mapping: dict[str, str]
    unmapped_headers: list[str]
    #: headers a given mapping names that the file does not have
    missing_headers: list[str]
    rows: list[PreviewRow]
    total_rows: int
    valid_rows: int
    invalid_rows: int
    errors: list[Issue]
    warnings: list[Issue]
    duplicates_in_file: list[Duplicate]
    duplicates_in_db: list[Duplicate]
    issues_truncated: bool = False
    kind: str = "customers"
    #: rows that claim one customer with different data (rejected unless chosen otherwise)
    conflicts: list[import_matching.InFileConflict] = field(default_factory=list)

    @property
    def schema(self) -> ListSchema:
        return schema_for(self.kind)

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return self.schema.fields


@dataclass
class RejectedRow:
    row: int
    cells: list[Any]
    issues: list[Issue]


@dataclass
class ImportResult:
    batch_id: int | None
    file_name: str
    sheet: str
    headers: list[str]
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0
    committed: bool = False
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    duplicates_in_file: int = 0
    duplicates_in_db: int = 0
    rejected_rows: list[RejectedRow] = field(default_factory=list)
    issues_truncated: bool = False
    #: rows of the file that claim one customer with different data, and what was done
    conflicts: list[import_matching.InFileConflict] = field(default_factory=list)
    #: the import waited for another import of the same database to finish first
    waited: bool = False
    kind: str = "customers"
    #: purchases: customers the early-warning scan after the import flagged
    risk_flagged: int | None = None
    #: purchases: the scan after the import did not finish (it stays due: the admin's
    #: workstation runs it at its next check)
    risk_scan_pending: bool = False
    #: customers: open early-warning flags closed because the list changed the status
    risk_flags_closed: int = 0

    @property
    def changes(self) -> Changes:
        """Customers, import batches and risk flags, when the import was kept."""
        return IMPORT_CHANGED if self.committed else NO_CHANGES

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {
            "kind": self.kind, "risk_flagged": self.risk_flagged,
            "risk_scan_pending": self.risk_scan_pending,
            "risk_flags_closed": self.risk_flags_closed,
            "batch_id": self.batch_id, "file": self.file_name, "sheet": self.sheet,
            "rows": self.rows, "inserted": self.inserted, "updated": self.updated,
            "unchanged": self.unchanged, "skipped": self.skipped, "rejected": self.rejected,
            "committed": self.committed, "duplicates_in_file": self.duplicates_in_file,
            "duplicates_in_db": self.duplicates_in_db, "waited": self.waited,
            "conflicts": [c.as_dict(translate) for c in self.conflicts],
            "errors": [{"row": i.row, "column": i.column, "message": i.render(translate)}
                       for i in self.errors],
            "warnings": [{"row": i.row, "column": i.column, "message": i.render(translate)}
                         for i in self.warnings],
        }


@dataclass(frozen=True, slots=True)
class UndoResult:
    batch_id: int
    removed: int
    restored: int
    changes: Changes = field(default_factory=lambda: IMPORT_CHANGED)


# ---------------------------------------------------------------------------- helpers


def _chunks(it: Iterable[ParsedRow], size: int) -> Iterator[list[ParsedRow]]:
    iterator = iter(it)
    while True:
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        yield chunk


def _display(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    return clean_text(cell) if not isinstance(cell, str) else cell


def _shown_key(key: str | None) -> str:
    return key.split(":", 1)[1] if key else ""


def _known_ids(session: Session, ids: list[str]) -> dict[str, tuple[int, int | None]]:
    """External id → (lowest customer id, its import batch) for the known ``ids``."""
    found: dict[str, tuple[int, int | None]] = {}
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ids), 5000):
        part = ids[start:start + 5000]
        # One parameter per lookup (a PostgreSQL array, a JSON list in SQLite) instead of
        # thousands of expanded IN parameters: plans once, binds cheaply, uses the index.
        if postgres:
            rows = session.execute(
                select(Customer.external_id, Customer.id, Customer.import_batch_id)
                .where(Customer.external_id == any_(bindparam("ids", part,
                                                              type_=ARRAY(String))))
                .order_by(Customer.id.desc()))
        else:
            rows = session.connection().exec_driver_sql(
                "SELECT external_id, id, import_batch_id FROM customers WHERE external_id "
                "IN (SELECT value FROM json_each(?)) ORDER BY id DESC",
                (json.dumps(part, ensure_ascii=False),))
        for ext, cid, batch in rows:
            if ext is not None:
                found[ext] = (cid, batch)  # descending: the lowest id is written last
    return found


def _region_default(session: Session | None, default_region: str | None) -> str:
    if default_region:
        return default_region.upper()
    if session is not None:
        return str(settings.get(session, "default_phone_region") or "CN").upper()
    return "CN"


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


# ------------------------------------------------------------------------------ import


class _Rejected(Exception):
    """Raised inside the transaction to roll an all-or-nothing import back."""


@dataclass
class _Segmenter:
    params: sltv.SltvParams
    thresholds: dict[str, int]
    grid: dict[tuple[str, str], str]

    @classmethod
    def load(cls, session: Session) -> _Segmenter:
        thresholds = {t: v for t, v in session.execute(
            select(SltvTierThreshold.tier, SltvTierThreshold.min_sltv_minor))}
        grid = {(t, r): x for t, r, x in session.execute(
            select(SegmentRule.tier, SegmentRule.reason, SegmentRule.treatment))}
        params = sltv.SltvParams.from_mapping(settings.get(session, "sltv_params"))
        return cls(params, thresholds or dict(segmentation.DEFAULT_TIER_THRESHOLDS),
                   grid or segmentation.default_grid())

    def derive(self, margins: list[int | None], revenues: list[int | None],
               imported: list[int | None],
               reasons: list[str]) -> list[tuple[int | None, str | None, str]]:
        """(sltv_minor, sltv_tier, segment) per customer; an imported SLTV wins.

        Without margin, revenue or imported SLTV the value is unknown (NULL) and the
        customer takes the unvalued tier, exactly as a recompute does
        (``core.segmentation``): neither ranked first nor silently dropped.
        """
        if not margins:
            return []
        computed = sltv.compute_many(
            [math.nan if m is None else m for m in margins],
            [math.nan if x is None else x for x in revenues], self.params)
        given = np.array([math.nan if g is None else g for g in imported], dtype=np.float64)
        values = np.where(np.isnan(given), computed, given)
        tiers = segmentation.tier_many(values, self.thresholds).tolist()
        grid = self.grid
        return [(None if v != v else int(v), t, grid.get((t, r), "quick"))
                for v, t, r in zip(values.tolist(), tiers, reasons, strict=True)]

    def apply(self, records: list[dict[str, Any]]) -> None:
        """Set sltv_minor/sltv_tier/segment on each record dict."""
        derived = self.derive([r.get("annual_margin_minor") for r in records],
                              [r.get("annual_revenue_minor") for r in records],
                              [r.get("sltv_imported_minor") for r in records],
                              [r.get("defection_reason") or "unknown" for r in records])
        for record, (value, tier, segment) in zip(records, derived, strict=True):
            record["sltv_minor"] = value
            record["sltv_tier"] = tier
            record["segment"] = segment


_INSERT_DEFAULTS: dict[str, Any] = {
    "external_id": None, "name": "", "email": None, "status": "lost",
    "defection_reason": "unknown", "defection_date": None, "reason_note": None,
    "annual_revenue_minor": None, "annual_margin_minor": None, "last_purchase_date": None,
    "purchase_count": None, "city": None, "timezone": "Asia/Shanghai",
    "sltv_imported_minor": None, "preferred_language": "zh", "currency": "CNY",
    "competitor": None, "do_not_call": False, "complaints": None, "overdue_invoices": None,
    "downgrade": None,
}


_CONSTANT_COLUMNS = ("import_batch_id", "created_at", "updated_at", "version_id")


class _RowPreparer:
    """Turns valid parsed rows into complete insert rows, in the reading thread.

    Column list: ``id`` (reserved here through ``id_source``), the fields this file
    maps, the required columns with their defaults, the time zone, the derived
    SLTV/tier/segment and the batch constants. Bind processing (SQLite dates as text)
    happens here too, and the phone rows are built alongside, so the writer thread only
    writes: the writer is the import's critical path, the reader has time to spare.
    """

    def __init__(self, mapped: Iterable[str], defaults: Mapping[str, Any],
                 segmenter: _Segmenter, dialect: Any, default_tz: str,
                 id_source: Callable[[int], list[int]] | None = None) -> None:
        fields = set(mapped)
        if "defection_reason" in fields:
            fields.add("reason_note")  # the reason's own text is kept as the note
        plan: list[tuple[str, Any]] = []
        columns: list[str] = []
        for column in IMPORTED_COLUMNS:
            if column == "timezone":
                continue
            key = FIELD_OF_COLUMN.get(column, column)
            default = defaults[column]
            if key in fields or default is not None:
                plan.append((key, default))
                columns.append(column)
        self.columns = [*columns, "timezone", *_DERIVED]
        self.segmenter = segmenter
        self.default_tz = default_tz
        self._defaults = dict(plan)
        getter = operator.itemgetter(*(k for k, _d in plan))
        self._pick: Callable[[dict[str, Any]], Any] = (
            getter if len(plan) > 1 else (lambda d: (getter(d),)))
        self._procs = [None, *bulk.bind_processors(dialect, _CUSTOMERS, self.columns)]
        self._phone_procs = bulk.bind_processors(dialect, _PHONES, _PHONE_COLUMNS)
        self._dialect = dialect
        #: reserves customer ids: given here on PostgreSQL, by :meth:`begin` on SQLite
        self.id_source = id_source
        #: the batch's constant columns, bind-processed; set by the writer once it began
        self.constants: list[Any] = []
        self.ready = threading.Event()

    def begin(self, batch_id: int, now: datetime,
              id_source: Callable[[int], list[int]] | None = None) -> None:
        """The writer began its transaction: batch constants (and SQLite's ids) known."""
        procs = bulk.bind_processors(self._dialect, _CUSTOMERS, _CONSTANT_COLUMNS)
        self.constants = [p(c) if p is not None else c for p, c in
                          zip(procs, [batch_id, now, now, 1], strict=True)]
        if id_source is not None:
            self.id_source = id_source
        self.ready.set()

    def prepare(self, rows: list[ParsedRow], *, reserve_ids: bool = True
                ) -> tuple[list[list[Any]], list[list[Any]]]:
        """Customer and phone rows for the valid ``rows``, also kept on each row.

        ``reserve_ids=False`` prepares rows again under the ids they already have.
        """
        good = [r for r in rows if r.ok]
        if not good:
            return [], []
        ids: list[Any] = (cast(Callable[[int], list[int]], self.id_source)(len(good))
                          if reserve_ids else [r.reserved_id for r in good])
        maps = [r.values for r in good]
        derived = self.segmenter.derive(
            [m.get("annual_margin") for m in maps], [m.get("annual_revenue") for m in maps],
            [m.get("sltv") for m in maps], [m.get("defection_reason", "unknown") for m in maps])
        defaults, pick, tz_default = self._defaults, self._pick, self.default_tz
        values: list[list[Any]] = []
        phones: list[list[Any]] = []
        for r, m, extra, cid in zip(good, maps, derived, ids, strict=True):
            r.reserved_id = cid
            row = [cid, *pick(defaults | m)]
            tz = m.get("timezone")
            row.append(tz if tz is not None else phone_timezone(r.phones, tz_default))
            row += extra
            values.append(row)
            if r.phones:
                r.prepared_phones = own = [[cid, e164, raw[:100], "mobile", n == 0]
                                           for n, (e164, raw) in enumerate(r.phones)]
                phones += own
            else:
                r.prepared_phones = None
        bulk.process_rows(self._procs, values)
        bulk.process_rows(self._phone_procs, phones)
        constants = self.constants
        for r, row in zip(good, values, strict=True):
            row += constants
            r.prepared = row
        return values, phones


@dataclass(slots=True)
class _Batch:
    """One chunk on its way from the reader to the writer, tallied and prepared."""

    count: int
    good: list[ParsedRow]
    values: list[list[Any]]
    phones: list[list[Any]]


def _tally(result: ImportResult, chunk: list[ParsedRow]) -> list[ParsedRow]:
    """Count a chunk's rows and problems into ``result``; its valid rows."""
    good: list[ParsedRow] = []
    errors, warnings = result.errors, result.warnings
    for r in chunk:
        if r.issues:
            for issue in r.issues:
                if len(errors) + len(warnings) >= MAX_KEPT_ISSUES:
                    result.issues_truncated = True
                    break
                (errors if issue.severity == ERROR else warnings).append(issue)
        if r.ok:
            good.append(r)
        else:
            result.rejected += 1
            if len(result.rejected_rows) < MAX_REPORTED_ROWS:
                result.rejected_rows.append(
                    RejectedRow(r.row, r.raw, [i for i in r.issues if i.severity == ERROR]))
    result.rows += len(chunk)
    return good


def _scan_after_import(db: Database, actor: Actor, result: ImportResult,
                       scanning: Callable[[int, int], None] | None) -> None:
    from winback_desktop.services import risk

    report = scanning or (lambda _d, _t: None)
    try:
        flagged = risk.scan(db, actor, progress=lambda _step, done, total: report(done, total))
    except Exception:  # the purchases are committed: say the scan is still to come
        log.exception("early-warning scan after purchase import #%s", result.batch_id)
        result.risk_scan_pending = True
    else:
        result.risk_flagged = len(flagged.flagged)


def run_import(
    db: Database,
    actor: Actor,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    header_row: int | None = None,
    mode: str = "upsert",
    on_duplicate: str | None = None,
    on_conflict: str = "reject",
    valid_only: bool = False,
    default_region: str | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck = None,
    chunk_rows: int = CHUNK_ROWS,
    kind: str = "customers",
    scan_after: bool = True,
    waiting: Callable[[], None] | None = None,
    scanning: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import a customer file in one transaction; see the module docstring.

    ``kind="purchases"`` imports a purchase history instead (the duplicate options do
    not apply: a purchase already imported is left alone); once it is committed the
    early-warning scan runs (``scan_after``), reporting its steps to ``scanning``. The
    import stands whatever the scan does: a scan that fails leaves ``risk_scan_pending``
    set and the scan due (``risk.scan_due``) for the admin's next daily check.

    Rows are matched to customers by ID, else phone, else e-mail
    (:mod:`services.import_matching`). ``mode="upsert"`` updates the customers found;
    ``on_duplicate`` says what a known customer does: ``update`` (default for upsert) or
    ``skip`` (default for insert-only). Rows of the file that claim one customer with
    different data are resolved by ``on_conflict``: ``reject`` both (default), keep the
    ``first`` or the ``last``.

    Imports of one database run one at a time; while another import holds the database,
    ``waiting`` is called about every quarter second (and ``cancel`` is honoured).
    """
    require(actor, Permission.IMPORT_CUSTOMERS)
    if mode not in MODES:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown import mode '{mode}': use upsert or insert-only."), mode=mode)
    if on_duplicate is None:
        on_duplicate = "update" if mode == "upsert" else "skip"
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown duplicate choice '{choice}': use skip or update."),
            choice=on_duplicate)
    if on_conflict not in ON_CONFLICT:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown conflict choice '{choice}': use reject, first or last."),
            choice=on_conflict)
    if mode == "insert-only" and on_duplicate == "update":
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "An insert-only import never updates customers: choose skip."))
    is_cancelled = _cancel_fn(cancel)
    report = progress or (lambda _d, _t: None)
    if _kind(kind) == "purchases":
        result = _run_purchases(db, actor, path, sheet=sheet, mapping=mapping,
                                header_row=header_row, valid_only=valid_only,
                                default_region=default_region, is_cancelled=is_cancelled,
                                report=report, chunk_rows=chunk_rows, waiting=waiting)
        if result.committed and scan_after:
            _scan_after_import(db, actor, result, scanning)
        return result
    with db.session() as s:
        region = _region_default(s, default_region)
        default_tz = str(settings.get(s, "default_timezone") or "Asia/Shanghai")
        default_currency = str(settings.get(s, "default_currency") or "CNY")
        segmenter = _Segmenter.load(s)
    rows = CustomerRows(path, sheet=sheet, mapping=mapping, header_row=header_row,
                        default_region=region, default_timezone=default_tz)
    id_conn: Connection | None = None
    try:
        id_source: Callable[[int], list[int]] | None = None
        if db.backend == "postgresql":
            id_conn = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            id_source = bulk.IdAllocator(id_conn, _CUSTOMERS).take
        preparer = _RowPreparer(rows.columns, dict(_INSERT_DEFAULTS, currency=default_currency),
                                segmenter, db.engine.dialect, default_tz, id_source)
    except BaseException:
        rows.close()
        if id_conn is not None:
            id_conn.close()
        raise
    result = ImportResult(batch_id=None, file_name=rows.file_name, sheet=rows.sheet,
                          headers=list(rows.headers))
    options = {"mode": mode, "on_duplicate": on_duplicate, "valid_only": valid_only,
               "default_tz": default_tz, "preparer": preparer, "on_conflict": on_conflict,
               "path": path, "waiting": waiting}
    try:
        with bulk.bulk_runtime():
            _pipeline(db, actor, rows, result, options, is_cancelled, report, chunk_rows)
        result.committed = True
    except _Rejected:
        result.batch_id = None
        result.inserted = result.updated = result.unchanged = result.skipped = 0
        result.risk_flags_closed = 0
        result.committed = False
    finally:
        rows.close()
        if id_conn is not None:
            id_conn.close()
    return result


def _run_purchases(db: Database, actor: Actor, path: str | Path, *, sheet: str | None,
                   mapping: Mapping[str, str] | None, header_row: int | None,
                   valid_only: bool, default_region: str | None,
                   is_cancelled: Callable[[], bool], report: Progress,
                   chunk_rows: int, waiting: Callable[[], None] | None = None
                   ) -> ImportResult:
    from winback_desktop.services import purchase_import

    with db.session() as s:
        region = _region_default(s, default_region)
        default_tz = str(settings.get(s, "default_timezone") or "Asia/Shanghai")
    rows = CustomerRows(path, sheet=sheet, mapping=mapping, header_row=header_row,
                        default_region=region, default_timezone=default_tz,
                        schema=schema_for("purchases"))
    result = ImportResult(batch_id=None, file_name=rows.file_name, sheet=rows.sheet,
                          headers=list(rows.headers), kind="purchases")
    options = {"valid_only": valid_only, "preparer": purchase_import.PurchasePreparer(db),
               "job": purchase_import.PurchaseJob, "waiting": waiting}
    try:
        _pipeline(db, actor, rows, result, options, is_cancelled, report, chunk_rows)
        result.committed = True
    except _Rejected:
        result.batch_id = None
        result.inserted = result.unchanged = 0
        result.committed = False
    finally:
        rows.close()
    return result


_END = object()
_ABORT = object()
_CANCEL = object()


def _pipeline(db: Database, actor: Actor, rows: CustomerRows, result: ImportResult,
              options: dict[str, Any], is_cancelled: Callable[[], bool], report: Progress,
              chunk_rows: int) -> None:
    """Parse in the calling thread while a writer thread owns the one transaction.

    Reading, validating, counting and preparing rows is Python work and happens here;
    the writer thread only decides insert or update and hands rows to the database,
    whose work (SQLite inside multi-row statements, PostgreSQL behind ``COPY``) runs
    without the GIL, so on a multi-core workstation the two overlap and the database
    is kept busy. The queue holds at most two chunks: memory stays bounded. Any failure
    on either side rolls the whole transaction back.
    """
    chunks: queue.Queue[Any] = queue.Queue(maxsize=2)
    outcome: dict[str, Any] = {"written": 0, "error": None}

    job_options = dict(options)
    job_class = job_options.pop("job", _ImportJob)
    on_wait = job_options.pop("waiting", None)

    def waiting() -> None:
        result.waited = True
        if on_wait is not None:
            on_wait()

    def writer() -> None:
        try:
            with import_lock.import_session(db, waiting=waiting, cancelled=is_cancelled,
                                            on_cancel=ImportCancelled) as session:
                if session.get_bind().dialect.name == "sqlite":
                    # Six customer indexes outgrow SQLite's default 2 MB page cache within
                    # a few thousand rows; a larger cache for this connection keeps index
                    # pages in memory for the bulk insert.
                    session.connection().exec_driver_sql(f"PRAGMA cache_size=-{64 * 1024}")
                job = job_class(session, actor, rows, result, **job_options)
                job.start()
                while True:
                    item = chunks.get()
                    if item is _END:
                        break
                    if item is _CANCEL:
                        raise ImportCancelled()
                    if item is _ABORT:
                        raise _Aborted()
                    job.consume(item)
                    outcome["written"] += item.count
                end_rows = getattr(job, "end_rows", None)
                if end_rows is not None:
                    end_rows()
                if result.rows == 0:
                    raise NoData(file=rows.file_name, sheet=rows.sheet)
                if result.rejected and not options["valid_only"]:
                    raise _Rejected()
                job.finish()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=writer, name="winback-import-writer", daemon=True)
    thread.start()

    def put(item: object) -> bool:
        while thread.is_alive():
            try:
                chunks.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    total = rows.total_rows
    report(0, total)
    preparer: Any = options["preparer"]
    try:
        for chunk in _chunks(rows, chunk_rows):
            if is_cancelled():
                put(_CANCEL)
                break
            while not preparer.ready.wait(0.05):
                if not thread.is_alive():
                    break
            if not preparer.ready.is_set():
                break  # the writer failed before it began; its error is raised below
            check = getattr(preparer, "check", None)
            if check is not None:  # checks that need the database (purchases: who bought)
                check(chunk)
            good = _tally(result, chunk)
            if result.rejected and not options["valid_only"]:
                # Nothing will commit: keep validating for the report, write nothing.
                batch = _Batch(len(chunk), [], [], [])
            else:
                batch = _Batch(len(chunk), good, *preparer.prepare(good))
            if not put(batch):
                break
            report(min(outcome["written"], total) if total else outcome["written"], total)
        else:
            if is_cancelled():
                put(_CANCEL)
            else:
                put(_END)
    except BaseException:
        put(_ABORT)
        thread.join()
        raise
    thread.join()
    error = outcome["error"]
    if error is not None:
        if isinstance(error, _Aborted):  # pragma: no cover - the reader's error wins
            return
        raise error
    report(result.rows, max(total, result.rows))


class _Aborted(Exception):
    """The reading side failed; the writer rolls back and the reader's error is raised."""


class _ImportJob:
    def __init__(self, session: Session, actor: Actor, rows: CustomerRows,
                 result: ImportResult, *, mode: str, on_duplicate: str, valid_only: bool,
                 default_tz: str, preparer: _RowPreparer, on_conflict: str = "reject",
                 path: str | Path = "") -> None:
        self.s = session
        self.on_conflict = on_conflict
        self.path = path
        #: rows that may repeat an earlier one: written once the whole file is known
        self.deferred: list[ParsedRow] = []
        #: rows refused here (the reader counted the others); added at the end
        self.late_rejected = 0
        #: customer id → its entry in ``audit_updates`` (to take an update back)
        self._audit_index: dict[int, int] = {}
        self.actor = actor
        self.rows = rows
        self.result = result
        self.mode = mode
        self.on_duplicate = on_duplicate
        self.valid_only = valid_only
        self.default_tz = default_tz
        self.segmenter = preparer.segmenter
        self.preparer = preparer
        self.now = utcnow()
        self.writing = True
        self.audit_updates: list[dict[str, Any] | None] = []
        self.batch_id = 0
        self.table_was_empty = False
        self._columns = ["id", *preparer.columns, *_CONSTANT_COLUMNS]
        #: phone rows of inserted customers, written a few chunks at a time
        self._phones: list[list[Any]] = []
        # updated customers whose value or reason changed: their tasks follow at the end
        self.revalue_ids: list[int] = []

    # ----------------------------------------------------------------------- run
    def start(self) -> None:
        s, result = self.s, self.result
        self.batch_id = s.execute(insert(ImportBatch).values(
            file_name=self.rows.file_name[:500], sheet=self.rows.sheet[:200], mode=self.mode,
            status="running", user_id=self.actor.user_id, started_at=self.now,
            mapping={"fields": dict(self.rows.mapping), "header_row": self.rows.header_row,
                     "on_duplicate": self.on_duplicate, "valid_only": self.valid_only},
        ).returning(ImportBatch.id)).scalar_one()
        result.batch_id = self.batch_id
        if s.get_bind().dialect.name == "sqlite":
            # Under the write lock SQLite's next ids are known: the reader numbers rows.
            ids = bulk.IdAllocator(s.connection(), _CUSTOMERS).prime()
            self.preparer.begin(self.batch_id, self.now, ids.take)
        else:
            self.preparer.begin(self.batch_id, self.now)
        # Nothing to match against: only IDs repeated inside the file need a look-up.
        self.table_was_empty = s.scalar(select(Customer.id).limit(1)) is None

    def consume(self, batch: _Batch) -> None:
        """Write one tallied chunk (see :func:`_tally`)."""
        if (self.result.rejected or self.late_rejected) and not self.valid_only:
            self.writing = False  # keep validating for the report; nothing will commit
        if self.writing and batch.good:
            self._write(batch)

    def end_rows(self) -> None:
        """The file is read: write the rows that may repeat others, resolve conflicts.

        Runs before the all-or-nothing check, so conflicts rejected here reject the file.
        """
        result = self.result
        conflicts, again, repeats, harmless = import_matching.find_conflicts(
            self.rows, self.path, self.on_conflict)
        result.duplicates_in_file = repeats
        result.conflicts = conflicts
        if not self.writing:  # nothing will commit: report the conflicts all the same
            for c in conflicts:
                rows = [again[n] for n in c.rows if n in again]
                for r, issue in zip(rows, import_matching.conflict_issues(c), strict=True):
                    if c.kept is None:
                        self._refuse(r, [issue])
                    else:
                        self._warn(r, issue)
        else:
            self._flush_phones()
            by_row = {n: c for c in conflicts for n in c.rows}
            resolved: set[int] = set()
            deferred = {d.row: d for d in self.deferred}
            for r in sorted(self.deferred, key=lambda x: x.row):
                conflict = by_row.get(r.row)
                if conflict is None:
                    if r.row in harmless:
                        result.skipped += 1  # the same customer, said the same way again
                    elif self.writing:
                        self._place([r])
                elif id(conflict) not in resolved:
                    resolved.add(id(conflict))
                    self._resolve(conflict, again, deferred)
        self.deferred = []
        result.rejected += self.late_rejected
        self.late_rejected = 0
        result.errors.sort(key=lambda i: i.row)
        result.warnings.sort(key=lambda i: i.row)
        result.rejected_rows.sort(key=lambda x: x.row)

    def finish(self) -> None:
        self._flush_phones()
        if self.revalue_ids:  # the one re-segmentation path (sltv_service.revalue)
            sltv_service.revalue(self.s, customer_ids=self.revalue_ids)
        r = self.result
        self.s.execute(update(ImportBatch).where(ImportBatch.id == self.batch_id).values(
            status="done", finished_at=utcnow(), rows=r.rows, inserted=r.inserted,
            updated=r.updated, rejected=r.rejected))
        entries = [e for e in self.audit_updates if e is not None]
        for start in range(0, len(entries), 2000):
            self.s.execute(insert(AuditEntry), entries[start:start + 2000])
        audit.record(self.s, self.actor, "import_batch_created", "import_batch",
                     self.batch_id, after={
                         "file": r.file_name, "sheet": r.sheet, "rows": r.rows,
                         "inserted": r.inserted, "updated": r.updated,
                         "unchanged": r.unchanged, "skipped": r.skipped,
                         "rejected": r.rejected, "mode": self.mode,
                         "on_duplicate": self.on_duplicate, "on_conflict": self.on_conflict,
                         "valid_only": self.valid_only,
                         "risk_flags_closed": r.risk_flags_closed,
                         "conflicts": [c.as_dict() for c in r.conflicts]})

    # --------------------------------------------------------------------- write
    def _write(self, batch: _Batch) -> None:
        now = [r for r in batch.good if not r.maybe_repeat]
        if len(now) < len(batch.good):
            self.deferred += [r for r in batch.good if r.maybe_repeat]
        if now:
            self._place(now, batch if len(now) == len(batch.good) else None)

    def _place(self, good: list[ParsedRow], batch: _Batch | None = None) -> None:
        """Match rows to customers and insert or update them; refuse what cannot be."""
        result = self.result
        lookup = not self.table_was_empty
        if lookup and any(not r.external_id for r in good):
            self._flush_phones()  # matching by phone reads the phones written so far
        found = import_matching.match_rows(self.s, good, self.rows.column_name, lookup=lookup)
        for r, issue in found.refused:
            self._refuse(r, [issue])
        for r, issue in found.warned:
            self._warn(r, issue)
        inserts: list[ParsedRow] = []
        updates: dict[int, ParsedRow] = {}
        for r, target, batch_of in zip(good, found.targets, found.batches, strict=True):
            if target == -1:
                continue  # refused above
            if target is None:
                inserts.append(r)
                continue
            if batch_of != self.batch_id:
                result.duplicates_in_db += 1
            if self.on_duplicate == "skip" or self.mode == "insert-only":
                result.skipped += 1
            elif target in updates:
                self.deferred.append(r)  # a second row for one customer: after this one
            else:
                updates[target] = r
        if inserts:
            whole = batch is not None and len(inserts) == len(batch.good)
            self._insert(inserts, batch if whole else None)
        if updates:
            self._update(updates)

    def _refuse(self, row: ParsedRow, issues: list[Issue]) -> None:
        """A row this writer refuses (the reader tallied it as valid)."""
        result = self.result
        row.issues += issues
        self.late_rejected += 1
        for issue in issues:
            if len(result.errors) + len(result.warnings) < MAX_KEPT_ISSUES:
                result.errors.append(issue)
            else:
                result.issues_truncated = True
        if len(result.rejected_rows) < MAX_REPORTED_ROWS:
            result.rejected_rows.append(RejectedRow(row.row, row.raw, issues))
        if not self.valid_only:
            self.writing = False

    def _warn(self, row: ParsedRow, issue: Issue) -> None:
        row.issues.append(issue)
        if len(self.result.errors) + len(self.result.warnings) < MAX_KEPT_ISSUES:
            self.result.warnings.append(issue)

    def _resolve(self, conflict: import_matching.InFileConflict, again: dict[int, ParsedRow],
                 deferred: dict[int, ParsedRow]) -> None:
        """Rows that claim one customer with different data: as the user chose."""
        issues = import_matching.conflict_issues(conflict)
        rows = [again.get(n) or deferred[n] for n in conflict.rows]
        if conflict.resolution == "first":
            self.result.skipped += len(rows) - 1
            for r, issue in zip(rows, issues, strict=True):
                self._warn(r, issue)
            return
        self._retract(conflict.key)
        if conflict.resolution == "last":
            self.result.skipped += len(rows) - 1
            for r, issue in zip(rows, issues, strict=True):
                self._warn(r, issue)
            self._place([deferred.get(rows[-1].row) or rows[-1]])
            return
        for r, issue in zip(rows, issues, strict=True):
            self._refuse(r, [issue])

    def _retract(self, key: str) -> None:
        """Take back what the first row of ``key`` did in this import."""
        self._flush_phones()
        kind, value = key.split(":", 1)
        if kind == "id":
            where: Any = Customer.external_id == value
        elif kind == "phone":
            where = Customer.id.in_(select(CustomerPhone.customer_id)
                                    .where(CustomerPhone.e164 == value))
        else:
            where = func.lower(Customer.email) == value
        for cid, batch_id in self.s.execute(select(Customer.id, Customer.import_batch_id)
                                            .where(where)).all():
            if batch_id == self.batch_id:
                self.s.execute(delete(CustomerPhone).where(CustomerPhone.customer_id == cid))
                self.s.execute(delete(Customer).where(Customer.id == cid))
                self.result.inserted -= 1
                return
            index = self._audit_index.pop(cid, None)
            if index is not None:
                entry = cast(dict[str, Any], self.audit_updates[index])
                self.audit_updates[index] = None
                values = {k: _restore(k, v) for k, v in entry["before"].items()
                          if k != "customer_id"}
                self.s.execute(update(Customer).where(Customer.id == cid).values(**values))
                _drop_phones(self.s, cid, entry["after"].get("phones_added") or [])
                reopened = entry["after"].get("risk_flags_closed") or []
                if reopened:
                    from winback_desktop.services import risk

                    risk.reopen_flags(self.s, reopened)
                    self.result.risk_flags_closed -= len(reopened)
                self.result.updated -= 1
                return
        if self.on_duplicate == "skip" or self.mode == "insert-only":
            self.result.skipped -= 1
        else:
            self.result.unchanged -= 1

    def _insert(self, rows: list[ParsedRow], batch: _Batch | None = None) -> None:
        """Insert prepared rows: a whole ``batch`` as the reader built it, or some of its
        rows (ids and phone rows were set by the reader either way)."""
        conn = self.s.connection()
        if batch is not None:
            values, phones = batch.values, batch.phones
        else:
            stale = [r for r in rows if r.prepared is None]
            if stale:  # merged with a repeated row after preparation: same id
                self.preparer.prepare(stale, reserve_ids=False)
            values = [cast(list[Any], r.prepared) for r in rows]
            phones = [p for r in rows for p in (r.prepared_phones or ())]
        bulk.insert_rows(conn, _CUSTOMERS, self._columns, values)
        self.result.inserted += len(rows)
        self._phones += phones
        if len(self._phones) >= PHONE_BATCH_ROWS:
            self._flush_phones()

    def _flush_phones(self) -> None:
        """Write the pending phone rows: before anything reads phones, and at the end.

        A few large writes keep PostgreSQL busy; one small ``COPY`` per chunk left it
        idle between them a fifth of the time.
        """
        if self._phones:
            bulk.insert_rows(self.s.connection(), _PHONES, _PHONE_COLUMNS, self._phones)
            self._phones = []

    def _update(self, updates: dict[int, ParsedRow]) -> None:
        self._flush_phones()
        ids = list(updates)
        cols = [getattr(Customer, c) for c in IMPORTED_COLUMNS]
        current: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            for row in self.s.execute(select(Customer.id, Customer.version_id,
                                             Customer.import_batch_id, Customer.sltv_minor,
                                             Customer.sltv_tier, Customer.segment, *cols)
                                      .where(Customer.id.in_(part))):
                current[row[0]] = dict(row._mapping)
        phones_of: dict[int, set[str]] = {}
        for start in range(0, len(ids), 900):
            part = ids[start:start + 900]
            for cid, e164 in self.s.execute(select(CustomerPhone.customer_id,
                                                   CustomerPhone.e164)
                                            .where(CustomerPhone.customer_id.in_(part))):
                if e164 is not None:
                    phones_of.setdefault(cid, set()).add(e164)
        merged: list[dict[str, Any]] = []
        order: list[int] = []
        # customers (not created by this import) whose status the list changes
        status_changed: dict[int, str] = {}
        for cid, r in updates.items():
            before = current[cid]
            record = {k: before[k] for k in IMPORTED_COLUMNS}
            given = customer_record(r, self.default_tz)
            if "timezone" not in {k for k in r.values}:
                given.pop("timezone", None)
            record.update(given)
            merged.append(record)
            order.append(cid)
        self.segmenter.apply(merged)
        new_phones: list[dict[str, Any]] = []
        for cid, record in zip(order, merged, strict=True):
            before = current[cid]
            changed = {k: record[k] for k in (*IMPORTED_COLUMNS, *_DERIVED)
                       if record.get(k) != before.get(k)}
            r = updates[cid]
            if _REVALUED.intersection(changed):
                self.revalue_ids.append(cid)
            fresh = [(e, raw) for e, raw in r.phones if e not in phones_of.get(cid, set())]
            if not changed and not fresh:
                self.result.unchanged += 1
                continue
            if before["import_batch_id"] == self.batch_id:
                # Created earlier in this same import: no version bump, no undo entry.
                if changed:
                    self.s.execute(update(Customer).where(Customer.id == cid).values(**changed))
                self._add_phones(cid, fresh, new_phones)
                self.result.updated += 1
                continue
            if "status" in changed:
                status_changed[cid] = changed["status"]
            version = before["version_id"] + 1
            values = dict(changed, version_id=version, updated_at=self.now)
            self.s.execute(update(Customer).where(Customer.id == cid).values(**values))
            self._add_phones(cid, fresh, new_phones)
            self._audit_index[cid] = len(self.audit_updates)
            self.audit_updates.append({
                "at": self.now, "user_id": self.actor.user_id, "user_login": self.actor.login,
                "action": "customer_updated_by_import", "entity": "import_batch",
                "entity_id": str(self.batch_id), "workstation": self.actor.workstation,
                "before": audit._jsonable({"customer_id": cid, "version_id":
                                           before["version_id"],
                                           **{k: before.get(k) for k in changed}}),
                "after": audit._jsonable({"customer_id": cid, "version_id": version,
                                          "phones_added": [e for e, _ in fresh], **changed}),
            })
            self.result.updated += 1
        if new_phones:
            self.s.execute(insert(CustomerPhone), new_phones)
        if status_changed:
            self._close_flags(status_changed)

    def _close_flags(self, status_changed: dict[int, str]) -> None:
        """The list's status is the newer word: open early-warning flags close under it
        (issue 19). Each update's audit entry names the flags, so taking the update back
        (a conflict resolved 'last', an undo) reopens them."""
        from winback_desktop.services import risk

        closed = risk.close_for_status_changes(self.s, status_changed, self.actor)
        for cid, flag_ids in closed.items():
            entry = cast(dict[str, Any], self.audit_updates[self._audit_index[cid]])
            entry["after"]["risk_flags_closed"] = flag_ids
            self.result.risk_flags_closed += len(flag_ids)

    def _add_phones(self, cid: int, fresh: list[tuple[str, str]],
                    out: list[dict[str, Any]]) -> None:
        """New numbers become the primary phone; the old ones stay as alternatives."""
        if not fresh:
            return
        self.s.execute(update(CustomerPhone).where(CustomerPhone.customer_id == cid)
                       .values(is_primary=False))
        for n, (e164, raw) in enumerate(fresh):
            out.append({"customer_id": cid, "e164": e164, "raw": raw[:100],
                        "kind": "mobile", "is_primary": n == 0})


# -------------------------------------------------------------------------------- undo


def undo_last_batch(db: Database, actor: Actor) -> UndoResult:
    """Remove the customers the last import created and restore the ones it updated.

    Refused when any of them has been worked on since: a call, a task past ``queued``,
    an offer or interview, or any other change (its version moved on).
    """
    require(actor, Permission.IMPORT_CUSTOMERS)
    with db.session(immediate=True) as s:
        batch = s.scalar(select(ImportBatch).where(ImportBatch.status == "done",
                                                   ImportBatch.undone_at.is_(None))
                         .order_by(ImportBatch.id.desc()).limit(1))
        if batch is None:
            raise NothingToUndo()
        if batch.kind == "purchases":
            from winback_desktop.services import purchase_import

            removed, restored = purchase_import.undo_batch(s, actor, batch)
            return UndoResult(batch.id, removed, restored)
        mine = select(Customer.id).where(Customer.import_batch_id == batch.id)
        touched = s.scalar(select(func.count()).select_from(Customer).where(
            Customer.import_batch_id == batch.id,
            or_(Customer.version_id != 1, Customer.updated_at != Customer.created_at)))
        worked = s.scalar(select(or_(
            exists().where(Call.customer_id.in_(mine)),
            exists().where(CallTask.customer_id.in_(mine),
                           or_(CallTask.status != TaskStatus.QUEUED.value,
                               CallTask.attempts > 0)),
            exists().where(OfferRequest.customer_id.in_(mine)),
            exists().where(InterviewResponse.customer_id.in_(mine)),
        )))
        entries = list(s.execute(select(AuditEntry.before, AuditEntry.after).where(
            AuditEntry.entity == "import_batch", AuditEntry.entity_id == str(batch.id),
            AuditEntry.action == "customer_updated_by_import")))
        versions = {}
        for start in range(0, len(entries), 900):
            part = [e.after["customer_id"] for e in entries[start:start + 900]]
            versions.update(dict(s.execute(select(Customer.id, Customer.version_id)
                                           .where(Customer.id.in_(part))).all()))
        moved = sum(1 for e in entries
                    if versions.get(e.after["customer_id"]) != e.after["version_id"])
        if touched or worked or moved:
            raise Conflict(QT_TRANSLATE_NOOP(
                "Errors", "Import #{batch} cannot be undone: some of its customers have been "
                "worked on or changed since."), batch=batch.id)
        removed = s.scalar(select(func.count()).select_from(Customer)
                           .where(Customer.import_batch_id == batch.id)) or 0
        s.execute(delete(Customer).where(Customer.import_batch_id == batch.id))
        now = utcnow()
        reopened: list[int] = []
        for e in entries:
            cid = e.after["customer_id"]
            values = {k: _restore(k, v) for k, v in e.before.items()
                      if k not in ("customer_id", "version_id")}
            values["version_id"] = e.after["version_id"] + 1
            values["updated_at"] = now
            s.execute(update(Customer).where(Customer.id == cid).values(**values))
            _drop_phones(s, cid, e.after.get("phones_added") or [])
            reopened += e.after.get("risk_flags_closed") or []
        if reopened:  # the customers are at risk again: so are their flags
            from winback_desktop.services import risk

            risk.reopen_flags(s, reopened)
        batch.undone_at = now
        batch.status = "undone"
        audit.record(s, actor, "import_batch_undone", "import_batch", batch.id,
                     before={"inserted": batch.inserted, "updated": batch.updated},
                     after={"removed": removed, "restored": len(entries),
                            "risk_flags_reopened": reopened})
        return UndoResult(batch.id, removed, len(entries))


def _drop_phones(s: Session, cid: int, added: list[str]) -> None:
    """Remove the numbers an import added; the oldest one left is primary again."""
    if not added:
        return
    s.execute(delete(CustomerPhone).where(CustomerPhone.customer_id == cid,
                                          CustomerPhone.e164.in_(added)))
    first = s.scalar(select(func.min(CustomerPhone.id)).where(CustomerPhone.customer_id == cid))
    if first is not None:
        s.execute(update(CustomerPhone).where(CustomerPhone.id == first).values(is_primary=True))


_DATE_COLUMNS = {"defection_date", "last_purchase_date"}


def _restore(column: str, value: Any) -> Any:
    if value is not None and column in _DATE_COLUMNS:
        return datetime.fromisoformat(value).date()
    return value


# ----------------------------------------------------------------------------- batches


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    file_name: str
    sheet: str | None
    status: str
    started_at: datetime
    rows: int
    inserted: int
    updated: int
    rejected: int
    user_id: int | None


def list_batches(session: Session, actor: Actor, limit: int = 100) -> list[BatchInfo]:
    require(actor, Permission.VIEW_CUSTOMERS)
    rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit))
    return [BatchInfo(b.id, b.file_name, b.sheet, b.status, b.started_at, b.rows, b.inserted,
                      b.updated, b.rejected, b.user_id) for b in rows]


# ------------------------------------------------------------------------ saved mappings


def save_mapping(session: Session, actor: Actor, name: str,
                 mapping: Mapping[str, str]) -> None:
    """Save (or replace) a named ``{field: header}`` mapping."""
    require(actor, Permission.IMPORT_CUSTOMERS)
    name = name.strip()
    if not name or len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "A mapping name has 1 to 100 characters."))
    known = {f.key for schema in SCHEMAS.values() for f in schema.fields}
    for key in mapping:
        if key not in known:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown import field '{field}'."),
                                  field=key)
    data = {k: str(v) for k, v in mapping.items() if v}
    row = session.scalar(select(ImportMapping).where(ImportMapping.name == name))
    before = None if row is None else dict(row.mapping)
    if row is None:
        session.add(ImportMapping(name=name, mapping=data))
    else:
        row.mapping = data
    audit.record(session, actor, "import_mapping_saved", "import_mapping", name,
                 before=before, after=data)


def list_mappings(session: Session, actor: Actor) -> list[str]:
    require(actor, Permission.IMPORT_CUSTOMERS)
    return list(session.scalars(select(ImportMapping.name).order_by(ImportMapping.name)))


def get_mapping(session: Session, actor: Actor, name: str) -> dict[str, str]:
    require(actor, Permission.IMPORT_CUSTOMERS)
    row = session.scalar(select(ImportMapping).where(ImportMapping.name == name))
    if row is None:
        raise NotFound(what=name)
    return dict(row.mapping)


def delete_mapping(session: Session, actor: Actor, name: str) -> None:
    require(actor, Permission.IMPORT_CUSTOMERS)
    row = session.scalar(select(ImportMapping).where(ImportMapping.name == name))
    if row is None:
        raise NotFound(what=name)
    audit.record(session, actor, "import_mapping_deleted", "import_mapping", name,
                 before=dict(row.mapping))
    session.delete(row)


__all__ = [
    "MODES",
    "ON_DUPLICATE",
    "WARNING",
    "Duplicate",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "PreviewRow",
    "RejectedRow",
    "UndoResult",
    "delete_mapping",
    "get_mapping",
    "list_batches",
    "list_mappings",
    "preview",
    "run_import",
    "save_mapping",
    "undo_last_batch",
]
