"""Lexicon breadth: trigger words from the systematic pass over NewsArticles (bench/lexicon_coverage.py).

Each row is a sentence written for this test and the events a careful reader
finds in it ("SOURCE TARGET TYPE STATUS"; mutual types match in either order; "!..." must not
be found).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.nlp import extensions as ext

MUTUAL = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}

CASES = [
    # nouns of conflict and contact
    ("The conflict between Armenia and Azerbaijan has displaced thousands.", ["ARM AZE ASSAULT asserted"]),
    ("Ethiopia remains in conflict with Eritrea over the border town.", ["ETH ERI ASSAULT asserted"]),
    (
        "Investigators looked into an alleged interaction between Moldova and Romania.",
        ["MDA ROU CONSULT attributed"],
    ),
    ("Poland announced closer intelligence-sharing with Lithuania.", ["POL LTU COOPERATE asserted"]),
    ("Norway welcomed the pending exit of Sweden from the pact.", ["!SWE NOR REJECT hypothetical"]),
    (
        "Analysts discussed the exit of the United Kingdom from the European Union.",
        ["GBR EU REJECT asserted"],
    ),
    ("Ghana filed a lawsuit against Togo at the regional court.", ["GHA TGO ACCUSE asserted"]),
    (
        "Kenya denounced Uganda's interference in the Kenyan elections.",
        ["UGA KEN COERCE asserted", "KEN UGA ACCUSE asserted"],
    ),
    # verbs
    ("Portugal relinquished control of Macau to China in 1999.", ["PRT CHN RETREAT asserted"]),
    ("Peru joined the alliance, which Chile had founded.", ["!PER CHL COOPERATE asserted"]),
    ("Croatia joined the European Union in 2013.", ["HRV EU COOPERATE asserted"]),
    (
        "Both Serbia and Hungary oppose the new quota plan, and Austria opposes Serbia.",
        ["AUT SRB REJECT asserted"],
    ),
    ("Iraqi forces destroyed a Turkish outpost near the border.", ["IRQ TUR ASSAULT asserted"]),
    ("France blocked Turkey's bid to join the customs union.", ["FRA TUR REJECT asserted"]),
    ("Qatar barred Bahraini ships from its ports.", ["QAT BHR SANCTION asserted"]),
    ("Slovakia defended Hungary against the criticism.", ["SVK HUN SUPPORT asserted"]),
    ("The Lebanese president ridiculed Syria for the remarks.", ["LBN SYR ACCUSE asserted"]),
    ("Vietnam engaged with Cambodia on the river dispute.", ["VNM KHM CONSULT asserted"]),
    ("Norway helped Colombia negotiate the peace accord.", ["NOR COL AID asserted"]),
]


def _found(nlp: Language, text: str) -> set[tuple[str, str | None, str, str]]:
    doc = nlp(pipeline.make_doc(nlp, text, date(2024, 3, 1)))
    return {(e.source, e.target, e.type, e.status) for e in ext.events(doc)}


def _match(want: str, found: set[tuple[str, str | None, str, str]]) -> bool:
    src, tgt, typ, status = want.split()
    pairs = {(src, tgt), (tgt, src)} if typ in MUTUAL else {(src, tgt)}
    return any((s, t) in pairs and ty == typ and st == status for s, t, ty, st in found)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_breadth(nlp: Language, text: str, expected: list[str]) -> None:
    found = _found(nlp, text)
    missing = [w for w in expected if not w.startswith("!") and not _match(w, found)]
    wrong = [w for w in expected if w.startswith("!") and _match(w[1:], found)]  # "!...": must not be found
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"
