"""Parsing the values real customer spreadsheets contain."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from winback_desktop.io import values as v
from winback_desktop.io.fields import auto_mapping, detect_header_row, field_for_header


@pytest.mark.parametrize(("raw", "expected"), [
    (date(2024, 3, 1), date(2024, 3, 1)),
    (datetime(2024, 3, 1, 15, 30), date(2024, 3, 1)),
    (45352.0, date(2024, 3, 1)),           # Excel serial number
    ("45352", date(2024, 3, 1)),
    ("2024-03-01", date(2024, 3, 1)),
    ("2024/3/1", date(2024, 3, 1)),
    ("2024.03.01", date(2024, 3, 1)),
    ("20240301", date(2024, 3, 1)),
    ("2024年3月1日", date(2024, 3, 1)),
    ("２０２４年３月１日", date(2024, 3, 1)),   # full-width digits
    ("01.03.2024", date(2024, 3, 1)),       # European dots: day first
    ("25/12/2024", date(2024, 12, 25)),     # a part above 12 decides
    ("12/25/2024", date(2024, 12, 25)),
    ("Mar 1, 2024", date(2024, 3, 1)),
    ("1 March 2024", date(2024, 3, 1)),
    ("  2024-03-01  ", date(2024, 3, 1)),
    ("", None),
])
def test_dates(raw: object, expected: date | None) -> None:
    assert v.parse_date(raw) == expected


def test_ambiguous_slash_dates_follow_the_region_convention() -> None:
    assert v.parse_date("03/04/2024", day_first=True) == date(2024, 4, 3)
    assert v.parse_date("03/04/2024", day_first=False) == date(2024, 3, 4)


@pytest.mark.parametrize("raw", ["yesterday", "2024-02-30", "31/31/2024", "1800-01-01", True,
                                 -5.0])
def test_bad_dates_are_reported(raw: object) -> None:
    with pytest.raises(v.ValueProblem):
        v.parse_date(raw)


@pytest.mark.parametrize(("raw", "minor"), [
    (1234.5, 123450),
    (17.0, 1700),
    (0.1 + 0.2, 30),
    ("¥1,234.50", 123450),
    ("￥1,234.50", 123450),
    ("1.234,50 €", 123450),
    ("1 234,50", 123450),
    ("1234,5", 123450),
    ("1,234,567", 123456700),
    ("1.234.567", 123456700),
    ("(123)", -12300),
    ("-123.45", -12345),
    ("123-", -12300),
    ("$ -5", -500),
    ("RMB 88", 8800),
    ("88元", 8800),
    ("1.2万", 1200000),
    ("１２３４", 123400),
    ("", None),
])
def test_amounts(raw: object, minor: int | None) -> None:
    assert v.parse_amount_minor(raw) == minor


@pytest.mark.parametrize("raw", ["abc", "12.3.4,5,6", "--", date(2024, 1, 1), "1e400x"])
def test_bad_amounts_are_reported(raw: object) -> None:
    with pytest.raises(v.ValueProblem):
        v.parse_amount_minor(raw)


@pytest.mark.parametrize(("raw", "region", "e164"), [
    (13800138000.0, "CN", "+8613800138000"),       # a number cell
    ("13800138000", "CN", "+8613800138000"),
    ("138-0013-8000", "CN", "+8613800138000"),
    ("+86 138 0013 8000", "CN", "+8613800138000"),
    ("0086 13800138000", "CN", "+8613800138000"),
    ("１３８００１３８０００", "CN", "+8613800138000"),  # full-width
    ("1.3800138000E+10", "CN", "+8613800138000"),  # scientific text with every digit
    ("010-12345678", "CN", "+861012345678"),
    (1012345678.0, "CN", "+861012345678"),          # Beijing landline, lost its 0
    ("(212) 555-0123", "US", "+12125550123"),
    ("07911 123456", "GB", "+447911123456"),
    (7911123456.0, "GB", "+447911123456"),          # lost leading zero
    ("9123 4567", "HK", "+85291234567"),
])
def test_phones(raw: object, region: str, e164: str) -> None:
    parsed = v.parse_phone(raw, region)
    assert parsed is not None
    assert parsed[0] == e164


def test_phone_raw_text_is_kept() -> None:
    assert v.parse_phone("138-0013-8000 ", "CN") == ("+8613800138000", "138-0013-8000")
    assert v.parse_phone(13800138000.0, "CN") == ("+8613800138000", "13800138000")


def test_phone_shortened_by_excel_is_reported_not_guessed() -> None:
    with pytest.raises(v.ValueProblem) as info:
        v.parse_phone("1.38E+10", "CN")
    assert "shortened" in info.value.text


@pytest.mark.parametrize("raw", ["12345", "not a phone", "+86 123", 1.5])
def test_invalid_phones_are_reported(raw: object) -> None:
    with pytest.raises(v.ValueProblem):
        v.parse_phone(raw, "CN")


@pytest.mark.parametrize(("text", "reason"), [
    ("价格太贵", "bought_away"),
    ("price too high", "bought_away"),
    ("竞争对手更便宜", "pulled_away"),
    ("went to a competitor", "pulled_away"),
    ("服务差", "pushed_unintentional"),
    ("投诉未处理", "pushed_unintentional"),
    ("Service was slow", "pushed_unintentional"),
    ("搬家", "moved_away"),
    ("不再需要", "moved_away"),
    ("moved to Shenzhen", "moved_away"),
    ("不盈利客户", "pushed_intentional"),
    ("bought_away", "bought_away"),
    ("PULLED AWAY", "pulled_away"),
    ("未知", "unknown"),
    ("zzz", None),
])
def test_reason_synonyms(text: str, reason: str | None) -> None:
    assert v.match_reason(text) == reason


def test_small_vocabularies() -> None:
    assert v.parse_status("流失") == "lost"
    assert v.parse_status("At Risk") == "at_risk"
    assert v.parse_status("已挽回") == "won_back"
    assert v.parse_language("中文") == "zh"
    assert v.parse_language("English") == "en"
    assert v.parse_timezone("asia/shanghai") == "Asia/Shanghai"
    assert v.parse_timezone("北京时间") == "Asia/Shanghai"
    assert v.parse_flag("是") is True
    assert v.parse_flag("no") is False
    assert v.parse_count(17.0) == 17
    assert v.parse_count("1,234") == 1234
    with pytest.raises(v.ValueProblem):
        v.parse_count(2.5)
    with pytest.raises(v.ValueProblem):
        v.parse_status("martian")
    with pytest.raises(v.ValueProblem):
        v.parse_timezone("Mars/Olympus")


def test_text_cleanup() -> None:
    assert v.clean_text("  张三\u3000") == "张三"
    assert v.clean_text("ＡＢＣ１２３") == "ABC123"
    assert v.clean_text(12345.0) == "12345"


@pytest.mark.parametrize(("header", "field"), [
    ("客户编号", "external_id"), ("客户ID", "external_id"), ("Customer ID", "external_id"),
    ("姓名", "name"), ("客户名称", "name"), ("电话", "phone"), ("手机", "phone"),
    ("联系电话", "phone"), ("流失日期", "defection_date"), ("流失原因", "defection_reason"),
    ("年消费额", "annual_revenue"), ("年销售额", "annual_revenue"), ("毛利", "annual_margin"),
    ("利润", "annual_margin"), ("最近购买日期", "last_purchase_date"),
    ("购买次数", "purchase_count"), ("城市", "city"), ("时区", "timezone"), ("SLTV", "sltv"),
    ("状态", "status"), ("Email", "email"), ("E-mail", "email"), ("language", "preferred_language"),
    ("客户手机号码(必填)", "phone"), ("CUSTOMER_ID", "external_id"), ("Paid amount", None),
])
def test_header_synonyms(header: str, field: str | None) -> None:
    assert field_for_header(header) == field


def test_second_phone_column_is_kept() -> None:
    mapping = auto_mapping(["姓名", "手机", "电话", "备注"])
    assert mapping == {"name": "姓名", "phone": "手机", "phone2": "电话", "reason_note": "备注"}


def test_header_row_found_below_a_title_block() -> None:
    rows = [["2026年10月流失客户名单", "", ""], ["导出日期", "2026-11-01", ""], ["", "", ""],
            ["客户编号", "姓名", "电话"], ["C1", "张三", "13800138000"]]
    assert detect_header_row(rows) == 3
