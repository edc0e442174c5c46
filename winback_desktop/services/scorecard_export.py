"""Scorecard and team-view exports: xlsx with native charts, and PDF.

Labels arrive already translated from the caller (UI or CLI), so this module stays free
of Qt. Charts in the PDF are drawn by matplotlib with a CJK-capable font so Chinese
names and labels render on Windows (Microsoft YaHei) and Linux (Noto Sans CJK).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from winback_desktop.core import metrics
from winback_desktop.services.scorecards import TeamView
from winback_desktop.services.telephony.figures import TimingSources

#: how each kind of metric is formatted in exports
_FORMAT = {metrics.COUNT: "int", metrics.MONEY: "money", metrics.SHARE: "pct",
           metrics.SECONDS: "sec", metrics.SCORE: "num"}
#: metrics the team table leaves out (their ratios are shown)
_OMITTED = ("rpc", "interviews_completed", "offer_cost_minor", "qa_evaluations")
#: Columns of the team table, in order: metric key → how to format it.
COLUMNS: list[tuple[str, str]] = [(k, _FORMAT[m.kind]) for k, m in metrics.METRICS.items()
                                  if k not in _OMITTED]

CJK_FONTS = ["Microsoft YaHei", "Microsoft YaHei UI", "Noto Sans CJK SC", "Noto Sans SC",
             "SimHei", "PingFang SC", "WenQuanYi Micro Hei", "DejaVu Sans"]


def cell_value(key: str, value: Any) -> Any:
    if value is None:
        return None
    if metrics.METRICS.get(key) is not None and metrics.METRICS[key].kind == metrics.MONEY:
        return value / 100
    return value


def configure_matplotlib() -> None:
    """Agg backend and a font list that covers Chinese on every platform we ship."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False


def export_xlsx(view: TeamView, path: Path, labels: Mapping[str, str], title: str,
                note: str | None = None, timing: Mapping[int, TimingSources] | None = None) -> Path:
    """Written whole or not at all (a full disk leaves the previous file as it was)."""
    from winback_desktop.io import atomic

    return atomic.write(path, lambda tmp: _export_xlsx(view, tmp, labels, title, note, timing))


