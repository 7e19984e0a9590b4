"""Where an event happened: the country (ISO3) of a place named in its clause.

"met ... at a forum in Turkmenistan" -> TKM; "in Ashgabat" -> TKM through the
actor layer, which resolves capitals to their state.
"""

from __future__ import annotations

from spacy.tokens import Token

from entente.events.arguments import ActorIndex

PLACE_PREPS = ("in", "at", "near", "outside", "inside")
CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "csubj", "parataxis", "nsubj", "nsubjpass", "conj", "appos")


def is_state(actor_id: str, index: ActorIndex) -> bool:
    kb = index.kb
    if kb is not None:
        try:
            return bool(kb.actor(actor_id).kind == "state")
        except Exception:  # an id the kb does not know
            return False
    return actor_id in index.states or (len(actor_id) == 3 and actor_id.isupper())


def find_place(trigger: Token, index: ActorIndex, depth: int = 6) -> tuple[str, str] | None:
    """(ISO3, place name) of the first place phrase under the trigger, or None."""
    frontier = [trigger]
    for _ in range(depth):
        nxt: list[Token] = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ in CLAUSE_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for pobj in child.children:
                        actor = index.get(pobj) if pobj.dep_ == "pobj" else None
                        if actor and pobj.pos_ == "PROPN" and is_state(actor, index):
                            name = " ".join(
                                t.text for t in pobj.subtree if t.dep_ in ("compound",) or t == pobj
                            )
                            return actor, name
                nxt.append(child)
        frontier = nxt
    return None
