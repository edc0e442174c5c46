"""Exit-interview script files: JSON in and out, with line numbers in every complaint.

The script's rules live in :mod:`core.interview` (pure); reading and writing the file
format is input/output, so it lives here. A file names its format and version; unknown
fields, wrong types and duplicate keys are refused with the line they are on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from winback_desktop.core.domain import CampaignKind
from winback_desktop.core.errors import ValidationError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.interview import (
    FILE_FORMAT,
    FILE_FORMAT_VERSION,
    QUESTION_TYPES,
    SCALE,
    Choice,
    Issue,
    Question,
    Script,
    ScriptInvalid,
    validate,
)


class _PosDict(dict[str, Any]):
    """A JSON object that remembers the line it started on (for error messages)."""

    line: int = 0


def _load_with_lines(text: str) -> Any:
    decoder = json.JSONDecoder()
    plain_object = json.decoder.JSONObject  # type: ignore[attr-defined]

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        s, end = s_and_end
        obj, new_end = plain_object(s_and_end, *args)
        positioned = _PosDict(obj)
        positioned.line = s.count("\n", 0, end) + 1
        return positioned, new_end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    obj, end = decoder.raw_decode(text, json.decoder.WHITESPACE.match(text, 0).end())  # type: ignore[attr-defined]
    rest = json.decoder.WHITESPACE.match(text, end).end()  # type: ignore[attr-defined]
    if rest != len(text):
        raise json.JSONDecodeError("Extra data", text, rest)
    return obj


class ScriptFileUnreadable(ValidationError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a valid JSON file: line {line}, column {column}: {detail}.")


_TYPE_NAMES = {str: "text", bool: "true/false", list: "a list", dict: "an object",
               int: "a whole number"}


class _Reader:
    """Reads the file's objects field by field, collecting every problem with its line."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def problem(self, obj: Any, where: str, text: str, **params: Any) -> None:
        line = getattr(obj, "line", None)
        self.issues.append(Issue(text, params, where=where, line=line))

    def get(self, obj: Mapping[str, Any], name: str, where: str, kind: type | tuple[type, ...],
            default: Any = None, required: bool = False) -> Any:
        if name not in obj or obj[name] is None:
            if required:
                self.problem(obj, f"{where}{name}", QT_TRANSLATE_NOOP(
                    "Errors", "This field is required."))
            return default
        value = obj[name]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        ok = not (isinstance(value, bool) and bool not in kinds) and isinstance(value, kinds)
        if not ok:
            expected = " / ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)
            self.problem(obj, f"{where}{name}", QT_TRANSLATE_NOOP(
                "Errors", "Expected {expected}."), expected=expected)
            return default
        return value

    def unknown_fields(self, obj: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for name in obj:
            if name not in allowed:
                self.problem(obj, f"{where}{name}", QT_TRANSLATE_NOOP(
                    "Errors", "Unknown field '{name}'."), name=name)


_SCRIPT_FIELDS = {"format", "format_version", "name", "version", "kind", "language",
                  "description", "status", "questions"}
_QUESTION_FIELDS = {"key", "text", "type", "required", "help", "choices", "goto", "tag",
                    "min", "max"}
_CHOICE_FIELDS = {"label", "value", "weights", "goto"}


def script_from_json(text: str, source: str = "") -> Script:
    """Parse and validate a script file; :class:`ScriptInvalid` lists every problem
    with its line and field, :class:`ScriptFileUnreadable` says where the JSON broke."""
    try:
        data = _load_with_lines(text)
    except json.JSONDecodeError as exc:
        raise ScriptFileUnreadable(file=source or "JSON", line=exc.lineno, column=exc.colno,
                                   detail=exc.msg) from exc
    except RecursionError as exc:
        raise ScriptFileUnreadable(file=source or "JSON", line=1, column=1,
                                   detail="nested too deeply") from exc
    r = _Reader()
    if not isinstance(data, dict):
        r.issues.append(Issue(QT_TRANSLATE_NOOP(
            "Errors", "The file must hold one script object {{...}}."), line=1))
        raise ScriptInvalid(r.issues, source=source or None)
    fmt = data.get("format")
    if fmt is not None and fmt != FILE_FORMAT:
        r.problem(data, "format", QT_TRANSLATE_NOOP(
            "Errors", "This is not a Winback interview script (format '{format}')."),
            format=fmt)
    fmt_version = data.get("format_version", FILE_FORMAT_VERSION)
    if fmt_version != FILE_FORMAT_VERSION:
        r.problem(data, "format_version", QT_TRANSLATE_NOOP(
            "Errors", "Format version {version} is not supported by this program."),
            version=fmt_version)
    r.unknown_fields(data, _SCRIPT_FIELDS, "")
    name = r.get(data, "name", "", str, "", required=True)
    version = r.get(data, "version", "", int, 1)
    kind = r.get(data, "kind", "", str, CampaignKind.WIN_BACK.value)
    language = r.get(data, "language", "", str, "en")
    description = r.get(data, "description", "", str, "")
    raw_questions = r.get(data, "questions", "", list, [], required=True)
    questions: list[Question] = []
    for i, raw_q in enumerate(raw_questions):
        where = f"questions[{i}]"
        if not isinstance(raw_q, dict):
            r.problem(data, where, QT_TRANSLATE_NOOP("Errors", "Expected {expected}."),
                      expected=_TYPE_NAMES[dict])
            continue
        r.unknown_fields(raw_q, _QUESTION_FIELDS, where + ".")
        qtype = r.get(raw_q, "type", where + ".", str, "", required=True)
        if qtype and qtype not in QUESTION_TYPES:
            r.problem(raw_q, where + ".type", QT_TRANSLATE_NOOP(
                "Errors", "Unknown question type '{type}'; use one of: {types}."),
                type=qtype, types=", ".join(QUESTION_TYPES))
        choices: list[Choice] = []
        for j, raw_c in enumerate(r.get(raw_q, "choices", where + ".", list, [])):
            cwhere = f"{where}.choices[{j}]"
            if not isinstance(raw_c, dict):
                r.problem(raw_q, cwhere, QT_TRANSLATE_NOOP("Errors", "Expected {expected}."),
                          expected=_TYPE_NAMES[dict])
                continue
            r.unknown_fields(raw_c, _CHOICE_FIELDS, cwhere + ".")
            weights_raw = r.get(raw_c, "weights", cwhere + ".", dict, {})
            weights: dict[str, float] = {}
            for reason, weight in weights_raw.items():
                if isinstance(weight, bool) or not isinstance(weight, int | float):
                    r.problem(raw_c, f"{cwhere}.weights.{reason}", QT_TRANSLATE_NOOP(
                        "Errors", "Expected {expected}."), expected="a number")
                    continue
                weights[str(reason)] = weight
            value = r.get(raw_c, "value", cwhere + ".", (str, int), "", required=True)
            choices.append(Choice(
                label=r.get(raw_c, "label", cwhere + ".", str, "", required=True),
                value=str(value), weights=weights,
                goto=r.get(raw_c, "goto", cwhere + ".", str, None)))
        questions.append(Question(
            key=r.get(raw_q, "key", where + ".", str, "", required=True),
            text=r.get(raw_q, "text", where + ".", str, "", required=True),
            qtype=qtype or "",
            required=r.get(raw_q, "required", where + ".", bool, False),
            help_text=r.get(raw_q, "help", where + ".", str, ""),
            choices=tuple(choices),
            goto=r.get(raw_q, "goto", where + ".", str, None),
            tag=r.get(raw_q, "tag", where + ".", str, None),
            scale_min=r.get(raw_q, "min", where + ".", int, 1),
            scale_max=r.get(raw_q, "max", where + ".", int, 5),
        ))
    if r.issues:
        raise ScriptInvalid(r.issues, source=source or None)
    script = Script(name=name.strip(), questions=tuple(questions), version=version, kind=kind,
                    language=language, description=description)
    # Structural rules, reported with the line of the question they concern.
    lines = {q.key: getattr(raw, "line", None)
             for q, raw in zip(questions, raw_questions, strict=False)}
    problems = [replace(i, line=lines.get(i.question_key or "", getattr(data, "line", None)))
                for i in validate(script)]
    if problems:
        raise ScriptInvalid(problems, source=source or None)
    return script


def script_to_dict(script: Script) -> dict[str, Any]:
    """The file form (also what the audit log keeps of a script's content)."""
    questions = []
    for q in script.questions:
        item: dict[str, Any] = {"key": q.key, "text": q.text, "type": q.qtype,
                                "required": q.required}
        if q.help_text:
            item["help"] = q.help_text
        if q.tag:
            item["tag"] = q.tag
        if q.qtype == SCALE:
            item["min"], item["max"] = q.scale_min, q.scale_max
        if q.choices:
            item["choices"] = [
                {"label": c.label, "value": c.value,
                 **({"weights": dict(c.weights)} if c.weights else {}),
                 **({"goto": c.goto} if c.goto else {})}
                for c in q.choices]
        if q.goto:
            item["goto"] = q.goto
        questions.append(item)
    return {"format": FILE_FORMAT, "format_version": FILE_FORMAT_VERSION,
            "name": script.name, "version": script.version, "kind": script.kind,
            "language": script.language, "description": script.description,
            "questions": questions}


def script_to_json(script: Script) -> str:
    return json.dumps(script_to_dict(script), ensure_ascii=False, indent=2) + "\n"


