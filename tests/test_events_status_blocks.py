"""The status word blocks added in rounds 8 and 9 (``scenario``, ``unfulfilled`` in status.yaml) are
read by the typed loader: a misspelt key is E008, words are lower-cased, the shipped file loads."""

from __future__ import annotations

from typing import Any

import pytest

from entente.errors import EntenteError
from entente.events.lexicon import load_lexicon
from entente.events.scenario import ScenarioCues
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
