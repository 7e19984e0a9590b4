"""An organisation's acronym is never a person's name: "UN" is not the "Un" of Kim Jong Un."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.actors.kb import default_kb
from entente.nlp import extensions as ext

PUB = date(2017, 3, 1)


def people_spans(nlp: Language, text: str) -> dict[str, list[str]]:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    return {p.name: [s.text for s in p.mentions] for p in ext.people(doc)}


@pytest.mark.parametrize(
    ("text", "not_a_person"),
    [
        ("Rebel and government envoys resumed the UN-led negotiations in Geneva.", "UN"),
        ("Kim Jong Un watched the launch. The UN condemned it the next day.", "UN"),
    ],
)
def test_org_acronym_is_no_person(nlp: Language, text: str, not_a_person: str) -> None:
    spans = people_spans(nlp, text)
    assert all(not_a_person not in found for found in spans.values()), spans


def test_full_leader_name_still_resolves(nlp: Language) -> None:
    spans = people_spans(nlp, "Kim Jong Un watched the launch on Tuesday.")
    assert "Kim Jong Un" in spans


def test_kb_surname_matching_an_actor_form_in_another_case_is_skipped() -> None:
    kb = default_kb()
    assert kb.leader("UN", PUB) is None
    found = kb.leader("Kim Jong Un", PUB)
    assert found is not None and found.actor_id == "PRK"
