"""The offers report as an xlsx workbook (summary sheet + one row per offer).

Header texts come translated from the caller (io never imports Qt). Text cells that
come from user data are neutralised against formula injection (DESIGN §8).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import xlsxwriter

#: (key in the report's offer dict, English header, format)
OFFER_COLUMNS: list[tuple[str, str, str]] = [
    ("code", "Offer", "text"),
    ("name", "Name", "text"),
    ("requests", "Requests", "int"),
    ("auto_approved", "Auto-approved", "int"),
    ("approved", "Approved by a person", "int"),
    ("rejected", "Rejected", "int"),
    ("expired", "Expired", "int"),
    ("accepted", "Accepted", "int"),
    ("declined", "Declined", "int"),
    ("acceptance_rate", "Acceptance rate", "pct"),
    ("cost_minor", "Cost", "money"),
    ("sltv_recovered_minor", "SLTV recovered", "money"),
    ("return_minor", "Return", "money"),
    ("cost_per_win_back_minor", "Cost per win-back", "money"),
    ("roi", "Return per ¥ of cost", "ratio"),
]

SUMMARY_ROWS: list[tuple[str, str, str]] = [
    ("requests", "Requests", "int"),
    ("win_backs", "Win-backs", "int"),
    ("acceptance_rate", "Acceptance rate", "pct"),
    ("cost_minor", "Cost", "money"),
    ("sltv_recovered_minor", "SLTV recovered", "money"),
    ("return_minor", "Return", "money"),
    ("cost_per_win_back_minor", "Cost per win-back", "money"),
    ("decisions", "Decisions by a person", "int"),
    ("turnaround_avg_minutes", "Approval turnaround, average (minutes)", "ratio"),
    ("turnaround_median_minutes", "Approval turnaround, median (minutes)", "ratio"),
]


def safe_text(value: str) -> str:
    """Text that Excel will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_report(path: Path, report: Mapping[str, Any], headers: Mapping[str, str]) -> None:
    """Write ``report`` (``OfferReport.as_dict()``); ``headers`` maps English → shown."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        bold = book.add_format({"bold": True, "bg_color": "#DDE7F3", "border": 1})
        fmt = {
            "int": book.add_format({"num_format": "#,##0"}),
            "money": book.add_format({"num_format": "#,##0.00"}),
            "pct": book.add_format({"num_format": "0.0%"}),
            "ratio": book.add_format({"num_format": "0.00"}),
            "text": None,
        }

        def put(sheet: Any, row: int, col: int, value: Any, kind: str) -> None:
            if value is None:
                sheet.write_blank(row, col, None)
            elif kind == "money":
                sheet.write_number(row, col, value / 100, fmt["money"])
            elif kind in ("int", "pct", "ratio"):
                sheet.write_number(row, col, value, fmt[kind])
            else:
                sheet.write_string(row, col, safe_text(str(value)))

        summary = book.add_worksheet(headers.get("Summary", "Summary")[:31])
        summary.set_column(0, 0, 42)
        summary.set_column(1, 1, 18)
        for i, (key, label, kind) in enumerate(SUMMARY_ROWS):
            summary.write_string(i, 0, headers.get(label, label), bold)
            put(summary, i, 1, report.get(key), kind)

        sheet = book.add_worksheet(headers.get("Offers", "Offers")[:31])
        for col, (_key, label, _kind) in enumerate(OFFER_COLUMNS):
            sheet.write_string(0, col, headers.get(label, label), bold)
            sheet.set_column(col, col, 36 if col == 1 else 14)
        offers = list(report.get("offers") or [])
        for r, offer in enumerate(offers, start=1):
            for col, (key, _label, kind) in enumerate(OFFER_COLUMNS):
                put(sheet, r, col, offer.get(key), kind)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(offers), 1), len(OFFER_COLUMNS) - 1)
    finally:
        book.close()
