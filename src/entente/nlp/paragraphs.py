"""spaCy component ``entente_paragraphs``: a line break ends a sentence.

News text puts headlines, datelines, captions and paragraphs on lines of their
own, often without a final full stop; left to itself the parser runs a
headline into the lead sentence. Added before the parser, this component marks
the first token after a line break as a sentence start, which the parser keeps.
Inside a line it leaves the parser free only after sentence-final punctuation
(a preset start alone makes spaCy's parser split the next words oddly).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


FINAL = {".", "!", "?", "…", ":", ";", '"', "”", "’", "'", ")", "...", "—", "–", "-"}


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
                if not tok.is_space:
                    tok.is_sent_start = True
            elif not prev.is_space and prev.text not in FINAL and not prev.text.endswith("."):
                tok.is_sent_start = False
        return doc


@Language.factory("entente_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()
