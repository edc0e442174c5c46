"""An export larger than a sheet holds is refused before any row is read (issue 15):
it used to be refused only after 138 s of writing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from winback_desktop.io.xlsx_export import (
    XLSX_MAX_ROWS,
    Column,
    TooManyRowsForExcel,
    write_xlsx,
)


def test_a_known_total_over_the_sheet_limit_is_refused_up_front(tmp_path: Path) -> None:
    read: list[int] = []

    def rows() -> Iterator[list[object]]:
        for i in range(10):
            read.append(i)
            yield [i]

    target = tmp_path / "out.xlsx"
    with pytest.raises(TooManyRowsForExcel) as refused:
        write_xlsx(target, [Column("N")], rows(), total=XLSX_MAX_ROWS + 5)
    assert f"{XLSX_MAX_ROWS + 5:,}" in str(refused.value)
    assert read == [] and list(tmp_path.iterdir()) == []
