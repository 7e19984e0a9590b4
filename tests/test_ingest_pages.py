"""HTML pages: titles, headline, standfirst, JSON-LD body, embeds, language (issue 12).

The small pages here are written for these tests. The last test scores the saved
publisher pages of ../shared/corpora/fundus-en and skips when they are absent.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from entente.cli import main
from entente.cli.pages import evaluate, prf, tokens
from entente.ingest import load_string, load_text
from entente.ingest.html import extract, strip_site_suffix
from entente.ingest.lang import guess

P1 = (
    "The mayors of two neighbouring harbour towns signed an accord on Tuesday that lets their fishing "
    "fleets share the grounds off the northern cape, ending a quarrel of almost a decade."
)
P2 = (
    "Under the accord, each town will license an equal number of boats, and a joint board will set "
    "catch limits every spring after hearing from marine scientists."
)
P3 = (
    "Local fishermen welcomed the deal, although some said the catch limits would matter more than "
    "the signatures, and asked the board to publish its figures early."
)
HEADLINE = "Harbour towns sign a fishing accord"
STANDFIRST = "Two towns end a decade-long quarrel over the northern fishing grounds"


def page(
    body: str,
    *,
    title: str = f"{HEADLINE} | The Coastal Ledger",
    description: str = "",
    ld: dict | None = None,
    before: str = "",
) -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
        f'<meta property="og:site_name" content="The Coastal Ledger">{meta}{script}</head>'
        f"<body><main><article><h1>{HEADLINE}</h1>{before}{body}</article></main></body></html>"
    )


BODY = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"


@pytest.mark.parametrize(
    ("title", "outlets", "expected"),
    [
        (f"{HEADLINE} | The Coastal Ledger", ("The Coastal Ledger",), HEADLINE),
        (f"{HEADLINE} - The Coastal Ledger", ("Coastal Ledger",), HEADLINE),
        (f"{HEADLINE} — COASTAL LEDGER", ("The Coastal Ledger",), HEADLINE),
        (f"{HEADLINE} | The Coastal Ledger | by Jane Roe", ("The Coastal Ledger",), HEADLINE),
        (f"{HEADLINE} * The Coastal Ledger * by Jane Roe", ("coastalledger",), HEADLINE),  # the host name
        # a suffix that is not the outlet stays
        ("War at sea - a review", ("The Coastal Ledger",), "War at sea - a review"),
        ("BUDGET 2024 | Towns get more for their harbours", ("The Coastal Ledger",), None),
        # no outlet known, or the title is only the outlet's name
        (f"{HEADLINE} | The Coastal Ledger", (), None),
        ("The Coastal Ledger", ("The Coastal Ledger",), None),
    ],
)
def test_site_suffix(title: str, outlets: tuple[str, ...], expected: str | None) -> None:
    assert strip_site_suffix(title, outlets) == (expected if expected is not None else title)


@pytest.mark.parametrize(
    ("html", "first", "absent"),
    [
        # the headline repeated as the first paragraph is dropped; the title loses its suffix
        (page(f"<p>{HEADLINE}</p>{BODY}"), P1, HEADLINE),
        # so is a line that is only the date (the page's metadata has it)
        (page(f"<p>{HEADLINE}</p><p>17:41 GMT, October 13, 2024</p>{BODY}"), P1, "17:41"),
        # a list of links under a teaser label is a related-stories block
        (
            page(
                f"<p>{P1}</p><div>Read More</div><ol><li><a href='/a'>Ferry timetable changes</a></li>"
                "<li>Advertisement</li><li><a href='/b'>Lighthouse reopens</a></li></ol>"
                f"<p>{P2}</p><p>{P3}</p>"
            ),
            P1,
            "Ferry timetable",
        ),
        # a standfirst shown under the headline (the page's description) comes first
        (page(BODY, description=STANDFIRST, before=f"<p class='intro'>{STANDFIRST}</p>"), STANDFIRST, None),
        # ... and so does one that only its class names
        (page(BODY, before=f"<div class='article-subtitle'>{STANDFIRST}</div>"), STANDFIRST, None),
        # a description the page does not show is not added
        (page(BODY, description=STANDFIRST), P1, STANDFIRST),
        # an embedded post and a sign-up box are removed before the text is extracted
        (
            page(
                f"<p>{P1}</p><blockquote class='twitter-tweet'><p>The ferry is late again, what a day.</p>"
                "— Jane Roe (@janeroe) <a href='#'>May 3, 2024</a></blockquote>"
                f"<p>{P2}</p><div class='box'><p>Sign up for our daily newsletter</p></div><p>{P3}</p>"
            ),
            P1,
            "janeroe",
        ),
    ],
)
def test_extract(html: str, first: str, absent: str | None) -> None:
    art = extract(html, "<test>")
    assert art.title == HEADLINE
    assert art.text.split("\n\n")[0] == first
    assert P3 in art.text
    if absent:
        assert absent not in art.text
        assert "newsletter" not in art.text


def test_jsonld_article_body_when_much_longer() -> None:
    extra = [
        f"Paragraph {n} of the second container tells what the harbour board decided at its meeting."
        for n in range(12)
    ]
    ld = {"@type": "NewsArticle", "articleBody": "\n".join([P1, P2, P3, *extra, "+++dropcap"])}
    art = extract(page(f"<p>{P1}</p><p>{P2}</p>", ld=ld), "<test>")
    assert extra[-1] in art.text and "+++" not in art.text
    # not when the extraction already holds about as much
    short = {"@type": "NewsArticle", "articleBody": P1}
    assert extract(page(BODY, ld=short), "<test>").text == "\n\n".join([P1, P2, P3])


def test_load_string_html_keeps_title_and_standfirst() -> None:
    doc = load_string(page(f"<p>{HEADLINE}</p>{BODY}", before=f"<p class='standfirst'>{STANDFIRST}</p>"))
    assert doc.info.title == HEADLINE and doc.info.outlet == "The Coastal Ledger"
    assert doc.info.text.startswith(STANDFIRST + "\n\n" + P1)


DA = (
    "Regeringen vil nu skære i udgifterne til forsvaret, siger statsministeren. Det blev meddelt på et "
    "pressemøde i København tirsdag, hvor flere ministre deltog, og oppositionen kræver nye forhandlinger."
)
NO = (
    "Regjeringen vil nå kutte i utgiftene til forsvaret, sier statsministeren. Det ble kunngjort på en "
    "pressekonferanse i Oslo tirsdag, der flere statsråder deltok, og opposisjonen krever nye forhandlinger."
)
EN_NAMES = (
    "Vladimir Putin met Masoud Pezeshkian in Ashgabat on Friday, Kremlin spokesman Dmitry Peskov told "
    "RIA Novosti and TASS, after talks in Kazan last month."
)


@pytest.mark.parametrize(
    ("text", "language", "english"),
    [
        (DA, "da", False),
        (NO, "no", False),
        (f"{P1} {P2}", "en", True),
        (EN_NAMES, "en", True),  # short, dense with foreign names: still English
        ("Talks resume in the capital", None, True),  # too short to judge
    ],
)
def test_language(text: str, language: str | None, english: bool) -> None:
    assert guess(text) == (language, english)


@pytest.mark.parametrize("text", [DA, NO])
def test_scandinavian_text_is_flagged(text: str) -> None:
    doc = load_text(text)
    assert any(w.startswith("[W001]") for w in doc.warnings)


@pytest.mark.parametrize(
    ("found", "expected", "figures"),
    [
        ("a b c", "a b c", (1.0, 1.0, 1.0)),
        ("a b", "a b c d", (1.0, 0.5, 2 / 3)),
        ("a a x", "a b", (1 / 3, 0.5, 0.4)),  # a bag: counts matter
        ("", "a", (0.0, 0.0, 0.0)),
    ],
)
def test_word_f1(found: str, expected: str, figures: tuple[float, float, float]) -> None:
    assert prf(tokens(found), tokens(expected)) == pytest.approx(figures)


def test_eval_pages_command(tmp_path: Path) -> None:
    html = page(f"<p>{HEADLINE}</p>{BODY}", before=f"<p class='standfirst'>{STANDFIRST}</p>")
    (tmp_path / "one.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    meta = {"url": None, "title": HEADLINE, "summary": [STANDFIRST], "paragraphs": [P1, P2, P3]}
    (tmp_path / "one.json").write_text(json.dumps(meta), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval-pages", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["entente"]["f1"] == 1.0 and figures["entente"]["standfirst_kept"] == "1/1"
    assert figures["entente"]["headline_repeated"] == [] and "trafilatura" in figures


def test_fundus_pages(shared: Path) -> None:
    folder = shared / "corpora" / "fundus-en"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    figures = evaluate(folder, bare=False)[0].figures()
    assert figures["f1"] >= 0.975, figures
    assert not figures["under_0.9"], figures
    assert figures["titles_exact"] >= 0.9, figures
    assert figures["headline_repeated"] == [], figures
    assert figures["standfirst_kept_share"] is None or figures["standfirst_kept_share"] >= 0.9, figures
    assert figures["non_english"] == [], figures  # the folder holds English pages only
