"""Attributions that typography makes: "“...” ― Sonya Herridge" and "WALLACE: Let's start ...".

Headline and transcript lines name their speaker before a colon at the start
of a paragraph; collected quotes name theirs after a dash.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from entente.nlp.marks import paragraphs
from entente.quotes.draft import Draft

_DASH = re.compile(r"[^\S\n]*(―|—|–|--?)[^\S\n]*(?=[A-Z])")
_COLON_LINE = re.compile(r"[\"“']?\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})\s?:\s+(\S.*)")


def dash_speaker(doc: Doc, text: str, end: int) -> tuple[Token, Token] | None:
    """(dash, name head) for a quote that ends at ``end`` and is followed by "― Name"."""
    m = _DASH.match(text, end)
    if m is None:
        return None
    span = doc.char_span(m.end(1), min(len(text), m.end(1) + 80), alignment_mode="expand")
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or dash is None:
        return None
    words = [t for t in span if not t.is_space]
    if not words or not _name_word(words[0]):
        return None
    last = 0
    while last + 1 < len(words) and _name_word(words[last + 1]) and "\n" not in words[last].whitespace_:
        last += 1
    return dash[-1], words[last]


def _name_word(token: Token) -> bool:
    """A word of a name: capitalised ("Jacklyn"), an initial ("G.") or a particle the NER tags PROPN."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.is_alpha)


def colon_drafts(doc: Doc, text: str, labels: frozenset[str]) -> list[Draft]:
    """ "Pat Caddell: Democrat Voters Worried ..." and transcript lines "PENCE: Well, look, ..."."""
    drafts = []
    for start, end in paragraphs(text):
        m = _COLON_LINE.match(text, start, end)
        if m is None or m.group(1).lower() in labels:
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        content_start = m.start(2)
        if name is None or len(m.group(2).split()) < 4:
            continue
        person = any(t.ent_type_ in ("PERSON", "ORG") for t in name) or m.group(1).isupper()
        if not person or any(t.lower_ in labels for t in name):
            continue
        colon = doc.char_span(m.end(1), m.start(2), alignment_mode="expand")
        cue = next((t for t in colon or () if t.text == ":"), None) if colon is not None else None
        text_end = end
        while text_end > content_start and text[text_end - 1] in ' \t"”':
            text_end -= 1
        drafts.append(Draft([(content_start, text_end)], cue, name[-1]))
    return drafts
