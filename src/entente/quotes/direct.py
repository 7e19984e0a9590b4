"""Quotations attributed from the words around them.

A quoted segment that no cue's clause took is attributed to the nearest cue
in its own sentence outside the marks (before or after it: "X said, “...”",
"“...,” he tells TRT World", "“...,” says X"); failing that it joins a quote
of its own paragraph, goes on a quote that ran over from the paragraph
before, or takes the speaker of the paragraph before ("X continued:", or a
quote paragraph after "Katz says that ..."). Nested single-quoted segments
are quotes of their own only when a cue inside the enclosing quote names
their speaker. Short quoted names and scare quotes stay out.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from entente.nlp import doccache
from entente.nlp.marks import Segment, paragraphs
from entente.quotes.cues import Lexicon, according_to, is_cue_verb, speaker_head
from entente.quotes.draft import Draft, frame, is_statement, token_at
from entente.quotes.layout import dash_speaker

MIN_WORDS = 4  # shorter quoted stretches without a cue of their own are names or scare quotes
LONE_WORDS = 8  # a quote this long with no cue at all is given to the person the text is about
SHORT_REACH = 4  # a short quote's cue must be this close: “Yes,” he said
RIGHT_AFTER_STOP = 6  # after a quote ending in a full stop only a short "X said." attributes it


def _cue_in(
    tokens: list[Token], lex: Lexicon, side: str, reach: int = 1000, quote_at: int | None = None
) -> tuple[Token, Token] | None:
    """(cue, speaker head) nearest to the quote among ``tokens``, within ``reach`` words.

    After a quote only the speaker may stand between it and the cue ("“...,” the
    minister told"): another verb or a conjunction ends the search. Before a
    quote the cue's phrase must reach the quote (token index ``quote_at``).
    """
    ordered = list(reversed(tokens)) if side == "left" else tokens
    for tok in ordered[:reach]:
        if tok.lower_ in {w[0] for w in lex.according}:
            source = according_to(tok, lex)
            if source is not None:
                return tok, source
            continue
        if not is_cue_verb(tok, lex):
            if side == "right" and tok.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ"):
                return None
            continue
        if side == "left" and quote_at is not None and tok.right_edge.i < quote_at - 2:
            continue
        speaker = speaker_head(tok)
        if speaker is None or speaker.lower_ in ("it", "there"):
            speaker = _nearest_name(tokens, tok)
        if speaker is not None:
            return tok, speaker
    return None


def _nearest_name(tokens: list[Token], cue: Token) -> Token | None:
    """A person or pronoun next to a cue the parser left without subject."""
    names = [t for t in tokens if t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "they")]
    if not names:
        return None
    best = min(names, key=lambda t: abs(t.i - cue.i))
    return best if abs(best.i - cue.i) <= 4 else None


def _colon_speaker(tokens: list[Token]) -> Token | None:
    """ "Caddell: “...”": a bare name before a colon."""
    if len(tokens) >= 2 and tokens[-1].text == ":" and tokens[-2].ent_type_ in ("PERSON", "ORG"):
        return tokens[-2]
    return None


def attribute(
    doc: Doc, text: str, lex: Lexicon, segments: list[Segment], taken: set[int], drafts: list[Draft]
) -> list[Draft]:
    """Drafts for the segments not in ``taken`` (``text`` is ``doc.text``); may extend ``drafts`` in place."""
    paras = paragraphs(text)
    new: list[Draft] = []
    by_chain: dict[int, Draft] = {d_seg: d for d in drafts for d_seg in _chains(d, segments)}
    neighbours = _Neighbours(segments)
    for i, seg in enumerate(segments):
        if i in taken:
            continue
        lo, hi = _bounds(seg, i, segments, paras, neighbours)
        found = None
        if seg.depth == 0 and seg.chain in by_chain:
            owner = by_chain[seg.chain]
            owner.content.append((seg.start, seg.end))
            owner.segments.append(i)
            continue
        left, right = frame(doc, seg, lo, hi, "left"), frame(doc, seg, lo, hi, "right")
        sides = [("right", right), ("left", left)]
        if left and left[-1].text in (",", ":"):  # "X said, “...”" / "X said: “...”"
            sides.reverse()
        reach = 1000 if is_statement(doc, seg, MIN_WORDS) else SHORT_REACH
        if reach == SHORT_REACH and text[seg.inner_end - 1 : seg.inner_end] not in (",", "!", "?"):
            sides = [("left", left)]  # a short quote takes a cue after it only as “Yes,” she said
        if text[seg.inner_end - 1 : seg.inner_end] in (".", "!", "?") and len(right) > RIGHT_AFTER_STOP:
            sides = [side for side in sides if side[0] == "left"]  # “... .” Another sentence begins.
        quote_at = token_at(doc, seg.start)
        for side, tokens in sides:
            found = _cue_in(tokens, lex, side, reach, quote_at)
            if found:
                break
        if found is None and seg.depth == 0:
            colon = _colon_speaker(left)
            found = (left[-1], colon) if colon is not None else dash_speaker(doc, text, seg.end)
        if seg.depth == 1:
            if found is not None:
                new.append(Draft([(seg.start, seg.end)], found[0], found[1], [i]))
            continue
        short = not is_statement(doc, seg, MIN_WORDS)
        if short and (found is None or found[0].lemma_.lower() in lex.naming):
            continue
        if found is not None and is_statement(doc, seg, 2):
            same_cue = [d for d in drafts + new if d.cue is not None and d.cue.i == found[0].i]
            if same_cue:  # “It is clear,” said X, “that the talks failed.”: one quote
                same_cue[0].content.append((seg.start, seg.end))
                same_cue[0].segments.append(i)
                by_chain[seg.chain] = same_cue[0]
                continue
            draft = Draft([(seg.start, seg.end)], found[0], found[1], [i])
            new.append(draft)
            by_chain[seg.chain] = draft
            continue
        if not is_statement(doc, seg, MIN_WORDS):
            continue
        host = _host(seg, drafts + new, segments)
        if host is not None:
            host.content.append((seg.start, seg.end))
            host.segments.append(i)
            by_chain[seg.chain] = host
            continue
        if seg.paragraph > 0 and text[paras[seg.paragraph - 1][1] - 1] == ":":  # "He continued:"
            found = _cue_in(frame(doc, seg, *paras[seg.paragraph - 1], "left"), lex, "left")
            if found is not None:
                draft = Draft([(seg.start, seg.end)], found[0], found[1], [i])
                new.append(draft)
                by_chain[seg.chain] = draft
                continue
        prev = _previous_paragraph_quote(seg, drafts + new, segments, paras)
        if prev is not None:
            draft = Draft([(seg.start, seg.end)], None, None, [i], speaker_from=prev)
            new.append(draft)
            by_chain[seg.chain] = draft
        elif is_statement(doc, seg, LONE_WORDS):
            subject = _recent_subject(doc, seg, segments, paras)
            if subject is not None:
                draft = Draft([(seg.start, seg.end)], None, subject, [i])
                new.append(draft)
                by_chain[seg.chain] = draft
    _join_split_openings(text, segments, taken, drafts + new)
    return new


def _join_split_openings(text: str, segments: list[Segment], taken: set[int], drafts: list[Draft]) -> None:
    """ "“We stand ready” tweeted Johnson “to provide help”": a short opening segment that only the cue
    and the speaker separate from the quote goes with it."""
    used = taken | {i for d in drafts for i in d.segments}
    for d in drafts:
        if d.cue is None or len(d.segments) != 1 or d.segments[0] == 0:
            continue
        j = d.segments[0]
        prev, seg = segments[j - 1], segments[j]
        if j - 1 in used or prev.depth or seg.depth or prev.paragraph != seg.paragraph:
            continue
        between = text[prev.end : seg.start]
        if (
            prev.end <= d.cue.idx < seg.start
            and len(between.split()) <= 5
            and not any(c in between for c in ".!?")
        ):
            d.content.insert(0, (prev.start, prev.end))
            d.segments.insert(0, j - 1)
            used.add(j - 1)


def _chains(draft: Draft, segments: list[Segment]) -> list[int]:
    return [segments[i].chain for i in draft.segments if segments[i].depth == 0]


class _Neighbours:
    """Segments grouped by (depth, parent), their ends and starts sorted: neighbours by bisection."""

    def __init__(self, segments: list[Segment]) -> None:
        groups: dict[tuple[int, int | None], tuple[list[int], list[int]]] = {}
        for s in segments:
            ends, starts = groups.setdefault((s.depth, s.parent), ([], []))
            ends.append(s.end)
            starts.append(s.start)
        for ends, starts in groups.values():
            ends.sort()
            starts.sort()
        self.groups = groups

    def between(self, seg: Segment, lo: int, hi: int) -> tuple[int, int]:
        """``[lo, hi)`` narrowed to the gap between ``seg``'s neighbours of its own depth and parent."""
        ends, starts = self.groups[(seg.depth, seg.parent)]
        j = bisect.bisect_right(ends, seg.start)  # others that end at or before the segment's start
        if j and seg.end > seg.start:
            lo = max(lo, ends[j - 1])
        k = bisect.bisect_left(starts, seg.end)  # others that start at or after its end
        if k < len(starts) and seg.end > seg.start:
            hi = min(hi, starts[k])
        return lo, hi


def _bounds(
    seg: Segment,
    index: int,
    segments: list[Segment],
    paras: list[tuple[int, int]],
    neighbours: _Neighbours | None = None,
) -> tuple[int, int]:
    """Where the frame of ``seg`` may reach: its paragraph (or its enclosing quote), between neighbours."""
    if seg.parent is not None:
        parent = segments[seg.parent]
        lo, hi = parent.inner_start, parent.inner_end
    else:
        lo, hi = paras[seg.paragraph]
    return (neighbours or _Neighbours(segments)).between(seg, lo, hi)


def _host(seg: Segment, drafts: list[Draft], segments: list[Segment]) -> Draft | None:
    """A quote of the same paragraph that this cue-less segment continues ("“A,” X said. “B.”")."""
    same = [d for d in drafts if any(segments[j].paragraph == seg.paragraph for j in d.segments) and d.cue]
    if not same:
        return None
    return min(same, key=lambda d: abs(d.start - seg.start))


def _previous_paragraph_quote(
    seg: Segment, drafts: list[Draft], segments: list[Segment], paras: list[tuple[int, int]]
) -> Draft | None:
    """The quote of the paragraph before, whose speaker goes on speaking in this quote paragraph."""
    if seg.paragraph == 0:
        return None
    own_start, own_end = paras[seg.paragraph]
    if (seg.end - seg.start) < 0.7 * (own_end - own_start):  # only a paragraph that is all quote
        return None
    pstart, pend = paras[seg.paragraph - 1]
    candidates = [d for d in drafts if any(pstart <= a < pend for a, _ in d.content)]
    return max(candidates, key=lambda d: d.start) if candidates else None


def _recent_subject(
    doc: Doc, seg: Segment, segments: list[Segment], paras: list[tuple[int, int]]
) -> Token | None:
    """The person last named as a subject, outside quotes, in this paragraph or the one before."""
    lo = paras[max(0, seg.paragraph - 1)][0]
    quoted = [(s.start, s.end) for s in segments if s.depth == 0]
    best = None
    for ent in doccache.ents(doc):
        if ent.label_ != "PERSON" or not lo <= ent.start_char < seg.start:
            continue
        if any(a <= ent.start_char < b for a, b in quoted):
            continue
        if ent.root.dep_ in ("nsubj", "nsubjpass"):
            best = ent.root
    return best
