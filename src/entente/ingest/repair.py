"""Repair punctuation that an encoding accident mangled, keeping an exact offset map.

Texts of the NewsArticles corpus lost their curly quotes, apostrophes and
dashes: a closing quote, an apostrophe or a dash followed by a space came out
as ``"?`` ("choice,"?Sen.", "DeVos"?nomination", "in Yemen "?in which"), an
apostrophe inside a word as ``"`` ("didn"t"), an opening quote as ``"`` plus
U+FFFD and a pound or euro sign as ``?`` ("?25 million"). Each repair replaces
characters one for one (the new character maps to the position of the one it
replaces) or drops them; a dash written as " — " may map two characters to the
position of the ``"`` it replaces. Genuine question marks stay: a ``"?`` that
ends a quoted phrase in a question ("Is it "terrorism"? ...") is kept, and no
``"?`` is touched unless the text shows unambiguous damage elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from entente.ingest.data import load
from entente.ingest.textmap import Editor, MappedText

APOSTROPHE = "\u2019"
DASH = "\u2014"
_EVIDENCE = re.compile(r'"\ufffd?\?(?=[A-Za-z0-9"(#@-])|[.,!;:]"\?|\s"\?')
_OPENERS = " \t\n([{-\u2014\u2013/"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    data = load("furniture")
    suffixes = "|".join(sorted(data["contraction_suffixes"], key=len, reverse=True))
    sites = re.compile(
        r'(?P<qm>"\ufffd?\?)|(?P<bad>"\ufffd)'
        rf'|(?<=[A-Za-z])(?P<apo>")(?=(?:{suffixes})(?![A-Za-z]))'
        r'|(?<![\w?"])(?P<cur>\?)(?=\d)'
    )
    questions = frozenset(w.lower() for w in data["question_words"])
    euro = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["euro_cues"]) + r")\b")
    return sites, questions, euro


def _quote_open(text: str, pos: int) -> bool:
    """Is a quotation opened before ``pos`` on the same line and not yet closed?"""
    i = pos - 1
    floor = max(0, pos - 400)
    while i >= floor:
        c = text[i]
        if c == "\n":
            return False
        if c == '"':
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prev = text[i - 1] if i > 0 else ""
            if nxt == "?" or text[i + 1 : i + 3] == "\ufffd?":
                return False  # a mangled closing quote or dash
            if nxt == "\ufffd" or prev == "" or prev in _OPENERS:
                return True
            if prev.isalpha() and nxt.isalpha():
                i -= 1  # an apostrophe inside a word ("didn"t")
                continue
            return False  # a closing quote
        i -= 1
    return False


def _in_question(text: str, pos: int, questions: frozenset[str]) -> bool:
    """Does the sentence holding ``pos`` open with a question word?"""
    start = max(0, pos - 300)
    cut = max(text.rfind(". ", start, pos), text.rfind("? ", start, pos), text.rfind("! ", start, pos))
    cut = max(cut + 2 if cut >= 0 else start, text.rfind("\n", start, pos) + 1)
    m = re.match(r"[\s\"'\u201c\u2018(\ufffd-]*([A-Za-z']+)", text[cut:pos])
    return m is not None and m.group(1).lower() in questions


def repair(text: str) -> MappedText:
    """Return ``text`` with mangled punctuation repaired (see the module docs)."""
    sites, questions, euro = _patterns()
    damaged = _EVIDENCE.search(text) is not None
    currency = "€" if euro.search(text) else "£"
    ed = Editor(text)
    done = 0
    for m in sites.finditer(text):
        pos = m.start()
        kind = m.lastgroup
        if kind == "qm" and not damaged:
            continue
        ed.copy(done, pos)
        done = m.end()
        if kind == "bad":
            ed.copy(pos, pos + 1)  # keep the quote, drop U+FFFD
        elif kind == "apo":
            ed.replace(pos, APOSTROPHE)
        elif kind == "cur":
            ed.replace(pos, currency)
        else:
            _repair_qm(text, pos, m.end() - 1, ed, questions)
    ed.copy(done, len(text))
    return ed.result()


def _repair_qm(text: str, pos: int, qpos: int, ed: Editor, questions: frozenset[str]) -> None:
    """Repair one '"?' (or '"\ufffd?'): the '"' at ``pos``, the '?' at ``qpos``."""
    prev = ed.last_char()
    nxt = text[qpos + 1] if qpos + 1 < len(text) else ""
    spaced = nxt != "" and not nxt.isspace()
    if prev == "" or prev.isspace() or prev in "-\u2013\u2014":
        ed.replace(pos, DASH)  # ' "?in which' -> ' — in which'
        if spaced:
            ed.replace(qpos, " ")
        return
    if prev.isalnum() and not _quote_open(text, pos):
        if prev in "sS" and nxt.islower():
            ed.replace(pos, APOSTROPHE)  # 'insurers"?decisions' -> 'insurers’ decisions'
        else:
            ed.replace(pos, " ")  # 'source"?who' -> 'source — who'
            ed.replace(pos, DASH)
        if spaced:
            ed.replace(qpos, " ")
        return
    if not spaced and prev.isalnum() and _in_question(text, pos, questions):
        ed.copy(pos, pos + 1)  # a genuine question mark after a quoted phrase
        ed.copy(qpos, qpos + 1)
        return
    ed.copy(pos, pos + 1)  # a closing quote
    if spaced:
        ed.replace(qpos, " ")
