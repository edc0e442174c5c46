"""Importing: undoing the last batch and listing batches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    delete,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from winback_desktop.core.domain import TaskStatus
from winback_desktop.core.errors import Conflict
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.models import (
    AuditEntry,
    Call,
    CallTask,
    Customer,
    CustomerPhone,
    ImportBatch,
    InterviewResponse,
    OfferRequest,
)
from winback_desktop.db.session import Database
from winback_desktop.db.types import utcnow
from winback_desktop.services import (
    audit,
)
from winback_desktop.services.context import Actor, require
from winback_desktop.services.importing.common import NothingToUndo, UndoResult

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

