"""Fighting at a host government's invitation: the host named as the place is no target.

"The Saudi-led war in Yemen" is fought on the side of Yemen's government, against the Houthis;
"US military operations in Iraq" against ISIL with Baghdad's consent. A state named only as the
place ("in Yemen") of an act whose own modifiers or subject name a guest state
(``data/hosts.yaml``: guest, host and years) is not the act's target. Where the host is the
object itself ("the coalition bombed Yemen"), or the act's phrase names a year (else the
article's) outside the invitation ("the US war in Iraq in 1990-1991"), nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from entente.data import build, parse_yaml
from entente.events.clauses import GERUND_PREPS
from entente.nlp import extensions as ext

HOSTS_FILE = "hosts.yaml"


@dataclass(frozen=True)
class Invited:
    guest: str
    host: str
    from_: int = field(default=0, metadata={"key": "from"})
    to: int | None = None

    def covers(self, year: int | None) -> bool:
        return year is None or (self.from_ <= year and (self.to is None or year <= self.to))


@dataclass(frozen=True)
class Stationed:
    """Allies that host the guests' forces and weapons with their consent (bases, deployments)."""

    guests: tuple[str, ...]
    hosts: tuple[str, ...]
    from_: int = field(default=0, metadata={"key": "from"})
    to: int | None = None

    def covers(self, year: int | None) -> bool:
        return year is None or (self.from_ <= year and (self.to is None or year <= self.to))


@dataclass(frozen=True)
class Hosts:
    invited: tuple[Invited, ...] = ()
    place_preps: tuple[str, ...] = ()
    stationed: tuple[Stationed, ...] = ()
    deploy_acts: tuple[str, ...] = ()  # lemmas: "deploy", "deployment", "station"
    send_acts: tuple[str, ...] = ()  # "send", "dispatch": a deployment only with forces as object
    forces: tuple[str, ...] = ()
    deploy_preps: tuple[str, ...] = ()


@cache
def load_hosts() -> Hosts:
    text = resources.files("entente.events").joinpath("data", HOSTS_FILE).read_text(encoding="utf-8")
    source = f"entente/events/data/{HOSTS_FILE}"
    return build(Hosts, parse_yaml(text, source=source), source=source, where=source)


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _guests(act: Token, actors: Mapping[int, str]) -> set[str]:
    """States named in the act's own modifiers ("the Saudi-led war", "US military operations") or,
    for a verb, in its subject ("US forces operate in Iraq")."""
    found = {actors[t.i] for t in act.doc[act.left_edge.i : act.i] if t.i in actors}
    for child in act.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            found |= {actors[t.i] for t in child.subtree if t.i in actors}
    return found


def hosted_tokens(doc: Doc, state_tokens: Mapping[int, str], hosts: Hosts | None = None) -> set[int]:
    """The tokens of host states named as the place of a guest's fighting (see the module)."""
    hosts = hosts or load_hosts()
    published = ext.published(doc)
    year = published.year if published is not None else None
    pairs = {(r.guest, r.host) for r in hosts.invited if r.covers(year)}
    if not pairs:
        return set()
    out: set[int] = set()
    for i, host in state_tokens.items():
        tok = _first_conjunct(doc[i])
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in hosts.place_preps or prep.head.i == prep.i:
            continue
        act = prep.head
        years = _years(act)  # "the US war in Iraq in 1990-1991": dated outside the invitation
        hosted = (
            {(r.guest, r.host) for r in hosts.invited if all(r.covers(y) for y in years)} if years else pairs
        )
        if any((guest, host) in hosted for guest in _guests(act, state_tokens)):
            out.add(i)
    return out


def deployed_tokens(doc: Doc, state_tokens: Mapping[int, str], hosts: Hosts | None = None) -> set[int]:
    """The tokens of allied hosts named as where a guest deploys or stations its forces or
    weapons ("the US began to deploy its THAAD system to South Korea", "the deployment of a US
    missile-defence system to South Korea", "Britain deployed troops to Estonia"): the host is a
    partner, not the deployment's target. Only the place phrase of the act itself counts ("deployed
    troops to the border with X" keeps X), and only a host allied with the guest
    (``stationed`` in ``data/hosts.yaml``), or that invited the guest's forces to fight there
    (``invited``: "Kenya sent troops into Somalia"), for the article's year."""
    hosts = hosts or load_hosts()
    published = ext.published(doc)
    year = published.year if published is not None else None
    pairs = {(g, h) for r in hosts.stationed if r.covers(year) for g in r.guests for h in r.hosts}
    pairs |= {(r.guest, r.host) for r in hosts.invited if r.covers(year)}
    out: set[int] = set()
    for i, host in state_tokens.items():
        tok = _first_conjunct(doc[i])
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head  # "South Korea"
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in hosts.deploy_preps or prep.head.i == prep.i:
            continue
        act = prep.head
        if not _deployment(act, hosts):
            continue
        if any((guest, host) in pairs for guest in _deployers(act, state_tokens)):
            out.add(i)
    return out


def _deployment(act: Token, hosts: Hosts) -> bool:
    lemma = act.lemma_.lower()
    if lemma in hosts.deploy_acts:
        return True
    return lemma in hosts.send_acts and any(
        c.dep_ == "dobj" and c.lemma_.lower() in hosts.forces for c in act.children
    )


def _deployers(act: Token, actors: Mapping[int, str]) -> set[str]:
    """Who deploys: the act's subject (through "began to deploy"), its modifiers ("the US
    deployment"), and the forces or weapons it moves ("deployment of a US system", "deployed
    American troops")."""
    found = _guests(act, actors)
    verb = act
    for _ in range(3):  # "the US military started to deploy": the subject of the governing verb
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            break
        if verb.dep_ in ("xcomp", "conj"):
            verb = verb.head
        elif (
            verb.dep_ == "pcomp"
            and verb.head.lower_ in GERUND_PREPS
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head.head  # "since sending troops into Somalia, Kenya has ..."
        else:
            break
        found |= _guests(verb, actors)
    for c in act.children:
        if c.dep_ == "dobj" or (c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")):
            found |= {actors[t.i] for t in c.subtree if t.i in actors}
    return found


def _years(act: Token) -> list[int]:
    """Years written in the act's phrase or right after it ("the 2003 invasion", "the war in
    Iraq in 1990-1991", where the parser may hang the year on the verb)."""
    doc = act.doc
    after = doc[act.right_edge.i + 1 : min(act.right_edge.i + 5, act.sent.end)]
    found: list[int] = []
    for t in [*act.subtree, *after]:
        for part in t.text.replace("–", "-").split("-"):
            if len(part) == 4 and part.isdigit() and 1900 <= int(part) <= 2100:
                found.append(int(part))
    return found
