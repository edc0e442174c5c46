"""From a sheet to validated records, one row at a time.

:class:`CustomerRows` finds the header (below any title block), applies a mapping
(saved, given, or detected), forward-fills vertically merged group cells, skips blank
rows and turns each row into a :class:`ParsedRow`: the values to store, the phones,
and every problem with its spreadsheet row, column header and translatable reason.
It reads any kind of list through that kind's column schema (customer lists by
default, purchase histories with ``schema=PURCHASES``). Nothing here knows about the
database.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast
from unicodedata import is_normalized

from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.io import values as v
from winback_desktop.io.fields import (
    CUSTOMERS,
    ListSchema,
    auto_mapping,
    column_letter,
    detect_header_row,
    header_texts,
    resolve_mapping,
)
from winback_desktop.io.sources import NoData, SheetData, open_sheet

ERROR = "error"
WARNING = "warning"
HEADER_SCAN_ROWS = 30
MAX_KEPT_ISSUES = 20_000

_TEXT_LIMITS = {"external_id": 100, "name": 200, "city": 100, "competitor": 200,
                "reason_note": 4000, "defection_reason": 4000, "downgrade": 200,
                "order_id": 100, "product": 200}
_TEXT, _MONEY, _COUNT, _DATE = 1, 2, 3, 4
_KIND_CODE = {"text": _TEXT, "reason": _TEXT, "money": _MONEY, "count": _COUNT, "date": _DATE}
#: Where a field is stored on the customer row.
COLUMN_OF_FIELD = {
    "annual_revenue": "annual_revenue_minor",
    "annual_margin": "annual_margin_minor",
    "sltv": "sltv_imported_minor",
}
FIELD_OF_COLUMN = {c: f for f, c in COLUMN_OF_FIELD.items()}
_REGION_TZ = {"+86": "Asia/Shanghai", "+852": "Asia/Hong_Kong", "+853": "Asia/Macau",
              "+886": "Asia/Taipei", "+65": "Asia/Singapore", "+44": "Europe/London",
              "+81": "Asia/Tokyo", "+82": "Asia/Seoul", "+61": "Australia/Sydney",
              "+49": "Europe/Berlin", "+33": "Europe/Paris", "+60": "Asia/Kuala_Lumpur"}


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem of one row: what the user sees in the preview and the error report."""

    row: int
    column: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = ERROR

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        text = translate("Errors", self.message) if translate else self.message
        params = self.params
        if "field_keys" in params:  # field names in the reader's language
            by_key = CUSTOMERS.by_key
            labels = [by_key[k].label if k in by_key else k for k in params["field_keys"]]
            params = dict(params, fields=", ".join(
                translate("Fields", x) if translate else x for x in labels))
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text

    def as_dict(self, translate: Callable[[str, str], str] | None = None) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.render(translate),
                "severity": self.severity}


@dataclass(slots=True)
class ParsedRow:
    row: int
    raw: list[Any]
    values: dict[str, Any]
    phones: list[tuple[str, str]]
    issues: list[Issue]
    #: spreadsheet row of the first row for the same customer in this file (preview)
    duplicate_of: int | None = None
    #: who the row is: ``id:<customer ID>``, else ``phone:<E.164>``, else ``email:<lower>``
    key: str | None = None
    #: hash of what the row says (values and phones): equal rows, equal fingerprints
    fingerprint: int = 0
    #: an earlier valid row may have had the same key (a bit set in the reader's filter):
    #: the import writes such rows last, after it knows the file's repeats
    maybe_repeat: bool = False
    #: the row's insert values, prepared off the writer thread (see services.importing)
    prepared: list[Any] | None = None
    #: its phone rows, likewise
    prepared_phones: list[list[Any]] | None = None
    #: the customer id reserved for it, kept when the row is prepared again
    reserved_id: int | None = None

    @property
    def ok(self) -> bool:
        # asked several times of every row; almost every row has no issue at all
        return not self.issues or not any(i.severity == ERROR for i in self.issues)

    @property
    def external_id(self) -> str | None:
        value = self.values.get("external_id")
        return value if value else None


