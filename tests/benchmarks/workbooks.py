"""Generated customer workbooks for benchmarks: realistic, seeded, written fast."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

HEADERS = ["客户编号", "姓名", "手机", "流失日期", "流失原因", "年消费额", "毛利", "最近购买日期",
           "购买次数", "城市"]
_REASONS = ["价格太贵", "竞争对手", "服务差", "搬家", "不再需要", "投诉", "price", "competitor", ""]
_CITIES = ["上海", "北京", "广州", "深圳", "杭州", "成都", "南京"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞"


def customer_rows(n: int, seed: int = 7, start: int = 0):
    rng = random.Random(seed)
    base = date(2026, 6, 1)
    for i in range(start, start + n):
        lost = base - timedelta(days=rng.randint(0, 700))
        yield [
            f"C{i:07d}",
            rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN),
            float(rng.choice((130, 135, 138, 139, 150, 158, 186, 188)) * 100_000_000
                  + rng.randint(0, 99_999_999)),
            lost,
            rng.choice(_REASONS),
            round(rng.lognormvariate(10, 0.8), 2),
            round(rng.lognormvariate(8.5, 0.8), 2),
            lost - timedelta(days=rng.randint(0, 90)),
            float(rng.randint(1, 60)),
            rng.choice(_CITIES),
        ]


def write_workbook(path: Path, n: int, seed: int = 7) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("客户")
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADERS)
    for r, row in enumerate(customer_rows(n, seed), start=1):
        for c, value in enumerate(row):
            if c in (3, 7):
                ws.write_datetime(r, c, value, date_fmt)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    wb.close()
    return path
