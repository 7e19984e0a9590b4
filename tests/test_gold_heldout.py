"""The held-out gold sets parse and stay anchored in their texts, without analysing them.

``gold/wikinews-test`` and ``gold/newsarticles-test`` are scored once, by the lead, for a
last check (their READMEs). Until then nobody runs entente on them; these tests only
read the files with the gold loader and look every anchor up in the article text, so
a typo or a changed corpus shows here and not on the day of the one run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.errors import EntenteError
from entente.eval.gold import Gold, gold_text, load_gold

ROOT = Path(__file__).resolve().parents[1] / "gold"
SETS = {"wikinews-test": 10, "newsarticles-test": 10}
FILES = sorted(p for name in SETS for p in (ROOT / name).glob("*.gold.yaml"))
PRONOUNS = {"he", "she", "him", "her", "his", "i", "we", "they", "it", "its", "them", "their"}


def _norm(text: str) -> str:
    return text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))


def _anchors(gold: Gold) -> list[tuple[str, str]]:
    found = [(f"actor {a.id}", f) for a in gold.actors or () for f in a.forms]
    people = gold.people or ()
    found += [(f"person {p.name}", f) for p in people for f in p.forms if f.lower() not in PRONOUNS]
    found += [("quote", q.starts) for q in gold.quotes or () if q.starts]
    found += [(f"event {e.type}", e.evidence) for e in gold.events or () if e.evidence]
    return found


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_set_has_its_articles(name: str) -> None:
    assert len(list((ROOT / name).glob("*.gold.yaml"))) == SETS[name]
    assert (ROOT / name / "README.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_file_parses_and_its_anchors_are_in_the_text(path: Path) -> None:
    try:
        gold = load_gold(path)
        text = _norm(gold_text(gold))
    except EntenteError as exc:
        if "cannot be read" in exc.text:
            pytest.skip(f"{path.name}: its corpus is not here ({exc.text[:120]})")
        raise
    assert gold.corpus_ref is not None, "held-out files name a corpus row, never a copied text"
    missing = [(kind, anchor) for kind, anchor in _anchors(gold) if _norm(anchor) not in text]
    assert not missing, missing[:5]
