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
        text = doctext.text(doc)
        cols = doc.to_array([IDX, LENGTH, IS_SPACE])
        starts = numpy.zeros(len(doc), dtype="int64")
        starts[0] = 1
        for i in range(1, len(doc)):
            if cols[i, 2]:
                continue  # white-space tokens are left to the parser
            prev_end = int(cols[i - 1, 0] + cols[i - 1, 1])
            if "\n" in text[int(cols[i - 1, 0]) : int(cols[i, 0])]:
                starts[i] = 1  # a line break before this token (inside a space token or after one)
            elif not cols[i - 1, 2] and text[prev_end - 1] not in FINAL:
                starts[i] = -1  # mid-line, not after sentence-final punctuation
        values: Any = starts.view("uint64").reshape(-1, 1)  # spaCy reads -1 back from its uint64 form
        return doc.from_array([SENT_START], values)


@Language.factory("entente_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()
