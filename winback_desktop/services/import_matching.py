"""Who a customer row is: matching against the database, and repeats inside one file.

Matching (DESIGN §8, issue 21): a row with a customer ID is that customer; a row without
one is the customer who has its phone (any of its phones, E.164), else its e-mail
(case-insensitive). A phone or e-mail several customers share matches nobody: the row is
refused with its reason instead of guessed. A row that matches nobody is a new customer,
and a new customer needs a phone or an e-mail (else nobody can call them); one without a
name is imported with a warning.

Repeats inside a file are found without holding the file: the reader leaves each valid
row's key hash, fingerprint and row number in arrays (:class:`io.rows.CustomerRows`);
:func:`repeat_groups` sorts them once the file is read. Rows that say the same thing are
harmless repeats; rows that claim the same customer with different data are a
*conflict*, resolved as the user chose (:data:`ON_CONFLICT`): ``reject`` both (the
default: the user fixes the file), keep the ``first`` or the ``last``. The fields that
differ come from reading only those rows again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import ARRAY, String, any_, bindparam, func, select
from sqlalchemy.orm import Session

from winback_desktop.core.choices import IMPORT_ON_CONFLICT
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.db.models import Customer, CustomerPhone
from winback_desktop.io.fields import CUSTOMERS
from winback_desktop.io.rows import ERROR, NOBODY_TO_CALL, WARNING, CustomerRows, Issue, ParsedRow

ON_CONFLICT = IMPORT_ON_CONFLICT

NO_NAME = QT_TRANSLATE_NOOP(
    "Errors", "The row has no name: the customer is imported with the phone or e-mail only.")
SHARED_PHONE = QT_TRANSLATE_NOOP(
    "Errors", "The phone {value} belongs to several customers: give the customer ID.")
SHARED_EMAIL = QT_TRANSLATE_NOOP(
    "Errors", "The e-mail {value} belongs to several customers: give the customer ID.")
CONFLICT_REJECTED = QT_TRANSLATE_NOOP(
    "Errors", "Rows {rows} are the same customer ({key}) with different {fields}: both are "
    "rejected. Fix the file, or choose to keep the first or the last row.")
CONFLICT_KEPT = QT_TRANSLATE_NOOP(
    "Errors", "Rows {rows} are the same customer ({key}) with different {fields}: row {kept} "
    "was imported, as chosen.")

#: a matched row: the customer's id, or None for a new customer
NEW = None


@dataclass
class InFileConflict:
    """Rows of one file that claim the same customer with different data."""

    key: str
    rows: list[int]
    #: import field keys whose values differ (``phone`` for the phone numbers)
    fields: list[str]
    resolution: str
    #: the row imported (``first``/``last``), None when all were rejected
    kept: int | None = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def shown_key(self) -> str:
        return self.key.split(":", 1)[1]

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {"key": self.shown_key, "rows": self.rows, "fields": self.fields,
                "field_labels": field_labels(self.fields, translate),
                "resolution": self.resolution, "kept": self.kept}


def field_labels(keys: Iterable[str], translate: Callable[[str, str], str] | None = None
                 ) -> list[str]:
    by_key = CUSTOMERS.by_key
    out = []
    for key in keys:
        spec = by_key.get(key)
        label = spec.label if spec is not None else key
        out.append(translate("Fields", label) if translate is not None else label)
    return out


# ---------------------------------------------------------------------- the database


def _by_external_id(session: Session, ids: list[str]) -> dict[str, tuple[int, int | None]]:
    """External ID → (customer id, its import batch)."""
    found: dict[str, tuple[int, int | None]] = {}
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(ids), 5000):
        part = ids[start:start + 5000]
        # One parameter per look-up (a PostgreSQL array, a JSON list in SQLite) instead of
        # thousands of expanded IN parameters: plans once, binds cheaply, uses the index.
        if postgres:
            rows = session.execute(
                select(Customer.external_id, Customer.id, Customer.import_batch_id)
                .where(Customer.external_id == any_(bindparam("ids", part,
                                                              type_=ARRAY(String)))))
        else:
            rows = session.connection().exec_driver_sql(
                "SELECT external_id, id, import_batch_id FROM customers WHERE external_id "
                "IN (SELECT value FROM json_each(?))", (json.dumps(part, ensure_ascii=False),))
        for ext, cid, batch in rows:
            found[str(ext)] = (int(cid), batch)
    return found


def _by_phone(session: Session, phones: list[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for start in range(0, len(phones), 900):
        part = phones[start:start + 900]
        for e164, cid in session.execute(select(CustomerPhone.e164, CustomerPhone.customer_id)
                                         .where(CustomerPhone.e164.in_(part))):
            found.setdefault(str(e164), set()).add(int(cid))
    return found


def _by_email(session: Session, emails: list[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for start in range(0, len(emails), 900):
        part = emails[start:start + 900]
        for email, cid in session.execute(select(func.lower(Customer.email), Customer.id)
                                          .where(func.lower(Customer.email).in_(part))):
            found.setdefault(str(email), set()).add(int(cid))
    return found


@dataclass
class Match:
    """Where each row of a chunk goes: ``targets[i]`` is a customer id or None (new)."""

    targets: list[int | None]
    #: the matched customer's import batch, for rows matched by ID
    batches: list[int | None]
    #: rows refused here (ambiguous phone or e-mail, new without a way to call)
    refused: list[tuple[ParsedRow, Issue]]
    warned: list[tuple[ParsedRow, Issue]]


def match_rows(session: Session | None, rows: list[ParsedRow], header_of: Callable[[str], str],
               *, lookup: bool = True) -> Match:
    """Match valid ``rows`` to customers (``lookup=False``: a table known empty)."""
    n = len(rows)
    targets: list[int | None] = [NEW] * n
    batches: list[int | None] = [None] * n
    refused: list[tuple[ParsedRow, Issue]] = []
    warned: list[tuple[ParsedRow, Issue]] = []
    if lookup and session is not None:
        ids = list({r.values["external_id"] for r in rows if r.values.get("external_id")})
        known = _by_external_id(session, ids) if ids else {}
        loose = [i for i, r in enumerate(rows) if not r.values.get("external_id")]
        phones = list({p for i in loose for p, _raw in rows[i].phones})
        owners = _by_phone(session, phones) if phones else {}
        emails = list({rows[i].values["email"].lower() for i in loose
                       if rows[i].values.get("email")})
        mailers = _by_email(session, emails) if emails else {}
        for i, r in enumerate(rows):
            ext = r.values.get("external_id")
            if ext:
                hit = known.get(ext)
                if hit is not None:
                    targets[i], batches[i] = hit
                continue
            found: set[int] = set()
            for p, _raw in r.phones:
                found |= owners.get(p, set())
            if len(found) > 1:
                first = next((p for p, _raw in r.phones if len(owners.get(p, ())) > 1),
                             r.phones[0][0])
                refused.append((r, Issue(r.row, header_of("phone"), SHARED_PHONE,
                                         {"value": first})))
                targets[i] = -1
                continue
            if not found and r.values.get("email"):
                found = mailers.get(r.values["email"].lower(), set())
                if len(found) > 1:
                    refused.append((r, Issue(r.row, header_of("email"), SHARED_EMAIL,
                                             {"value": r.values["email"]})))
                    targets[i] = -1
                    continue
            if found:
                targets[i] = next(iter(found))
    for i, r in enumerate(rows):
        if targets[i] is not NEW:
            continue
        if not r.phones and not r.values.get("email"):
            refused.append((r, Issue(r.row, "", NOBODY_TO_CALL)))
            targets[i] = -1
        elif not r.values.get("name"):
            warned.append((r, Issue(r.row, header_of("name"), NO_NAME, {}, WARNING)))
    return Match(targets, batches, refused, warned)


# ------------------------------------------------------------------ repeats in a file


def repeat_groups(rows: CustomerRows) -> list[list[tuple[int, int]]]:
    """Groups of (row, fingerprint), by row, of valid rows sharing a key hash."""
    keys = np.frombuffer(rows.record_keys, dtype=np.int64) if len(rows.record_keys) else \
        np.zeros(0, dtype=np.int64)
    if len(keys) < 2:
        return []
    prints = np.frombuffer(rows.record_prints, dtype=np.int64)
    numbers = np.frombuffer(rows.record_rows, dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    same = ordered[1:] == ordered[:-1]
    if not same.any():
        return []
    groups: list[list[tuple[int, int]]] = []
    starts = np.flatnonzero(~np.concatenate(([False], same)))
    ends = np.append(starts[1:], len(ordered))
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b - a > 1:
            members = order[a:b]
            groups.append(sorted(zip(numbers[members].tolist(), prints[members].tolist(),
                                     strict=True)))
    return groups


def read_again(rows: CustomerRows, path: str | Path, wanted: set[int]) -> dict[int, ParsedRow]:
    """The rows numbered ``wanted``, parsed again (only conflicts need their values)."""
    if not wanted:
        return {}
    found: dict[int, ParsedRow] = {}
    last = max(wanted)
    with CustomerRows(path, sheet=rows.sheet, mapping=rows.mapping, header_row=rows.header_row,
                      default_region=rows.default_region,
                      default_timezone=rows.default_timezone, require_key=False) as again:
        for r in again:
            if r.row in wanted:
                found[r.row] = r
            if r.row >= last:
                break
    return found


def differing_fields(group: list[ParsedRow]) -> list[str]:
    """Import fields whose values differ between the rows (``phone`` for the numbers)."""
    fields: list[str] = []
    keys: list[str] = []
    for r in group:
        keys += [k for k in r.values if k not in keys]
    for key in keys:
        if len({repr(r.values.get(key)) for r in group}) > 1:
            fields.append(key)
    if len({tuple(p for p, _raw in r.phones) for r in group}) > 1:
        fields.append("phone")
    order = {f.key: i for i, f in enumerate(CUSTOMERS.fields)}
    return sorted(fields, key=lambda k: order.get(k, len(order)))


def conflict_issues(conflict: InFileConflict, header: str = "") -> list[Issue]:
    """One issue per row of a conflict: errors when rejected, warnings when one was kept."""
    params = {"rows": ", ".join(str(n) for n in conflict.rows), "key": conflict.shown_key,
              "fields": ", ".join(conflict.fields), "kept": conflict.kept or ""}
    text, severity = ((CONFLICT_REJECTED, ERROR) if conflict.kept is None
                      else (CONFLICT_KEPT, WARNING))
    return [Issue(n, header, text, dict(params, field_keys=conflict.fields), severity)
            for n in conflict.rows]


def find_conflicts(rows: CustomerRows, path: str | Path, resolution: str
                   ) -> tuple[list[InFileConflict], dict[int, ParsedRow], int, set[int]]:
    """What repeats in a file read to the end.

    Returns the conflicts, the rows read again for them, how many rows repeat an earlier
    row (harmless repeats and conflicts alike), and the rows that only say again what an
    earlier row said (nothing to write).
    """
    groups = repeat_groups(rows)
    repeats = sum(len(g) - 1 for g in groups)
    harmless: set[int] = set()
    suspect: list[list[tuple[int, int]]] = []
    for g in groups:
        if len({fp for _n, fp in g}) > 1:
            suspect.append(g)
        else:
            harmless.update(n for n, _fp in g[1:])
    again = read_again(rows, path, {n for g in suspect for n, _fp in g})
    conflicts: list[InFileConflict] = []
    for g in suspect:
        parsed = [again[n] for n, _fp in g if n in again]
        by_key: dict[str | None, list[ParsedRow]] = {}
        for r in parsed:  # a shared hash of two different keys: not one customer
            by_key.setdefault(r.key, []).append(r)
        for key, members in by_key.items():
            if key is None or len(members) < 2:
                continue
            if len({r.fingerprint for r in members}) < 2:
                harmless.update(r.row for r in members[1:])
                continue
            numbers = [r.row for r in members]
            kept = None if resolution == "reject" else (
                numbers[0] if resolution == "first" else numbers[-1])
            conflicts.append(InFileConflict(key, numbers, differing_fields(members),
                                            resolution, kept))
    return conflicts, again, repeats, harmless
