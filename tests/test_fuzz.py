"""Property-based fuzzing: readers, cleaners, data-file and gold loaders, the analysis and the CLI.

The promise under test: whatever the input, entente either succeeds or raises an
:class:`~entente.errors.EntenteError` (a catalogue line and a documented exit
status) — never another exception, and the CLI never exits 70 "internal error".

The number of examples comes from the hypothesis profile (tests/conftest.py):
``ci`` by default (bounded, this file stays under a minute), ``nightly`` with
``HYPOTHESIS_PROFILE=nightly`` (docs/limits.md, "Fuzzing").
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from entente import data
from entente.actors.kb import KnowledgeBase
from entente.analyze import analyze_text
from entente.cli import main
from entente.cli.base import EXIT_INTERNAL
from entente.errors import EntenteError
from entente.eval.gold import load_gold
from entente.ingest import load_document, load_text
from entente.ingest.read import load_string

# pieces that have broken text processors before: quote marks of every kind, runs of them,
# names of actors that are also other things, HTML, control and escape sequences, odd spaces
PIECES = [
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "``",
    "''",
    "â€œ",
    '"' * 40,
    "“" * 25,
    " said ",
    " according to ",
    "Georgia",
    "Jordan",
    "Washington",
    "Chad",
    "Niger",
    "the Kremlin",
    "Putin",
    "Russia",
    "Iran",
    "NATO",
    "President",
    ".",
    ",",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u00a0",
    "\u2028",
    "\x00",
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\ufeff",
    "<p>",
    "</p>",
    "<script>x</script>",
    "&amp;",
    "&#0;",
    "-",
    "—",
    "(",
    ")",
    "2024-10-14",
    "Monday",
    "😀",
    "ا",
    "a" * 300,
]

text_pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)
raw_bytes = st.one_of(st.binary(max_size=400), text_pieces.map(lambda t: t.encode("utf-8", "surrogatepass")))

# YAML-ish values: what a malformed data or gold file may hold
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=True), st.text(max_size=15)
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
ACTOR_KEYS = ["actors", "states", "organisations", "metonyms", "leaders", "people", "context", "patterns"]
ENTRY_KEYS = ["id", "name", "kind", "forms", "aliases", "form", "actor", "terms", "start", "end", "for", "of"]
GOLD_KEYS = ["article", "quotes", "events", "actors", "people", "relations", "triads", "not_quotes"]
GOLD_ENTRY_KEYS = ["speaker", "starts", "content_spans", "source_span", "kind", "source", "target", "type"]
GOLD_ENTRY_KEYS += [
    "status",
    "file",
    "corpus",
    "row",
    "url",
    "pair",
    "sign",
    "balanced",
    "name",
    "forms",
    "id",
]


def _keyed(section_keys: list[str], entry_keys: list[str]) -> st.SearchStrategy[object]:
    entry = st.dictionaries(st.sampled_from(entry_keys), values, max_size=5)
    section = st.one_of(values, st.lists(entry, max_size=3), st.dictionaries(st.text(max_size=8), values))
    return st.dictionaries(st.sampled_from(section_keys), section, max_size=4)


def _only_entente_errors(call: object) -> None:
    with contextlib.suppress(EntenteError):
        call()  # type: ignore[operator]


FAST = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FAST
@given(raw=raw_bytes)
def test_reading_any_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(raw)
    _only_entente_errors(lambda: load_document(str(path), max_bytes=300))
    _only_entente_errors(lambda: load_document("-", stdin=io.BytesIO(raw), max_bytes=300))


@FAST
@given(text=text_pieces)
def test_cleaning_any_text(text: str) -> None:
    _only_entente_errors(lambda: load_text(text))
    _only_entente_errors(lambda: load_string(text, input_format="html"))
    _only_entente_errors(lambda: load_string("<html><body><p>" + text + "</p></body></html>"))


@FAST
@given(raw=raw_bytes)
def test_data_loader_on_any_bytes(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "actors.yaml"
    path.write_bytes(raw)
    _only_entente_errors(lambda: data.read_yaml(path, limit=300))
    _only_entente_errors(lambda: KnowledgeBase().add_file(str(path)))


@FAST
@given(content=_keyed(ACTOR_KEYS, ENTRY_KEYS))
def test_actor_files_of_any_shape(tmp_path: Path, content: object) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    _only_entente_errors(lambda: KnowledgeBase().add_file(str(path)))


@FAST
@given(content=_keyed(GOLD_KEYS, GOLD_ENTRY_KEYS), as_json=st.booleans(), text=text_pieces)
def test_gold_files_of_any_shape(tmp_path: Path, content: object, as_json: bool, text: str) -> None:
    (tmp_path / "case.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    name = "case.gold.json" if as_json else "case.gold.yaml"
    try:
        body = json.dumps(content) if as_json else yaml.safe_dump(content, allow_unicode=True)
    except (ValueError, yaml.YAMLError):
        return
    (tmp_path / name).write_text(body, encoding="utf-8")
    _only_entente_errors(lambda: load_gold(tmp_path / name))


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=max(5, settings().max_examples // 2))
@given(text=text_pieces)
def test_analysis_of_adversarial_text(nlp: Language, text: str) -> None:
    _only_entente_errors(lambda: analyze_text(text, nlp=nlp))


@pytest.fixture(scope="module")
def warm_cli(nlp: Language) -> None:
    """Load the CLI's pipeline once (entente.pipeline.load is cached)."""
    from entente import pipeline

    pipeline.load()


@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    max_examples=max(3, settings().max_examples // 5),
)
@given(raw=raw_bytes)
def test_cli_never_exits_70(tmp_path: Path, warm_cli: None, raw: bytes) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(raw)
    result = CliRunner().invoke(main, ["analyze", str(path), "--date", "2024-01-01"])
    assert result.exit_code != EXIT_INTERNAL, result.output
    assert "\x1b" not in result.output
