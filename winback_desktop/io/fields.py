"""Import target fields, their header synonyms and header-row detection.

A mapping is ``{field: header text}``: saved by name and reused on next month's file of
the same shape, it survives reordered columns. Header matching folds case, width,
spaces and punctuation, so ``客户 编号``, ``Customer-ID`` and ``CUSTOMER_ID`` all match.

Each kind of list the import engine reads has its own column schema (:class:`ListSchema`):
customer lists (:data:`CUSTOMERS`) and purchase histories (:data:`PURCHASES`). The
functions below take the schema; without one they read customer lists.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str
    #: label for the mapping editor, translated under the ``Fields`` context
    label: str
    synonyms: tuple[str, ...]
    kind: str  # text, phone, date, money, count, reason, status, language, tz, email, flag


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_id", QT_TRANSLATE_NOOP("Fields", "Customer ID"),
              ("customer id", "customer no", "customer number", "customer code", "cust id",
               "client id", "account id", "account no", "account number", "external id", "id",
               "客户编号", "客户id", "客户号", "客户代码", "会员编号", "会员号", "会员id",
               "编号", "账号", "客户编码"), "text"),
    FieldSpec("name", QT_TRANSLATE_NOOP("Fields", "Name"),
              ("name", "customer name", "client name", "full name", "contact", "contact name",
               "姓名", "客户名称", "客户姓名", "名称", "名字", "联系人", "会员姓名", "公司名称"),
              "text"),
    FieldSpec("phone", QT_TRANSLATE_NOOP("Fields", "Phone"),
              ("phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "cell",
               "cellphone", "contact number", "电话", "手机", "手机号", "手机号码", "联系电话",
               "电话号码", "联系方式", "移动电话"), "phone"),
    FieldSpec("phone2", QT_TRANSLATE_NOOP("Fields", "Second phone"),
              ("phone 2", "phone2", "second phone", "other phone", "alternate phone",
               "landline", "home phone", "work phone", "备用电话", "座机", "固定电话", "电话2",
               "其他电话", "办公电话"), "phone"),
    FieldSpec("email", QT_TRANSLATE_NOOP("Fields", "E-mail"),
              ("email", "e-mail", "mail", "email address", "邮箱", "电子邮件", "电子邮箱", "邮件"),
              "email"),
    FieldSpec("status", QT_TRANSLATE_NOOP("Fields", "Status"),
              ("status", "customer status", "state", "状态", "客户状态"), "status"),
    FieldSpec("defection_reason", QT_TRANSLATE_NOOP("Fields", "Defection reason"),
              ("defection reason", "churn reason", "reason", "lost reason", "reason for leaving",
               "流失原因", "原因", "流失理由", "离开原因", "退订原因"), "reason"),
    FieldSpec("defection_date", QT_TRANSLATE_NOOP("Fields", "Defection date"),
              ("defection date", "churn date", "lost date", "date lost", "cancel date",
               "cancellation date", "流失日期", "流失时间", "退订日期", "取消日期", "离开日期"),
              "date"),
    FieldSpec("annual_revenue", QT_TRANSLATE_NOOP("Fields", "Annual revenue"),
              ("annual revenue", "revenue", "annual sales", "sales", "annual spend", "spend",
               "yearly revenue", "年消费额", "年销售额", "年消费", "消费额", "销售额", "年营收",
               "营收", "年收入", "消费金额"), "money"),
    FieldSpec("annual_margin", QT_TRANSLATE_NOOP("Fields", "Annual margin"),
              ("annual margin", "margin", "gross margin", "profit", "gross profit", "毛利",
               "利润", "年毛利", "年利润", "毛利润", "毛利额"), "money"),
    FieldSpec("last_purchase_date", QT_TRANSLATE_NOOP("Fields", "Last purchase date"),
              ("last purchase date", "last purchase", "last order date", "last order",
               "最近购买日期", "最近购买", "最后购买日期", "最后购买时间", "最近消费日期",
               "最近下单日期", "最近购买时间"), "date"),
    FieldSpec("purchase_count", QT_TRANSLATE_NOOP("Fields", "Purchase count"),
              ("purchase count", "purchases", "number of purchases", "orders", "order count",
               "frequency", "购买次数", "消费次数", "订单数", "下单次数", "购买频次"), "count"),
    FieldSpec("city", QT_TRANSLATE_NOOP("Fields", "City"),
              ("city", "town", "城市", "所在城市", "地区", "市"), "text"),
    FieldSpec("timezone", QT_TRANSLATE_NOOP("Fields", "Time zone"),
              ("timezone", "time zone", "tz", "时区"), "tz"),
    FieldSpec("sltv", QT_TRANSLATE_NOOP("Fields", "SLTV (imported)"),
              ("sltv", "second lifetime value", "clv", "ltv", "lifetime value", "二次生命周期价值",
               "客户价值", "挽回价值"), "money"),
    FieldSpec("preferred_language", QT_TRANSLATE_NOOP("Fields", "Language"),
              ("language", "preferred language", "lang", "语言", "首选语言", "沟通语言"),
              "language"),
    FieldSpec("currency", QT_TRANSLATE_NOOP("Fields", "Currency"),
              ("currency", "币种", "货币"), "currency"),
    FieldSpec("competitor", QT_TRANSLATE_NOOP("Fields", "Competitor"),
              ("competitor", "went to", "new supplier", "竞争对手", "去向", "转投品牌"), "text"),
    FieldSpec("reason_note", QT_TRANSLATE_NOOP("Fields", "Reason note"),
              ("reason note", "reason detail", "notes", "note", "comment", "comments", "remark",
               "remarks", "备注", "说明", "原因说明", "详细原因"), "text"),
    FieldSpec("do_not_call", QT_TRANSLATE_NOOP("Fields", "Do not call"),
              ("do not call", "dnc", "no call", "勿扰", "禁止呼叫", "拒绝来电", "免打扰"), "flag"),
    # Warning signs a CRM or billing system exports (book ch.4); the risk scan reads them.
    FieldSpec("complaints", QT_TRANSLATE_NOOP("Fields", "Complaints"),
              ("complaints", "complaint count", "number of complaints", "投诉次数", "投诉数",
               "投诉笔数"), "count"),
    FieldSpec("overdue_invoices", QT_TRANSLATE_NOOP("Fields", "Overdue invoices"),
              ("overdue invoices", "late payments", "unpaid invoices", "overdue bills",
               "逾期发票", "逾期账单", "欠款笔数", "逾期次数", "未付账单"),
              "count"),
    FieldSpec("downgrade", QT_TRANSLATE_NOOP("Fields", "Downgrade"),
              ("downgrade", "downgraded", "plan downgrade", "降级", "降档", "套餐降级", "等级下降"),
              "text"),
)
FIELD_BY_KEY: dict[str, FieldSpec] = {f.key: f for f in FIELDS}
FIELD_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)

#: Columns of a purchase history: who bought (customer ID or phone), when, how much;
#: the order ID makes a re-import add nothing.
PURCHASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("external_id", QT_TRANSLATE_NOOP("Fields", "Customer ID"),
              (*FIELDS[0].synonyms, "member card", "会员卡号", "卡号"), "text"),
    FieldSpec("phone", QT_TRANSLATE_NOOP("Fields", "Phone"),
              ("phone", "phone number", "telephone", "tel", "mobile", "mobile phone",
               "cellphone", "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码"), "phone"),
    FieldSpec("purchased_on", QT_TRANSLATE_NOOP("Fields", "Purchase date"),
              ("purchase date", "order date", "date", "transaction date", "invoice date",
               "sale date", "purchased on", "bought on", "购买日期", "下单日期", "订单日期",
               "交易日期", "消费日期", "日期", "购买时间", "下单时间", "交易时间", "消费时间"),
              "date"),
    FieldSpec("amount", QT_TRANSLATE_NOOP("Fields", "Amount"),
              ("amount", "total", "order amount", "order total", "value", "sales amount",
               "net amount", "price", "金额", "订单金额", "消费金额", "实付金额", "交易金额",
               "支付金额", "实收金额", "销售金额"), "money"),
    FieldSpec("order_id", QT_TRANSLATE_NOOP("Fields", "Order ID"),
              ("order id", "order no", "order number", "invoice no", "invoice number",
               "transaction id", "receipt no", "订单号", "订单编号", "单号", "流水号", "交易号",
               "交易编号", "发票号", "小票号"), "text"),
    FieldSpec("product", QT_TRANSLATE_NOOP("Fields", "Product"),
              ("product", "item", "sku", "product name", "item name", "goods", "商品",
               "产品", "商品名称", "产品名称", "品名", "货品"), "text"),
)


def _synonym_index(fields: Iterable[FieldSpec]) -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in fields:
        for syn in spec.synonyms:
            index.setdefault(fold_header(syn), spec.key)
    return index


@dataclass(frozen=True)
class ListSchema:
    """The columns one kind of list may have, and which identify a row.

    ``keys``: a file must map at least one of them (customers: ID, phone or e-mail;
    purchases: ID or phone) or nothing could tell its rows apart. ``ignored``: headers
    that name no field although they look like one (the derived columns of the app's own
    export: "SLTV (model)" is not the imported SLTV).
    """

    kind: str
    fields: tuple[FieldSpec, ...]
    keys: tuple[str, ...]
    #: columns a file must map besides a key (purchases: date and amount)
    required: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    @property
    def by_key(self) -> dict[str, FieldSpec]:
        return _BY_KEY[self.kind]

    @property
    def synonyms(self) -> dict[str, str]:
        return _SYNONYMS[self.kind]


def fold_header(text: Any) -> str:
    """Key for header comparison: NFKC, case-folded, no spaces or punctuation."""
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[\s_\-./:：()（）\[\]【】#*]+", "", s)
    return s


# A customer row is identified by its ID, else a phone, else its e-mail (a new customer
# needs a phone or an e-mail anyway: somebody must be able to call them).
CUSTOMERS = ListSchema(
    "customers", FIELDS, ("external_id", "phone", "phone2", "email"),
    ignored=("sltv (model)", "sltv model", "SLTV（模型计算）", "sltv tier", "SLTV 等级", "tier",
             "treatment", "处理方式", "import batch", "导入批次", "last changed (utc)",
             "最后修改（UTC）", "last changed"))
PURCHASES = ListSchema("purchases", PURCHASE_FIELDS, ("external_id", "phone"),
                       ("purchased_on", "amount"))
SCHEMAS: dict[str, ListSchema] = {s.kind: s for s in (CUSTOMERS, PURCHASES)}
_BY_KEY: dict[str, dict[str, FieldSpec]] = {
    s.kind: {f.key: f for f in s.fields} for s in SCHEMAS.values()}
_SYNONYMS: dict[str, dict[str, str]] = {
    s.kind: _synonym_index(s.fields) for s in SCHEMAS.values()}
_SYNONYM_INDEX = _SYNONYMS["customers"]
_IGNORED: dict[str, frozenset[str]] = {
    s.kind: frozenset(fold_header(h) for h in s.ignored) for s in SCHEMAS.values()}


def schema_for(kind: str) -> ListSchema:
    """The schema of a kind of list (``customers`` or ``purchases``)."""
    return SCHEMAS[kind]


def field_for_header(header: Any, schema: ListSchema = CUSTOMERS) -> str | None:
    """The target field a header names, or None. Exact synonym first, then containment."""
    key = fold_header(header)
    if not key or key in _IGNORED[schema.kind]:
        return None
    index = schema.synonyms
    if key in index:
        return index[key]
    # Containment: "客户手机号码(必填)" → phone. Longest synonym wins to prefer
    # "流失日期" over "流失" style overlaps.
    best: tuple[int, str] | None = None
    for syn, field_key in index.items():
        long_enough = len(syn) >= (4 if syn.isascii() else 2)
        if long_enough and syn in key and (best is None or len(syn) > best[0]):
            best = (len(syn), field_key)
    return best[1] if best else None


def auto_mapping(headers: Sequence[str], schema: ListSchema = CUSTOMERS) -> dict[str, str]:
    """``{field: header}`` for every header that names a field; first column wins.

    A second phone-like column goes to ``phone2`` so a sheet with 手机 and 电话 keeps both.
    """
    mapping: dict[str, str] = {}
    for header in headers:
        if not str(header).strip():
            continue
        field_key = field_for_header(header, schema)
        if field_key is None:
            continue
        if field_key in mapping:
            if field_key == "phone" and "phone2" in schema.by_key and "phone2" not in mapping:
                field_key = "phone2"
            else:
                continue
        mapping[field_key] = header
    return mapping


def header_score(cells: Iterable[Any], schema: ListSchema = CUSTOMERS) -> tuple[int, int]:
    """(fields recognised, non-empty text cells) of a candidate header row."""
    recognised = 0
    texts = 0
    seen: set[str] = set()
    for cell in cells:
        if not isinstance(cell, str) or not cell.strip():
            continue
        texts += 1
        key = field_for_header(cell, schema)
        if key and key not in seen:
            seen.add(key)
            recognised += 1
    return recognised, texts


def detect_header_row(rows: Sequence[Sequence[Any]], schema: ListSchema = CUSTOMERS) -> int:
    """Index (0-based, into ``rows``) of the header row among the first rows.

    Sheets often start with a title block ("2026年10月流失客户名单", a date line, blank
    rows). The header is the row naming the most known fields; with none recognised, the
    first row with at least two text cells and as many cells as the widest row nearby.
    """
    best_index, best = -1, (0, 0)
    for i, row in enumerate(rows):
        score = header_score(row, schema)
        if score[0] > best[0] or (score[0] == best[0] and score[0] > 0 and score[1] > best[1]):
            best_index, best = i, score
    if best_index >= 0 and best[0] >= 1:
        return best_index
    widest = max((sum(1 for c in r if not _empty(c)) for r in rows), default=0)
    for i, row in enumerate(rows):
        filled = [c for c in row if not _empty(c)]
        texts = [c for c in filled if isinstance(c, str)]
        if len(texts) >= 2 and len(filled) >= max(2, widest - 1) and len(texts) == len(filled):
            return i
    for i, row in enumerate(rows):
        if any(not _empty(c) for c in row):
            return i
    return 0


def _empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def header_texts(row: Sequence[Any]) -> list[str]:
    """Header cells as unique, non-empty texts (blank → "Column C", repeats numbered)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(row):
        text = str(cell).strip() if not _empty(cell) else ""
        if isinstance(cell, float) and cell.is_integer():
            text = str(int(cell))
        if not text:
            text = f"#{column_letter(i)}"
        n = seen.get(text, 0)
        seen[text] = n + 1
        out.append(text if n == 0 else f"{text} ({n + 1})")
    return out


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column name a spreadsheet user sees."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def resolve_mapping(mapping: Mapping[str, str], headers: Sequence[str],
                    schema: ListSchema = CUSTOMERS) -> dict[str, int]:
    """``{field: column index}`` for a ``{field: header}`` mapping (headers matched folded).

    Headers of the mapping that the file does not have are left out; the caller reports
    them.
    """
    folded: dict[str, int] = {}
    for i, h in enumerate(headers):
        folded.setdefault(fold_header(h), i)
    out: dict[str, int] = {}
    for field_key, header in mapping.items():
        if field_key not in schema.by_key or header is None:
            continue
        idx = folded.get(fold_header(header))
        if idx is not None:
            out[field_key] = idx
    return out