def _export_xlsx(view: TeamView, path: Path, labels: Mapping[str, str], title: str,
                 note: str | None = None,
                 timing: Mapping[int, TimingSources] | None = None) -> Path:
    """The team table (values) plus a win-backs bar chart and a trend line chart.

    ``note`` (row 3) says whether the times were measured by the phone or entered;
    ``timing`` (agent id → ``telephony.figures.TimingSources``) adds, per agent, how many
    handled calls the phone system timed and how many were timed with the buttons.
    """
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    try:
        ws = wb.add_worksheet("Scorecards")
        head = wb.add_format({"bold": True, "bg_color": "#1F4E79", "font_color": "white",
                              "border": 1, "text_wrap": True, "valign": "vcenter"})
        fmts = {
            "int": wb.add_format({"num_format": "#,##0"}),
            "pct": wb.add_format({"num_format": "0.0%"}),
            "money": wb.add_format({"num_format": "#,##0.00"}),
            "sec": wb.add_format({"num_format": "0"}),
            "num": wb.add_format({"num_format": "0.0"}),
        }
        bold = wb.add_format({"bold": True})
        ws.write(0, 0, title, wb.add_format({"bold": True, "font_size": 14}))
        ws.write(1, 0, f"{view.period.start.isoformat()} – "
                       f"{(view.period.end - timedelta(days=1)).isoformat()}")
        if note:
            ws.write_string(2, 0, _safe(note))
        header_row = 3
        ws.write(header_row, 0, labels.get("agent", "Agent"), head)
        ws.write(header_row, 1, labels.get("team", "Team"), head)
        for j, (key, _kind) in enumerate(COLUMNS, start=2):
            ws.write(header_row, j, labels.get(key, key), head)
        extra = 0 if timing is None else 2
        if timing is not None:
            ws.write(header_row, len(COLUMNS) + 2,
                     labels.get("timed_by_phone", "Calls timed by the phone system"), head)
            ws.write(header_row, len(COLUMNS) + 3,
                     labels.get("timed_by_hand", "Calls timed with the buttons"), head)
        row = header_row + 1
        for r in view.rows:
            ws.write_string(row, 0, _safe(r.display_name or r.login))
            ws.write_string(row, 1, _safe(r.team or ""))
            card = r.card.as_dict()
            for j, (key, kind) in enumerate(COLUMNS, start=2):
                value = cell_value(key, card.get(key))
                if value is None:
                    ws.write_blank(row, j, None)
                else:
                    ws.write_number(row, j, value, fmts[kind])
            if timing is not None:
                sources = timing.get(r.agent_id)
                ws.write_number(row, len(COLUMNS) + 2, sources.measured if sources else 0,
                                fmts["int"])
                ws.write_number(row, len(COLUMNS) + 3, sources.entered if sources else 0,
                                fmts["int"])
            row += 1
        last = row - 1
        for label, values in _team_rows(view, labels):
            ws.write(row, 0, label, bold)
            for j, (key, kind) in enumerate(COLUMNS, start=2):
                value = cell_value(key, values.get(key))
                if value is not None:
                    ws.write_number(row, j, value, fmts[kind])
            row += 1
        row -= 1
        ws.freeze_panes(header_row + 1, 1)
        if view.rows:
            ws.autofilter(header_row, 0, last, len(COLUMNS) + 1 + extra)
        ws.set_column(0, 0, 22)
        ws.set_column(1, 1, 12)
        ws.set_column(2, len(COLUMNS) + 1 + extra, 12)
        ws.set_row(header_row, 32)
        if view.rows:
            wins_col = 2 + [k for k, _ in COLUMNS].index("win_backs")
            chart = wb.add_chart({"type": "bar"})
            chart.add_series({
                "name": labels.get("win_backs", "Win-backs"),
                "categories": ["Scorecards", header_row + 1, 0, last, 0],
                "values": ["Scorecards", header_row + 1, wins_col, last, wins_col],
                "fill": {"color": "#2E75B6"},
            })
            chart.set_title({"name": labels.get("win_backs", "Win-backs")})
            chart.set_legend({"none": True})
            chart.set_size({"width": 640, "height": max(320, 22 * len(view.rows))})
            ws.insert_chart(row + 2, 0, chart)
        if any(r.trend for r in view.rows):
            ts = wb.add_worksheet("Trend")
            days = [view.period.start + timedelta(days=i)
                    for i in range(len(view.rows[0].trend))]
            date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
            ts.write(0, 0, labels.get("day", "Day"), head)
            for i, d in enumerate(days, start=1):
                ts.write_datetime(i, 0, _dt(d), date_fmt)
            for j, r in enumerate(view.rows, start=1):
                ts.write_string(0, j, _safe(r.display_name or r.login), head)
                for i, v in enumerate(r.trend, start=1):
                    ts.write_number(i, j, v)
            line = wb.add_chart({"type": "line"})
            for j in range(1, min(len(view.rows), 12) + 1):
                line.add_series({"name": ["Trend", 0, j],
                                 "categories": ["Trend", 1, 0, len(days), 0],
                                 "values": ["Trend", 1, j, len(days), j]})
            line.set_title({"name": labels.get("trend", "Win-backs per day")})
            line.set_size({"width": 800, "height": 400})
            ts.insert_chart(1, min(len(view.rows), 12) + 2, line)
            ts.set_column(0, 0, 12)
    finally:
        wb.close()
    return path


def _dt(d: Any) -> Any:
    from datetime import datetime

    return datetime(d.year, d.month, d.day)


