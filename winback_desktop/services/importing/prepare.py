"""Importing: turning parsed rows into insert/update records (segment, SLTV, defaults)."""

from __future__ import annotations

import math
import operator
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import numpy as np
from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from winback_desktop.core import segmentation, sltv
from winback_desktop.db import bulk
from winback_desktop.db.models import (
    SegmentRule,
    SltvTierThreshold,
)
from winback_desktop.io.rows import (
    ERROR,
    FIELD_OF_COLUMN,
    MAX_KEPT_ISSUES,
    ParsedRow,
    phone_timezone,
)
from winback_desktop.services import (
    settings,
)
from winback_desktop.services.importing.common import (
    _CUSTOMERS,
    _DERIVED,
    _PHONE_COLUMNS,
    _PHONES,
    IMPORTED_COLUMNS,
    MAX_REPORTED_ROWS,
    ImportResult,
    RejectedRow,
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

_END = object()
_ABORT = object()
_CANCEL = object()

class _Aborted(Exception):
    """The reading side failed; the writer rolls back and the reader's error is raised."""

