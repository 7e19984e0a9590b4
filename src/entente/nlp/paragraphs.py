"""spaCy component ``entente_paragraphs``: a line break ends a sentence.

News text puts headlines, datelines, captions and paragraphs on lines of their
own, often without a final full stop; left to itself the parser runs a
headline into the lead sentence. Added before the parser, this component marks
the first token after a line break as a sentence start, which the parser keeps.
Inside a line it leaves the parser free only after sentence-final punctuation
(a preset start alone makes spaCy's parser split the next words oddly).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from entente import doctext

#: characters that may end a sentence (or close one: quotes, brackets, dashes)
FINAL = frozenset(".!?…:;\"”’')—–-")


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        values: Any = sentence_starts(doctext.text(doc), doc.to_array([IDX, LENGTH, IS_SPACE]))
        return doc.from_array([SENT_START], values.view("uint64").reshape(-1, 1))  # -1 read back from uint64


def sentence_starts(text: str, cols: numpy.ndarray[Any, Any]) -> numpy.ndarray[Any, Any]:
    """``SENT_START`` values (1 start, -1 no start, 0 left to the parser) of tokens with the
    columns ``IDX, LENGTH, IS_SPACE``, at once for all tokens: 1 for the first token and a token
    after a line break (inside a space token or after one), -1 mid-line after a token that does not
    end in sentence-final punctuation, 0 for white-space tokens and the rest."""
    idx = cols[:, 0].astype("int64")
    space = cols[:, 2].astype(bool)
    chars = numpy.frombuffer(text.encode("utf-32-le"), dtype="<u4")  # one code point per character
    # a line break between the start of the previous token and this token's start
    breaks = numpy.flatnonzero(chars == ord("\n"))
    broken = numpy.searchsorted(breaks, idx[1:]) > numpy.searchsorted(breaks, idx[:-1])
    # the last character of the previous token (indexed as Python does: -1 is the text's last)
    last = idx[:-1] + cols[:-1, 1].astype("int64") - 1
    final = numpy.isin(chars[last], [ord(c) for c in FINAL])
    starts = numpy.zeros(len(idx), dtype="int64")
    starts[0] = 1
    starts[1:] = numpy.where(broken, 1, numpy.where(~space[:-1] & ~final, -1, 0))
    starts[1:][space[1:]] = 0  # white-space tokens are left to the parser
    return starts


@Language.factory("entente_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()
