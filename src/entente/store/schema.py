"""The store's tables, in SQLAlchemy Core: one definition for SQLite and PostgreSQL.

The migrations in ``entente/store/migrations`` create exactly these tables; a
test compares the migrated database with this metadata.

Records of one article (mentions, people, quotes, events, relations) are keyed
by ``(article_id, seq)``, ``seq`` being the record's position in the
:class:`~entente.records.Analysis`: no sequence numbers, so the same input gives
the same rows on every backend and in every run.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ID = String(16)  # article ids: 16 hex digits of a SHA-256
ACTOR = String(64)


def _article_fk() -> Column[str]:
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


def _span(prefix: str, nullable: bool = False) -> list[Column[Any]]:
    return [
        Column(f"{prefix}_start", Integer, nullable=nullable),
        Column(f"{prefix}_end", Integer, nullable=nullable),
        Column(f"{prefix}_text", Text, nullable=nullable),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("input_hash", ID, nullable=False),  # entente.records.article_id of the raw item
    Column("source", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("date_source", String(16)),
    Column("language", String(16)),
    Column("input_format", String(16), nullable=False),
    Column("text", Text, nullable=False),  # the cleaned text the NLP ran on
    Column("input", Text),  # the text the spans index, where it differs from ``text``
    Column("warnings", JSON, nullable=False),
    Column("version", String(32), nullable=False),  # the entente version that made the rows
    Column("schema_version", String(16), nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    Column("story_id", ID, nullable=False, index=True),  # near-duplicate group: its first article's id
    Column("canonical", Boolean, nullable=False),  # counts for its story in the analysis
)

actors = Table(
    "actors",
    metadata,
    Column("id", ACTOR, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("of_actor", ACTOR),  # armed groups: the state they are tied to
)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("actor_id", ACTOR, index=True),  # None: a name the knowledge base lacks
    Column("kind", String(32), nullable=False),
    Column("form", Text, nullable=False),
    Column("method", String(32), nullable=False),
    Column("label", String(32)),
    *_span("span"),
)

people = Table(
    "people",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("affiliation", Text),
    Column("actor_id", ACTOR, index=True),
    Column("gender", String(16)),
    Column("mentions", JSON, nullable=False),  # [[start, end, text], ...]
)

quotes = Table(
    "quotes",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),  # the content spans joined
    Column("content", JSON, nullable=False),  # [[start, end, text], ...]
    Column("speaker_name", Text),
    Column("speaker_actor", ACTOR, index=True),
    *_span("speaker", nullable=True),
    *_span("cue", nullable=True),
    Column("addressee", Text),
    Column("mentions", JSON, nullable=False),  # actor ids named in the content
    Column("stance", JSON, nullable=False),  # [[actor id, -1..+1], ...]
)

events = Table(
    "events",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("source", ACTOR, nullable=False),  # indexed with type below
    Column("target", ACTOR, index=True),
    Column("type", String(32), nullable=False, index=True),
    Column("quad_class", String(32), nullable=False),
    Column("intensity", Float, nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("mode", String(64)),
    *_span("trigger"),
    *_span("evidence"),
    Column("date_value", String(32)),  # ISO as found: 2024-10-11, 2024-10, 2024, 2022/2024-10-14
    Column("date_precision", String(8)),
    Column("day", Date, index=True),  # first day of the event's date, else the article's publication
    Column("place", String(8)),
    Column("place_name", Text),
    Column("attributed_to", Text),
)

relations = Table(
    "relations",
    metadata,
    _article_fk(),
    Column("seq", Integer, primary_key=True),
    Column("actor_a", ACTOR, nullable=False, index=True),
    Column("actor_b", ACTOR, nullable=False, index=True),
    Column("sign", String(1), nullable=False),
    Column("weight", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", ID, nullable=False, index=True),
    Column("canonical_id", ID, nullable=False),
    Column("similarity", Float, nullable=False),  # estimated Jaccard of word shingles
)

# every input that gave an article: an exact copy (the same text from another outlet or URL)
# is one article with several copies; near-copies are articles of one story (``duplicates``)
copies = Table(
    "copies",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("source_key", ID, primary_key=True),  # hash of ``source``
    Column("source", Text, nullable=False),  # the input's name: path, URL, "file.csv:17"
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
)

signatures = Table(
    "signatures",
    metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("hashvalues", LargeBinary, nullable=False),  # MinHash values, uint32 little-endian
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("key", String(16), primary_key=True),  # hash of the band's MinHash values
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True),
)

failures = Table(
    "failures",
    metadata,
    Column("key", ID, primary_key=True),  # hash of the input name: one row per input
    Column("input", Text, nullable=False),
    Column("cause", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("run", String(32), nullable=False),
    Column("version", String(32), nullable=False),
)

meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# events by dyad and day: the evidence behind one dyad in a window (explain), revision 0002
Index("ix_events_source_target_day", events.c.source, events.c.target, events.c.day)

# Pre-aggregated events per directed dyad (source a -> target b) and day, kept current by every
# write in the article's own transaction (entente.store.aggregate); revision 0002. Events without
# a target or a day are not in it.
dyad_days = Table(
    "dyad_days",
    metadata,
    Column("a", ACTOR, primary_key=True),  # the events' source
    Column("b", ACTOR, primary_key=True),  # their target
    Column("day", Date, primary_key=True),
    Column("type", String(32), primary_key=True),
    Column("quad_class", String(32), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("n", Integer, nullable=False),  # events
    Column("n_canonical", Integer, nullable=False),  # events in canonical articles (stories once)
    Column("intensity_sum", Float, nullable=False),
    Column("intensity_canonical", Float, nullable=False),
)
Index("ix_dyad_days_b_a_day", dyad_days.c.b, dyad_days.c.a, dyad_days.c.day)
# a window's graph reads only this index (covering: no table look-ups)
Index(
    "ix_dyad_days_window",
    *(dyad_days.c[n] for n in ("day", "a", "b", "quad_class", "status", "n", "n_canonical")),
    *(dyad_days.c[n] for n in ("intensity_sum", "intensity_canonical")),
)

Index("ix_events_source_type", events.c.source, events.c.type)
Index("ix_articles_input_hash_version", articles.c.input_hash, articles.c.version)

RECORD_TABLES = (mentions, people, quotes, events, relations)
ALL_TABLES = (
    articles,
    actors,
    *RECORD_TABLES,
    duplicates,
    copies,
    signatures,
    lsh_bands,
    failures,
    meta,
)
AGGREGATE_TABLES = (dyad_days,)  # derived from events: entente.store.aggregate
