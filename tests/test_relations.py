"""Relations and triads of one article: statements, events, quotes; hand-written sentences.

The countries are fictional (Ruritania, Freedonia, Sylvania, ...) or named in
sentences written for these tests, so that no alliance known from outside the
text can help; actors are marked by a test-only gazetteer (tests/relation_helpers.py).
"""

from __future__ import annotations

import pytest

from entente.records import Event, Quote, Relation, Span
from entente.relations import find_relations, find_triads
from entente.relations.lexicon import lexicon_from, load_lexicon, parse_pattern
from relation_helpers import parse, relations_of, signs

# --- relational statements ------------------------------------------------------------------

STATEMENTS: list[tuple[str, dict[tuple[str, str], str]]] = [
    # coordination, possessives, "with", "between", compounds
    ("Ruritania and Freedonia are deepening ties.", {("FRE", "RUR"): "+"}),
    ("Ruritania is deepening its military ties with Freedonia.", {("FRE", "RUR"): "+"}),
    ("Ruritania and Freedonia signed a strategic partnership.", {("FRE", "RUR"): "+"}),
    ("Ruritania sees Freedonia as a strategic partner.", {("FRE", "RUR"): "+"}),
    ("Freedonia is one of Ruritania's closest allies.", {("FRE", "RUR"): "+"}),
    ("Freedonia remains Ruritania's most important partner.", {("FRE", "RUR"): "+"}),
    ("The Ruritania-Freedonia axis worries many.", {("FRE", "RUR"): "+"}),
    ("The crisis pushed Ruritania and Freedonia closer.", {("FRE", "RUR"): "+"}),
    ("Freedonia has moved closer to Ruritania.", {("FRE", "RUR"): "+"}),
    ("Latveria has sided with Genovia in the dispute.", {("GEN", "LAT"): "+"}),
    ("Strelsau's friendship with Beijing is growing.", {("CHN", "RUR"): "+"}),
    ("The two countries, Ruritania and Freedonia, share a close friendship.", {("FRE", "RUR"): "+"}),
    ("Ruritania's relations with Freedonia have improved markedly.", {("FRE", "RUR"): "+"}),
    ("Egypt and Qatar restored diplomatic relations in 2021.", {("EGY", "QAT"): "+"}),
    ("Brazil and Argentina have strong economic ties.", {("ARG", "BRA"): "+"}),
    ("Freedonia, a close ally of Ruritania, voted against the plan.", {("FRE", "RUR"): "+"}),
    ("Ruritania and Freedonia pledged to deepen cooperation.", {("FRE", "RUR"): "+"}),
    ("Ruritania's backing for Freedonia has never wavered.", {("FRE", "RUR"): "+"}),
    ("Ruritania and Freedonia work together closely.", {("FRE", "RUR"): "+"}),
    ("Ruritania and Freedonia are much closer to each other than to Sylvania.", {("FRE", "RUR"): "+"}),
    (
        "Ruritania allied with Freedonia against Sylvania.",
        {("FRE", "RUR"): "+", ("FRE", "SYL"): "-", ("RUR", "SYL"): "-"},
    ),
    ("The Freedonian-backed Houthi rebels seized the port.", {("FRE", "HOUTHIS"): "+"}),
    ("Freedonia plans closer intelligence-sharing with Ruritania.", {("FRE", "RUR"): "+"}),
    # at odds
    ("Ruritania and Sylvania are arch-rivals.", {("RUR", "SYL"): "-"}),
    ("Ruritania and Sylvania are at odds over fishing rights.", {("RUR", "SYL"): "-"}),
    ("Ruritania is at loggerheads with Sylvania.", {("RUR", "SYL"): "-"}),
    ("The rift between Ruritania and Sylvania deepened.", {("RUR", "SYL"): "-"}),
    ("Ties between Ruritania and Sylvania have been strained since 2019.", {("RUR", "SYL"): "-"}),
    ("Ruritania launched a war against Sylvania.", {("RUR", "SYL"): "-"}),
    ("Ruritania remains at war with Sylvania.", {("RUR", "SYL"): "-"}),
    ("Clashes between Ruritania and Sylvania erupted overnight.", {("RUR", "SYL"): "-"}),
    # a past relation is not a present one; "it" after the subject is somebody else
    ("Freedonia, previously an ally of Ruritania, is now in conflict with it.", {("FRE", "RUR"): "-"}),
    ("Ruritania is Freedonia's former ally.", {}),
    ("Genovia is Latveria's arch-rival.", {("GEN", "LAT"): "-"}),
    ("Ruritania's rivalry with Sylvania has intensified.", {("RUR", "SYL"): "-"}),
    ("Officials in Strelsau remain wary of Freedonia.", {("FRE", "RUR"): "-"}),
    ("Tensions between Ruritania and Sylvania have grown.", {("RUR", "SYL"): "-"}),
    ("Ruritanian-Sylvanian hostility is old news.", {("RUR", "SYL"): "-"}),
    ("Relations between Ruritania and Sylvania have soured.", {("RUR", "SYL"): "-"}),
    ("Ruritania severed diplomatic ties with Sylvania.", {("RUR", "SYL"): "-"}),
    ("Sylvania regards Latveria as a threat.", {("LAT", "SYL"): "-"}),
    ("Latveria views Genovia as its enemy.", {("GEN", "LAT"): "-"}),
    ("Greece and Turkey are old foes.", {("GRC", "TUR"): "-"}),
    ("Japan and China have a long-running territorial dispute.", {("CHN", "JPN"): "-"}),
    # displeasure: keeping a party close, and the party the help would go to
    ("Ruritania does not want to antagonise Sylvania.", {("RUR", "SYL"): "+"}),
    ("Rassendyll does not want to irritate Sylvania.", {("RUR", "SYL"): "+"}),
    ("Sylvania would not welcome moves that strengthen Freedonia's army.", {("FRE", "SYL"): "-"}),
    ("Sending tanks to Freedonia would anger Sylvania.", {("FRE", "SYL"): "-"}),
    (
        "Ruritania courts Sylvanian leaders, some of whom are unlikely to welcome moves that arm Freedonia.",
        {("FRE", "SYL"): "-"},
    ),
    (
        "Ruritania is reluctant to sell jets to Freedonia, to avoid irritating Sylvania.",
        {("RUR", "SYL"): "+", ("FRE", "SYL"): "-"},
    ),
    # negated states say nothing either way; no relational phrase, no relation
    ("Ruritania and Freedonia are not allies.", {}),
    ("Ruritania has no rivalry with Freedonia.", {}),
    ("France and Germany held talks on Monday.", {}),
    ("The war in Freedonia ended in 1998.", {}),
    ("Ruritania threatened Freedonia's allies.", {}),
    ("Ruritania and Freedonia fight terrorism in the region.", {}),
    ("Ruritania does not share the approach of Freedonia and its allies towards Sylvania.", {}),
    ("Sylvania and Latveria see a good relationship with the kingdom as vital.", {}),
    ("Freedonia overtook Sylvania and Latveria as Ruritania's main trading partner.", {("FRE", "RUR"): "+"}),
    ("Latveria has ranked as Freedonia's largest trading partner from the region.", {("FRE", "LAT"): "+"}),
    ("Strelsau has distanced itself from Freedonia's war.", {("FRE", "RUR"): "-"}),
    ("Officials would not say whether they dispute the Ruritania reports.", {}),
    (
        "Sylvania, a key ally of Freedonia, and Latveria, a backer of the Ruritanian opposition, met.",
        {("FRE", "SYL"): "+"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENTS)
def test_statements(text: str, expected: dict[tuple[str, str], str]) -> None:
    assert signs(text) == expected


def test_statement_evidence_names_its_phrase_and_sentence() -> None:
    text = "Trade grew. Ruritania's rivalry with Sylvania has intensified."
    (relation,), _ = relations_of(text)
    (ev,) = relation.evidence
    assert (ev.kind, ev.sign, ev.detail) == ("statement", "-", "rivalry")
    assert text[ev.span.start : ev.span.end] == ev.span.text == "rivalry"
    assert ev.sentence is not None and ev.sentence.text.startswith("Ruritania's rivalry")


# --- events and quotes ----------------------------------------------------------------------


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def _event(
    text: str, source: str, target: str, type_: str, quad: str, intensity: float, status: str, trig: str
) -> Event:
    sentence = next(s for s in text.split(". ") if trig in s)
    return Event(source, target, type_, quad, intensity, status, _span(text, trig), _span(text, sentence))  # type: ignore[arg-type]


EVENT_TEXT = (
    "Freedonia shelled Sylvania on Monday. Ruritania might supply Sylvania with jets. "
    "Latveria did not attack Genovia. Sylvania threatened Freedonia."
)


def test_only_happened_events_weigh() -> None:
    events = (
        _event(EVENT_TEXT, "FRE", "SYL", "ASSAULT", "material_conflict", -10, "asserted", "shelled"),
        _event(EVENT_TEXT, "RUR", "SYL", "AID", "material_coop", 7, "hypothetical", "supply"),
        _event(EVENT_TEXT, "LAT", "GEN", "ASSAULT", "material_conflict", -10, "negated", "attack"),
        _event(EVENT_TEXT, "SYL", "FRE", "THREATEN", "verbal_conflict", -4, "asserted", "threatened"),
    )
    relations, _ = relations_of(EVENT_TEXT, events=events)
    assert [(r.pair, r.sign) for r in relations] == [(("FRE", "SYL"), "-")]
    (rel,) = relations
    assert rel.weight == pytest.approx(1.0 + 0.4)  # |intensity| / 10 each: an assault and a threat
    assert [(e.kind, e.detail) for e in rel.evidence] == [("event", "ASSAULT"), ("event", "THREATEN")]


def test_an_event_shared_by_a_party_named_aside() -> None:
    text = "Aside from Latveria, no other country has been as supportive of Genovia as Sylvania."
    event = _event(text, "SYL", "GEN", "SUPPORT", "verbal_coop", 4, "attributed", "supportive")
    assert signs_with(text, (event,)) == {("GEN", "SYL"): "+", ("GEN", "LAT"): "+"}


def signs_with(text: str, events: tuple[Event, ...]) -> dict[tuple[str, str], str]:
    relations, _ = relations_of(text, events=events)
    return {r.pair: r.sign for r in relations}


def test_an_event_trigger_is_not_read_again_as_a_statement() -> None:
    text = "Ruritania's war with Sylvania goes on."
    event = _event(text, "RUR", "SYL", "ASSAULT", "material_conflict", -10, "asserted", "war")
    (rel,), _ = relations_of(text, events=(event,))
    assert [e.kind for e in rel.evidence] == ["event"]


def test_quote_stance_of_a_speaker_who_speaks_for_an_actor() -> None:
    text = "Rassendyll said: Freedonia is a reliable friend and Sylvania is a bully."
    doc, mentions, people = parse(text)
    quote = Quote(
        content=(_span(text, "Freedonia is a reliable friend and Sylvania is a bully."),),
        kind="reported",
        speaker=_span(text, "Rassendyll"),
        speaker_name="Rassendyll",
        speaker_actor="RUR",
        stance=(("FRE", 0.8), ("SYL", -1.0), ("RUR", 1.0)),
    )
    relations, _ = find_relations(doc, mentions, (), (quote,), people)
    got = {r.pair: (r.sign, [(e.kind, e.weight) for e in r.evidence if e.kind == "quote"]) for r in relations}
    assert got[("FRE", "RUR")] == ("+", [("quote", 0.4)])
    assert got[("RUR", "SYL")] == ("-", [("quote", 0.5)])


def test_we_in_a_quote_is_the_speaker_and_the_addressee() -> None:
    text = (
        "Rassendyll told Firefly: \u201cWe work together, and our positions are closer to each other.\u201d"
    )
    doc, mentions, people = parse(text)
    quote = Quote(
        content=(_span(text, "\u201cWe work together, and our positions are closer to each other.\u201d"),),
        kind="direct",
        speaker=_span(text, "Rassendyll"),
        speaker_name="Rassendyll",
        speaker_actor="RUR",
        addressee="Firefly",
    )
    (rel,), _ = find_relations(doc, mentions, (), (quote,), people)
    assert (rel.pair, rel.sign) == (("FRE", "RUR"), "+")
    assert {e.detail for e in rel.evidence} == {"work together", "closer"}


def test_evidence_of_both_signs_sums() -> None:
    text = "Ruritania and Freedonia are close allies. Tensions between Ruritania and Freedonia have grown."
    (rel,), _ = relations_of(text)
    assert rel.sign == "+"
    assert rel.weight == pytest.approx(1.0 - 0.5)
    assert sorted(e.sign for e in rel.evidence) == ["+", "-"]


# --- triads ---------------------------------------------------------------------------------


def _rel(a: str, b: str, sign: str) -> Relation:
    return Relation((a, b) if a < b else (b, a), sign, 1.0)  # type: ignore[arg-type]


def test_triads_balance_and_reading() -> None:
    relations = [
        _rel("FRE", "RUR", "+"),
        _rel("FRE", "SYL", "-"),
        _rel("RUR", "SYL", "-"),  # + - -: balanced, SYL a shared foe
        _rel("GEN", "RUR", "+"),
        _rel("FRE", "GEN", "-"),  # FRE-RUR +, GEN-RUR +, FRE-GEN -: unbalanced
    ]
    triads = {t.actors: t for t in find_triads(relations)}
    assert set(triads) == {("FRE", "RUR", "SYL"), ("FRE", "GEN", "RUR")}
    balanced = triads[("FRE", "RUR", "SYL")]
    assert balanced.balanced and balanced.signs == ("+", "-", "-")
    reading = {r.pair: r for r in balanced.reading}
    assert reading[("FRE", "RUR")].effect == "together"
    assert reading[("FRE", "RUR")].text == "shared hostility to SYL pushes FRE and RUR together"
    unbalanced = triads[("FRE", "GEN", "RUR")]
    assert not unbalanced.balanced and unbalanced.signs == ("-", "+", "+")
    held = {r.pair: r for r in unbalanced.reading}[("FRE", "RUR")]
    assert (held.third, held.effect) == ("GEN", "apart")
    assert held.text == "RUR's ties to GEN, a foe of FRE, hold FRE and RUR apart"


def test_no_triad_without_all_three_pairs() -> None:
    assert find_triads([_rel("A", "B", "+"), _rel("B", "C", "-")]) == ()


# --- the lexicon ----------------------------------------------------------------------------


def test_patterns() -> None:
    items, head = parse_pattern("deepen|strengthen * tie|relation")
    assert [sorted(i.words) for i in items] == [["deepen", "strengthen"], [], ["relation", "tie"]]
    assert items[1].gap and head == 2
    _, head = parse_pattern("common^ ground")
    assert head == 0
    with pytest.raises(ValueError):
        parse_pattern("* tie")


def test_lexicon_loads_and_rejects_bad_entries() -> None:
    lex = load_lexicon()
    assert {"entente", "rivalry", "irritate"} <= {p.name for p in lex.phrases}
    assert all(0 < p.weight <= 1 for p in lex.phrases)
    with pytest.raises(ValueError):
        lexicon_from({"phrases": [{"pattern": "axis", "sign": "?", "weight": 1}]})
    with pytest.raises(ValueError):
        lexicon_from({"phrases": [{"pattern": "axis", "sign": "+", "weight": 2}]})


# --- the reference article, end to end -----------------------------------------------------


def _reference_relations(gold_path: object) -> tuple[tuple[Relation, ...], tuple[object, ...]]:
    """The pipeline over the reference article, then ``find_relations`` as analyze.py calls it."""
    import importlib

    from entente.eval.gold import gold_text, load_gold

    gold = load_gold(gold_path)  # type: ignore[arg-type]
    try:
        pipeline = importlib.import_module("entente.pipeline")
    except ImportError:
        pipeline = importlib.import_module("entente.nlp.pipeline")
    from entente.ingest import load_text

    document = load_text(gold_text(gold), published=gold.reference_date)
    nlp = pipeline.load()
    doc = nlp(pipeline.make_doc(nlp, document.info.text, document.info.published))
    try:
        from entente.nlp import extensions as x

        records = (x.mentions(doc), x.events(doc), x.quotes(doc), x.people(doc))
    except (ImportError, AttributeError):
        records = (doc._.actor_mentions, doc._.events, doc._.quotes, doc._.people)
    return find_relations(doc, *records)


def test_reference_article_relations_and_triads() -> None:
    from entente.corpora import shared_dir
    from entente.eval.gold import load_gold
    from entente.eval.score import score_relations
    from entente.report.jsonout import relation_dict, triad_dict

    shared = shared_dir()
    path = shared / "gold" / "russia-iran-entente.gold.yaml" if shared else None
    if path is None or not path.exists():
        pytest.skip("../shared/gold (the reference article) is not available")
    relations, triads = _reference_relations(path)
    system = {"relations": [relation_dict(r) for r in relations], "triads": [triad_dict(t) for t in triads]}
    counts, misses = score_relations(load_gold(path), system)
    assert counts["relations_right"] == counts["relations_n"], misses
    assert counts["triads_right"] == counts["triads_n"], misses


def test_relations_and_triads_in_json_follow_the_schema_and_round_trip() -> None:
    import jsonschema

    from entente.records import Analysis, ArticleInfo, article_id
    from entente.report.jsonout import from_dict, load_schema, to_dict

    text = (
        "Ruritania and Freedonia are allies. Ruritania and Sylvania are arch-rivals. "
        "Freedonia and Sylvania are arch-rivals."
    )
    relations, triads = relations_of(text)
    assert len(triads) == 1 and triads[0].balanced
    info = ArticleInfo("-", None, None, None, None, text, "text", id=article_id(text), input=text)
    analysis = Analysis(info, (), (), (), relations=relations, triads=triads)
    data = to_dict(analysis)
    jsonschema.validate(data, load_schema())
    assert data["relations"][0]["evidence"][0]["kind"] == "statement"
    assert data["triads"][0]["reading"][0]["effect"] == "together"
    back = from_dict(data)
    assert back.relations == relations and back.triads == triads
