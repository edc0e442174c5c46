"""Importing: options, limits, result objects and small helpers shared by the import steps."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from sqlalchemy import (
    Table,
)
from sqlalchemy.orm import Session

from winback_desktop.core.choices import IMPORT_MODES, IMPORT_ON_DUPLICATE
from winback_desktop.core.errors import NotFound, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import (
    Customer,
    CustomerPhone,
)
from winback_desktop.io.fields import FieldSpec, ListSchema, schema_for
from winback_desktop.io.rows import (
    ERROR,
    Issue,
    ParsedRow,
)
from winback_desktop.io.values import clean_text
from winback_desktop.services import (
    import_matching,
    settings,
)
from winback_desktop.services.changes import NO_CHANGES, Changes, Topic

MODES = IMPORT_MODES
ON_DUPLICATE = IMPORT_ON_DUPLICATE
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


def _region_default(session: Session | None, default_region: str | None) -> str:
    if default_region:
        return default_region.upper()
    if session is not None:
        return str(settings.get(session, "default_phone_region") or "CN").upper()
    return "CN"

