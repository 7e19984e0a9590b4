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
    # issue 13: heads ranked by bench/event_yield.py's pool of state pairs with no event
    ("Chile offered condolences to Peru after the floods.", ["CHL PER SUPPORT asserted"]),
    ("Denmark expressed its sympathy to Iceland over the avalanche.", ["DNK ISL SUPPORT asserted"]),
    ("Spain offered talks to Morocco on the fishing quotas.", ["!ESP MAR SUPPORT asserted"]),
    ("The Brazilian president blasted Venezuela over the border closure.", ["BRA VEN ACCUSE asserted"]),
    ("Tunisia assailed Libya for the kidnappings.", ["TUN LBY ACCUSE asserted"]),
    ("Analysts said Belarus interfered in the Lithuanian election.", ["BLR LTU COERCE attributed"]),
    ("Serbia meddled in the Montenegrin vote, Podgorica claimed.", ["SRB MNE COERCE attributed"]),
    ("Laos interfered with Thai satellite signals.", ["!LAO THA COERCE asserted"]),
    ("Algeria closed its border with Morocco in 1994.", ["DZA MAR SANCTION asserted"]),
    ("Egypt closed the talks with Sudan on a positive note.", ["!EGY SDN SANCTION asserted"]),
    ("Bahrain downgraded its ties with Iran last year.", ["BHR IRN SANCTION asserted"]),
    ("Kenya and Ethiopia have joined forces against the militants.", ["KEN ETH COOPERATE asserted"]),
    ("Nepal joined forces with India to fight the floods.", ["NPL IND COOPERATE asserted"]),
    (
        "The anniversary of the naval battle between Chilean and Peruvian ships was marked.",
        ["CHL PER ASSAULT asserted"],
    ),
    ("A war of words between Chile and Bolivia flared up this week.", ["!CHL BOL ASSAULT asserted"]),
    ("A diplomatic battle between Ghana and Togo has been brewing.", ["!GHA TGO ASSAULT asserted"]),
    ("Finland's rebuke of Russia surprised diplomats.", ["FIN RUS ACCUSE asserted"]),
    ("Belarusian helicopters violated Polish airspace twice last week.", ["BLR POL COERCE asserted"]),
    ("Iraq violated the deadline set by Kuwait.", ["!IRQ KWT COERCE asserted"]),
    ("The Greek premier insulted Turkey in a televised speech.", ["GRC TUR ACCUSE asserted"]),
    # group nouns: a role noun speaks for the state of its of-phrase
    (
        "The chiefs of general staff of Chile and Argentina agreed to hold joint drills.",
        ["CHL ARG AGREE asserted"],
    ),
    ("The head of the Egyptian delegation criticized Ethiopia over the dam.", ["EGY ETH ACCUSE asserted"]),
    ("The heads of state of Senegal and Gambia met in Dakar on Sunday.", ["SEN GMB CONSULT asserted"]),
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
