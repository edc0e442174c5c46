"""Script rules, the branching walk and reason classification (pure core)."""

from __future__ import annotations

import json

import pytest

from winback_desktop.core import interview as iv
from winback_desktop.core.interview import Choice, Question, Script
from winback_desktop.io import interview_json

PU, PA, BA, MA, PI = ("pushed_unintentional", "pulled_away", "bought_away", "moved_away",
                      "pushed_intentional")


def make_script() -> Script:
    return Script(name="Exit", questions=(
        Question("why", "Why did you leave?", iv.SINGLE, required=True, choices=(
            Choice("Service failure", "service", {PU: 3}, goto="what_failed"),
            Choice("Competitor", "competitor", {PA: 3}, goto="who"),
            Choice("Price", "price", {BA: 3}, goto="who"),
            Choice("Moved", "moved", {MA: 3}, goto="trigger"),
        )),
        Question("what_failed", "What failed?", iv.MULTI, choices=(
            Choice("Delivery", "delivery", {PU: 1}),
            Choice("Billing", "billing", {PU: 1, BA: 1}),
        ), goto="trigger"),
        Question("who", "Which competitor?", iv.TEXT, tag=iv.TAG_COMPETITOR),
        Question("price_only", "Only price?", iv.YES_NO, choices=(
            Choice("Yes", "yes", {BA: 2}), Choice("No", "no", {PA: 1}))),
        Question("trigger", "What triggered it?", iv.TEXT, required=True, tag=iv.TAG_TRIGGER),
        Question("back", "Would you come back?", iv.YES_NO, required=True, choices=(
            Choice("Yes", "yes"), Choice("No", "no", goto=iv.END))),
        Question("when", "When could we call?", iv.DATE),
    ))


def test_the_default_route_follows_question_order() -> None:
    s = make_script()
    assert iv.route(s, {}) == ["why", "what_failed", "trigger", "back", "when"]


def test_a_choice_branches_and_skips_questions() -> None:
    s = make_script()
    answers = {"why": "price"}
    assert iv.next_key(s, "why", "price") == "who"
    assert iv.route(s, answers) == ["why", "who", "price_only", "trigger", "back", "when"]
    assert iv.next_key(s, "back", "no") is None  # "end" finishes the interview


def test_back_returns_along_the_walked_path_not_the_question_order() -> None:
    s = make_script()
    answers = {"why": "moved"}
    assert iv.path(s, answers, "trigger") == ["why"]
    assert iv.previous_key(s, answers, "trigger") == "why"
    assert iv.previous_key(s, answers, "why") is None


def test_progress_counts_the_projected_route() -> None:
    s = make_script()
    assert iv.progress(s, {"why": "moved"}, "trigger") == (1, 4)
    assert iv.progress(s, {"why": "moved", "trigger": "x", "back": "no"}, None) == (3, 3)


def test_classification_sums_weights_of_answers_on_the_path_only() -> None:
    s = make_script()
    # "price" then an answer to a question that is off the path after Back + "service"
    answers = {"why": "service", "what_failed": ["delivery", "billing"], "price_only": "yes"}
    result = iv.classify(s, answers)
    assert result.scores[PU] == 5 and result.scores[BA] == 1  # price_only not on path
    assert result.proposed == PU


def test_no_weights_means_unknown_and_ties_follow_the_documented_order() -> None:
    assert iv.propose(dict.fromkeys(iv.SCORED_REASONS, 0.0)) == "unknown"
    tie = {PI: 2.0, BA: 2.0, MA: 2.0, PA: 1.0, PU: 0.0}
    assert iv.propose(tie) == MA  # moved_away comes before bought_away in TIE_ORDER
    assert iv.propose({PI: 2.0, BA: 2.0}) == BA


def test_adherence_counts_required_questions_on_the_path() -> None:
    s = make_script()
    adh = iv.adherence(s, {"why": "moved", "back": "no"})
    assert (adh.required, adh.answered) == (3, 2)  # trigger skipped
    assert not adh.complete


def test_tagged_answers_give_trigger_and_competitor() -> None:
    s = make_script()
    tags = iv.tagged_answers(s, {"why": "price", "who": "ACME", "trigger": "Bill doubled"})
    assert tags == {iv.TAG_COMPETITOR: "ACME", iv.TAG_TRIGGER: "Bill doubled"}


def test_a_valid_script_has_no_issues() -> None:
    assert iv.validate(make_script()) == []


def _with(script: Script, index: int, **changes: object) -> Script:
    from dataclasses import replace

    questions = list(script.questions)
    questions[index] = replace(questions[index], **changes)  # type: ignore[arg-type]
    return replace(script, questions=tuple(questions))


