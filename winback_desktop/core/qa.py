"""QA scoring maths: weighted criteria, critical-fail items, calibration spread.

A form is a list of criteria, each with a weight, a maximum score and a ``critical``
flag. The score is the weighted share of points earned, in percent. Failing any
critical item (scoring it 0) fails the whole evaluation whatever the other points:
the book's "high standards" — some mistakes (promising what we cannot give, being rude)
outweigh everything else in a call.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    weight: float = 1.0
    max_score: int = 5
    critical: bool = False
    label_zh: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Criterion:
        return cls(str(data["key"]), str(data.get("label", data["key"])),
                   float(data.get("weight", 1.0)), int(data.get("max_score", 5)),
                   bool(data.get("critical", False)), str(data.get("label_zh", "")))


@dataclass(frozen=True)
class QaResult:
    score_pct: int
    critical_fail: bool
    failed_items: list[str]
    passed: bool


class QaFormError(ValueError):
    pass


def validate_form(criteria: Sequence[Criterion]) -> None:
    if not criteria:
        raise QaFormError("a form needs at least one criterion")
    keys = [c.key for c in criteria]
    if len(set(keys)) != len(keys):
        raise QaFormError("criterion keys must be unique")
    for c in criteria:
        if c.weight <= 0 or c.max_score <= 0:
            raise QaFormError(f"criterion {c.key}: weight and maximum must be positive")


def score(criteria: Sequence[Criterion], scores: Mapping[str, int],
          pass_mark: int = 70) -> QaResult:
    """Weighted percentage; any critical criterion scored 0 fails the evaluation."""
    validate_form(criteria)
    total_weight = sum(c.weight for c in criteria)
    earned = 0.0
    failed: list[str] = []
    for c in criteria:
        if c.key not in scores:
            raise QaFormError(f"criterion {c.key} has no score")
        value = int(scores[c.key])
        if value < 0 or value > c.max_score:
            raise QaFormError(f"criterion {c.key}: {value} is outside 0..{c.max_score}")
        earned += c.weight * value / c.max_score
        if c.critical and value == 0:
            failed.append(c.key)
    pct = round(100 * earned / total_weight)
    critical = bool(failed)
    return QaResult(pct, critical, failed, passed=not critical and pct >= pass_mark)


@dataclass(frozen=True)
class Spread:
    criterion: str
    scores: dict[str, int]  # evaluator → score
    spread: int  # max − min
    stdev: float


def calibration_spread(by_evaluator: Mapping[str, Mapping[str, int]]) -> list[Spread]:
    """How far apart supervisors scored the same call, criterion by criterion."""
    criteria = sorted({k for scores in by_evaluator.values() for k in scores})
    out = []
    for key in criteria:
        values = {ev: int(s[key]) for ev, s in by_evaluator.items() if key in s}
        nums = list(values.values())
        out.append(Spread(key, values, max(nums) - min(nums) if nums else 0,
                          statistics.pstdev(nums) if len(nums) > 1 else 0.0))
    return out


def sample_calls(call_ids: Sequence[int], per_agent: int, seed: str) -> list[int]:
    """A reproducible random sample: the same week and agent always give the same calls."""
    ids = sorted(call_ids)
    if len(ids) <= per_agent:
        return ids
    return sorted(random.Random(seed).sample(ids, per_agent))


DEFAULT_FORM: list[dict[str, Any]] = [
    {"key": "greeting", "label": "Greeting and identification",
     "label_zh": "问候与身份确认", "weight": 1, "max_score": 5, "critical": False},
    {"key": "apology", "label": "Apologised and owned the problem",
     "label_zh": "道歉并承担问题", "weight": 2, "max_score": 5, "critical": False},
    {"key": "probe_reason", "label": "Probed the real defection reason",
     "label_zh": "追问真实流失原因", "weight": 3, "max_score": 5, "critical": False},
    {"key": "offer_choice", "label": "Offered choices, not one take-it-or-leave-it",
     "label_zh": "提供多个选择,而非唯一方案", "weight": 2, "max_score": 5, "critical": False},
    {"key": "no_false_promise", "label": "No promise we cannot keep",
     "label_zh": "不做无法兑现的承诺", "weight": 2, "max_score": 1, "critical": True},
    {"key": "courtesy", "label": "Courteous throughout",
     "label_zh": "全程礼貌", "weight": 1, "max_score": 1, "critical": True},
    {"key": "wrap_up", "label": "Accurate notes and disposition",
     "label_zh": "备注与结果记录准确", "weight": 1, "max_score": 5, "critical": False},
]
