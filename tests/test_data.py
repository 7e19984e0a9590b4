"""The typed data-file loader (entente.data) and malformed actor files: one line, exit status 5."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from entente import data
from entente.actors.kb import KnowledgeBase
from entente.cli import main
from entente.errors import E, EntenteError


@dataclass(frozen=True)
class Entry:
    id: str
    forms: tuple[str, ...] = ()
    note: str = field(default="", metadata={"blank": True})
    for_: tuple[str, ...] = field(default=(), metadata={"key": "for"})
    flag: bool = False


def _build(value: object) -> Entry:
    return data.build(Entry, value, source="f.yaml", where="entry 1")


def test_build_valid_entry() -> None:
    got = _build({"id": "X", "forms": ["a", "b"], "note": "", "for": ["c"], "flag": True})
    assert got == Entry("X", ("a", "b"), "", ("c",), True)
    assert _build({"id": "X", "forms": None}).forms == ()


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"id": "X", "forms": [" "]}, "must not be blank"),
        ({"id": "X", "forms": [None, 3]}, "must be a string"),
        ({"id": "X", "forms": [["nested"]]}, "must be a string"),
        ({"id": "X", "forms": "one"}, "must be a list"),
        ({"id": 3}, "must be a string"),
        ({"forms": []}, "lacks 'id'"),
        ({"id": "X", "flag": "yes"}, "true or false"),
        (["not", "a", "mapping"], "must be a mapping"),
    ],
)
def test_build_rejects(value: object, words: str) -> None:
    with pytest.raises(EntenteError) as err:
        _build(value)
    assert err.value.message is E.E008 and words in str(err.value)
    assert err.value.source == "f.yaml" and "\n" not in str(err.value)


@dataclass(frozen=True)
class Words:
    heads: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("value", "expected"),
    [({"heads": ["investor", "protester", "investor"]}, {"investor", "protester"}), ({"heads": None}, set())],
)
def test_build_reads_a_list_of_words_as_a_frozenset(value: object, expected: set[str]) -> None:
    got = data.build(Words, value, source="w.yaml", where="words")
    assert isinstance(got.heads, frozenset) and got.heads == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"heads": "investor"}, "must be a list"),
        ({"heads": [1]}, "must be a string"),
        ({"hedas": []}, "'hedas'"),
    ],
)
def test_build_rejects_bad_word_sets(value: object, words: str) -> None:
    with pytest.raises(EntenteError) as err:
        data.build(Words, value, source="w.yaml", where="words")
    assert words in str(err.value) and "w.yaml" in str(err.value)


def test_unknown_key_names_the_key_the_known_keys_and_the_fix() -> None:
    with pytest.raises(EntenteError) as err:
        _build({"id": "X", "froms": ["a"]})
    text = str(err.value)
    assert "f.yaml" in text and "'froms'" in text and "forms" in text and "fix its spelling" in text


def test_read_text_caps_the_size(tmp_path: Path) -> None:
    with pytest.raises(EntenteError) as err:
        data.read_text("/dev/zero", limit=1000)
    assert err.value.message is E.E032 and err.value.exit_status == 5
    with pytest.raises(EntenteError) as err:
        data.read_text(tmp_path)
    assert "directory" in str(err.value) and err.value.exit_status == 5


def test_deep_nesting_is_a_malformed_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(EntenteError) as err:
        data.read_yaml(path)
    assert err.value.exit_status == 5


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('actors:\n  - {id: X, forms: [" "]}\n', "blank"),
        ("actors:\n  - {id: X, forms: [null, 3]}\n", "string"),
        ("actors:\n  - {id: X, forms: [[a, b], [c]]}\n", "string"),
        ("actors:\n  - {id: X, name: Acme, colour: red}\n", "unknown key 'colour'"),
        ("actors:\n  - {id: X, kind: planet}\n", "must be one of"),
        ("context:\n  Acme: {fro: [militia]}\n", "unknown key 'fro'"),
        ("patterns:\n  institution_nouns: [ministry, 3]\n", "string"),
    ],
)
def test_malformed_actor_files(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EntenteError) as err:
        KnowledgeBase().add_file(str(path))
    assert err.value.message is E.E008 and err.value.exit_status == 5
    assert words in str(err.value) and str(path) in str(err.value)


@pytest.mark.parametrize("kind", ["zero", "dir", "blank_form", "nested"])
def test_cli_malformed_actors_exit_5_one_line(tmp_path: Path, kind: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Moscow and Tehran signed a deal on Tuesday.\n", encoding="utf-8")
    if kind == "zero":
        actors = "/dev/zero"
    elif kind == "dir":
        actors = str(tmp_path)
    else:
        path = tmp_path / "bad.yaml"
        forms = '[" "]' if kind == "blank_form" else "[[a], [b]]"
        path.write_text(f"actors:\n  - {{id: X, forms: {forms}}}\n", encoding="utf-8")
        actors = str(path)
    result = CliRunner().invoke(main, ["analyze", str(article), "--actors", actors, "--date", "2024-01-01"])
    lines = [line for line in result.output.splitlines() if line.startswith("error")]
    assert result.exit_code == 5, result.output
    assert len(lines) == 1 and actors in lines[0]


def test_shipped_data_still_loads() -> None:
    kb = KnowledgeBase.load()
    assert kb.resolve_form("Kremlin") == ["RUS"] and kb.leader("Vladimir Putin") is not None
