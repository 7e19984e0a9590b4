"""Where gold files and their article texts are: gold files under the paths given; the article
text a file beside the gold file, or a row of a corpus.

``article.file`` names a file in the gold file's folder (or below it; a path that
leaves the folder, ``../../../etc/passwd``, is refused). ``article: {corpus:
wikinews, row: 157, url: "..."}`` names a corpus row instead (rows count from 0
in CSV order; :mod:`entente.corpora` reads them); the ``url``, where given, must
be the row's own, so that a gold file never scores against the wrong article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from entente.data import DATA_MAX_BYTES
from entente.errors import E, EntenteError

CORPORA = ("wikinews", "newsarticles")
GOLD_SUFFIXES = (".gold.yaml", ".gold.yml", ".gold.json")


@dataclass(frozen=True)
class CorpusRef:
    """``article: {corpus, row, url}`` of a gold file."""

    corpus: str
    row: int
    url: str | None = None

    @property
    def id(self) -> str:
        """The corpus article's id in :mod:`entente.corpora` (``wikinews:157``)."""
        return f"{self.corpus}:{self.row}"


def inside_folder(folder: Path, name: str) -> Path | None:
    """``folder / name`` when it stays inside ``folder`` (after resolving ``..`` and links), else None."""
    if Path(name).is_absolute():
        return None
    candidate = folder / name
    try:
        candidate.resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    return candidate


def corpus_text(ref: CorpusRef, gold_path: Path) -> tuple[str, str | None]:
    """``(text, url)`` of the corpus row ``ref``; E009 naming the gold file when it cannot be had."""
    from entente import corpora

    try:
        art = corpora.article(ref.id)
    except KeyError:
        cause = f"article.row {ref.row} is not a row of the {ref.corpus} corpus (rows count from 0)"
        raise EntenteError(E.E009, source=str(gold_path), cause=cause) from None
    except EntenteError as exc:  # the corpus is not here (../shared absent) or is damaged
        cause = f"its article is the corpus row {ref.id}, which cannot be read: {exc.text}"
        raise EntenteError(E.E009, source=str(gold_path), cause=cause) from None
    except (OSError, ValueError) as exc:
        cause = f"its article is the corpus row {ref.id}, which cannot be read ({exc})"
        raise EntenteError(E.E009, source=str(gold_path), cause=cause) from None
    if ref.url is not None and (art.url or "").strip() != ref.url.strip():
        cause = (
            f"article.url {ref.url!r} is not the url of corpus row {ref.id} ({art.url!r}): the row "
            "number or the url is wrong (rows count from 0 in the CSV's order)"
        )
        raise EntenteError(E.E009, source=str(gold_path), cause=cause)
    return art.text, art.url


def file_text(path: Path, gold_path: Path) -> str:
    """The article file exactly as stored (gold offsets index it: no newline translation)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(DATA_MAX_BYTES + 1)
    except OSError as exc:
        cause = f"its article text {path.name} cannot be read ({exc.strerror or exc})"
        raise EntenteError(E.E009, source=str(gold_path), cause=cause) from None
    if len(raw) > DATA_MAX_BYTES:
        cause = f"its article text {path.name} is over {DATA_MAX_BYTES} bytes"
        raise EntenteError(E.E009, source=str(gold_path), cause=cause)
    return raw.decode("utf-8", errors="replace")


def gold_name(path: Path) -> str:
    """``NAME`` of ``NAME.gold.yaml``."""
    for suffix in GOLD_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


def is_gold_file(path: Path) -> bool:
    return path.name.endswith(GOLD_SUFFIXES)


def find_gold_in(paths: Iterable[str | Path]) -> list[tuple[Path, tuple[str, ...]]]:
    """Gold files named by ``paths``, each with the names of the folders from the given folder
    down to it (empty for a file given directly). Folders are searched recursively, in order."""
    found: dict[Path, tuple[str, ...]] = {}
    for p in map(Path, paths):
        if p.is_dir():
            root = p.resolve()
            for f in sorted(f for f in p.rglob("*") if f.is_file() and is_gold_file(f)):
                between = f.resolve().parent.relative_to(root).parts
                found.setdefault(f, (root.name, *between))
        elif p.is_file():
            found.setdefault(p, ())
        else:
            raise EntenteError(E.E001, source=str(p))
    return list(found.items())
