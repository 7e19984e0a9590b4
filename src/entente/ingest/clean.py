"""Strip page furniture from a text while keeping its paragraphs and an exact offset map.

The text is read as paragraphs (runs of non-blank lines) of lines. A line is
dropped when it is a lone credit or boilerplate ("Reuters", "Loading...",
"Advertisement"), a map legend ("██ On ballot"), a repeat of an earlier line
or paragraph of at least ``duplicate_min_words`` words (a photo caption
printed twice), a caption that repeats a body sentence, or stray navigation
at the very start or end of the text. A caption line loses its trailing
credit ("... Photo: Reuters"). Kept lines keep their own newlines; kept
paragraphs keep the blank lines that followed them in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from entente.ingest.dateline import parse_dateline
from entente.ingest.rules import Rules, rules
from entente.ingest.textmap import MappedText

_WORD = re.compile(r"\w+")
_BULLET = re.compile(r"^[-–—•*·]+\s+")


@dataclass
class Line:
    start: int  # index in the text
    end: int  # index of the newline after the line (or the text's end)
    keep_end: int  # end of the part kept (before a trailing credit)
    para: int
    content_end: int  # ``end`` less a carriage return
    drop: bool = False
    caption: bool = False

    def content(self, text: str) -> str:
        return text[self.start : self.keep_end]


@dataclass(frozen=True)
class Cleaned:
    text: MappedText
    removed: tuple[tuple[int, int], ...]  # ranges of the source (raw) text
    title: str | None
    dateline: date | None


def _key(s: str) -> str:
    return " ".join(s.split())


def _split(text: str) -> list[Line]:
    lines: list[Line] = []
    para, pos, blank_before = -1, 0, True
    for chunk in text.split("\n"):
        end = pos + len(chunk)
        content_end = end - 1 if chunk.endswith("\r") else end
        if chunk.strip():
            para += blank_before
            lines.append(Line(pos, end, content_end, para, content_end))
            blank_before = False
        else:
            blank_before = True
        pos = end + 1
    return lines


def _classify(text: str, lines: list[Line], r: Rules) -> None:
    for ln in lines:
        s = ln.content(text).strip()
        bare = _BULLET.sub("", s)  # a list item's text
        if (
            r.legend.match(s)
            or r.lone_line.fullmatch(s)
            or r.lone_line.fullmatch(bare)
            or (len(lines) > 1 and _contains_furniture(s, r))  # never the whole of a one-line text
        ):
            ln.drop = True
            continue
        for pat in r.trailing_credit:
            m = pat.search(text, max(ln.start, ln.keep_end - 200), ln.keep_end)  # credits are short
            if m and m.end() == ln.keep_end and len(text[ln.start : m.start()].split()) >= 2:
                ln.keep_end = ln.start + len(text[ln.start : m.start()].rstrip())
                ln.caption = True


def _contains_furniture(s: str, r: Rules) -> bool:
    return (
        r.contains is not None and len(s.split()) <= r.contains_max_words and r.contains.search(s) is not None
    )


def _drop_teasers_and_embeds(text: str, lines: list[Line], r: Rules) -> None:
    """A teaser label goes with the headline after it (or its list of headlines); a post's
    signature with its post."""
    for i, ln in enumerate(lines):
        s = ln.content(text).strip()
        if r.teaser_label.fullmatch(s):
            ln.drop = True
            after = lines[i + 1 : i + 1 + r.teaser_max_items]
            for n, nxt in enumerate(after):
                line = nxt.content(text)
                if not _title_like(line, r) or _ends_sentence(line, r):
                    break
                if n > 0 and not (
                    _BULLET.match(line.strip()) and _BULLET.match(after[0].content(text).strip())
                ):
                    break
                nxt.drop = True
        elif r.embed_signature.fullmatch(s):
            ln.drop = True
            post = [p for p in lines[:i] if p.para == ln.para]
            if len(post) < r.embed_max_lines:
                for p in post:
                    p.drop = True


def _ends_sentence(s: str, r: Rules) -> bool:
    s = s.rstrip()
    return bool(s) and s[-1] in r.sentence_punct


def _title_like(s: str, r: Rules) -> bool:
    s = s.strip()
    return len(s.split()) <= r.title_max_words and not s.endswith(".")


def _title_and_date(text: str, lines: list[Line], r: Rules) -> tuple[int | None, date | None, set[int]]:
    """The title line (the first kept line, if title-like), the dateline's date, the dateline lines.

    A run of two or more navigation lines ("Home", "World") before a title-like
    line is breadcrumb navigation: it is dropped and the line after it is the title.
    """
    kept = [i for i, ln in enumerate(lines) if not ln.drop]
    crumbs = 0
    while crumbs < min(len(kept) - 1, r.nav_max_lines) and _nav_like(lines[kept[crumbs]].content(text), r):
        crumbs += 1
    if crumbs >= 2 and _title_like(lines[kept[crumbs]].content(text), r):
        for i in kept[:crumbs]:
            lines[i].drop = True
        kept = kept[crumbs:]
    title, found, datelines = None, None, set()
    for n, i in enumerate(kept[:4]):
        d = parse_dateline(lines[i].content(text))
        if d is not None:
            datelines.add(i)
            found = found or d
        elif n == 0 and _title_like(lines[i].content(text), r):
            title = i
    return title, found, datelines


def _drop_repeats(text: str, lines: list[Line], r: Rules, protect: set[int]) -> None:
    seen: set[str] = set()
    for ln in lines:
        key = _key(ln.content(text))
        if ln.drop or len(key.split()) < r.duplicate_min_words:
            continue
        if key in seen:
            ln.drop = True
        seen.add(key)
    paras: dict[int, list[Line]] = {}
    for ln in lines:
        if not ln.drop:
            paras.setdefault(ln.para, []).append(ln)
    seen = set()
    for group in paras.values():
        key = " ".join(_key(ln.content(text)) for ln in group)
        if len(group) > 1 and len(key.split()) >= r.duplicate_min_words:
            if key in seen:
                for ln in group:
                    ln.drop = True
            seen.add(key)
    body = [_key(ln.content(text)) for ln in lines if not ln.drop and not ln.caption]
    for ln in lines:
        key = _key(ln.content(text))
        long_enough = len(key.split()) >= r.caption_repeat_min_words
        if ln.caption and not ln.drop and long_enough and any(key in b for b in body):
            ln.drop = True
    _drop_caption_repeats(text, lines, r, protect)


def _drop_caption_repeats(text: str, lines: list[Line], r: Rules, protect: set[int]) -> None:
    """A line without closing punctuation whose words all stand in another line: a photo caption."""
    keys = [" " + " ".join(_WORD.findall(ln.content(text).lower())) + " " for ln in lines]
    kept = [i for i, ln in enumerate(lines) if not ln.drop]
    for i in kept:
        s = lines[i].content(text)
        if i in protect or _ends_sentence(s, r) or len(keys[i].split()) < r.caption_copy_min_words:
            continue
        if any(j != i and not lines[j].drop and keys[i] in keys[j] for j in kept):
            lines[i].drop = True


def _nav_like(s: str, r: Rules) -> bool:
    s = s.strip()
    return (
        len(s) <= r.nav_max_chars
        and len(s.split()) <= r.nav_max_words
        and s[-1] not in r.sentence_punct
        and s[0] not in "\"'“‘—–-(["
    )


def _drop_edge_nav(text: str, lines: list[Line], r: Rules, protect: set[int]) -> None:
    kept = [i for i, ln in enumerate(lines) if not ln.drop]
    for order in (kept[::-1], kept):
        run: list[int] = []
        for i in order:
            if i in protect:
                if run:
                    break
                continue
            if not _nav_like(lines[i].content(text), r):
                break
            run.append(i)
        rest = len(kept) - len(protect & set(kept)) - len(run)
        if 0 < len(run) <= r.nav_max_lines and rest > 0:
            for i in run:
                lines[i].drop = True
        kept = [i for i in kept if not lines[i].drop]


def _removed(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    out = []
    for ln in lines:
        start = ln.start if ln.drop else ln.keep_end
        seg = text[start : ln.content_end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((start + lead, start + len(seg.rstrip())))
    return out


def _keep_ranges(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    paras: dict[int, list[Line]] = {}
    for ln in lines:
        paras.setdefault(ln.para, []).append(ln)
    order = sorted(paras)
    pending_sep: tuple[int, int] | None = None
    for p in order:
        kept = [ln for ln in paras[p] if not ln.drop]
        if not kept:
            continue
        if pending_sep is not None:
            ranges.append(pending_sep)
        for n, ln in enumerate(kept):
            ranges.append((ln.start, ln.keep_end))
            if n + 1 < len(kept):
                ranges.append((ln.content_end, ln.end + 1))
        last = paras[p][-1]
        nxt = next((q for q in order if q > p), None)
        pending_sep = (last.content_end, paras[nxt][0].start) if nxt is not None else None
    return ranges


def clean(mt: MappedText) -> Cleaned:
    """Remove page furniture from ``mt`` (whose offsets index the raw input)."""
    r = rules()
    removed: list[tuple[int, int]] = []
    if r.inline is not None:
        spans = [(m.start(), m.end()) for m in r.inline.finditer(mt.text)]
        removed += [mt.source_span(s + (mt.text[s].isspace()), e) for s, e in spans]
        mt = mt.keep(_complement(spans, len(mt.text)))
    text = mt.text
    lines = _split(text)
    _classify(text, lines, r)
    _drop_teasers_and_embeds(text, lines, r)
    title, found, datelines = _title_and_date(text, lines, r)
    protect = datelines | ({title} if title is not None else set())
    _drop_repeats(text, lines, r, protect)
    _drop_edge_nav(text, lines, r, protect)
    removed += [mt.source_span(s, e) for s, e in _removed(text, lines)]
    title_text = _key(lines[title].content(text)) if title is not None and not lines[title].drop else None
    mt = mt.keep(_keep_ranges(text, lines))
    if r.trailing is not None:
        while (m := r.trailing.search(mt.text)) is not None and m.start() > 0:
            s = m.start() + len(m.group()) - len(m.group().lstrip())
            removed.append(mt.source_span(s, len(mt.text.rstrip())))
            mt = mt.keep([(0, m.start())])
    return Cleaned(mt, tuple(sorted(removed)), title_text, found)


def _complement(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in spans:
        out.append((pos, s))
        pos = e
    out.append((pos, n))
    return out