def _texts(script: Script) -> list[str]:
    return [i.render() for i in iv.validate(script)]


def test_validation_finds_a_branch_to_a_missing_question() -> None:
    bad = _with(make_script(), 2, goto="nowhere")
    assert any("'nowhere', which does not exist" in t for t in _texts(bad))


def test_validation_finds_a_loop() -> None:
    bad = _with(make_script(), 4, goto="why")
    texts = _texts(bad)
    assert any("back to 'why' makes a loop" in t for t in texts), texts


def test_validation_finds_an_unreachable_question() -> None:
    s = make_script()
    # every route into "what_failed" removed
    bad = _with(s, 0, choices=tuple(
        Choice(c.label, c.value, c.weights, "who" if c.value == "service" else c.goto)
        for c in s.questions[0].choices), goto="who")
    texts = _texts(bad)
    assert any("reaches the question 'what_failed'" in t for t in texts), texts


def test_validation_finds_duplicate_choice_values_and_bad_fields() -> None:
    s = make_script()
    dup = _with(s, 0, choices=(Choice("A", "x"), Choice("B", "x")))
    assert any("'x' is used twice" in t for t in _texts(dup))
    assert any("has no text" in t for t in _texts(_with(s, 1, text=" ")))
    assert any("Unknown question type" in t for t in _texts(_with(s, 2, qtype="essay")))
    assert any("Unknown defection reason" in t for t in _texts(
        _with(s, 3, choices=(Choice("Yes", "yes", {"bored": 1}), Choice("No", "no")))))
    assert any("used by two questions" in t for t in _texts(_with(s, 1, key="why")))


def test_answers_are_normalised_and_checked() -> None:
    s = make_script()
    assert iv.normalise_answer(s.question("what_failed"), ["billing", "delivery"]) == [
        "delivery", "billing"]
    assert iv.normalise_answer(s.question("when"), "2026-12-01") == "2026-12-01"
    assert iv.normalise_answer(s.question("trigger"), "  ") is None
    with pytest.raises(iv.InvalidAnswer):
        iv.normalise_answer(s.question("why"), "bored")
    with pytest.raises(iv.InvalidAnswer):
        iv.normalise_answer(s.question("when"), "next week")


def test_json_round_trip_keeps_everything() -> None:
    s = make_script()
    again = interview_json.script_from_json(interview_json.script_to_json(s))
    assert again.questions == s.questions and again.name == s.name


@pytest.mark.parametrize(("text", "expected"), [
    ('{"name": "x",\n "questions": [', "is not a valid JSON file: line 2"),
    ('[1, 2]', "one script object"),
    ('{"name": "x",\n"questions": [\n{"key": "a", "text": "t", "type": "essay"}]}',
     "line 3, questions[0].type: Unknown question type 'essay'"),
    ('{"name": "x",\n"questions": [\n{"key": "a", "text": "t", "type": "text",\n'
     '"goto": "zz"}]}', "line 3, questions[0].goto: The branch goes to question 'zz'"),
    ('{"name": "x", "questions": [{"key": "a", "type": "text"}]}',
     "questions[0].text: This field is required"),
    ('{"name": "x", "questions": [{"key": "a", "text": "t", "type": "text", "colour": 1}]}',
     "Unknown field 'colour'"),
    ('{"name": 5, "questions": []}', "name: Expected text"),
])
def test_malformed_files_give_line_and_field(text: str, expected: str) -> None:
    with pytest.raises((iv.ScriptInvalid, interview_json.ScriptFileUnreadable)) as info:
        interview_json.script_from_json(text, "bad.json")
    assert expected in str(info.value)
    assert "bad.json" in str(info.value)


def test_the_shipped_scripts_are_valid_and_share_one_structure() -> None:
    from winback_desktop.services.interviews import DEFAULT_SCRIPTS_DIR

    files = sorted(DEFAULT_SCRIPTS_DIR.glob("*.json"))
    assert len(files) == 4
    by_kind: dict[str, list[Script]] = {}
    for path in files:
        s = interview_json.script_from_json(path.read_text(encoding="utf-8"), path.name)
        by_kind.setdefault(s.kind, []).append(s)
        assert json.loads(path.read_text(encoding="utf-8"))["language"] in ("en", "zh")
    for kind, scripts in by_kind.items():
        en, zh = scripts
        assert [q.key for q in en.questions] == [q.key for q in zh.questions], kind
    # the win-back interview can propose each of the five reasons
    winback = by_kind["win_back"][0]
    reasons = {r for q in winback.questions for c in q.choices for r in c.weights}
    assert reasons == set(iv.SCORED_REASONS)
