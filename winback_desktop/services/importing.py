"""Importing customer lists from Excel/CSV (DESIGN §8): preview, import, undo, mappings.

An import is one database transaction: by default any invalid row rejects the whole
file and nothing is written; with ``valid_only`` the valid rows go in and the rest are
reported. The ``import_batches`` row is written inside the same transaction, so a
cancelled, failed or killed import leaves the database exactly as it was.

Rows stream from the reader in chunks; each chunk is looked up by customer ID (upsert),
bulk-inserted with SQLAlchemy Core (no ORM objects) and given SLTV, tier and segment
from the tables admins edit. Updates touch only changed fields, so re-importing the
same file changes nothing.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, cast

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
from winback_desktop.io.fields import FIELDS, FieldSpec
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
from winback_desktop.services import audit, settings
from winback_desktop.services.context import Actor, require

MODES = ("upsert", "insert-only")
ON_DUPLICATE = ("skip", "update", "new")
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
    "currency", "competitor", "do_not_call",
)
_DERIVED = ("sltv_minor", "sltv_tier", "segment")
_RECORD_COLUMNS = (*IMPORTED_COLUMNS, *_DERIVED)
_CUSTOMERS = cast(Table, Customer.__table__)
_PHONES = cast(Table, CustomerPhone.__table__)
_PHONE_COLUMNS = ("customer_id", "e164", "raw", "kind", "is_primary")


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

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return FIELDS


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

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id, "file": self.file_name, "sheet": self.sheet,
            "rows": self.rows, "inserted": self.inserted, "updated": self.updated,
            "unchanged": self.unchanged, "skipped": self.skipped, "rejected": self.rejected,
            "committed": self.committed, "duplicates_in_file": self.duplicates_in_file,
            "duplicates_in_db": self.duplicates_in_db,
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


def _existing_by_external_id(session: Session, ids: list[str]) -> dict[str, int]:
    """Lowest customer id per external id among ``ids``."""
    return {ext: cid for ext, (cid, _batch) in _known_ids(session, ids).items()}


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
) -> ImportPreview:
    """Read the whole file once without writing: mapping, first rows, every problem.

    With a ``session`` it also reports customer IDs that already exist in the database.
    """
    if actor is not None:
        require(actor, Permission.IMPORT_CUSTOMERS)
    region = _region_default(session, default_region)
    is_cancelled = _cancel_fn(cancel)
    with CustomerRows(path, sheet=sheet, mapping=mapping, header_row=header_row,
                      default_region=region, require_key=False) as rows:
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
            in_db: dict[str, int] = {}
            if session is not None:
                ids = list({r.external_id for r in chunk if r.external_id})
                in_db = _existing_by_external_id(session, ids) if ids else {}
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
                ext = r.external_id
                if r.duplicate_of is not None and ext:
                    dup = "file"
                    dup_file.append(Duplicate(r.row, ext, "file", first_row=r.duplicate_of))
                if ext and ext in in_db:
                    dup = dup or "database"
                    if r.duplicate_of is None:
                        dup_db.append(Duplicate(r.row, ext, "database",
                                                customer_id=in_db[ext]))
                if len(shown) < limit:
                    shown.append((r, dup))
            if progress is not None:
                progress(total, rows.total_rows)
        if rows.columns.keys().isdisjoint({"external_id", "name"}):
            errors.insert(0, Issue(rows.header_row, "", QT_TRANSLATE_NOOP(
                "Errors", "Map at least the customer ID or the name column before importing.")))
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
            issues_truncated=truncated,
        )


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

        Without margin, revenue or imported SLTV the value is unknown (NULL, no tier) and
        the segment is the grid's D-tier cell for the reason, so such customers are
        neither ranked first nor silently dropped.
        """
        if not margins:
            return []
        computed = sltv.compute_many(
            [math.nan if m is None else m for m in margins],
            [math.nan if x is None else x for x in revenues], self.params).tolist()
        order = sorted(self.thresholds.items(), key=lambda kv: kv[1], reverse=True)
        grid = self.grid
        out: list[tuple[int | None, str | None, str]] = []
        for value, margin, revenue, given, reason in zip(computed, margins, revenues,
                                                         imported, reasons, strict=True):
            if given is not None:
                value = given
            elif margin is None and revenue is None:
                out.append((None, None, grid.get(("D", reason), "quick")))
                continue
            tier = "negative"
            if value >= 0:
                for name, bound in order:
                    if value >= bound:
                        tier = name
                        break
            out.append((value, tier, grid.get((tier, reason), "quick")))
        return out

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
    "competitor": None, "do_not_call": False,
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
        if r.duplicate_of is not None:
            result.duplicates_in_file += 1
        if r.ok:
            good.append(r)
        else:
            result.rejected += 1
            if len(result.rejected_rows) < MAX_REPORTED_ROWS:
                result.rejected_rows.append(
                    RejectedRow(r.row, r.raw, [i for i in r.issues if i.severity == ERROR]))
    result.rows += len(chunk)
    return good


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
    valid_only: bool = False,
    default_region: str | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck = None,
    chunk_rows: int = CHUNK_ROWS,
) -> ImportResult:
    """Import a customer file in one transaction; see the module docstring.

    ``mode="upsert"`` matches customer IDs against the database; ``on_duplicate`` says
    what a known ID does: ``update`` (default for upsert), ``skip`` (default for
    insert-only) or ``new`` (import as a second customer). A repeated ID inside the file
    follows the same choice (``update``: the later row wins).
    """
    require(actor, Permission.IMPORT_CUSTOMERS)
    if mode not in MODES:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown import mode '{mode}': use upsert or insert-only."), mode=mode)
    if on_duplicate is None:
        on_duplicate = "update" if mode == "upsert" else "skip"
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown duplicate choice '{choice}': use skip, update or new."),
            choice=on_duplicate)
    if mode == "insert-only" and on_duplicate == "update":
        raise ValidationError(QT_TRANSLATE_NOOP(
            "Errors", "An insert-only import never updates customers: choose skip or new."))
    is_cancelled = _cancel_fn(cancel)
    report = progress or (lambda _d, _t: None)
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
               "default_tz": default_tz, "preparer": preparer}
    try:
        with bulk.bulk_runtime():
            _pipeline(db, actor, rows, result, options, is_cancelled, report, chunk_rows)
        result.committed = True
    except _Rejected:
        result.batch_id = None
        result.inserted = result.updated = result.unchanged = result.skipped = 0
        result.committed = False
    finally:
        rows.close()
        if id_conn is not None:
            id_conn.close()
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

    def writer() -> None:
        try:
            with db.session(immediate=True) as session:
                if session.get_bind().dialect.name == "sqlite":
                    # Six customer indexes outgrow SQLite's default 2 MB page cache within
                    # a few thousand rows; a larger cache for this connection keeps index
                    # pages in memory for the bulk insert.
                    session.connection().exec_driver_sql(f"PRAGMA cache_size=-{64 * 1024}")
                job = _ImportJob(session, actor, rows, result, **options)
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
    preparer: _RowPreparer = options["preparer"]
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
                 default_tz: str, preparer: _RowPreparer) -> None:
        self.s = session
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
        self.audit_updates: list[dict[str, Any]] = []
        self.batch_id = 0
        self.table_was_empty = False
        self._columns = ["id", *preparer.columns, *_CONSTANT_COLUMNS]
        #: phone rows of inserted customers, written a few chunks at a time
        self._phones: list[list[Any]] = []

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
        if self.result.rejected and not self.valid_only:
            self.writing = False  # keep validating for the report; nothing will commit
        if self.writing and batch.good:
            self._write(batch)

    def finish(self) -> None:
        self._flush_phones()
        r = self.result
        self.s.execute(update(ImportBatch).where(ImportBatch.id == self.batch_id).values(
            status="done", finished_at=utcnow(), rows=r.rows, inserted=r.inserted,
            updated=r.updated, rejected=r.rejected))
        if self.audit_updates:
            for start in range(0, len(self.audit_updates), 2000):
                self.s.execute(insert(AuditEntry), self.audit_updates[start:start + 2000])
        audit.record(self.s, self.actor, "import_batch_created", "import_batch",
                     self.batch_id, after={
                         "file": r.file_name, "sheet": r.sheet, "rows": r.rows,
                         "inserted": r.inserted, "updated": r.updated,
                         "unchanged": r.unchanged, "skipped": r.skipped,
                         "rejected": r.rejected, "mode": self.mode,
                         "on_duplicate": self.on_duplicate, "valid_only": self.valid_only})

    # --------------------------------------------------------------------- write
    def _write(self, batch: _Batch) -> None:
        good = batch.good
        result = self.result
        ids = list({r.external_id for r in good if r.external_id
                    and (r.duplicate_of is not None or not self.table_was_empty)})
        if not ids:
            # Nothing to match (a new table, no repeated IDs): every row is inserted, in
            # the order and with the ids the reader prepared.
            self._insert(good, batch)
            return
        lookup_db = self.mode == "upsert" or self.on_duplicate != "new"
        # Customers created earlier in this import are in the database already (same
        # transaction), marked with this batch: no in-memory index of every ID needed.
        existing = _known_ids(self.s, ids) if ids and lookup_db else {}
        inserts: list[ParsedRow] = []
        pending: dict[str, ParsedRow] = {}  # ext → row to insert in this chunk
        updates: dict[int, ParsedRow] = {}
        for r in good:
            ext = r.external_id
            target: int | None = None
            if ext and ext in existing:
                target, batch_of = existing[ext]
                if batch_of != self.batch_id and r.duplicate_of is None:
                    result.duplicates_in_db += 1
            if ext and ext in pending:
                # repeated in this chunk, before the first one reached the database
                if self.on_duplicate == "new":
                    inserts.append(r)
                elif self.on_duplicate == "update":
                    first = pending[ext]
                    first.values.update(r.values)
                    first.prepared = None
                    if r.phones:
                        first.phones = r.phones + [p for p in first.phones if p not in r.phones]
                    result.updated += 1
                else:
                    result.skipped += 1
                continue
            if target is None or self.on_duplicate == "new":
                inserts.append(r)
                if ext:
                    pending.setdefault(ext, r)
            elif self.on_duplicate == "skip" or self.mode == "insert-only":
                result.skipped += 1
            else:
                if target in updates:
                    updates[target].values.update(r.values)
                    updates[target].phones = r.phones or updates[target].phones
                else:
                    updates[target] = r
        if inserts:
            self._insert(inserts)
        if updates:
            self._update(updates)

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
            version = before["version_id"] + 1
            values = dict(changed, version_id=version, updated_at=self.now)
            self.s.execute(update(Customer).where(Customer.id == cid).values(**values))
            self._add_phones(cid, fresh, new_phones)
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
        for e in entries:
            cid = e.after["customer_id"]
            values = {k: _restore(k, v) for k, v in e.before.items()
                      if k not in ("customer_id", "version_id")}
            values["version_id"] = e.after["version_id"] + 1
            values["updated_at"] = now
            s.execute(update(Customer).where(Customer.id == cid).values(**values))
            added = e.after.get("phones_added") or []
            if added:
                s.execute(delete(CustomerPhone).where(CustomerPhone.customer_id == cid,
                                                      CustomerPhone.e164.in_(added)))
                first = s.scalar(select(func.min(CustomerPhone.id))
                                 .where(CustomerPhone.customer_id == cid))
                if first is not None:
                    s.execute(update(CustomerPhone).where(CustomerPhone.id == first)
                              .values(is_primary=True))
        batch.undone_at = now
        batch.status = "undone"
        audit.record(s, actor, "import_batch_undone", "import_batch", batch.id,
                     before={"inserted": batch.inserted, "updated": batch.updated},
                     after={"removed": removed, "restored": len(entries)})
        return UndoResult(batch.id, removed, len(entries))


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
    known = {f.key for f in FIELDS}
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
