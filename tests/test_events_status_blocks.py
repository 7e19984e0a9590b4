"""status.yaml is read by the typed loader: its top level (``status_cues.StatusFile``) and the word
blocks added in rounds 8 and 9 (``scenario``, ``unfulfilled``). A misspelt key is E008, words are
lower-cased, the shipped file loads."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from entente.errors import EntenteError
from entente.events.lexicon import load_lexicon
from entente.events.scenario import ScenarioCues
from entente.events.status_cues import StatusCues, StatusFile
from entente.events.unfulfilled import UnfulfilledCues

READERS: list[tuple[str, Any]] = [("scenario", ScenarioCues), ("unfulfilled", UnfulfilledCues)]


@pytest.mark.parametrize(("block", "cls"), READERS)
def test_shipped_block_loads_with_words(block: str, cls: Any) -> None:
    cues = cls.from_data(load_lexicon().cues)
    assert any(isinstance(v, frozenset) and v for v in vars(cues).values()), block


@pytest.mark.parametrize(("block", "cls"), READERS)
def test_misspelt_key_is_e008(block: str, cls: Any) -> None:
    with pytest.raises(EntenteError) as err:
        cls.from_data({block: {"no_such_words": ["x"]}})
    assert "E008" in str(err.value) and "no_such_words" in str(err.value)


def test_words_are_lower_cased() -> None:
    assert ScenarioCues.from_data({"scenario": {"openers": ["Imagine"]}}).openers == {"imagine"}
    assert UnfulfilledCues.from_data({"unfulfilled": {"wish_verbs": ["WANT"]}}).wish_verbs == {"want"}
    assert UnfulfilledCues.from_data({}).stops_now == 2


# the top level of status.yaml goes through the same loader (status_cues.StatusFile)


def test_misspelt_top_level_key_is_e008() -> None:
    with pytest.raises(EntenteError) as err:
        StatusCues.from_data({"modal": ["may"]})
    assert "E008" in str(err.value) and "'modal'" in str(err.value)


def test_top_level_list_of_wrong_shape_is_e008() -> None:
    with pytest.raises(EntenteError) as err:
        StatusCues.from_data({"negating_particles": {"call": "off"}})
    assert "E008" in str(err.value) and "negating_particles" in str(err.value)


def test_top_level_words_are_lower_cased() -> None:
    assert StatusCues.from_data({"modals": ["Might"], "negations": ["NOT"]}).modals == {"might"}


def test_every_declared_key_is_in_the_shipped_file() -> None:
    """No dead field: each key the loader knows is one the shipped file sets."""
    shipped = set(load_lexicon().cues)
    declared = {f.name for f in dataclasses.fields(StatusFile)}
    assert declared == shipped
