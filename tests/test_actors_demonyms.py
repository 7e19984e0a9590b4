"""Every state of the knowledge base is found by its name, its adjectives and its plural demonyms.

Checked programmatically over the whole knowledge base (issue 13: "some state
adjectives are missing ... check the knowledge base's demonyms for every state"),
in plain sentences written for this test. A form two states share ("Congolese",
"Dominican") may resolve to either of them: context decides, not this test.
"""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pytest
from spacy.language import Language

from entente.nlp import extensions as ext
from entente.yamlio import load_yaml


def _cases() -> list[tuple[str, str, str]]:
    """(state id, form, sentence) for every state entry of the shipped knowledge base."""
    text = resources.files("entente.actors").joinpath("data", "states.yaml").read_text(encoding="utf-8")
    cases = []
    for entry in load_yaml(text):
        sid, name = entry["id"], entry["name"]
        for adj in entry.get("adjectives") or ():
            cases.append((sid, adj, f"The {adj} foreign minister met officials on Monday."))
        for dem in entry.get("demonyms") or ():
            if dem.endswith("s") and not dem.startswith("the "):
                cases.append((sid, dem, f"Two {dem} were among the passengers, officials said."))
        cases.append((sid, name, f"Officials in {name} said on Monday that talks would resume."))
    return cases


def test_every_state_is_found_by_name_adjective_and_demonym(nlp: Language) -> None:
    cases = _cases()
    assert len(cases) > 500
    sharing: dict[str, set[str]] = defaultdict(set)
    for aid, form, _ in cases:
        sharing[form].add(aid)
    wrong = []
    for (aid, form, _text), doc in zip(cases, nlp.pipe([c[2] for c in cases], batch_size=64), strict=True):
        got = {m.actor_id for m in ext.mentions(doc) if form in m.span.text or m.span.text in form}
        if not got & sharing[form]:
            wrong.append(f"{aid} {form!r}: {sorted(x or '-' for x in got) or 'no mention'}")
    assert not wrong, "; ".join(wrong)


@pytest.mark.parametrize("form", ["Rwandan", "Afghan", "Eritrean", "Burundian", "Ivorian"])
def test_adjectives_the_issue_named(nlp: Language, form: str) -> None:
    doc = nlp(f"The {form} army said it had withdrawn.")
    assert [m.actor_id for m in ext.mentions(doc)]
