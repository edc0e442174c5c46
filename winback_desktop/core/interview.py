"""Exit-interview scripts: structure, validation, the branching walk, classification.

Pure Python (DESIGN §2, §6; seed 001: "predetermined questions that probe the real
reason for leaving and the trigger"). The database stores the same structure in
``interview_scripts``/``interview_questions``; services convert to and from these
dataclasses, and the editor's preview, the runner and the JSON files all use them, so
one set of rules decides what a valid script is and where an answer leads.

Branching: after a question the walk goes to the ``goto`` of the chosen choice, else
to the question's own ``goto``, else to the next question in order. ``goto`` may name
:data:`END` to finish the interview there. A script is valid only if every question is
reachable from the first, no branch can come back to a question already asked (no
loop), and every ``goto`` names an existing question.

Classification: each choice may carry weights toward the five defection reasons. The
weights of the answers on the path actually walked are summed; the proposed reason is
the one with the highest total. Nothing scored (all totals ≤ 0) → ``unknown``. A tie
between the highest totals is broken by :data:`TIE_ORDER`, which lists first the
reasons under which the customer is still worth a call (a service failure we can fix
before a competitor we must out-offer, before a move, before price-only, before "we
let them go"): when the interview cannot tell two reasons apart, the proposal keeps
the customer in play and the agent, who heard the answers, confirms or overrides.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from winback_desktop.core.domain import CampaignKind, DefectionReason
from winback_desktop.core.errors import ValidationError, WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

#: Answer types. ``yes_no`` questions have exactly the choices ``yes`` and ``no``.
SINGLE, MULTI, SCALE, YES_NO, TEXT, NUMBER, DATE = (
    "single", "multi", "scale", "yes_no", "text", "number", "date")
QUESTION_TYPES: tuple[str, ...] = (SINGLE, MULTI, SCALE, YES_NO, TEXT, NUMBER, DATE)
CHOICE_TYPES = frozenset({SINGLE, MULTI, YES_NO})

#: ``goto`` target that ends the interview.
END = "end"

#: What a tagged question's answer tells the customer record and the reports.
TAG_TRIGGER = "trigger"
TAG_COMPETITOR = "competitor"
TAG_COMPETITOR_OFFER = "competitor_offer"
TAG_COMEBACK = "comeback"
TAGS: tuple[str, ...] = (TAG_TRIGGER, TAG_COMPETITOR, TAG_COMPETITOR_OFFER, TAG_COMEBACK)

#: The five reasons of seed 001 that choices can score.
SCORED_REASONS: tuple[str, ...] = (
    DefectionReason.PUSHED_INTENTIONAL.value,
    DefectionReason.PUSHED_UNINTENTIONAL.value,
    DefectionReason.PULLED_AWAY.value,
    DefectionReason.BOUGHT_AWAY.value,
    DefectionReason.MOVED_AWAY.value,
)
#: Tie-break order of the proposal (see the module docstring for why).
TIE_ORDER: tuple[str, ...] = (
    DefectionReason.PUSHED_UNINTENTIONAL.value,
    DefectionReason.PULLED_AWAY.value,
    DefectionReason.MOVED_AWAY.value,
    DefectionReason.BOUGHT_AWAY.value,
    DefectionReason.PUSHED_INTENTIONAL.value,
)

STATUS_DRAFT, STATUS_PUBLISHED, STATUS_RETIRED = "draft", "published", "retired"
KEY_RE = re.compile(r"^[A-Za-z0-9_]{1,50}$")
FILE_FORMAT = "winback-interview-script"
FILE_FORMAT_VERSION = 1
MAX_QUESTIONS = 200

Translate = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    del context
    return text


# ------------------------------------------------------------------ structure


@dataclass(frozen=True)
class Choice:
    label: str
    value: str
    #: reason → weight; only the five scored reasons.
    weights: Mapping[str, float] = field(default_factory=dict)
    goto: str | None = None


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    qtype: str
    required: bool = False
    help_text: str = ""
    choices: tuple[Choice, ...] = ()
    #: where any answer leads unless the chosen choice says otherwise
    goto: str | None = None
    #: what the answer means for the customer record (``TAGS``)
    tag: str | None = None
    scale_min: int = 1
    scale_max: int = 5

    def choice(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None


@dataclass(frozen=True)
class Script:
    name: str
    questions: tuple[Question, ...]
    version: int = 1
    kind: str = CampaignKind.WIN_BACK.value
    language: str = "en"
    description: str = ""
    status: str = STATUS_DRAFT

    def question(self, key: str | None) -> Question | None:
        if key is None:
            return None
        for q in self.questions:
            if q.key == key:
                return q
        return None

    @property
    def first_key(self) -> str | None:
        return self.questions[0].key if self.questions else None


def yes_no_choices(yes: str = "Yes", no: str = "No") -> tuple[Choice, ...]:
    return (Choice(yes, "yes"), Choice(no, "no"))


# ------------------------------------------------------------------ problems


@dataclass(frozen=True)
class Issue:
    """One problem in a script: an English template (translated when shown) + where."""

    text: str
    params: Mapping[str, Any] = field(default_factory=dict)
    #: field path such as ``questions[2].choices[0].value`` (empty: the whole script)
    where: str = ""
    #: line in the JSON file, when the script came from one
    line: int | None = None
    question_key: str | None = None

    def render(self, translate: Translate = _identity) -> str:
        try:
            message = translate("Errors", self.text).format(**self.params)
        except (KeyError, IndexError, ValueError):
            message = translate("Errors", self.text)
        if self.line is not None and self.where:
            return translate("Errors", "line {line}, {field}: {message}").format(
                line=self.line, field=self.where, message=message)
        if self.line is not None:
            return translate("Errors", "line {line}: {message}").format(
                line=self.line, message=message)
        if self.where:
            return translate("Errors", "{field}: {message}").format(
                field=self.where, message=message)
        return message


class ScriptInvalid(ValidationError):
    """A script (edited or imported) breaks the rules; lists every problem found."""

    default_text = QT_TRANSLATE_NOOP("Errors", "The script is not valid: {problems}")

    def __init__(self, issues: Sequence[Issue], *, source: str | None = None) -> None:
        self.issues = list(issues)
        self.source = source
        super().__init__(self.default_text)

    def render(self, translate: Translate = _identity) -> str:
        problems = "; ".join(i.render(translate) for i in self.issues[:10])
        if len(self.issues) > 10:
            problems += " " + translate("Errors", "(and {count} more)").format(
                count=len(self.issues) - 10)
        if self.source:
            return translate("Errors", "{file}: the script is not valid: {problems}").format(
                file=self.source, problems=problems)
        return translate("Errors", self.default_text).format(problems=problems)


class ScriptImmutable(WinbackError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "Version {version} of the script '{name}' is {status} and cannot be changed; "
        "clone it to a new draft version.")


class InvalidAnswer(ValidationError):
    default_text = QT_TRANSLATE_NOOP("Errors", "Invalid answer: {detail}")


# ------------------------------------------------------------------ validation


def _next_in_order(script: Script, index: int) -> str | None:
    return script.questions[index + 1].key if index + 1 < len(script.questions) else None


def successors(script: Script, question: Question) -> list[str | None]:
    """Every place an answer to ``question`` can lead (None = end of the interview)."""
    index = script.questions.index(question)
    default = question.goto or _next_in_order(script, index)
    targets: list[str | None] = []
    if question.qtype in CHOICE_TYPES:
        for c in question.choices:
            targets.append(c.goto or default)
    targets.append(default)  # unanswered (skipped) or a multi without branching choice
    return [None if t == END else t for t in dict.fromkeys(targets)]


def validate(script: Script) -> list[Issue]:
    """Every rule a publishable script must meet; an empty list means valid."""
    issues: list[Issue] = []
    if not script.name.strip():
        issues.append(Issue(QT_TRANSLATE_NOOP("Errors", "The script needs a name."), where="name"))
    if script.kind not in {k.value for k in CampaignKind}:
        issues.append(Issue(QT_TRANSLATE_NOOP(
            "Errors", "Unknown script kind '{kind}': use win_back or save."),
            {"kind": script.kind}, where="kind"))
    if not script.questions:
        issues.append(Issue(QT_TRANSLATE_NOOP("Errors", "The script has no questions."),
                            where="questions"))
        return issues
    if len(script.questions) > MAX_QUESTIONS:
        issues.append(Issue(QT_TRANSLATE_NOOP(
            "Errors", "A script has at most {max} questions."), {"max": MAX_QUESTIONS},
            where="questions"))
    keys = [q.key for q in script.questions]
    seen: set[str] = set()
    for i, q in enumerate(script.questions):
        where = f"questions[{i}]"
        issues.extend(_validate_question(q, where, keys, seen))
        seen.add(q.key)
    if any(i.text == _MISSING_TARGET for i in issues) or len(set(keys)) != len(keys):
        return issues  # the graph checks below would only repeat the same problem
    issues.extend(_graph_issues(script))
    return issues


_MISSING_TARGET = QT_TRANSLATE_NOOP(
    "Errors", "The branch goes to question '{target}', which does not exist.")


def _validate_question(q: Question, where: str, keys: list[str], seen: set[str]) -> list[Issue]:
    out: list[Issue] = []

    def add(text: str, sub: str = "", **params: Any) -> None:
        out.append(Issue(text, params, where=f"{where}{sub}", question_key=q.key or None))

    if not q.key:
        add(QT_TRANSLATE_NOOP("Errors", "The question needs a key."), ".key")
    elif not KEY_RE.match(q.key):
        add(QT_TRANSLATE_NOOP(
            "Errors", "The key '{key}' may use only letters, digits and _ (at most 50)."),
            ".key", key=q.key)
    elif q.key in seen:
        add(QT_TRANSLATE_NOOP("Errors", "The key '{key}' is used by two questions."), ".key",
            key=q.key)
    elif q.key == END:
        add(QT_TRANSLATE_NOOP("Errors", "The key '{key}' is reserved."), ".key", key=q.key)
    if not q.text.strip():
        add(QT_TRANSLATE_NOOP("Errors", "The question has no text."), ".text")
    if q.qtype not in QUESTION_TYPES:
        add(QT_TRANSLATE_NOOP(
            "Errors", "Unknown question type '{type}'; use one of: {types}."), ".type",
            type=q.qtype, types=", ".join(QUESTION_TYPES))
    if q.tag is not None and q.tag not in TAGS:
        add(QT_TRANSLATE_NOOP("Errors", "Unknown tag '{tag}'; use one of: {tags}."), ".tag",
            tag=q.tag, tags=", ".join(TAGS))
    if q.goto is not None and q.goto != END and q.goto not in keys:
        add(_MISSING_TARGET, ".goto", target=q.goto)
    if q.qtype == SCALE and q.scale_min >= q.scale_max:
        add(QT_TRANSLATE_NOOP(
            "Errors", "The scale's lowest value must be below its highest."), ".min")
    if q.qtype in CHOICE_TYPES:
        if len(q.choices) < 2:
            add(QT_TRANSLATE_NOOP("Errors", "A choice question needs at least two choices."),
                ".choices")
        if q.qtype == YES_NO and sorted(c.value for c in q.choices) != ["no", "yes"]:
            add(QT_TRANSLATE_NOOP(
                "Errors", "A yes/no question has exactly the choices 'yes' and 'no'."),
                ".choices")
        values: set[str] = set()
        for j, c in enumerate(q.choices):
            sub = f".choices[{j}]"
            if not c.label.strip():
                add(QT_TRANSLATE_NOOP("Errors", "The choice has no label."), sub + ".label")
            if not c.value.strip():
                add(QT_TRANSLATE_NOOP("Errors", "The choice has no value."), sub + ".value")
            elif c.value in values:
                add(QT_TRANSLATE_NOOP(
                    "Errors", "The choice value '{value}' is used twice in this question."),
                    sub + ".value", value=c.value)
            values.add(c.value)
            for reason, weight in c.weights.items():
                if reason not in SCORED_REASONS:
                    add(QT_TRANSLATE_NOOP(
                        "Errors", "Unknown defection reason '{reason}'; use one of: {reasons}."),
                        sub + ".weights", reason=reason, reasons=", ".join(SCORED_REASONS))
                elif not isinstance(weight, int | float) or isinstance(weight, bool):
                    add(QT_TRANSLATE_NOOP("Errors", "The weight for '{reason}' is not a number."),
                        sub + ".weights", reason=reason)
            if c.goto is not None and c.goto != END and c.goto not in keys:
                add(_MISSING_TARGET, sub + ".goto", target=c.goto)
    elif q.choices:
        add(QT_TRANSLATE_NOOP("Errors", "Only choice and yes/no questions have choices."),
            ".choices")
    return out


def _graph_issues(script: Script) -> list[Issue]:
    issues: list[Issue] = []
    index = {q.key: i for i, q in enumerate(script.questions)}
    edges = {q.key: [t for t in successors(script, q) if t is not None]
             for q in script.questions}
    # Loops: depth-first search; a grey node met again closes a cycle.
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(edges, white)
    reported: set[str] = set()

    def visit(start: str) -> None:
        stack: list[tuple[str, Iterable[str]]] = [(start, iter(edges[start]))]
        colour[start] = grey
        while stack:
            node, it = stack[-1]
            for nxt in it:
                if colour[nxt] == grey and node not in reported:
                    reported.add(node)
                    issues.append(Issue(QT_TRANSLATE_NOOP(
                        "Errors",
                        "The branch from '{source}' back to '{target}' makes a loop."),
                        {"source": node, "target": nxt},
                        where=f"questions[{index[node]}]", question_key=node))
                elif colour[nxt] == white:
                    colour[nxt] = grey
                    stack.append((nxt, iter(edges[nxt])))
                    break
            else:
                colour[node] = black
                stack.pop()

    for key in edges:
        if colour[key] == white:
            visit(key)
    # Reachability from the first question.
    first = script.questions[0].key
    reached = {first}
    todo = [first]
    while todo:
        for nxt in edges[todo.pop()]:
            if nxt not in reached:
                reached.add(nxt)
                todo.append(nxt)
    for i, q in enumerate(script.questions):
        if q.key not in reached:
            issues.append(Issue(QT_TRANSLATE_NOOP(
                "Errors", "No path of answers reaches the question '{key}'."),
                {"key": q.key}, where=f"questions[{i}]", question_key=q.key))
    return issues


def check(script: Script) -> None:
    """Raise :class:`ScriptInvalid` unless the script is valid."""
    issues = validate(script)
    if issues:
        raise ScriptInvalid(issues)


# ------------------------------------------------------------------ answers


def is_answered(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str | list | tuple):
        return len(value) > 0
    return True


def normalise_answer(question: Question, raw: Any) -> Any:
    """The stored form of an answer (JSON-safe), or :class:`InvalidAnswer`.

    ``None``/empty means "skipped". Choices store values; multi a list in choice order.
    """
    if not is_answered(raw):
        return None
    qt = question.qtype
    if qt in (SINGLE, YES_NO):
        value = str(raw)
        if question.choice(value) is None:
            raise InvalidAnswer(detail=value)
        return value
    if qt == MULTI:
        chosen = {str(v) for v in (raw if isinstance(raw, list | tuple | set) else [raw])}
        unknown = chosen - {c.value for c in question.choices}
        if unknown:
            raise InvalidAnswer(detail=", ".join(sorted(unknown)))
        return [c.value for c in question.choices if c.value in chosen]
    if qt == SCALE:
        try:
            number = int(raw)
        except (TypeError, ValueError) as exc:
            raise InvalidAnswer(detail=str(raw)) from exc
        if not question.scale_min <= number <= question.scale_max:
            raise InvalidAnswer(detail=str(number))
        return number
    if qt == NUMBER:
        try:
            number_f = float(str(raw).replace(",", ""))
        except ValueError as exc:
            raise InvalidAnswer(detail=str(raw)) from exc
        return int(number_f) if number_f.is_integer() else number_f
    if qt == DATE:
        text = raw.isoformat() if isinstance(raw, date) else str(raw).strip()
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError as exc:
            raise InvalidAnswer(detail=text) from exc
    return str(raw).strip() or None


def next_key(script: Script, key: str, answer: Any) -> str | None:
    """The question after ``key`` given its answer; None when the interview ends."""
    question = script.question(key)
    if question is None:
        return None
    index = script.questions.index(question)
    default = question.goto or _next_in_order(script, index)
    target = default
    if question.qtype in (SINGLE, YES_NO) and is_answered(answer):
        choice = question.choice(str(answer))
        if choice is not None and choice.goto:
            target = choice.goto
    elif question.qtype == MULTI and is_answered(answer):
        chosen = set(answer)
        for c in question.choices:  # the first chosen choice that branches wins
            if c.value in chosen and c.goto:
                target = c.goto
                break
    return None if target in (None, END) else target


def path(script: Script, answers: Mapping[str, Any], current: str | None) -> list[str]:
    """The questions walked from the first up to (excluding) ``current``.

    With ``current`` None (finished) it is the whole walked path. Answers to questions
    off this path (left behind by Back and a different answer) do not count.
    """
    out: list[str] = []
    key = script.first_key
    guard = len(script.questions) + 1
    while key is not None and key != current and guard:
        out.append(key)
        key = next_key(script, key, answers.get(key))
        guard -= 1
    return out


def route(script: Script, answers: Mapping[str, Any]) -> list[str]:
    """The projected walk from the first question to the end with the answers so far."""
    out: list[str] = []
    key = script.first_key
    guard = len(script.questions) + 1
    while key is not None and guard:
        out.append(key)
        key = next_key(script, key, answers.get(key))
        guard -= 1
    return out


def previous_key(script: Script, answers: Mapping[str, Any], current: str | None) -> str | None:
    """Where Back goes: the question asked before ``current`` (None at the first)."""
    walked = path(script, answers, current)
    return walked[-1] if walked else None


def progress(script: Script, answers: Mapping[str, Any], current: str | None) -> tuple[int, int]:
    """(questions done, questions on the projected route): for the progress bar."""
    projected = route(script, answers)
    if current is None:
        return len(projected), len(projected)
    done = projected.index(current) if current in projected else len(path(script, answers,
                                                                              current))
    return done, max(len(projected), done + 1)


# ------------------------------------------------------------------ outcome


@dataclass(frozen=True)
class Classification:
    scores: Mapping[str, float]
    proposed: str


def classify(script: Script, answers: Mapping[str, Any],
             walked: Sequence[str] | None = None) -> Classification:
    """Sum the weights of the chosen answers on the walked path; highest wins."""
    keys = path(script, answers, None) if walked is None else walked
    scores = dict.fromkeys(SCORED_REASONS, 0.0)
    for key in keys:
        question = script.question(key)
        answer = answers.get(key)
        if question is None or question.qtype not in CHOICE_TYPES or not is_answered(answer):
            continue
        values = answer if isinstance(answer, list) else [answer]
        for value in values:
            choice = question.choice(str(value))
            if choice is None:
                continue
            for reason, weight in choice.weights.items():
                if reason in scores:
                    scores[reason] += float(weight)
    return Classification(scores, propose(scores))


def propose(scores: Mapping[str, float]) -> str:
    best = max(scores.values(), default=0.0)
    if best <= 0:
        return DefectionReason.UNKNOWN.value
    return next(r for r in TIE_ORDER if scores.get(r, 0.0) == best)


@dataclass(frozen=True)
class Adherence:
    required: int
    answered: int

    @property
    def complete(self) -> bool:
        return self.answered >= self.required

    @property
    def ratio(self) -> float:
        return 1.0 if self.required == 0 else self.answered / self.required


def adherence(script: Script, answers: Mapping[str, Any],
              walked: Sequence[str] | None = None) -> Adherence:
    """Required questions on the walked path and how many of them were answered."""
    keys = route(script, answers) if walked is None else walked
    required = [k for k in keys if (q := script.question(k)) is not None and q.required]
    return Adherence(len(required), sum(1 for k in required if is_answered(answers.get(k))))


def answer_text(question: Question, answer: Any) -> str:
    """An answer as the customer said it (choice labels, not values)."""
    if not is_answered(answer):
        return ""
    if question.qtype in CHOICE_TYPES:
        values = answer if isinstance(answer, list) else [answer]
        labels = [(c.label if (c := question.choice(str(v))) else str(v)) for v in values]
        return ", ".join(labels)
    return str(answer)


def tagged_answers(script: Script, answers: Mapping[str, Any],
                   walked: Sequence[str] | None = None) -> dict[str, str]:
    """tag → answer text for the tagged questions on the walked path (first one wins)."""
    keys = path(script, answers, None) if walked is None else walked
    out: dict[str, str] = {}
    for key in keys:
        q = script.question(key)
        if q is None or q.tag is None or q.tag in out:
            continue
        text = answer_text(q, answers.get(key))
        if text:
            out[q.tag] = text
    return out


# ------------------------------------------------------------------ storage form


def question_options(q: Question) -> dict[str, Any]:
    """What ``interview_questions.options`` (JSON) holds besides the plain columns."""
    return {
        "choices": [{"label": c.label, "value": c.value, "weights": dict(c.weights),
                     "goto": c.goto} for c in q.choices],
        "goto": q.goto, "tag": q.tag, "min": q.scale_min, "max": q.scale_max,
    }


def question_from_storage(key: str, text: str, qtype: str, required: bool,
                          help_text: str | None, options: Mapping[str, Any] | None) -> Question:
    opts = options or {}
    return Question(
        key=key, text=text, qtype=qtype, required=required, help_text=help_text or "",
        choices=tuple(Choice(str(c.get("label", "")), str(c.get("value", "")),
                             dict(c.get("weights") or {}), c.get("goto"))
                      for c in opts.get("choices") or []),
        goto=opts.get("goto"), tag=opts.get("tag"),
        scale_min=int(opts.get("min", 1)), scale_max=int(opts.get("max", 5)))