def _safe(text: str) -> str:
    """Neutralise formula injection: Excel must never run user text."""
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _fmt(key: str, kind: str, value: Any) -> str:
    if value is None:
        return "–"
    if kind == "pct":
        return f"{value:.1%}"
    if kind == "money":
        return f"{value / 100:,.0f}"
    if kind in ("sec", "int"):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def export_pdf(view: TeamView, path: Path, labels: Mapping[str, str], title: str,
               timing: Mapping[int, TimingSources] | None = None) -> Path:
    """A landscape report: title, team table, win-backs chart and daily trend.

    ``timing`` adds a column "measured / handled": of the agent's handled calls, how
    many the phone system timed (the rest were timed with the buttons)."""
    configure_matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    shown = [c for c in COLUMNS if c[0] in (
        "dials", "rpc_rate", "win_backs", "win_back_rate", "sltv_recovered_minor",
        "saves", "save_rate", "avg_handle_s", "qa_average", "points")]
    with PdfPages(str(path)) as pdf:
        fig = Figure(figsize=(11.69, 8.27))
        fig.suptitle(f"{title}\n{view.period.start.isoformat()} – "
                     f"{(view.period.end - timedelta(days=1)).isoformat()}", fontsize=14)
        ax = fig.add_axes((0.03, 0.08, 0.94, 0.78))
        ax.axis("off")
        header = [labels.get("agent", "Agent")] + [labels.get(k, k) for k, _ in shown]
        body = [[r.display_name or r.login] + [_fmt(k, kind, r.card.as_dict().get(k))
                                               for k, kind in shown] for r in view.rows[:30]]
        for label, values in _team_rows(view, labels):
            body.append([label] + [_fmt(k, kind, values.get(k)) for k, kind in shown])
        if timing is not None:
            header.append(labels.get("timed_share", "Timed by the phone system"))
            for line, r in zip(body, view.rows[:30], strict=False):
                line.append(_timed(timing.get(r.agent_id)))
            team_total, average = body[len(view.rows[:30]):]
            team_total.append(_timed(TimingSources(
                sum(t.measured for t in timing.values()),
                sum(t.entered for t in timing.values()))))
            average.append("–")
        table = ax.table(cellText=body, colLabels=header, loc="upper center", cellLoc="center")
        table.auto_set_font_size(False)
        table.set_fontsize(8)
        table.scale(1, 1.3)
        for (row, _col), cell in table.get_celld().items():
            if row == 0:
                cell.set_facecolor("#1F4E79")
                cell.set_text_props(color="white", weight="bold", wrap=True)
                cell.set_height(cell.get_height() * 1.6)
        pdf.savefig(fig)
        if view.rows:
            fig = Figure(figsize=(11.69, 8.27))
            ax1 = fig.add_subplot(2, 1, 1)
            names = [r.display_name or r.login for r in view.rows[:30]]
            ax1.barh(names, [r.card.win_backs for r in view.rows[:30]], color="#2E75B6")
            ax1.invert_yaxis()
            ax1.set_title(labels.get("win_backs", "Win-backs"))
            ax1.tick_params(axis="y", labelsize=7)
            ax2 = fig.add_subplot(2, 1, 2)
            for r in view.rows[:12]:
                if r.trend:
                    ax2.plot(range(1, len(r.trend) + 1), r.trend, label=r.display_name or r.login)
            ax2.set_title(labels.get("trend", "Win-backs per day"))
            ax2.set_xlabel(labels.get("day", "Day"))
            if view.rows[0].trend:
                ax2.legend(fontsize=6, ncol=4)
            fig.tight_layout()
            pdf.savefig(fig)
    return path


def _timed(sources: TimingSources | None) -> str:
    return "–" if sources is None or not sources.handled else (
        f"{sources.measured} / {sources.handled}")


def _team_rows(view: TeamView, labels: Mapping[str, str]
               ) -> list[tuple[str, Mapping[str, Any]]]:
    """The two summary rows, labelled for what they are."""
    return [(labels.get("team_total", "Team (all agents' calls)"), view.team.as_dict()),
            (labels.get("agent_average", "Average agent"), view.agent_average)]


def default_labels() -> dict[str, str]:
    """English labels, for tests; the GUI and the CLI pass translated ones."""
    return {
        "agent": "Agent", "team": "Team", "team_total": "Team (all agents' calls)",
        "agent_average": "Average agent", "day": "Day", "trend": "Win-backs per day",
        **{k: m.label for k, m in metrics.METRICS.items()},
    }


def verdicts(view: TeamView) -> dict[int, dict[str, int]]:
    """Per agent and metric: +1/-1 against what it is compared with (for colouring)."""
    return {r.agent_id: {k: metrics.verdict(k, r.card.as_dict().get(k), view.reference(k))
                         for k, _ in COLUMNS}
            for r in view.rows}
