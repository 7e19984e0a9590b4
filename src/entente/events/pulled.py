"""Pull quotes: a sentence set apart from the running text that repeats words of a quotation.

Web articles lift a striking sentence of a quote into a box of its own ("It is very clear we
have ... collaborating with ...", with the speaker's name on the next line, or with none); the
extracted text keeps it as a sentence of its own, with no quotation marks and no reporting verb.
Where the same sentence stands again inside one of the article's quotations, it is that quote's
claim, on its speaker's word (gold/events-check/README.md, "Asserted or attributed").
"""

from __future__ import annotations

from spacy.tokens import Token

from entente import doctext
from entente.nlp import extensions as ext
from entente.records import Quote

MIN_WORDS = 8  # a short sentence ("We will respond.") may repeat by chance


def pulled_from(tok: Token) -> Quote | None:
    """The quotation elsewhere in the article whose content repeats ``tok``'s sentence, or None
    (also None where the sentence itself lies inside a quotation)."""
    sent, doc = tok.sent, tok.doc
    text = doctext.text(doc)
    body = text[sent.start_char : sent.end_char].strip().rstrip(".!?\"”'’ ").strip()
    if len(body.split()) < MIN_WORDS:
        return None
    found = None
    for quote in ext.quotes(doc):
        for span in quote.content:
            if span.start < sent.end_char and sent.start_char < span.end:
                return None  # the sentence is inside a quote already: its own reading stands
            if found is None and body in text[span.start : span.end]:
                found = quote
    return found