class MappingProblem(ValidationError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Map at least the customer ID, a phone or the e-mail column before importing.")


NOBODY_TO_CALL = QT_TRANSLATE_NOOP(
    "Errors", "The row has no phone and no e-mail: nobody can call this customer.")
#: bits of the reader's repeat filter (8 MB): about 1.5 % false alarms at 1M rows
_FILTER_BITS = 1 << 26


class PurchaseMappingProblem(ValidationError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "Map the customer ID or the phone column, the purchase date and the amount "
        "before importing purchases.")


class UnknownField(ValidationError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Unknown import field '{field}'.")


def _parser_for(kind: str, region: str, day_first: bool) -> Callable[[Any], Any]:
    if kind == "date":
        return lambda value: v.parse_date(value, day_first=day_first)
    if kind == "money":
        return v.parse_amount_minor
    if kind == "count":
        return v.parse_count
    if kind == "phone":
        return lambda value: v.parse_phone(value, region)
    if kind == "status":
        return v.parse_status
    if kind == "language":
        return v.parse_language
    if kind == "tz":
        return v.parse_timezone
    if kind == "email":
        return v.parse_email
    if kind == "flag":
        return v.parse_flag
    if kind == "currency":
        return v.parse_currency
    return v.clean_text


class CustomerRows:
    """A customer sheet opened for preview or import; iterate for :class:`ParsedRow`."""

    def __init__(
        self,
        path: str | Path,
        *,
        sheet: str | None = None,
        mapping: Mapping[str, str] | None = None,
        header_row: int | None = None,
        default_region: str = "CN",
        default_timezone: str = "Asia/Shanghai",
        day_first: bool | None = None,
        require_key: bool = True,
        schema: ListSchema = CUSTOMERS,
    ) -> None:
        self.path = Path(path)
        self.schema = schema
        self.default_region = (default_region or "CN").upper()
        self.default_timezone = default_timezone
        self.day_first = (self.default_region != "US") if day_first is None else day_first
        self._data: SheetData = open_sheet(self.path, sheet)
        try:
            self._setup(mapping, header_row, require_key)
        except BaseException:
            self._data.close()
            raise

    # -------------------------------------------------------------------- properties
    @property
    def file_name(self) -> str:
        return self._data.file_name

    @property
    def sheet(self) -> str:
        return self._data.sheet

    @property
    def sheet_names(self) -> list[str]:
        return list(self._data.sheet_names)

    @property
    def total_rows(self) -> int:
        return max(0, self._data.total_rows - self.header_row)

    @property
    def encoding(self) -> str | None:
        return self._data.encoding

    def close(self) -> None:
        self._data.close()

    def __enter__(self) -> CustomerRows:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------ setup
    def _setup(self, mapping: Mapping[str, str] | None, header_row: int | None,
               require_key: bool) -> None:
        self._rows = self._data.rows()
        head: list[tuple[int, list[Any]]] = list(itertools.islice(self._rows, HEADER_SCAN_ROWS))
        if not any(any(not v.is_blank(c) for c in r) for _, r in head):
            raise NoData(file=self.file_name, sheet=self.sheet)
        if header_row is None:
            index = detect_header_row([r for _, r in head], self.schema)
        else:
            found = next((i for i, (n, _r) in enumerate(head) if n == header_row), None)
            if found is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "Row {row} cannot be the header: only the first {limit} rows "
                    "can."), row=header_row, limit=HEADER_SCAN_ROWS)
            index = found
        self.header_row: int = head[index][0]
        self.headers: list[str] = header_texts(
            _trim_header(head[index][1], [r for _, r in head[index + 1:]]))
        self._rest = head[index + 1:]
        #: headers of a given mapping that this file lacks
        self.missing_headers: list[str] = []
        by_key = self.schema.by_key
        if mapping is None:
            self.mapping = auto_mapping(self.headers, self.schema)
        else:
            for key in mapping:
                if key not in by_key:
                    raise UnknownField(field=key)
            self.mapping = {k: h for k, h in mapping.items() if h}
        self.columns: dict[str, int] = resolve_mapping(self.mapping, self.headers, self.schema)
        self.missing_headers = [h for k, h in self.mapping.items() if k not in self.columns]
        self.mapping = {k: self.headers[i] for k, i in self.columns.items()}
        if require_key and self.mapping_problem() is not None:
            raise cast(ValidationError, self.mapping_problem())
        self.unmapped_headers = [h for i, h in enumerate(self.headers)
                                 if i not in set(self.columns.values())]
        self._parsers = [(key, idx, self.headers[idx], _KIND_CODE.get(by_key[key].kind, 0),
                          _parser_for(by_key[key].kind, self.default_region,
                                      self.day_first), _TEXT_LIMITS.get(key, 0))
                         for key, idx in self.columns.items()]
        self._fill = self._merge_fill_plan()
        # Repeats inside the file: a bit filter says "maybe seen" in constant memory, and
        # every valid keyed row leaves (key hash, fingerprint, row) in three arrays
        # (24 bytes a row) for the exact analysis once the whole file was read.
        self._filter = bytearray(_FILTER_BITS // 8)
        self.record_keys = array("q")
        self.record_prints = array("q")
        self.record_rows = array("q")

    def _merge_fill_plan(self) -> dict[int, list[tuple[int, int, int, int]]]:
        """Data rows (0-based) → [(source row, source col, first col, last col)], relative
        to the row lists calamine yields, for merged ranges below the header."""
        plan: dict[int, list[tuple[int, int, int, int]]] = {}
        offset = self._data.first_column
        for (r1, c1), (r2, c2) in self._data.merged:
            if r1 < self.header_row or (r1 == r2 and c1 == c2):
                continue  # header or title merges: nothing to fill
            for r in range(r1, r2 + 1):
                plan.setdefault(r, []).append((r1, c1 - offset, c1 - offset, c2 - offset))
        return plan

    def mapping_problem(self) -> ValidationError | None:
        """Why the mapping cannot import this kind of list, or None."""
        schema, columns = self.schema, self.columns
        if columns.keys().isdisjoint(schema.keys):
            return MappingProblem() if schema is CUSTOMERS else PurchaseMappingProblem()
        if any(k not in columns for k in schema.required):
            return PurchaseMappingProblem()
        return None

    def column_name(self, field_key: str) -> str:
        idx = self.columns.get(field_key)
        return self.headers[idx] if idx is not None else field_key

    def column_letter(self, index: int) -> str:
        return column_letter(index + self._data.first_column)

    # ------------------------------------------------------------------------ rows
    def __iter__(self) -> Iterator[ParsedRow]:
        fill = self._fill
        merged_values: dict[tuple[int, int], Any] = {}
        width = len(self.headers)
        for number, cells in itertools.chain(self._rest, self._rows):
            if fill:
                cells = self._apply_fill(number - 1, cells, fill, merged_values)
            blank = True
            for c in cells:
                if c != "" and c is not None and not (isinstance(c, str) and c.isspace()):
                    blank = False
                    break
            if blank:
                continue
            if len(cells) < width:
                cells = list(cells) + [""] * (width - len(cells))
            yield self.parse(number, cells)

    @staticmethod
    def _apply_fill(index: int, cells: list[Any],
                    fill: dict[int, list[tuple[int, int, int, int]]],
                    merged_values: dict[tuple[int, int], Any]) -> list[Any]:
        spans = fill.get(index)
        if not spans:
            return cells
        cells = list(cells)
        for src_row, src_col, first, last in spans:
            if index == src_row and 0 <= src_col < len(cells):
                merged_values[(src_row, src_col)] = cells[src_col]
            value = merged_values.get((src_row, src_col), "")
            for c in range(max(first, 0), min(last + 1, len(cells))):
                if cells[c] == "" or cells[c] is None:
                    cells[c] = value
        return cells

    def parse(self, number: int, cells: Sequence[Any]) -> ParsedRow:
        values: dict[str, Any] = {}
        phones: list[tuple[str, str]] = []
        issues: list[Issue] = []
        for key, idx, header, kind, parser, limit in self._parsers:
            cell = cells[idx]
            tc = type(cell)
            # Fast paths for the common clean cells; everything else goes to the parser.
            if tc is str:
                if not cell:
                    continue
                if kind == _TEXT and (cell.isascii() or is_normalized("NFKC", cell)):
                    parsed = cell.strip()
                    if parsed and len(parsed) <= limit and "\x00" not in parsed:
                        values[key] = parsed
                        continue
            elif tc is float:
                if kind == _MONEY:
                    values[key] = round(cell * 100)
                    continue
                if kind == _COUNT and cell >= 0 and cell.is_integer():
                    values[key] = int(cell)
                    continue
            elif tc is date:
                if kind == _DATE:
                    values[key] = cell
                    continue
            elif cell is None:
                continue
            try:
                parsed = parser(cell)
            except v.ValueProblem as problem:
                severity = WARNING if key in ("email",) else ERROR
                issues.append(Issue(number, header, problem.text, problem.params, severity))
                continue
            if parsed is None or parsed == "":
                continue
            if key == "phone" or key == "phone2":
                phones.append(parsed)
                continue
            if isinstance(parsed, str) and "\x00" in parsed:
                # PostgreSQL cannot store it and would fail the whole import; the
                # single-edit path refuses it too (db.session.check_values)
                issues.append(Issue(number, header, QT_TRANSLATE_NOOP(
                    "Errors", "The text holds a NUL character."), {}))
                continue
            if limit and len(parsed) > limit:
                issues.append(Issue(number, header, QT_TRANSLATE_NOOP(
                    "Errors", "The text is longer than {limit} characters."), {"limit": limit}))
                continue
            values[key] = parsed
        if self.schema is not CUSTOMERS:
            return self._purchase_row(number, cells, values, phones, issues)
        raw_reason = values.get("defection_reason")
        if raw_reason is not None:
            reason = v.match_reason(raw_reason)
            if reason is None:
                issues.append(Issue(number, self.column_name("defection_reason"),
                                    QT_TRANSLATE_NOOP(
                                        "Errors", "The reason '{value}' matches none of the "
                                        "defection reasons; it is imported as unknown and "
                                        "kept as a note."), {"value": raw_reason}, WARNING))
                reason = "unknown"
            if v.reason_label(raw_reason) != reason:  # free text: kept as the note
                note = values.get("reason_note")
                values["reason_note"] = raw_reason if not note else f"{raw_reason}; {note}"
            values["defection_reason"] = reason
        row = ParsedRow(number, list(cells), values, phones, issues)
        ext = values.get("external_id")
        if ext:
            key = "id:" + ext
        elif phones:
            key = "phone:" + phones[0][0]
        elif values.get("email"):
            key = "email:" + values["email"].lower()
        else:
            issues.append(Issue(number, "", NOBODY_TO_CALL))
            return row
        row.key = key
        if not row.ok:
            return row
        row.fingerprint = hash((tuple(values.items()), tuple(p for p, _raw in phones)))
        h = hash(key)
        bit = h & (_FILTER_BITS - 1)
        byte, mask = bit >> 3, 1 << (bit & 7)
        seen = self._filter
        if seen[byte] & mask:
            row.maybe_repeat = True
        else:
            seen[byte] |= mask
        self.record_keys.append(h)
        self.record_prints.append(row.fingerprint)
        self.record_rows.append(number)
        return row


    def _purchase_row(self, number: int, cells: Sequence[Any], values: dict[str, Any],
                      phones: list[tuple[str, str]], issues: list[Issue]) -> ParsedRow:
        """A purchase needs someone to belong to, a date and an amount.

        Repeated order IDs are the lines of one order, not duplicates: the writer
        numbers them, so a re-import of the same file finds each line again.
        """
        if not values.get("external_id") and not phones:
            issues.append(Issue(number, "", QT_TRANSLATE_NOOP(
                "Errors", "The row has neither a customer ID nor a phone.")))
        for key, message in (
                ("purchased_on", QT_TRANSLATE_NOOP("Errors", "The purchase has no date.")),
                ("amount", QT_TRANSLATE_NOOP("Errors", "The purchase has no amount."))):
            if key in self.columns and values.get(key) is None and not any(
                    i.column == self.column_name(key) for i in issues):
                issues.append(Issue(number, self.column_name(key), message))
        return ParsedRow(number, list(cells), values, phones, issues)


def customer_record(row: ParsedRow, default_timezone: str) -> dict[str, Any]:
    """Customer columns for ``row`` (only the fields the file gave, plus a time zone)."""
    record: dict[str, Any] = {}
    for key, value in row.values.items():
        record[COLUMN_OF_FIELD.get(key, key)] = value
    if "timezone" not in record:
        record["timezone"] = phone_timezone(row.phones, default_timezone)
    return record


def phone_timezone(phones: list[tuple[str, str]], default: str) -> str:
    """A customer's likely time zone from the country of the first phone."""
    if not phones:
        return default
    e164 = phones[0][0]
    if e164.startswith("+86"):
        return "Asia/Shanghai"
    for prefix in (e164[:4], e164[:3]):
        tz = _REGION_TZ.get(prefix)
        if tz:
            return tz
    if e164.startswith("+1"):
        return "America/New_York"
    return default


#: blank header cells kept after the last named one (a sheet may reach column XFD)
HEADER_SLACK = 26


def _trim_header(row: list[Any], below: Sequence[Sequence[Any]] = ()) -> list[Any]:
    """The header row up to its last named column, or to the last column that holds data
    in the rows ``below`` it, at most ``HEADER_SLACK`` columns further.

    Sheets formatted out to column AZ (or with a stray cell at XFD1048576) carry blank
    header cells after the last named one: listing each as a column to map swamps the
    wizard with columns that hold nothing. A blank-headed column with data is kept.
    """
    last = -1
    for i, cell in enumerate(row):
        if not v.is_blank(cell):
            last = i
    limit = last + 1 + HEADER_SLACK
    used = last
    for cells in below:
        for i in range(min(len(cells), limit) - 1, used, -1):
            if not v.is_blank(cells[i]):
                used = i
                break
    return list(row[:used + 1]) + [None] * (used + 1 - len(row))
