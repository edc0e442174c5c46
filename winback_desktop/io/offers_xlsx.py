"""The offers report as an xlsx workbook (summary sheet + one row per offer).

Header texts come translated from the caller (io never imports Qt). Text cells that
come from user data are neutralised against formula injection (DESIGN §8).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import xlsxwriter

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

CONTEXT = "OfferReport"

#: (key in the report's offer dict, English header, format)
OFFER_COLUMNS: list[tuple[str, str, str]] = [
    ("code", QT_TRANSLATE_NOOP("OfferReport", "Offer"), "text"),
    ("name", QT_TRANSLATE_NOOP("OfferReport", "Name"), "text"),
    ("requests", QT_TRANSLATE_NOOP("OfferReport", "Requests"), "int"),
    ("auto_approved", QT_TRANSLATE_NOOP("OfferReport", "Auto-approved"), "int"),
    ("approved", QT_TRANSLATE_NOOP("OfferReport", "Approved by a person"), "int"),
    ("rejected", QT_TRANSLATE_NOOP("OfferReport", "Rejected"), "int"),
    ("expired", QT_TRANSLATE_NOOP("OfferReport", "Expired"), "int"),
    ("accepted", QT_TRANSLATE_NOOP("OfferReport", "Accepted"), "int"),
    ("declined", QT_TRANSLATE_NOOP("OfferReport", "Declined"), "int"),
    ("win_backs", QT_TRANSLATE_NOOP("OfferReport", "Calls won back"), "int"),
    ("saves", QT_TRANSLATE_NOOP("OfferReport", "Calls saved"), "int"),
    ("acceptance_rate", QT_TRANSLATE_NOOP("OfferReport", "Acceptance rate"), "pct"),
    ("cost_minor", QT_TRANSLATE_NOOP("OfferReport", "Cost"), "money"),
    ("sltv_recovered_minor", QT_TRANSLATE_NOOP("OfferReport", "SLTV recovered"), "money"),
    ("return_minor", QT_TRANSLATE_NOOP("OfferReport", "Return"), "money"),
    ("cost_per_accepted_offer_minor",
     QT_TRANSLATE_NOOP("OfferReport", "Cost per accepted offer"), "money"),
    ("roi", QT_TRANSLATE_NOOP("OfferReport", "Return per ¥ of cost"), "ratio"),
]

SUMMARY_ROWS: list[tuple[str, str, str]] = [
    ("requests", QT_TRANSLATE_NOOP("OfferReport", "Requests"), "int"),
    ("accepted_offers", QT_TRANSLATE_NOOP("OfferReport", "Accepted offers"), "int"),
    ("win_backs", QT_TRANSLATE_NOOP("OfferReport", "Calls won back"), "int"),
    ("saves", QT_TRANSLATE_NOOP("OfferReport", "Calls saved"), "int"),
    ("acceptance_rate", QT_TRANSLATE_NOOP("OfferReport", "Acceptance rate"), "pct"),
    ("cost_minor", QT_TRANSLATE_NOOP("OfferReport", "Cost"), "money"),
    ("sltv_recovered_minor", QT_TRANSLATE_NOOP("OfferReport", "SLTV recovered"), "money"),
    ("return_minor", QT_TRANSLATE_NOOP("OfferReport", "Return"), "money"),
    ("cost_per_accepted_offer_minor",
     QT_TRANSLATE_NOOP("OfferReport", "Cost per accepted offer"), "money"),
    ("decisions", QT_TRANSLATE_NOOP("OfferReport", "Decisions by a person"), "int"),
    ("turnaround_avg_minutes",
     QT_TRANSLATE_NOOP("OfferReport", "Approval turnaround, average (minutes)"), "ratio"),
    ("turnaround_median_minutes",
     QT_TRANSLATE_NOOP("OfferReport", "Approval turnaround, median (minutes)"), "ratio"),
]


def safe_text(value: str) -> str:
    """Text that Excel will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


SHEETS = [QT_TRANSLATE_NOOP("OfferReport", "Summary"), QT_TRANSLATE_NOOP("OfferReport", "Offers")]


def labels() -> list[str]:
    """Every English text the workbook shows (the caller translates them)."""
    return SHEETS + [label for _k, label, _f in OFFER_COLUMNS + SUMMARY_ROWS]


def write_report(path: Path, report: Mapping[str, Any], headers: Mapping[str, str]) -> None:
    """Write ``report`` (``OfferReport.as_dict()``); ``headers`` maps English → shown.
    Written whole or not at all (a full disk leaves the previous file as it was)."""
    from winback_desktop.io import atomic

    atomic.write(path, lambda tmp: _write_report(tmp, report, headers))


def _write_report(path: Path, report: Mapping[str, Any], headers: Mapping[str, str]) -> None:
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
            elif kind in ("int", QT_TRANSLATE_NOOP("OfferReport", "pct"), "ratio"):
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
