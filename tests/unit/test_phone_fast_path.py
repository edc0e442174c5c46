"""The phone fast path gives phonenumbers' answer on every number (issue 21).

A property test: numbers generated from phonenumbers' example numbers of many regions
(the demo's CN, HK, SG, GB, US and more), mutated into valid and invalid neighbours,
written in the shapes lists hold (E.164, international and national formatting, 00 and
011 prefixes, bare digits, number cells), read with the same or another default region.
With and without the fast path the result is the same E.164, or the same refusal.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from winback_desktop.io import phones
from winback_desktop.io.values import clean_text

DEMO_REGIONS = ["CN", "HK", "SG", "GB", "US"]
MORE_REGIONS = ["MO", "TW", "MY", "JP", "KR", "AU", "DE", "FR", "CA", "IN", "RU", "KZ", "BR",
                "IT", "MX", "AR", "ES", "NL", "CH", "SE", "TH", "VN", "ID", "PH", "NZ", "AE",
                "GG", "JE", "AG", "PR", "VA", "SM"]
REGIONS = DEMO_REGIONS + MORE_REGIONS
TYPES = [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE,
         PhoneNumberType.VOIP, PhoneNumberType.PREMIUM_RATE]


def outcome(value: Any, region: str, fast: bool) -> tuple[str, Any]:
    try:
        return "ok", phones.parse_phone(value, region, clean_text, fast=fast)
    except phones.PhoneProblem as problem:
        return "refused", problem.text


@st.composite
def phone_cells(draw: st.DrawFn) -> tuple[Any, str]:
    home = draw(st.sampled_from(REGIONS))
    example = phonenumbers.example_number_for_type(home, draw(st.sampled_from(TYPES)))
    if example is None:
        example = phonenumbers.example_number(home)
    assert example is not None
    nsn = phonenumbers.national_significant_number(example)
    # a neighbour: the tail re-drawn, a digit dropped or added (valid and invalid ones)
    keep = draw(st.integers(min_value=0, max_value=len(nsn)))
    tail = draw(st.text("0123456789", min_size=max(0, len(nsn) - keep - 1),
                        max_size=len(nsn) - keep + 1))
    nsn = (nsn[:keep] + tail) or nsn
    cc = str(example.country_code)
    number = phonenumbers.PhoneNumber(country_code=example.country_code,
                                      national_number=int(nsn))
    if nsn.startswith("0"):
        number.italian_leading_zero = True
        number.number_of_leading_zeros = len(nsn) - len(nsn.lstrip("0")) or None
    national_prefix = (phonenumbers.PhoneMetadata.metadata_for_region(home).national_prefix
                       or "")
    shape = draw(st.sampled_from(["e164", "international", "national", "00", "011", "digits",
                                  "trunk", "cc_digits", "float", "float_cc", "spaced"]))
    if shape == "e164":
        cell: Any = "+" + cc + nsn
    elif shape == "international":
        cell = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    elif shape == "national":
        cell = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    elif shape == "00":
        cell = "00 " + cc + " " + nsn
    elif shape == "011":
        cell = "011" + cc + nsn
    elif shape == "digits":
        cell = nsn
    elif shape == "trunk":
        cell = national_prefix + "-" + nsn
    elif shape == "cc_digits":
        cell = cc + nsn
    elif shape == "float":
        cell = float(int(nsn)) if int(nsn) else nsn
    elif shape == "float_cc":
        cell = float(int(cc + nsn))
    else:
        cut = draw(st.integers(min_value=0, max_value=len(nsn)))
        sep = draw(st.sampled_from([" ", "-", ".", "/", "\u00a0", "(", ")"]))
        cell = "+" + cc + " " + nsn[:cut] + sep + nsn[cut:]
    region = home if draw(st.booleans()) else draw(st.sampled_from(REGIONS))
    return cell, region


@settings(max_examples=4000, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(phone_cells())
def test_fast_path_answers_as_phonenumbers(case: tuple[Any, str]) -> None:
    cell, region = case
    assert outcome(cell, region, fast=True) == outcome(cell, region, fast=False), (cell, region)


# The shapes the benchmarks and real lists are made of must take the fast path: with
# phonenumbers' parser unavailable, they still parse.
FAST_SHAPES = [
    ("+8613800138000", "CN", "+8613800138000"),
    ("+86 138-0013-8000", "CN", "+8613800138000"),
    ("+86 138 0013 8000", "US", "+8613800138000"),
    ("0086 138 0013 8000", "CN", "+8613800138000"),
    ("0086-13800138000", "CN", "+8613800138000"),
    ("13800138000", "CN", "+8613800138000"),
    ("138-0013-8000", "CN", "+8613800138000"),
    (13800138000.0, "CN", "+8613800138000"),
    ("010-6552 9988", "CN", "+861065529988"),
    ("(0755) 8888 6666", "CN", "+8675588886666"),
    ("(212) 736-5000", "US", "+12127365000"),
    ("+1 (212) 736-5000", "CN", "+12127365000"),
    ("011 86 138 0013 8000", "US", "+8613800138000"),
    ("9123 4567", "HK", "+85291234567"),
    ("+852 9123 4567", "CN", "+85291234567"),
    ("+65 8123 4567", "CN", "+6581234567"),
    ("07400 123456", "GB", "+447400123456"),
    ("+44 7400 123456", "CN", "+447400123456"),
]


@pytest.mark.parametrize(("cell", "region", "e164"), FAST_SHAPES)
def test_common_shapes_take_the_fast_path(monkeypatch: pytest.MonkeyPatch, cell: Any,
                                          region: str, e164: str) -> None:
    assert outcome(cell, region, fast=False) == ("ok", (e164, clean_text(cell)
                                                        if isinstance(cell, str)
                                                        else str(int(cell))))

    def no_parser(*_args: Any, **_kw: Any) -> Any:
        raise AssertionError("phonenumbers.parse was called")

    monkeypatch.setattr(phonenumbers, "parse", no_parser)
    parsed = phones.parse_phone(cell, region, clean_text)
    assert parsed is not None and parsed[0] == e164


@st.composite
def cn_mobile_shapes(draw: st.DrawFn) -> tuple[str, str]:
    """The shapes the Chinese-mobile pre-check reads, valid and invalid numbers alike."""
    digits = "1" + draw(st.text("0123456789", min_size=10, max_size=10))
    if draw(st.booleans()):  # a real range most of the time
        digits = "1" + draw(st.sampled_from("3456789")) + digits[2:]
    sep = draw(st.sampled_from(["", " ", "-"]))
    body = digits[:3] + sep + digits[3:7] + sep + digits[7:]
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "+86-", "(+86)", "(+86) ", "0086",
                                   "0086 ", "0086-", " "]))
    region = draw(st.sampled_from(REGIONS))
    return prefix + body, region


@settings(max_examples=3000, deadline=None)
@given(cn_mobile_shapes())
def test_chinese_mobile_precheck_answers_as_phonenumbers(case: tuple[str, str]) -> None:
    cell, region = case
    assert outcome(cell, region, fast=True) == outcome(cell, region, fast=False), (cell, region)


def test_chinese_mobile_precheck_leaves_other_regions_their_own_reading() -> None:
    # from the US, 0086… is not a way out of the country and 138… is no US number
    assert outcome("0086 138 0013 8000", "US", fast=True) == outcome(
        "0086 138 0013 8000", "US", fast=False)
    assert outcome("13800138000", "HK", fast=True) == outcome("13800138000", "HK", fast=False)
    assert phones.parse_phone("(+86) 138-0013-8000", "GB", clean_text) == (
        "+8613800138000", "(+86) 138-0013-8000")
