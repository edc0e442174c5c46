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
_LATIN = ["Wang Wei", "Li Na", "Zhang Min", "Liu Yang", "Chen Jie", "Anna Schmidt",
          "John Miller", "Maria Garcia"]
_PREFIXES = (130, 135, 138, 139, 150, 158, 186, 188)
#: how the phone column is written: as Excel numbers (national digits), as CRMs export
#: (E.164 text), or as people type (every form mixed)
PHONE_STYLES = ("national", "e164", "mixed")


def phone(rng: random.Random, style: str) -> float | str:
    """A valid Chinese mobile number written the way ``style`` says."""
    prefix = rng.choice(_PREFIXES)
    rest = rng.randint(0, 99_999_999)
    digits = f"{prefix}{rest:08d}"
    if style == "national":
        return float(digits)
    if style == "e164":
        return "+86" + digits
    form = rng.randrange(7)
    if form == 0:
        return "+86 " + digits[:3] + "-" + digits[3:7] + "-" + digits[7:]
    if form == 1:
        return "0086" + digits
    if form == 2:
        return digits[:3] + " " + digits[3:7] + " " + digits[7:]
    if form == 3:
        return "+86" + digits
    if form == 4:
        return "(+86) " + digits
    if form == 5:
        return "+86-" + digits[:3] + " " + digits[3:7] + " " + digits[7:]
    return digits


def customer_rows(n: int, seed: int = 7, start: int = 0, phones: str = "national"):
    rng = random.Random(seed)
    base = date(2026, 6, 1)
    for i in range(start, start + n):
        lost = base - timedelta(days=rng.randint(0, 700))
        yield [
            f"C{i:07d}",
            (rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN))
            if phones == "national" or rng.random() < 0.8 else rng.choice(_LATIN),
            phone(rng, phones),
            lost,
            rng.choice(_REASONS),
            round(rng.lognormvariate(10, 0.8), 2),
            round(rng.lognormvariate(8.5, 0.8), 2),
            lost - timedelta(days=rng.randint(0, 90)),
            float(rng.randint(1, 60)),
            rng.choice(_CITIES),
        ]


def write_workbook(path: Path, n: int, seed: int = 7, phones: str = "national") -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("客户")
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADERS)
    for r, row in enumerate(customer_rows(n, seed, phones=phones), start=1):
        for c, value in enumerate(row):
            if c in (3, 7):
                ws.write_datetime(r, c, value, date_fmt)
            elif isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    wb.close()
    return path
