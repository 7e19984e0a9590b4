"""The store, on SQLite and on a real PostgreSQL server: schema, idempotence, versions,
near-duplicates, failures and the list queries."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from spacy.language import Language
from sqlalchemy import delete, select, update

from entente.batch import Failure, Item, analyze_stream
from entente.errors import EntenteError
from entente.records import Analysis
from entente.store import Store, open_store
from entente.store.schema import articles, duplicates, lsh_bands, meta, metadata
from store_helpers import UNRELATED, WIRE, WIRE_EDITED

SUMMIT = (
    "Ankara and Moscow edge closer\n\n"
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on "
    "Friday, the Kremlin said. Greece accused Turkey of violating its airspace over the Aegean. "
    "Washington has not imposed new sanctions on Ankara, officials said."
)


def analyses(nlp: Language, items: list[Item]) -> list[tuple[Item, Analysis]]:
    out = []
    for item, outcome in analyze_stream(items, nlp=nlp):
        assert not isinstance(outcome, Failure), outcome
        out.append((item, outcome))
    return out


@pytest.fixture(scope="module")
def corpus(nlp: Language) -> list[tuple[Item, Analysis]]:
    return analyses(
        nlp,
        [
            Item("wire.txt", WIRE, published=date(2017, 2, 6), outlet="Reuters"),
            Item("summit.txt", SUMMIT, published=date(2017, 3, 10), outlet="Daily Sabah"),
            Item("eu.txt", UNRELATED, published=date(2017, 4, 4), outlet="Euractiv"),
        ],
    )


def write_all(store: Store, corpus: list[tuple[Item, Analysis]]) -> list[str]:
    return [store.write(a, input_name=item.id).outcome for item, a in corpus]


def test_the_migrated_schema_is_the_metadata(store_url: str) -> None:
    with open_store(store_url) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []


def test_opening_again_keeps_the_rows(store_url: str, corpus: list[tuple[Item, Analysis]]) -> None:
    with open_store(store_url) as store:
        write_all(store, corpus)
        before = store.counts()
    with open_store(store_url) as store:
        assert store.counts() == before


def test_writing_twice_adds_no_rows(store_url: str, corpus: list[tuple[Item, Analysis]]) -> None:
    with open_store(store_url) as store:
        assert write_all(store, corpus) == ["new", "new", "new"]
        first = store.counts()
        assert first["articles"] == 3 and first["events"] > 0 and first["mentions"] > 0
        assert write_all(store, corpus) == ["exists", "exists", "exists"]
        assert store.counts() == first
        _, summit = corpus[1]
        assert store.has(summit.article.id)
        assert not store.has(summit.article.id, version="0.0.0")


def test_a_new_version_replaces_the_rows(store_url: str, corpus: list[tuple[Item, Analysis]]) -> None:
    with Store.open(store_url, version="0.0.1") as old:
        write_all(old, corpus)
        counts = old.counts()
    with Store.open(store_url, version="0.0.2") as new:
        _, wire = corpus[0]
        assert not new.has(wire.article.id)
        assert write_all(new, corpus) == ["replaced", "replaced", "replaced"]
        assert new.counts() == counts
        assert {row["version"] for row in new.articles()} == {"0.0.2"}


def test_a_syndicated_copy_joins_the_story_in_a_later_run(store_url: str, nlp: Language) -> None:
    (_, first), (_, copy), (_, unrelated) = analyses(
        nlp,
        [
            Item("reuters.txt", WIRE, outlet="Reuters", published=date(2017, 2, 6)),
            Item("times.txt", WIRE_EDITED, outlet="The Tehran Times", published=date(2017, 2, 7)),
            Item("eu.txt", UNRELATED, outlet="Euractiv", published=date(2017, 2, 7)),
        ],
    )
    with open_store(store_url) as store:
        assert store.write(first).outcome == "new"
    with open_store(store_url) as store:  # a later run: the LSH index is in the database
        result = store.write(copy)
        assert result.outcome == "duplicate" and result.story_id == first.article.id
        assert result.similarity is not None and result.similarity >= 0.5
        assert store.write(unrelated).outcome == "new"
        rows = {r["id"]: r for r in store.articles()}
        assert rows[copy.article.id]["story_id"] == first.article.id
        assert rows[copy.article.id]["canonical"] is False
        assert rows[first.article.id]["canonical"] is True
        assert rows[unrelated.article.id]["story_id"] == unrelated.article.id
        # both copies stay, with their outlets, as evidence; the story counts once
        outlets = {r["outlet"] for r in store.articles() if r["story_id"] == first.article.id}
        assert outlets == {"Reuters", "The Tehran Times"}
        assert store.counts()["stories"] == 2
        with store.engine.connect() as conn:
            dup = conn.execute(select(duplicates)).one()
        assert (dup.article_id, dup.canonical_id) == (copy.article.id, first.article.id)
        every = list(store.events())
        once = list(store.events(canonical_only=True))
        assert {e["article_id"] for e in once} <= {first.article.id, unrelated.article.id}
        assert len(once) < len(every)


def test_failures_are_recorded_once_and_cleared_by_success(
    store_url: str, corpus: list[tuple[Item, Analysis]]
) -> None:
    with open_store(store_url) as store:
        store.record_failure("empty.txt", "[E002] the input is empty (0 bytes).")
        store.record_failure("empty.txt", "[E002] the input is empty (0 bytes).")
        store.record_failure("wire.txt", "analysis failed (boom)")
        assert [f["input"] for f in store.failures()] == ["empty.txt", "wire.txt"]
        assert "empty" in store.failures()[0]["cause"]
        item, analysis = corpus[0]
        store.write(analysis, input_name=item.id)
        assert [f["input"] for f in store.failures()] == ["empty.txt"]


def test_events_filter_by_actor_type_status_and_date(
    store_url: str, corpus: list[tuple[Item, Analysis]]
) -> None:
    with open_store(store_url) as store:
        write_all(store, corpus)
        every = list(store.events())
        assert every, "the corpus has events"
        for row in store.events(actor="TUR"):
            assert "TUR" in (row["source"], row["target"])
        accuse = list(store.events(type="ACCUSE"))
        assert accuse and {r["type"] for r in accuse} == {"ACCUSE"}
        assert {(r["source"], r["target"]) for r in accuse} >= {("GRC", "TUR")}
        for status in ("asserted", "negated"):
            assert all(r["status"] == status for r in store.events(status=status))
        march = list(store.events(date_from=date(2017, 3, 1), date_to=date(2017, 3, 31)))
        assert march and all(date(2017, 3, 1) <= r["day"] <= date(2017, 3, 31) for r in march)
        assert len(list(store.events(limit=2))) == 2
        assert {r["id"] for r in store.actors(limit=3)} <= {a["id"] for a in store.actors()}
        russia = next(store.actors(actor="RUS"))
        assert russia["name"] == "Russia" and russia["articles"] >= 2
        assert [r["outlet"] for r in store.articles(actor="GRC")] == ["Daily Sabah"]
        assert all(q["speaker_actor"] == "RUS" for q in store.quotes(actor="RUS"))


def test_a_bad_url_is_one_clear_error() -> None:
    with pytest.raises(EntenteError) as bad:
        open_store("sqlite:////no/such/folder/entente.db")
    assert bad.value.exit_status == 7 and "E020" in str(bad.value)
    with pytest.raises(EntenteError) as down:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert "E020" in str(down.value) and "127.0.0.1" in str(down.value)


def test_rows_carry_what_the_article_says(store_url: str, corpus: list[tuple[Item, Analysis]]) -> None:
    with open_store(store_url) as store:
        write_all(store, corpus)
        with store.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.source == "summit.txt")).one()
        assert row.outlet == "Daily Sabah" and row.published == date(2017, 3, 10)
        assert row.text.startswith("Ankara and Moscow") and row.language == "en"
        for event in store.events():
            assert event["evidence_text"] and event["evidence_end"] > event["evidence_start"]


def test_changed_minhash_parameters_rebuild_the_bands(
    store_url: str, corpus: list[tuple[Item, Analysis]]
) -> None:
    with open_store(store_url) as store:
        write_all(store, corpus)
        before = store.counts()
        with store.engine.begin() as conn:
            conn.execute(update(meta).where(meta.c.key == "minhash").values(value='{"num_perm": 64}'))
            conn.execute(delete(lsh_bands))
    with open_store(store_url) as store:
        assert store.counts() == before
        copy = analyses_of_copy(store)
        assert copy == "duplicate"


def analyses_of_copy(store: Store) -> str:
    from entente import pipeline

    ((_, edited),) = analyses(pipeline.load(), [Item("copy.txt", WIRE_EDITED)])
    return store.write(edited).outcome
