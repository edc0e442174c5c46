"""Phone cells to E.164: an exact fast path over phonenumbers' metadata, phonenumbers behind it.

``phonenumbers.parse`` + ``is_valid_number`` costs 40–140 µs a number here, so a 100k-row
list spent seconds there. The fast path answers in about a microsecond for the shapes
lists really hold — ``+8613800138000`` (E.164, as CRMs export), ``+86 138-0013-8000``,
``0086 138…``, ``138 0013 8000``, ``010-6552 9988``, ``(212) 555-0123`` — by repeating
phonenumbers' own steps with its own metadata, and only where those steps are simple:

* the country code is read as phonenumbers reads it (the shortest known 1–3 digit code);
* the number's region is the country code's main region, which phonenumbers picks first
  when it decides validity (its ``leading_digits`` must fit, if it has any);
* the national prefix is stripped as phonenumbers strips it, only where the strip is a
  plain one (no carrier code, no transform rule), else the number goes the full way;
* a number is accepted only when the general pattern and a fixed-line or mobile pattern
  of the region match in full with an allowed length: then phonenumbers finds it valid
  with the same E.164.

Anything else — letters, extensions, other regions of a shared code, an IDD prefix on a
national number, carrier codes, numbers the fast path cannot prove valid — takes the
full phonenumbers path, so the answer is always phonenumbers' answer (a property test
compares both over generated numbers of many regions and formats).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP


class PhoneProblem(Exception):
    """A phone cell that cannot be stored; ``text`` is a translatable ``Errors`` message."""

    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text)
        self.text = text
        self.params = params


_SCI = re.compile(r"^([+-]?)(\d)(?:[.,](\d*))?[eE]\+?(\d{1,2})$")
_PHONE_CHARS = re.compile(r"[\s\-().\u00a0/]")
BAD_PHONE = QT_TRANSLATE_NOOP("Errors", "'{value}' is not a valid phone number.")
SHORTENED_PHONE = QT_TRANSLATE_NOOP(
    "Errors",
    "Excel shortened the phone number to '{value}'; its last digits are lost. "
    "Format the column as text in the source and export again.")


class _Region:
    """One region's metadata, compiled for the fast path.

    ``ok`` is false where the fast path must never answer: no metadata, or a region that
    is not the main one of its country code (phonenumbers would judge validity by
    another region first).
    """

    def __init__(self, region: str) -> None:
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        self.region = region
        self.ok = meta is not None and meta.general_desc is not None
        self.country_code: int = (meta.country_code or 0) if meta is not None else 0
        self.prefix = "+" + str(self.country_code) if meta is not None else ""
        self.country_digits = self.prefix[1:] or "-"
        self.general = re.compile("(?!)")
        self._by_length: dict[int, re.Pattern[str]] = {}
        self.for_parsing: re.Pattern[str] | None = None
        self.idd: re.Pattern[str] | None = None
        general = meta.general_desc if meta is not None else None
        if not self.ok or meta is None or general is None:
            return
        regions = COUNTRY_CODE_TO_REGION_CODE.get(self.country_code, ())
        self.ok = bool(regions) and regions[0] == region
        self.general = re.compile(general.national_number_pattern or "(?!)")
        general_lengths = {n for n in (general.possible_length or ()) if n > 0}
        types: list[tuple[set[int], str]] = []
        for desc in (meta.mobile, meta.fixed_line):
            if desc is None or not desc.national_number_pattern:
                continue
            lengths = {n for n in (desc.possible_length or ()) if n > 0}
            if desc.possible_length and not lengths:
                continue  # (-1,): the region has no such numbers
            types.append((lengths or general_lengths, desc.national_number_pattern))
        leading = f"(?={meta.leading_digits})" if meta.leading_digits else ""
        # One regex per length: the general pattern, the leading digits and a fixed-line
        # or mobile pattern allowed at that length, checked in one call.
        for n in general_lengths:
            allowed = [f"(?:{pattern})" for lengths, pattern in types if n in lengths]
            if allowed:
                self._by_length[n] = re.compile(
                    f"{leading}(?=(?:{self.general.pattern})\\Z)(?:{'|'.join(allowed)})\\Z")
        self.for_parsing = (re.compile(meta.national_prefix_for_parsing)
                            if meta.national_prefix_for_parsing else None)
        self.idd = re.compile(meta.international_prefix) if meta.international_prefix else None

    def valid(self, nsn: str) -> bool:
        """Valid by this region's general pattern and a fixed-line or mobile pattern."""
        check = self._by_length.get(len(nsn))
        return check is not None and check.match(nsn) is not None

    def strip_prefix(self, digits: str) -> str | None:
        """``digits`` after phonenumbers' national-prefix strip, or None when that strip
        is not a plain one (a carrier code or a transform rule decides)."""
        pattern = self.for_parsing
        if pattern is None:
            return digits
        m = pattern.match(digits)
        if m is None:
            return digits
        groups = m.groups()
        if groups and groups[-1] is not None:
            return None  # carrier code or transform rule: phonenumbers' own path
        rest = digits[m.end():]
        if self.general.fullmatch(digits) and not self.general.fullmatch(rest):
            return digits  # phonenumbers keeps a viable number whole
        return rest

    def national(self, digits: str) -> str | None:
        """E.164 of a national digit string, or None when the fast path cannot say."""
        if not self.ok:
            return None
        if self.idd is not None:
            m = self.idd.match(digits)
            if m is not None:
                # 0086…: the region's international call prefix, then a country code
                # (never when a 0 follows: country codes do not start with 0)
                rest = digits[m.end():]
                return international(rest) if rest[:1] not in ("", "0") else None
        if digits.startswith(self.country_digits):
            return None  # phonenumbers may read a leading country code: let it decide
        nsn = self.strip_prefix(digits)
        if nsn is None or not self.valid(nsn):
            return None
        return self.prefix + nsn


