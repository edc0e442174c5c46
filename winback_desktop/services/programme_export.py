"""The programme report as xlsx (one sheet per view, native charts) and PDF (tables
and matplotlib charts: bars by segment and reason, the cohort curves, calibration).

Labels and the names of reasons, tiers and segments arrive translated from the caller
(GUI or CLI), so this module stays free of Qt; matplotlib draws Chinese with the same
CJK font list as the scorecard export.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.io.xlsx_export import neutralise
from winback_desktop.services.programme import BREAKDOWNS, Group, ProgrammeReport
from winback_desktop.services.scorecard_export import configure_matplotlib

#: columns of every breakdown table: figure key → format
COLUMNS: list[tuple[str, str]] = [
    ("calls", "int"), ("customers_worked", "int"), ("rpc", "int"), ("won_back", "int"),
    ("saved", "int"), ("recovery_rate", "pct"), ("sltv_recovered_minor", "money"),
    ("offer_cost_minor", "money"), ("labour_cost_minor", "money"), ("return_minor", "money"),
    ("return_per_call_minor", "money"),
]

Names = Callable[[str, str | None], str]


#: every label of the report (translated under the ``Programme`` context by callers)
LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("Programme", "Win-back programme"),
    "totals": QT_TRANSLATE_NOOP("Programme", "Totals"),
    "group": QT_TRANSLATE_NOOP("Programme", "Group"),
    "by_reason": QT_TRANSLATE_NOOP("Programme", "By defection reason"),
    "by_tier": QT_TRANSLATE_NOOP("Programme", "By SLTV tier"),
    "by_segment": QT_TRANSLATE_NOOP("Programme", "By segment"),
    "by_campaign": QT_TRANSLATE_NOOP("Programme", "By campaign"),
    "by_team": QT_TRANSLATE_NOOP("Programme", "By team"),
    "cohorts": QT_TRANSLATE_NOOP("Programme",
                                 "Cohorts: share won back by months since defection"),
    "cohort": QT_TRANSLATE_NOOP("Programme", "Month of defection"),
    "customers": QT_TRANSLATE_NOOP("Programme", "Defectors"),
    "months": QT_TRANSLATE_NOOP("Programme", "Months since"),
    "calibration": QT_TRANSLATE_NOOP("Programme", "Calibration of P(win)"),
    "decile": QT_TRANSLATE_NOOP("Programme", "Decile"),
    "predicted": QT_TRANSLATE_NOOP("Programme", "Predicted"),
    "observed": QT_TRANSLATE_NOOP("Programme", "Observed"),
    "tries": QT_TRANSLATE_NOOP("Programme", "Tries"),
    "defection_rate": QT_TRANSLATE_NOOP("Programme", "Defection rate"),
    "hourly_cost": QT_TRANSLATE_NOOP("Programme", "Hourly labour cost"),
    "calls": QT_TRANSLATE_NOOP("Programme", "Calls"),
    "customers_worked": QT_TRANSLATE_NOOP("Programme", "Customers worked"),
    "rpc": QT_TRANSLATE_NOOP("Programme", "Right-party contacts"),
    "won_back": QT_TRANSLATE_NOOP("Programme", "Won back"),
    "saved": QT_TRANSLATE_NOOP("Programme", "Saved"),
    "recovery_rate": QT_TRANSLATE_NOOP("Programme", "Recovery rate"),
    "sltv_recovered_minor": QT_TRANSLATE_NOOP("Programme", "SLTV recovered"),
    "offer_cost_minor": QT_TRANSLATE_NOOP("Programme", "Offer cost"),
    "labour_cost_minor": QT_TRANSLATE_NOOP("Programme", "Labour cost"),
    "return_minor": QT_TRANSLATE_NOOP("Programme", "Return"),
    "return_per_call_minor": QT_TRANSLATE_NOOP("Programme", "Return per call"),
    "none": QT_TRANSLATE_NOOP("Programme", "(none)"),
}


def labels(translate: Callable[[str, str], str] | None = None) -> dict[str, str]:
    """The labels, translated by ``translate(context, text)`` (English without one)."""
    if translate is None:
        return dict(LABELS)
    return {k: translate("Programme", v) for k, v in LABELS.items()}


def _value(key: str, fmt: str, figures: Mapping[str, Any]) -> Any:
    value = figures.get(key)
    if value is None:
        return None
    return value / 100 if fmt == "money" else value


def _period(report: ProgrammeReport) -> str:
    last = report.period.end - timedelta(days=1)
    return f"{report.period.start.isoformat()} – {last.isoformat()}"


def _group_name(group: Group, breakdown: str, names: Names, labels: Mapping[str, str]) -> str:
    if group.label:
        return group.label
    if group.key is None:
        return labels.get("none", "(none)")
    return names(breakdown, group.key)


# ------------------------------------------------------------------ xlsx


def export_xlsx(report: ProgrammeReport, path: Path, labels: Mapping[str, str],
                names: Names) -> Path:
    """Written whole or not at all (a full disk leaves the previous file as it was)."""
    from winback_desktop.io import atomic

    return atomic.write(path, lambda tmp: _export_xlsx(report, tmp, labels, names))


def _export_xlsx(report: ProgrammeReport, path: Path, labels: Mapping[str, str],
                 names: Names) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    try:
        head = wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white",
                              "border": 1, "text_wrap": True, "valign": "vcenter"})
        fmts = {"int": wb.add_format({"num_format": "#,##0"}),
                "pct": wb.add_format({"num_format": "0.0%"}),
                "money": wb.add_format({"num_format": "#,##0.00"})}
        title = wb.add_format({"bold": True, "font_size": 14})
        bold = wb.add_format({"bold": True})
        totals = report.totals.as_dict()
        ws = wb.add_worksheet(labels.get("totals", "Totals")[:31])
        ws.write(0, 0, labels.get("title", "Win-back programme"), title)
        ws.write(1, 0, _period(report))
        for i, (key, fmt) in enumerate(COLUMNS, start=3):
            ws.write(i, 0, labels.get(key, key), bold)
            value = _value(key, fmt, totals)
            if value is not None:
                ws.write_number(i, 1, value, fmts[fmt])
        row = 3 + len(COLUMNS) + 1
        ws.write(row, 0, labels.get("hourly_cost", "Hourly labour cost"), bold)
        ws.write_number(row, 1, report.hourly_cost_minor / 100, fmts["money"])
        rate = report.defection.get("rate")
        ws.write(row + 1, 0, labels.get("defection_rate", "Defection rate"), bold)
        if rate is not None:
            ws.write_number(row + 1, 1, rate, fmts["pct"])
        ws.set_column(0, 0, 28)
        ws.set_column(1, 1, 18)
        for name in BREAKDOWNS:
            _breakdown_sheet(wb, report, name, labels, names, head, fmts)
        _cohort_sheet(wb, report, labels, head, fmts)
        if report.calibration:
            cs = wb.add_worksheet(labels.get("calibration", "Calibration")[:31])
            for j, key in enumerate(("decile", "tries", "predicted", "observed")):
                cs.write(0, j, labels.get(key, key), head)
            for i, c in enumerate(report.calibration, start=1):
                cs.write_number(i, 0, c["decile"])
                cs.write_number(i, 1, c["tries"], fmts["int"])
                cs.write_number(i, 2, c["predicted"], fmts["pct"])
                cs.write_number(i, 3, c["observed"], fmts["pct"])
            cs.set_column(0, 3, 14)
    finally:
        wb.close()
    return path


def _breakdown_sheet(wb: Any, report: ProgrammeReport, name: str,
                     labels: Mapping[str, str], names: Names, head: Any,
                     fmts: Mapping[str, Any]) -> None:
    sheet = labels.get(f"by_{name}", name)[:31]
    ws = wb.add_worksheet(sheet)
    ws.write(0, 0, labels.get("group", "Group"), head)
    for j, (key, _fmt) in enumerate(COLUMNS, start=1):
        ws.write(0, j, labels.get(key, key), head)
    groups = report.breakdowns[name]
    for i, group in enumerate(groups, start=1):
        ws.write_string(i, 0, neutralise(_group_name(group, name, names, labels)))
        figures = group.figures.as_dict()
        for j, (key, fmt) in enumerate(COLUMNS, start=1):
            value = _value(key, fmt, figures)
            if value is not None:
                ws.write_number(i, j, value, fmts[fmt])
    ws.freeze_panes(1, 1)
    ws.set_row(0, 32)
    ws.set_column(0, 0, 26)
    ws.set_column(1, len(COLUMNS), 13)
    if groups:
        ws.autofilter(0, 0, len(groups), len(COLUMNS))
        col = 1 + [k for k, _ in COLUMNS].index("won_back")
        chart = wb.add_chart({"type": "bar"})
        chart.add_series({"name": labels.get("won_back", "Won back"),
                          "categories": [sheet, 1, 0, len(groups), 0],
                          "values": [sheet, 1, col, len(groups), col],
                          "fill": {"color": "#2E75B6"}})
        chart.set_title({"name": labels.get(f"by_{name}", name)})
        chart.set_legend({"none": True})
        chart.set_size({"width": 560, "height": max(280, 26 * len(groups))})
        ws.insert_chart(len(groups) + 3, 0, chart)


def _cohort_sheet(wb: Any, report: ProgrammeReport, labels: Mapping[str, str], head: Any,
                  fmts: Mapping[str, Any]) -> None:
    sheet = labels.get("cohort", "Cohorts")[:31]
    ws = wb.add_worksheet(sheet)
    span = max((len(c.won_back_by_month) for c in report.cohorts), default=0)
    ws.write(0, 0, labels.get("cohort", "Month of defection"), head)
    ws.write(0, 1, labels.get("customers", "Customers"), head)
    for k in range(span):
        ws.write(0, 2 + k, f"{labels.get('months', 'Months since')} {k}", head)
    for i, cohort in enumerate(report.cohorts, start=1):
        ws.write_string(i, 0, cohort.month)
        ws.write_number(i, 1, cohort.customers, fmts["int"])
        for k, share in enumerate(cohort.share_by_month):
            ws.write_number(i, 2 + k, share, fmts["pct"])
    ws.freeze_panes(1, 1)
    ws.set_column(0, 0, 18)
    if report.cohorts and span:
        chart = wb.add_chart({"type": "line"})
        for i, cohort in enumerate(report.cohorts, start=1):
            if cohort.customers:
                chart.add_series({"name": [sheet, i, 0],
                                  "categories": [sheet, 0, 2, 0, 1 + span],
                                  "values": [sheet, i, 2, i, 1 + len(cohort.won_back_by_month)]})
        chart.set_title({"name": labels.get("cohorts", "Cohorts")})
        chart.set_y_axis({"num_format": "0%"})
        chart.set_size({"width": 800, "height": 400})
        ws.insert_chart(len(report.cohorts) + 3, 0, chart)


# ------------------------------------------------------------------ PDF and charts


def draw_breakdown(ax: Any, report: ProgrammeReport, name: str, labels: Mapping[str, str],
                   names: Names, key: str = "won_back") -> None:
    """Horizontal bars of one figure per group of a breakdown."""
    groups = report.breakdowns.get(name, [])[:15]
    fmt = dict(COLUMNS).get(key, "int")
    values = [_value(key, fmt, g.figures.as_dict()) or 0 for g in groups]
    ax.barh([_group_name(g, name, names, labels) for g in groups], values, color="#2E75B6")
    ax.invert_yaxis()
    ax.set_title(f"{labels.get(f'by_{name}', name)}: {labels.get(key, key)}", fontsize=10)
    ax.tick_params(axis="y", labelsize=8)
    ax.tick_params(axis="x", labelsize=8)
    # whole amounts with thousands separators, never "1e7" under the axis
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))


def draw_cohorts(ax: Any, report: ProgrammeReport, labels: Mapping[str, str]) -> None:
    """One curve per month of defection: share won back by months since."""
    shown = [c for c in report.cohorts if c.customers][-12:]
    for cohort in shown:
        ax.plot(range(len(cohort.share_by_month)), [s * 100 for s in cohort.share_by_month],
                marker="o", markersize=3, label=cohort.month)
    ax.set_title(labels.get("cohorts", "Cohorts"), fontsize=10)
    ax.set_xlabel(labels.get("months", "Months since"), fontsize=8)
    ax.set_ylabel("%", fontsize=8)
    ax.tick_params(labelsize=8)
    if shown:
        ax.legend(fontsize=6, ncol=3)


def draw_calibration(ax: Any, report: ProgrammeReport, labels: Mapping[str, str]) -> None:
    rows = report.calibration
    pred = [r["predicted"] * 100 for r in rows]
    obs = [r["observed"] * 100 for r in rows]
    top = max([*pred, *obs, 1.0])
    ax.plot([0, top], [0, top], color="#999999", linewidth=1)
    ax.plot(pred, obs, marker="o", color="#C55A11")
    ax.set_title(labels.get("calibration", "Calibration"), fontsize=10)
    ax.set_xlabel(f"{labels.get('predicted', 'Predicted')} %", fontsize=8)
    ax.set_ylabel(f"{labels.get('observed', 'Observed')} %", fontsize=8)
    ax.tick_params(labelsize=8)


def _fmt(fmt: str, value: Any) -> str:
    if value is None:
        return "—"
    if fmt == "pct":
        return f"{value:.1%}"
    if fmt == "money":
        return f"{value:,.2f}"
    return f"{value:,}"


def export_pdf(report: ProgrammeReport, path: Path, labels: Mapping[str, str],
               names: Names) -> Path:
    """A4 landscape: totals and the reason table, the charts, one page per breakdown."""
    configure_matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with PdfPages(str(path)) as pdf:
        fig = Figure(figsize=(11.69, 8.27))
        fig.suptitle(f"{labels.get('title', 'Win-back programme')}\n{_period(report)}",
                     fontsize=14)
        totals = report.totals.as_dict()
        ax = fig.add_axes((0.05, 0.45, 0.4, 0.42))
        ax.axis("off")
        body = [[labels.get(k, k), _fmt(f, _value(k, f, totals))] for k, f in COLUMNS]
        rate = report.defection.get("rate")
        body.append([labels.get("defection_rate", "Defection rate"), _fmt("pct", rate)])
        table = ax.table(cellText=body, loc="upper left", cellLoc="left", colWidths=[0.6, 0.4])
        table.auto_set_font_size(False)
        table.set_fontsize(9)
        draw_breakdown(fig.add_axes((0.62, 0.52, 0.34, 0.34)), report, "reason", labels, names)
        draw_breakdown(fig.add_axes((0.62, 0.08, 0.34, 0.34)), report, "segment", labels,
                       names)
        draw_cohorts(fig.add_axes((0.07, 0.08, 0.4, 0.3)), report, labels)
        pdf.savefig(fig)
        for name in BREAKDOWNS:
            fig = Figure(figsize=(11.69, 8.27))
            fig.suptitle(f"{labels.get(f'by_{name}', name)} — {_period(report)}", fontsize=12)
            ax = fig.add_axes((0.02, 0.45, 0.96, 0.45))
            ax.axis("off")
            shown = [c for c in COLUMNS if c[0] != "saved" or report.totals.saved]
            header = [labels.get("group", "Group")] + [labels.get(k, k) for k, _ in shown]
            rows = [[_group_name(g, name, names, labels)]
                    + [_fmt(f, _value(k, f, g.figures.as_dict())) for k, f in shown]
                    for g in report.breakdowns[name][:20]]
            if rows:
                table = ax.table(cellText=rows, colLabels=header, loc="upper center",
                                 cellLoc="center")
                table.auto_set_font_size(False)
                table.set_fontsize(7)
                table.scale(1, 1.3)
                for (r, _c), cell in table.get_celld().items():
                    if r == 0:
                        cell.set_facecolor("#1F4E79")
                        cell.set_text_props(color="white", weight="bold", wrap=True)
                        cell.set_height(cell.get_height() * 1.8)
            draw_breakdown(fig.add_axes((0.25, 0.06, 0.5, 0.33)), report, name, labels, names)
            pdf.savefig(fig)
        if report.calibration:
            fig = Figure(figsize=(11.69, 8.27))
            draw_calibration(fig.add_axes((0.3, 0.15, 0.4, 0.7)), report, labels)
            pdf.savefig(fig)
    return path


def export(report: ProgrammeReport, path: Path, labels: Mapping[str, str],
           names: Names) -> Path:
    """By the file's extension: ``.pdf`` or ``.xlsx``."""
    if path.suffix.lower() == ".pdf":
        return export_pdf(report, path, labels, names)
    return export_xlsx(report, path, labels, names)
