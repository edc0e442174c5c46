"""Importing: ``run_import`` and the reader/writer pipeline around one transaction."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db import bulk
from winback_desktop.db.session import Database
from winback_desktop.io.fields import schema_for
from winback_desktop.io.rows import (
    CustomerRows,
)
from winback_desktop.io.sources import NoData
from winback_desktop.services import (
    import_lock,
    settings,
)
from winback_desktop.services.context import Actor, require
from winback_desktop.services.importing.common import (
    _CUSTOMERS,
    CHUNK_ROWS,
    MODES,
    ON_CONFLICT,
    ON_DUPLICATE,
    CancelCheck,
    ImportCancelled,
    ImportResult,
    Progress,
    _cancel_fn,
    _chunks,
    _region_default,
)
from winback_desktop.services.importing.prepare import (
    _ABORT,
    _CANCEL,
    _END,
    _INSERT_DEFAULTS,
    _Aborted,
    _Batch,
    _Rejected,
    _RowPreparer,
    _Segmenter,
    _tally,
)
from winback_desktop.services.importing.preview import _kind
from winback_desktop.services.importing.writer import _ImportJob


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
) -> ImportResult:
    """Import a customer file in one transaction; see the module docstring.

    ``kind="purchases"`` imports a purchase history instead (the duplicate options do
    not apply: a purchase already imported is left alone); once it is committed the
    early-warning scan runs (``scan_after``).

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
            from winback_desktop.services import risk

            result.risk_flagged = len(risk.scan(db, actor).flagged)
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

