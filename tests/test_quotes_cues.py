"""The quote cue lexicon (quotes/data/cues.yaml) is read by the typed loader."""

from __future__ import annotations

from importlib import resources

import pytest

from entente.data import parse_yaml
from entente.errors import EntenteError
from entente.quotes.cues import lexicon, lexicon_from_data


def _data() -> dict[str, object]:
    text = resources.files("entente.quotes").joinpath("data/cues.yaml").read_text("utf-8")
    data = parse_yaml(text, source="cues.yaml")
    assert isinstance(data, dict)
    return data


def test_the_shipped_lexicon_loads_with_phrases_as_word_tuples() -> None:
    lex = lexicon()
    assert "say" in lex.speech and "believe" in lex.belief
    assert ("according", "to") in lex.according
    assert lex.particles["point"] == frozenset({"out"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"speach": ["say"]}, "speach"),  # a misspelt key
        ({"speech": "say"}, "must be a list"),
        ({"particles": ["point"]}, "must be a mapping"),
    ],
)
def test_a_bad_cue_file_is_e008_naming_the_key(change: dict[str, object], message: str) -> None:
    with pytest.raises(EntenteError) as err:
        lexicon_from_data({**_data(), **change}, source="cues.yaml")
    assert err.value.text.startswith("[E008]") and message in err.value.text


def test_a_missing_key_is_e008() -> None:
    data = _data()
    del data["nouns"]
    with pytest.raises(EntenteError, match="nouns"):
        lexicon_from_data(data, source="cues.yaml")
