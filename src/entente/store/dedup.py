"""Near-duplicates: MinHash signatures of word shingles, LSH bands kept in the store.

Syndicated wire copies and lightly edited re-posts share most of their word
3-grams. Each article's MinHash (datasketch, 128 permutations) is stored, and
cut into ``b`` bands of ``r`` values (datasketch's optimal split for the
threshold); each band's hash goes into the ``lsh_bands`` table. A new article
looks up the articles that share a band with it (an indexed query, so the LSH
index lives in the database, survives across runs and needs no memory), then
keeps the candidate whose estimated Jaccard similarity is highest and at least
the threshold. See docs/store.md for why these parameters.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.5
SHINGLE = 3  # words per shingle
SEED = 1
SCHEME = "affine32"

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Params:
    num_perm: int
    threshold: float
    shingle: int
    seed: int
    scheme: str
    bands: int
    rows: int

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)


@cache
def params(
    num_perm: int = NUM_PERM, threshold: float = THRESHOLD, shingle: int = SHINGLE, seed: int = SEED
) -> Params:
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return Params(num_perm, threshold, shingle, seed, SCHEME, lsh.b, lsh.r)


@cache
def _template(num_perm: int, seed: int) -> MinHash:
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME)  # type: ignore[arg-type]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Lower-cased word ``size``-grams of ``text`` (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, p: Params | None = None) -> np.ndarray | None:
    """The MinHash values of ``text`` (uint32), or None for a text without words."""
    p = p or params()
    grams = shingles(text, p.shingle)
    if not grams:
        return None
    m = _template(p.num_perm, p.seed).copy()
    m.update_batch(list(grams))
    return np.asarray(m.hashvalues, dtype=np.uint32)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def band_keys(values: np.ndarray, p: Params | None = None) -> list[tuple[int, str]]:
    """``(band, key)`` for each LSH band: two articles sharing one are candidates."""
    p = p or params()
    raw = values.astype("<u4")
    return [
        (band, hashlib.sha1(raw[band * p.rows : (band + 1) * p.rows].tobytes()).hexdigest()[:16])
        for band in range(p.bands)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (datasketch's ``MinHash.jaccard``)."""
    if len(a) != len(b):
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)
