"""The scorer against small gold files and system outputs written by hand, figures computed by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from entente.eval.gold import Gold, parse_gold
from entente.eval.quotes import looks_direct, speaker_right, starts_match
from entente.eval.score import FIGURES, figures, person_match, pool, score_file
from entente.eval.text import bare, form_key


def gold(data: dict[str, Any]) -> Gold:
    return parse_gold(data, Path("case.gold.yaml"))


def system(**parts: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"article": {"text": ""}, "actors": [], "people": [], "quotes": [], "events": []}
    out.update(parts)
    return out


def figs(g: dict[str, Any], s: dict[str, Any], source: str = "") -> dict[str, Any]:
    return score_file(gold(g), s, source).figures


# --- article ----------------------------------------------------------------------------------


def test_boilerplate_counts_only_whole_lines_and_caption_counts_occurrences() -> None:
    text = "Title\nSubscribe now\nBody. A caption here.\nA caption here.\n"
    g = {"article": {"boilerplate": ["Subscribe now", "Sign in", "Body."], "caption_once": "A caption here."}}
    f = figs(g, system(article={"text": text}))
    assert f["boilerplate_removed"] == pytest.approx(2 / 3)  # "Body." is part of a line, not a line
    assert f["caption_once"] is False  # printed twice


@pytest.mark.parametrize(
    ("text", "expected"), [("x\nA caption.\n", True), ("no caption\n", True), ("", True)]
)
def test_caption_once_passes_at_most_once(text: str, expected: bool) -> None:
    assert (
        figs({"article": {"caption_once": "A caption."}}, system(article={"text": text}))["caption_once"]
        is expected
    )


# --- actors -----------------------------------------------------------------------------------


def _actor(actor_id: str, *texts: str) -> dict[str, Any]:
    return {"id": actor_id, "mentions": [{"text": t} for t in texts]}


def test_actor_forms_recall_and_id_precision() -> None:
    g = {
        "actors": [
            {"id": "RUS", "forms": ["Russia", "the Kremlin", "Russian"]},
            {"id": "IRN", "forms": ["Tehran", "Iranian"]},
        ]
    }
    s = system(
        actors=[_actor("RUS", "Russia's", "Kremlin"), _actor("IRN", "Tehran"), _actor("IRQ", "Iranian")]
    )
    f = figs(g, s)
    assert f["actor_forms_recall"] == pytest.approx(3 / 5)  # Russian never a mention; Iranian resolved to IRQ
    assert f["actor_precision"] == pytest.approx(2 / 3)  # IRQ is not a gold actor


def test_the_state_an_armed_group_belongs_to_is_not_a_wrong_id() -> None:
    g = {"actors": [{"id": "HOUTHIS", "of": "YEM", "forms": ["the Houthis"]}]}
    f = figs(g, system(actors=[_actor("YEM", "Yemen"), _actor("HOUTHIS", "Houthis")]))
    assert f["actor_forms_recall"] == 1.0
    assert f["actor_precision"] == 1.0


@pytest.mark.parametrize(
    ("form", "mention", "same"),
    [
        ("the Kremlin", "Kremlin", True),
        ("Kremlin", "the Kremlin", True),
        ("Putin\u2019s government", "Putin's  government", True),
        ("Russia", "Russia\u2019s", True),
        ("Saudi Arabia", "saudi arabia", True),
        ("Russia", "Russian", False),
        ("the West", "West Bank", False),
    ],
)
def test_form_key(form: str, mention: str, same: bool) -> None:
    assert (form_key(form) == form_key(mention)) is same


# --- people -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "forms", "system_name", "expected"),
    [
        ("Vladimir Putin", [], "Vladimir Putin", 3.0),
        ("Vladimir Putin", [], "Putin", 2.0),
        ("Vladimir Putin", [], "V. Putin", 2.0),
        ("Vladimir Putin", [], "Dmitry Putin", None),
        ("Samuel Ramani", ["Ramani", "he"], "he", None),
        ("Masoud Pezeshkian", ["Iranian President"], "Iranian President", 1.0),
        ("Masoud Pezeshkian", ["the president"], "the president", None),  # lower-case forms are not names
    ],
)
def test_person_match(name: str, forms: list[str], system_name: str, expected: float | None) -> None:
    person = gold({"people": [{"name": name, "forms": forms}]}).people
    assert person is not None
    assert person_match(person[0], system_name) == expected


def test_people_f1_affiliation_and_role() -> None:
    g = {
        "people": [
            {"name": "Vladimir Putin", "role": "President"},
            {"name": "Mark Katz", "role": "professor emeritus", "affiliation": "George Mason University"},
            {"name": "Aleksandr Dugin", "affiliation": None},
            {"name": "Jane Roe"},
        ]
    }
    s = system(
        people=[
            {"name": "Putin", "role": "president"},
            {
                "name": "Mark Katz",
                "role": "emeritus professor",
                "affiliation": "George Mason University, Virginia",
            },
            {"name": "Dugin", "affiliation": "Moscow State"},
            {"name": "John Roe"},  # first names conflict with Jane Roe
        ]
    )
    result = score_file(gold(g), s, "")
    assert result.figures["people_f1"] == pytest.approx(0.75)  # tp 3, gold 4, system 4
    assert result.figures["affiliation_accuracy"] == pytest.approx(0.5)  # Katz right; Dugin's gold is null
    assert (result.counts["role_right"], result.counts["role_n"]) == (2, 2)


def test_people_are_matched_one_to_one_best_first() -> None:
    g = {"people": [{"name": "Vladimir Putin"}]}
    f = figs(g, system(people=[{"name": "Putin"}, {"name": "Vladimir Putin"}]))
    assert f["people_f1"] == pytest.approx(2 / 3)  # tp 1, gold 1, system 2


# --- quotes by character offsets ------------------------------------------------------------


def _source() -> str:
    chars = ["a"] * 300
    chars[170] = "\u201c"  # the only quotation mark in the text
    return "".join(chars)


def _squote(source: str, spans: list[tuple[int, int]], name: str | None = None, mention: Any = None) -> dict:
    content = [{"start": s, "end": e, "text": source[s:e]} for s, e in spans]
    text = " ".join(c["text"] for c in content)
    m = (
        None
        if mention is None
        else {"start": mention[0], "end": mention[1], "text": source[mention[0] : mention[1]]}
    )
    return {"text": text, "kind": "reported", "content": content, "speaker": {"name": name, "mention": m}}


SPAN_GOLD = {
    "quotes": [
        {"speaker": "Mark Katz", "kind": "direct", "content_spans": [[10, 30]], "source_span": [0, 9]},
        {
            "speaker": "the ministry",
            "kind": "reported",
            "content_spans": [[40, 50], [60, 70]],
            "source_span": [80, 92],
        },
        {"speaker": "he", "speaker_is_pronoun": True, "kind": "direct", "content_spans": [[100, 140]]},
        {"speaker": "Jane Roe", "kind": "direct", "content_spans": [[150, 160]]},
    ]
}


def test_quotes_by_offsets_one_to_one_with_speakers_and_direct_quotes() -> None:
    src = _source()
    s = system(
        quotes=[
            _squote(
                src, [(12, 40)], "Someone", (3, 9)
            ),  # shares 18 with gold 1; the mention overlaps its source
            _squote(
                src, [(45, 65)], "Foreign Office", (200, 210)
            ),  # shares 5 + 5 = half of gold 2; no shared word
            _squote(src, [(100, 118)], "Putin"),  # gold 3 has a pronoun speaker: not judged
            _squote(src, [(20, 32)], "Mark Katz"),  # would match gold 1, which the better first quote took
            _squote(src, [(158, 200)]),  # shares 2 with gold 4: too little; holds the quotation mark
        ]
    )
    f = figs(SPAN_GOLD, s, src)
    assert f["quotes_precision"] == pytest.approx(3 / 5)
    assert f["quotes_recall"] == pytest.approx(3 / 4)
    assert f["quotes_f1"] == pytest.approx(2 / 3)
    assert f["speaker_accuracy"] == pytest.approx(1 / 2)
    # direct: gold 1, 3, 4; system: the three matching a direct gold quote + the one with a quotation mark
    assert f["direct_quotes_f1"] == pytest.approx(4 / 7)
    assert f["false_quotes"] is None  # no not_quotes section


@pytest.mark.parametrize(
    ("gold_speaker", "name", "right"),
    [
        ("the Foreign Ministry", "ministry spokesman", True),
        ("The Hill", "the hill", True),
        ("Al Gore", "Al Jazeera", False),  # "al" is under three letters
        ("the sources", "the officials", False),
        ("Mark Katz", None, False),
    ],
)
def test_speaker_word_rule(gold_speaker: str, name: str | None, right: bool) -> None:
    q = gold({"quotes": [{"speaker": gold_speaker, "starts": "x"}]}).quotes
    assert q is not None
    assert speaker_right(q[0], {"speaker": {"name": name, "mention": None}}) is right


def test_looks_direct_sees_marks_inside_or_right_around_the_content() -> None:
    src = 'He said "we will win" and left. They said we would lose.'
    inside = {"text": '"we will win"', "content": []}
    around = {"text": "we will win", "content": [{"start": 9, "end": 20}]}
    plain = {"text": "we would lose", "content": [{"start": 41, "end": 54}]}
    assert [looks_direct(q, src) for q in (inside, around, plain)] == [True, True, False]


# --- quotes by first words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts", "text", "matches"),
    [
        ("We actively work together", "\u201cWe actively work together\u201d, he said", True),
        (
            "Our positions are \u2018much closer\u2019 now",
            "Our positions are 'much closer' now than ever",
            True,
        ),
        ("the only friends that Russia has", "x" * 90 + " the only friends that Russia has", True),
        ("the only friends that Russia has", "x" * 100 + " the only friends that Russia has", False),
        ("(However), I would not be surprised if Putin", "I would not be surprised if he sent", True),
        ("Russia does not want a strong Iran", "Iran does not want a strong Russia", False),
        ("Russia does not want a strong Iran", "", False),
    ],
)
def test_starts_rule(starts: str, text: str, matches: bool) -> None:
    assert (starts_match(starts, text) is not None) is matches


def _tquote(text: str, name: str | None = None, mention_text: str | None = None) -> dict[str, Any]:
    mention = None if mention_text is None else {"start": 0, "end": 1, "text": mention_text}
    return {"text": text, "kind": "direct", "content": [], "speaker": {"name": name, "mention": mention}}


def test_quotes_by_first_words_with_a_nested_quote_and_a_scare_quote() -> None:
    g = {
        "quotes": [
            {
                "speaker": "Vladimir Putin",
                "kind": "direct",
                "starts": "\u201cWe work together in the arena, and",
            },
            {
                "speaker": "Mark Katz",
                "kind": "direct",
                "starts": "(However), I would not be surprised if Putin",
            },
            {"speaker": "Aleksandr Dugin", "kind": "direct", "starts": "the only friends that Russia has"},
            {"speaker": "Samuel Ramani", "kind": "direct", "starts": "It is telling when Dugin"},
        ],
        "not_quotes": ["Axis of Resistance"],
    }
    nested = "It is telling when Dugin says Iran and Syria are \u201cthe only friends that Russia has\u201d."
    s = system(
        quotes=[
            _tquote("We work together in the arena, and our views coincide on most things.", "Putin"),
            _tquote("I would not be surprised if he sent missiles.", "Katz"),
            _tquote(nested, "Samuel Ramani"),  # matches Ramani's quote first, and Dugin's further in
            _tquote("the only friends that Russia has in the world", None, "Dugin"),
            _tquote("\u201cAxis of Resistance\u201d"),
        ]
    )
    f = figs(g, s)
    assert f["quotes_precision"] == pytest.approx(4 / 5)
    assert f["quotes_recall"] == 1.0
    assert f["quotes_f1"] == pytest.approx(8 / 9)
    assert f["speaker_accuracy"] == 1.0  # Dugin's through the mention text, as no name was resolved
    assert f["false_quotes"] == 1
    assert f["direct_quotes_f1"] == pytest.approx(8 / 9)  # the scare quote holds quotation marks


@pytest.mark.parametrize(
    ("quote", "phrase", "same"),
    [
        ("the \u201cspecial military operation\u201d,", "special military operation", True),
        ("Putin's brain", "Putin\u2019s brain", True),
        ("Putin's brain is at work", "Putin's brain", False),
    ],
)
def test_not_quote_text(quote: str, phrase: str, same: bool) -> None:
    assert (bare(quote) == bare(phrase)) is same


def test_an_empty_quotes_section_still_counts_the_system_quotes() -> None:
    f = figs({"quotes": None}, system(quotes=[_tquote("We will win."), _tquote("They lost.")]))
    assert f["quotes_precision"] == 0.0
    assert f["quotes_recall"] is None
    assert f["quotes_f1"] == 0.0


# --- events -----------------------------------------------------------------------------------


def _event(source: str, target: str | None, etype: str, status: str, evidence: str = "") -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "type": etype,
        "status": status,
        "evidence": {"text": evidence},
    }


EVENT_GOLD = {
    "actors": [{"id": i, "forms": []} for i in ("RUS", "IRN", "ISR", "USA")],
    "events": [
        {
            "source": ["RUS", "IRN"],
            "target": [],
            "type": "CONSULT",
            "status": "asserted",
            "evidence": "met for the",
        },
        {
            "source": "IRN",
            "target": "ISR",
            "type": "ASSAULT",
            "status": "asserted",
            "evidence": "Tehran\u2019s attack",
        },
        {"source": "ISR", "target": "IRN", "type": "ASSAULT", "status": "hypothetical"},
        {"source": "USA", "target": "IRN", "type": "REJECT", "status": "asserted"},
    ],
}


def test_events_mutual_quad_class_evidence_and_restricted_precision() -> None:
    s = system(
        events=[
            _event(
                "IRN", "RUS", "CONSULT", "asserted", "The two presidents met for the first time."
            ),  # mutual
            _event("IRN", "ISR", "COERCE", "asserted", "Tehran's attack on Israel"),  # same quad class only
            _event("ISR", "IRN", "THREATEN", "asserted", "Israel warned Iran."),  # other quad class: no match
            _event("USA", "IRN", "REJECT", "asserted", "anything"),  # no evidence asked
            _event("RUS", "UKR", "ASSAULT", "asserted"),  # UKR is no gold actor: not counted
            _event("RUS", "RUS", "CONSULT", "asserted", "met for the first time"),  # mutual needs two actors
            _event("IRN", "ISR", "ASSAULT", "hypothetical", "Iran may strike Israel."),  # evidence missing
            _event("IRN", None, "AID", "asserted"),  # no target: not counted
        ]
    )
    f = figs(EVENT_GOLD, s)
    assert f["events_precision"] == pytest.approx(3 / 6)
    assert f["events_recall"] == pytest.approx(3 / 4)
    assert f["events_f1"] == pytest.approx(0.6)
    assert f["event_type_accuracy"] == pytest.approx(2 / 3)
    assert f["event_status_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("source", "target", "matches"),
    [
        ("RUS", "IRN", True),
        ("IRN", "RUS", True),
        ("RUS", "RUS", False),
        ("RUS", "USA", False),
        ("RUS", None, False),
    ],
)
def test_a_mutual_event_needs_two_different_gold_sources(
    source: str, target: str | None, matches: bool
) -> None:
    g = {"events": [{"source": ["RUS", "IRN"], "target": [], "type": "CONSULT", "status": "asserted"}]}
    f = figs(g, system(events=[_event(source, target, "CONSULT", "asserted")]))
    assert f["events_recall"] == (1.0 if matches else 0.0)


def test_events_one_to_one_prefers_the_same_type() -> None:
    g = {"events": [{"source": "RUS", "target": "IRN", "type": "AID", "status": "negated"}]}
    s = system(events=[_event("RUS", "IRN", "COOPERATE", "negated"), _event("RUS", "IRN", "AID", "asserted")])
    f = figs(g, s)
    assert (f["events_precision"], f["events_recall"]) == (0.5, 1.0)
    assert (f["event_type_accuracy"], f["event_status_accuracy"]) == (1.0, 0.0)


def test_without_an_actors_section_precision_counts_events_between_ids_of_the_gold_events() -> None:
    g = {"events": [{"source": "RUS", "target": "IRN", "type": "AID", "status": "asserted"}]}
    s = system(events=[_event("RUS", "IRN", "AID", "asserted"), _event("RUS", "USA", "ASSAULT", "asserted")])
    assert figs(g, s)["events_precision"] == 1.0


# --- relations, triads, absent sections, pooling ----------------------------------------------


def test_relations_and_triads_missing_counts_as_wrong() -> None:
    g = {
        "relations": [{"pair": ["RUS", "IRN"], "sign": "+"}, {"pair": ["IRN", "ISR"], "sign": "-"}],
        "triads": [
            {"actors": ["RUS", "IRN", "USA"], "balanced": True},
            {"actors": ["RUS", "IRN", "SAU"], "balanced": False},
        ],
    }
    g["relations"].append({"pair": ["USA", "ISR"], "sign": "+"})
    s = system(
        relations=[{"pair": ["IRN", "RUS"], "sign": "+"}, {"pair": ["ISR", "IRN"], "sign": "+"}],
        triads=[{"actors": ["USA", "RUS", "IRN"], "balanced": True}],
    )
    f = figs(g, s)
    assert f["relations_accuracy"] == pytest.approx(1 / 3)
    assert f["triads_accuracy"] == 0.5


def test_absent_sections_are_none_and_every_figure_is_reported() -> None:
    f = figs(
        {"quotes": [{"speaker": "X", "starts": "We will win"}]}, system(quotes=[_tquote("We will win.")])
    )
    assert tuple(f) == FIGURES and len(f) == 19
    assert f["quotes_f1"] == 1.0
    assert all(f[k] is None for k in FIGURES if not k.startswith(("quotes", "direct", "speaker")))


def test_totals_pool_counts_rather_than_average_figures() -> None:
    a = {"quotes_gold": 2, "quotes_system": 1, "quotes_tp": 1, "caption_n": 1, "caption_pass": 1}
    b = {"quotes_gold": 2, "quotes_system": 4, "quotes_tp": 2, "caption_n": 1, "caption_pass": 0}
    for c in (a, b):
        c.update(direct_gold=0, direct_system=0, direct_tp=0, speaker_n=0, speaker_right=0)
    total = figures(pool([a, b]))
    assert total["quotes_precision"] == pytest.approx(3 / 5)  # the mean of per-file figures would be 0.75
    assert total["quotes_recall"] == pytest.approx(3 / 4)
    assert total["caption_once"] is False
    assert total["people_f1"] is None
