"""Importing: the writer thread's job: match IDs, insert or update, phones, batch row."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from winback_desktop.db import bulk
from winback_desktop.db.models import (
    AuditEntry,
    Customer,
    CustomerPhone,
    ImportBatch,
)
from winback_desktop.db.types import utcnow
from winback_desktop.io.rows import (
    MAX_KEPT_ISSUES,
    CustomerRows,
    Issue,
    ParsedRow,
    customer_record,
)
from winback_desktop.services import (
    audit,
    import_matching,
    sltv_service,
)
from winback_desktop.services.context import Actor
from winback_desktop.services.importing.common import (
    _CUSTOMERS,
    _DERIVED,
    _PHONE_COLUMNS,
    _PHONES,
    _REVALUED,
    IMPORTED_COLUMNS,
    MAX_REPORTED_ROWS,
    PHONE_BATCH_ROWS,
    ImportResult,
    RejectedRow,
)
from winback_desktop.services.importing.prepare import _CONSTANT_COLUMNS, _Batch, _RowPreparer
from winback_desktop.services.importing.undo import _drop_phones, _restore


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

