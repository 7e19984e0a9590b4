"""``entente eval-pages``: main-text extraction on saved publisher pages against their verified text.

The folder holds pages in the fundus-en format (../shared/corpora/fundus-en/README.md):
``NAME.html.gz`` (or ``NAME.html``) beside ``NAME.json`` with url, title, summary
(the standfirst lines) and paragraphs. Each page is scored the way trafilatura's own
evaluation does: word-level precision, recall and F1 of the extracted text against the
reference (NFKC, lower-cased word tokens, a bag with counts), macro-averaged over pages.
Bare trafilatura (the same options entente uses) is scored in the same run.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from entente.cli.base import main

_WORD = re.compile(r"\w+")
LOW_F1 = 0.9


def tokens(text: str) -> list[str]:
    """The word tokens of ``text``: NFKC, lower-cased."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def prf(found: list[str], expected: list[str]) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 (counts kept)."""
    overlap = sum((Counter(found) & Counter(expected)).values())
    p = overlap / len(found) if found else 0.0
    r = overlap / len(expected) if expected else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _contains(hay: list[str], needle: list[str]) -> bool:
    if not needle:
        return True
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1) if hay[i] == needle[0])


@dataclass(frozen=True)
class Page:
    name: str
    html: str
    url: str | None
    title: str
    summary: tuple[str, ...]
    paragraphs: tuple[str, ...]

    @property
    def reference(self) -> str:
        """``summary + paragraphs``, a standfirst line that opens the paragraphs counted once."""
        lead = [s for s in self.summary if s not in self.paragraphs]
        return "\n".join([*lead, *self.paragraphs])


@dataclass(frozen=True)
class PageScore:
    name: str
    p: float
    r: float
    f1: float
    title_exact: bool | None  # None: the extractor gives no title
    headline_repeated: bool
    standfirst_kept: bool | None  # None: the page has no standfirst
    language: str | None
    flagged: bool  # a non-English warning was given


def read_pages(folder: Path) -> Iterator[Page]:
    for meta in sorted(folder.glob("*.json")):
        name = meta.name[: -len(".json")]
        gz, plain = folder / f"{name}.html.gz", folder / f"{name}.html"
        if gz.exists():
            html = gzip.decompress(gz.read_bytes()).decode("utf-8", errors="replace")
        elif plain.exists():
            html = plain.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        data = json.loads(meta.read_text(encoding="utf-8"))
        yield Page(
            name=name,
            html=html,
            url=data.get("url"),
            title=str(data.get("title") or ""),
            summary=tuple(str(s) for s in data.get("summary") or ()),
            paragraphs=tuple(str(s) for s in data.get("paragraphs") or ()),
        )


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    language: str | None = None
    flagged: bool = False


def entente_extract(page: Page) -> Extracted:
    from entente.errors import EntenteError
    from entente.ingest import load_string

    try:
        doc = load_string(page.html, source=page.name, url=page.url, input_format="html")
    except EntenteError:
        return Extracted("", None)
    flagged = any(w.startswith("[W001]") for w in doc.warnings)
    return Extracted(doc.info.text, doc.info.title, doc.info.language, flagged)


def trafilatura_extract(page: Page) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(
        page.html,
        url=page.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    return Extracted(getattr(doc, "text", None) or "", getattr(doc, "title", None))


def score_page(page: Page, got: Extracted) -> PageScore:
    p, r, f1 = prf(tokens(got.text), tokens(page.reference))
    want_title = tokens(page.title)
    first = next((line for line in got.text.split("\n") if line.strip()), "")
    first_t = tokens(first)
    repeated = bool(first_t) and (
        first_t == want_title or (got.title is not None and first_t == tokens(got.title))
    )
    body = tokens(got.text)
    kept = all(_contains(body, tokens(s)) for s in page.summary) if page.summary else None
    return PageScore(
        name=page.name,
        p=p,
        r=r,
        f1=f1,
        title_exact=None if got.title is None else tokens(got.title) == want_title,
        headline_repeated=repeated,
        standfirst_kept=kept,
        language=got.language,
        flagged=got.flagged,
    )


@dataclass(frozen=True)
class Summary:
    name: str
    pages: tuple[PageScore, ...]

    def _mean(self, key: Callable[[PageScore], float]) -> float:
        return sum(key(s) for s in self.pages) / len(self.pages) if self.pages else 0.0

    def figures(self) -> dict[str, object]:
        sf = [s.standfirst_kept for s in self.pages if s.standfirst_kept is not None]
        return {
            "pages": len(self.pages),
            "f1": round(self._mean(lambda s: s.f1), 4),
            "precision": round(self._mean(lambda s: s.p), 4),
            "recall": round(self._mean(lambda s: s.r), 4),
            "under_0.9": [f"{s.name} {s.f1:.3f}" for s in self.pages if s.f1 < LOW_F1],
            "titles_exact": round(self._mean(lambda s: float(bool(s.title_exact))), 4),
            "headline_repeated": [s.name for s in self.pages if s.headline_repeated],
            "standfirst_kept": f"{sum(sf)}/{len(sf)}",
            "standfirst_kept_share": round(sum(sf) / len(sf), 4) if sf else None,
            "non_english": [f"{s.name} {s.language}" for s in self.pages if s.flagged],
        }


def evaluate(folder: Path, bare: bool = True) -> list[Summary]:
    pages = list(read_pages(folder))
    out = [Summary("entente", tuple(score_page(p, entente_extract(p)) for p in pages))]
    if bare:
        out.append(Summary("trafilatura", tuple(score_page(p, trafilatura_extract(p)) for p in pages)))
    return out


def render(summaries: list[Summary], per_page: bool = False) -> str:
    lines: list[str] = []
    for s in summaries:
        f = s.figures()
        lists = {key: [str(x) for x in f[key]] for key in ("under_0.9", "headline_repeated", "non_english")}  # type: ignore[attr-defined]
        lines.append(
            f"{s.name:12} pages {f['pages']}  F1 {f['f1']:.3f}  P {f['precision']:.3f}  R {f['recall']:.3f}"
            f"  titles exact {f['titles_exact']:.3f}  headline repeated {len(lists['headline_repeated'])}"
            f"  standfirst kept {f['standfirst_kept']}  non-English {len(lists['non_english'])}"
        )
        lines += [f"  {key}: {item}" for key, items in lists.items() for item in items]
        if per_page:
            for ps in s.pages:
                lines.append(
                    f"  {ps.name:40} F1 {ps.f1:.3f} P {ps.p:.3f} R {ps.r:.3f} title {ps.title_exact}"
                    f" standfirst {ps.standfirst_kept} lang {ps.language}"
                )
    return "\n".join(lines)


@main.command("eval-pages")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--no-bare", is_flag=True, help="Do not score bare trafilatura beside entente.")
@click.option("--pages", "per_page", is_flag=True, help="One line per page as well.")
@click.option("--json", "as_json", is_flag=True, help="The figures as JSON.")
def eval_pages_command(folder: Path, no_bare: bool, per_page: bool, as_json: bool) -> None:
    """Score HTML main-text extraction on saved pages with verified text (fundus-en format).

    Prints macro word-level F1, precision and recall, the pages under F1 0.9, the share of
    exact titles, pages whose first body line repeats the headline, the standfirsts kept and
    the pages flagged non-English, for entente and for bare trafilatura.

    \b
    Example:
      entente eval-pages ../shared/corpora/fundus-en
    """
    summaries = evaluate(folder, bare=not no_bare)
    if as_json:
        click.echo(json.dumps({s.name: s.figures() for s in summaries}, indent=2))
    else:
        click.echo(render(summaries, per_page))
