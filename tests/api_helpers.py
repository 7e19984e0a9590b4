"""A small store for the API and dashboard tests, from hand-written Analysis records.

Three months (January to March 2017) of a few actors: Russia and Iran close
throughout, the US at odds with both, Turkey moving from conflict with Russia
(January) to cooperation (March), Saudi Arabia and Israel against Iran in March.
One article carries hostile markup in its text (a script tag, an onerror
attribute) that the dashboard must show as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from entente.records import (
    Actor,
    ActorMention,
    Analysis,
    ArticleInfo,
    Event,
    Person,
    Quote,
    Relation,
    RelationEvidence,
    Span,
    article_id,
)
from entente.store import open_store

ACTORS = {
    "RUS": Actor("RUS", "Russia", "state"),
    "IRN": Actor("IRN", "Iran", "state"),
    "USA": Actor("USA", "United States", "state"),
    "TUR": Actor("TUR", "Turkey", "state"),
    "SAU": Actor("SAU", "Saudi Arabia", "state"),
    "ISR": Actor("ISR", "Israel", "state"),
}
NAMES = {
    "RUS": "Russia",
    "IRN": "Iran",
    "USA": "the United States",
    "TUR": "Turkey",
    "SAU": "Saudi Arabia",
    "ISR": "Israel",
}
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'

# (day, [(a, verb, b, sign, PLOVER type)], title, extra text)
STORIES = [
    (date(2017, 1, 10), [("RUS", "signed a defence pact with", "IRN", "+", "AGREE")], "Pact", ""),
    (date(2017, 1, 12), [("USA", "imposed sanctions on", "IRN", "-", "SANCTION")], "Sanctions", ""),
    (date(2017, 1, 20), [("TUR", "shot down a drone of", "RUS", "-", "ASSAULT")], "Drone", ""),
    (date(2017, 1, 25), [("USA", "condemned", "RUS", "-", "ACCUSE")], "Condemned", ""),
    (date(2017, 2, 8), [("RUS", "praised", "IRN", "+", "CONSULT")], f"Praise {HOSTILE}", HOSTILE),
    (date(2017, 2, 15), [("USA", "accused", "IRN", "-", "ACCUSE")], "Accused", ""),
    (date(2017, 3, 5), [("TUR", "agreed a gas deal with", "RUS", "+", "AGREE")], "Gas deal", ""),
    (date(2017, 3, 9), [("TUR", "held talks with", "RUS", "+", "CONSULT")], "Talks", ""),
    (
        date(2017, 3, 14),
        [("SAU", "warned", "IRN", "-", "THREATEN"), ("ISR", "struck targets of", "IRN", "-", "ASSAULT")],
        "Strikes",
        "",
    ),
    (
        date(2017, 3, 20),
        [("USA", "sold arms to", "SAU", "+", "AID"), ("RUS", "supplied missiles to", "IRN", "+", "AID")],
        "Arms",
        "",
    ),
]
QUAD = {"+": "material_coop", "-": "material_conflict"}


def analysis_of(day: date, facts: list[tuple[str, str, str, str, str]], title: str, extra: str) -> Analysis:
    text = ""
    mentions: list[ActorMention] = []
    events: list[Event] = []
    relations: list[Relation] = []
    for a, verb, b, sign, kind in facts:
        start = len(text)
        first = NAMES[a][0].upper() + NAMES[a][1:]
        sentence = f"{first} {verb} {NAMES[b]}{(' ' + extra) if extra else ''}."
        a_span = Span(start, start + len(first), first)
        v_at = start + len(first) + 1
        trigger = Span(v_at, v_at + len(verb.split()[0]), verb.split()[0])
        b_at = v_at + len(verb) + 1
        b_span = Span(b_at, b_at + len(NAMES[b]), NAMES[b])
        sent = Span(start, start + len(sentence), sentence)
        mentions += [
            ActorMention(a_span, a, "state", NAMES[a], "name"),
            ActorMention(b_span, b, "state", NAMES[b], "name"),
        ]
        events.append(Event(a, b, kind, QUAD[sign], 5.0 if sign == "+" else -6.0, "asserted", trigger, sent))
        pair = tuple(sorted((a, b)))
        evidence = RelationEvidence(trigger, "event", sign, 0.6, sent, kind)  # type: ignore[arg-type]
        relations.append(Relation(pair, sign, 0.6, (evidence,)))  # type: ignore[arg-type]
        text += sentence + " "
    quote_at = len(text)
    said = "We stand with our partners"
    text += f'"{said}," said Sergei Lavrov.'
    mentions_ = tuple(mentions)
    lavrov_at = text.index("Sergei Lavrov")
    person = Person(
        "Sergei Lavrov", (Span(lavrov_at, lavrov_at + 13, "Sergei Lavrov"),), "foreign minister", None, "RUS"
    )
    quote = Quote(
        (Span(quote_at + 1, quote_at + 1 + len(said), said),),
        "direct",
        Span(lavrov_at, lavrov_at + 13, "Sergei Lavrov"),
        "Sergei Lavrov",
        "RUS",
        mentions=("IRN",),
        stance=(("IRN", 0.8),),
    )
    info = ArticleInfo(
        source=f"test:{day}:{title}",
        title=title,
        outlet="Test Wire",
        published=day,
        date_source="option",
        text=text,
        input_format="text",
        language="en",
        id=article_id(f"{day}{title}{text}"),
        url=f"https://news.example/{day}/{len(text)}",
        input=text,
    )
    ids = sorted({m.actor_id for m in mentions_ if m.actor_id})
    return Analysis(
        article=info,
        actors=tuple(ACTORS[i] for i in ids),
        mentions=mentions_,
        people=(person,),
        quotes=(quote,),
        events=tuple(events),
        relations=tuple(relations),
    )


def analyses() -> list[Analysis]:
    return [analysis_of(*s) for s in STORIES]


def build_store(path: Path | str) -> str:
    """The store at ``path`` (a SQLite file) or a URL; returns its URL."""
    url = path if isinstance(path, str) else f"sqlite:///{path}"
    with open_store(url) as store:
        for a in analyses():
            store.write(a)
    return url
