"""Running entente over gold texts, scoring, pooling and checking floors."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language

from entente.data import read_text
from entente.errors import E, EntenteError
from entente.eval.gold import Gold, find_gold_in, gold_text, load_gold
from entente.eval.score import FIGURES, SECTION_KEY, Counts, Figure, FileScore, figures, pool, score_file
from entente.yamlio import load_yaml

DEFAULT_FLOORS = Path(__file__).with_name("floors.yaml")


@dataclass
class EvalResult:
    golds: list[Gold]
    scores: list[FileScore]
    seconds: float = 0.0
    keys: list[str] = field(default_factory=list)  # display name of each file
    folders: list[tuple[str, ...]] = field(
        default_factory=list
    )  # folders from a given PATH down to each file

    @property
    def total_counts(self) -> Counts:
        return pool([s.counts for s in self.scores])

    @property
    def total(self) -> dict[str, Figure]:
        return figures(self.total_counts)


def display_names(golds: Sequence[Gold]) -> list[str]:
    """``NAME`` of each gold file; its path where two files share a name."""
    names = [g.name for g in golds]
    return [str(g.path) if names.count(g.name) > 1 else g.name for g in golds]


def analyse(golds: Sequence[Gold], nlp: Language | None = None) -> list[dict[str, Any]]:
    """System output (``to_dict``) for each gold file's article, with ``nlp.pipe`` over all of them."""
    from entente.analyze import analyze_many
    from entente.report.jsonout import to_dict

    documents = [_document(g) for g in golds]
    return [to_dict(a) for a in analyze_many(documents, nlp=nlp)]


def _document(gold: Gold) -> Any:
    """The gold file's article as entente reads it: the file, or the corpus row's text."""
    from entente.ingest import load_document
    from entente.ingest.read import load_string

    if gold.corpus_ref is None:
        return load_document(str(gold.text_path), published=gold.reference_date)
    return load_string(
        gold_text(gold), source=gold.corpus_ref.id, published=gold.reference_date, url=gold.corpus_ref.url
    )


def read_source(path: Path) -> str:
    """The article text exactly as stored: gold offsets index it (no newline translation)."""
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        return fh.read()


def source_text(gold: Gold) -> str:
    """The text the gold offsets index: the file as stored, or the corpus row's text."""
    return read_source(gold.text_path) if gold.corpus_ref is None else gold_text(gold)


def evaluate(paths: Iterable[str | Path], nlp: Language | None = None) -> EvalResult:
    """Load every gold file under ``paths``, analyse its text and score it."""
    started = time.perf_counter()
    paths = list(paths)
    found = find_gold_in(paths)
    if not found:  # a mistyped or empty folder must not pass the gate
        shown = ", ".join(str(p) for p in paths)
        raise EntenteError(E.E033, source=shown, path=shown)
    golds = [load_gold(p) for p, _ in found]
    outputs = analyse(golds, nlp=nlp) if golds else []
    scores = [score_file(g, out, source_text(g)) for g, out in zip(golds, outputs, strict=True)]
    seconds = time.perf_counter() - started
    return EvalResult(golds, scores, seconds, display_names(golds), [folders for _, folders in found])


# --- floors -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Floor:
    key: str  # a gold file NAME or a folder name
    figure: str
    bound: float | bool
    kind: str = "min"  # "min": figure >= bound; "max": figure <= bound


@dataclass(frozen=True)
class FloorCheck:
    floor: Floor
    value: Figure
    ok: bool
    files: int

    def describe(self) -> str:
        f = self.floor
        op = ">=" if f.kind == "min" else "<="
        shown = "n/a" if self.value is None else _fmt(self.value)
        bound = f"{f.bound:g}" if isinstance(f.bound, float) else _fmt(f.bound)
        verdict = "ok" if self.ok else "BELOW FLOOR"
        return f"{f.key}: {f.figure} = {shown} (floor {op} {bound}, {self.files} files) {verdict}"


def _fmt(value: Figure) -> str:
    if isinstance(value, bool):
        return "pass" if value else "fail"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _bad(path: Path, cause: str) -> EntenteError:
    return EntenteError(E.E013, source=str(path), path=str(path), cause=cause)


def _floor(path: Path, key: str, figure: str, spec: Any) -> Floor:
    if figure not in FIGURES:
        raise _bad(path, f"'{key}.{figure}' is not a figure (one of: {', '.join(FIGURES)})")
    kind = "min"
    if isinstance(spec, dict):
        if len(spec) != 1 or next(iter(spec)) not in ("min", "max"):
            raise _bad(path, f"'{key}.{figure}' must be a number, true, {{min: N}} or {{max: N}}")
        kind, spec = next(iter(spec.items()))
    if figure == "caption_once":
        if not isinstance(spec, bool):
            raise _bad(path, f"'{key}.caption_once' must be true or false")
        return Floor(key, figure, spec, kind)
    if isinstance(spec, bool) or not isinstance(spec, int | float):
        raise _bad(path, f"'{key}.{figure}' must be a number, got {spec!r}")
    return Floor(key, figure, float(spec), kind)


def load_floors(path: str | Path = DEFAULT_FLOORS) -> list[Floor]:
    """Floors file: ``{gold NAME or folder name: {figure: minimum | {max: N} | {min: N}}}``."""
    p = Path(path)
    text = read_text(p, code=E.E013)
    try:
        data = load_yaml(text)
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise _bad(p, " ".join(str(exc).split())[:300] or "it is nested too deeply") from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise _bad(p, "the top level must map names to figures")
    floors: list[Floor] = []
    for key, specs in data.items():
        if not isinstance(specs, dict):
            raise _bad(p, f"'{key}' must map figure names to floors")
        floors.extend(_floor(p, str(key), str(figure), spec) for figure, spec in specs.items())
    return floors


def files_for(key: str, result: EvalResult) -> list[int]:
    """Indices of the files a floor key covers: the file ``NAME``, or every file inside a folder ``key``
    that was given as PATH or lies below one (a folder floor is not checked on a file given alone)."""
    out = []
    for i, gold in enumerate(result.golds):
        folders = result.folders[i] if i < len(result.folders) else ()
        if key in (gold.name, gold.path.name) or key in folders:
            out.append(i)
    return out


def _meets(floor: Floor, value: Figure) -> bool:
    if value is None:
        return False
    if floor.kind == "max":
        return value <= floor.bound
    return value >= floor.bound


def check_floors(result: EvalResult, floors: Sequence[Floor]) -> list[FloorCheck]:
    """Each floor whose files were scored and hold its section; ``n/a`` under a floor fails it."""
    checks = []
    for floor in floors:
        idx = files_for(floor.key, result)
        counts = pool([result.scores[i].counts for i in idx])
        if not idx or SECTION_KEY[floor.figure] not in counts:
            continue  # not evaluated this time, or no gold section for it
        value = figures(counts)[floor.figure]
        checks.append(FloorCheck(floor, value, _meets(floor, value), len(idx)))
    return checks
