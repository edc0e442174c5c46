"""Reference data every database starts with: SLTV tiers, the segmentation grid of
DESIGN §2 and the authority matrix. Seeded by the first migration; tests that empty a
database put it back with ``reseed``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert
from sqlalchemy.sql import column, table

from winback_desktop.core import segmentation

#: ¥ amounts in fen: agents decide small offers themselves ("decide in advance").
AUTHORITY_DEFAULTS: dict[str, dict[str, int]] = {
    "agent": {"A": 50_000, "B": 30_000, "C": 15_000, "D": 5_000, "negative": 0},
    "supervisor": {"A": 500_000, "B": 200_000, "C": 80_000, "D": 30_000, "negative": 0},
    "admin": {"A": 5_000_000, "B": 2_000_000, "C": 500_000, "D": 200_000,
              "negative": 50_000},
}


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    return {
        "sltv_tiers": [{"tier": str(t), "min_sltv_minor": v}
                       for t, v in segmentation.DEFAULT_TIER_THRESHOLDS.items()],
        "segment_rules": [{"tier": t, "reason": r, "treatment": x}
                          for (t, r), x in segmentation.default_grid().items()],
        "authority_limits": [{"role": role, "tier": tier, "max_cost_minor": v}
                             for role, cells in AUTHORITY_DEFAULTS.items()
                             for tier, v in cells.items()],
    }


def lightweight_table(name: str, rows: list[dict[str, Any]]) -> Any:
    return table(name, *[column(key) for key in rows[0]])


def reseed(conn: Connection) -> None:
    """Replace the reference tables' rows with the defaults."""
    for name, rows in reference_rows().items():
        t = lightweight_table(name, rows)
        conn.execute(delete(t))
        conn.execute(insert(t), rows)
