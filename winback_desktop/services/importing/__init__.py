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
writer (``kind="purchases"``: :mod:`services.purchase_import`)."""

from __future__ import annotations

from winback_desktop.io.rows import WARNING
from winback_desktop.services.importing.common import (
    CHUNK_ROWS,
    IMPORT_CHANGED,
    IMPORTED_COLUMNS,
    MAX_REPORTED_ROWS,
    MODES,
    ON_CONFLICT,
    ON_DUPLICATE,
    PHONE_BATCH_ROWS,
    PREVIEW_ROWS,
    Cancel,
    CancelCheck,
    Duplicate,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    NothingToUndo,
    PreviewRow,
    Progress,
    RejectedRow,
    UndoResult,
)
from winback_desktop.services.importing.mappings import (
    delete_mapping,
    get_mapping,
    list_mappings,
    save_mapping,
)
from winback_desktop.services.importing.pipeline import run_import
from winback_desktop.services.importing.preview import preview
from winback_desktop.services.importing.undo import BatchInfo, list_batches, undo_last_batch

__all__ = [
    "CHUNK_ROWS",
    "IMPORTED_COLUMNS",
    "IMPORT_CHANGED",
    "MAX_REPORTED_ROWS",
    "MODES",
    "ON_CONFLICT",
    "ON_DUPLICATE",
    "PHONE_BATCH_ROWS",
    "PREVIEW_ROWS",
    "WARNING",
    "BatchInfo",
    "Cancel",
    "CancelCheck",
    "Duplicate",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "NothingToUndo",
    "PreviewRow",
    "Progress",
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