@lru_cache(maxsize=64)
def region_info(region: str) -> _Region:
    return _Region(region)


def _country_of(head: str) -> tuple[int, _Region | None]:
    """(length of the country code, its main region) for the first digits of a number:
    the shortest known code, as phonenumbers reads it."""
    for size in (1, 2, 3):
        code = int(head[:size])
        if code in COUNTRY_CODE_TO_REGION_CODE:
            regions = COUNTRY_CODE_TO_REGION_CODE[code]
            info = region_info(regions[0]) if regions[0] != "001" else None
            return size, info if info is not None and info.ok else None
    return 0, None


_COUNTRY_BY_HEAD: dict[str, tuple[int, _Region | None]] = {}


def international(digits: str) -> str | None:
    """E.164 of ``+digits`` (country code first), or None when the fast path cannot say."""
    head = digits[:3]
    if len(head) < 3 or head[0] == "0":
        return None
    found = _COUNTRY_BY_HEAD.get(head)
    if found is None:
        found = _COUNTRY_BY_HEAD[head] = _country_of(head)
    size, info = found
    if info is None:
        return None
    national = digits[size:]
    if info.for_parsing is not None and info.strip_prefix(national) != national:
        return None
    return "+" + digits if info.valid(national) else None


def phone_text(value: Any, clean: Any) -> str:
    """The phone as text, recovering Excel's numeric storage (13800138000.0)."""
    t = type(value)
    if t is float or t is int:
        if t is float and not value.is_integer():
            raise PhoneProblem(BAD_PHONE, value=clean(value))
        return str(abs(int(value)))
    text: str = clean(value)
    m = _SCI.match(text)
    if m:
        # Text such as '1.38E+10' means Excel displayed a number in scientific form and
        # somebody saved that display: digits beyond the mantissa are gone.
        decimals = m[3] or ""
        if len(decimals) == int(m[4]):
            return m[2] + decimals
        raise PhoneProblem(SHORTENED_PHONE, value=text)
    return text


#: The shapes Chinese lists hold most: a mobile number, bare or behind +86, (+86) or
#: 0086, whole or split 3-4-4 by spaces or hyphens. One match gives the national number.
_CN_MOBILE = re.compile(r"(\+86|\(\+86\)|0086)?[ -]?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})")


def _cn_mobile(text: str, region: str) -> str | None:
    """E.164 of a common Chinese mobile shape, before any other work; None otherwise.

    The answer is the fast path's own (the same prefix strip and validity check on the
    same national number): ``+86`` means China from any region, a bare number or
    ``0086`` only when the list's region is China (elsewhere 00 is not the way out).
    """
    m = _CN_MOBILE.fullmatch(text)
    if m is None:
        return None
    prefix = m[1]
    if region != "CN" and prefix in (None, "0086"):
        return None
    nsn = m[2] + m[3] + m[4]
    info = region_info("CN")
    if not info.ok or info.strip_prefix(nsn) != nsn or not info.valid(nsn):
        return None
    return "+86" + nsn


def parse_phone(value: Any, region: str, clean: Any, *, fast: bool = True
                ) -> tuple[str, str] | None:
    """``(e164, raw)`` for a phone cell, or None when empty; ``fast=False`` skips the
    fast path (the property test's reference)."""
    if fast and type(value) is str and value.isascii():
        e164 = _cn_mobile(value.strip(), region)
        if e164 is not None:
            return e164, value.strip()
    if fast and type(value) is float and value.is_integer() and value > 0:
        raw = str(int(value))  # a number cell: 13800138000.0
        e164 = region_info(region).national(raw)
        if e164 is not None:
            return e164, raw
    raw = phone_text(value, clean)
    if not raw:
        return None
    compact = raw if raw.isdigit() else _PHONE_CHARS.sub("", raw)
    if not fast:
        pass
    elif compact.isdigit():
        e164 = region_info(region).national(compact)
        if e164 is not None:
            return e164, raw
    elif compact.startswith("+") and compact[1:].isdigit():
        e164 = international(compact[1:])
        if e164 is not None:
            return e164, raw
    candidates = [compact]
    if compact.isdigit() and type(value) in (float, int):
        # A number cell drops the leading trunk 0 (0770… → 770…): try it back.
        candidates.append("0" + compact)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), raw
    raise PhoneProblem(BAD_PHONE, value=raw)
