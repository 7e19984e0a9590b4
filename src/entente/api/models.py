"""The API's request and response shapes (pydantic lives at this edge only; the library speaks
records and plain dicts). They make the OpenAPI schema that schemathesis checks responses against."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Sign = Literal["+", "-"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(BaseModel):
    code: str = Field(description="a stable code: an entente catalogue code (E030) or a word (not_found)")
    message: str
    details: list[dict[str, str]] | None = None


class ErrorOut(BaseModel):
    error: ErrorDetail


# ------------------------------------------------------------------------------ lists


class ArticleRow(BaseModel):
    id: str
    published: date | None
    outlet: str | None
    title: str | None
    source: str
    url: str | None
    language: str | None
    story_id: str
    canonical: bool


class EventRow(BaseModel):
    article_id: str
    seq: int
    day: date | None
    source: str
    type: str
    target: str | None
    status: str
    quad_class: str
    intensity: float
    mode: str | None
    attributed_to: str | None
    place: str | None
    date_value: str | None
    trigger_start: int
    trigger_end: int
    trigger_text: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    outlet: str | None
    title: str | None
    url: str | None


class QuoteRow(BaseModel):
    article_id: str
    seq: int
    published: date | None
    speaker_name: str | None
    speaker_actor: str | None
    kind: str
    text: str
    addressee: str | None
    mentions: list[str]
    stance: dict[str, float]
    outlet: str | None
    title: str | None
    url: str | None


class PersonRow(BaseModel):
    article_id: str
    seq: int
    published: date | None
    name: str
    role: str | None
    affiliation: str | None
    actor_id: str | None
    gender: str | None
    mention_count: int
    outlet: str | None
    title: str | None


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class EvidenceItem(BaseModel):
    span: SpanOut
    kind: str
    sign: Sign
    weight: float
    sentence: SpanOut | None = None
    detail: str = ""


class RelationRow(BaseModel):
    article_id: str
    seq: int
    published: date | None
    actor_a: str
    actor_b: str
    sign: Sign
    weight: float
    evidence: list[EvidenceItem]
    outlet: str | None
    title: str | None


class ActorRow(BaseModel):
    id: str
    name: str
    kind: str
    of_actor: str | None
    articles: int
    mentions: int


class ArticlePage(BaseModel):
    items: list[ArticleRow]
    next: str | None = Field(description="pass as ?cursor= for the next page; null on the last page")


class EventPage(BaseModel):
    items: list[EventRow]
    next: str | None


class QuotePage(BaseModel):
    items: list[QuoteRow]
    next: str | None


class PersonPage(BaseModel):
    items: list[PersonRow]
    next: str | None


class RelationPage(BaseModel):
    items: list[RelationRow]
    next: str | None


class ActorPage(BaseModel):
    items: list[ActorRow]
    next: str | None


# ------------------------------------------------------------------------------ the analysis


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    form: str | None = None
    method: str | None = None
    label: str | None = None


class ActorOut(BaseModel):
    id: str
    name: str
    kind: str
    of: str | None
    mentions: list[MentionOut]


class PersonOut(BaseModel):
    name: str
    role: str | None
    affiliation: str | None
    actor: str | None
    gender: str | None
    mentions: list[SpanOut]


class SpeakerOut(BaseModel):
    name: str | None
    actor: str | None
    mention: SpanOut | None


class QuoteOut(BaseModel):
    text: str
    kind: str
    content: list[SpanOut]
    speaker: SpeakerOut
    cue: SpanOut | None
    addressee: str | None
    mentions: list[str]
    stance: dict[str, float]


class EventDateOut(BaseModel):
    value: str
    precision: str
    span: SpanOut | None


class EventOut(BaseModel):
    source: str
    target: str | None
    type: str
    quad_class: str
    intensity: float
    status: str
    mode: str | None
    attributed_to: str | None
    date: EventDateOut | None
    place: str | None
    place_name: str | None
    trigger: SpanOut
    evidence: SpanOut
    other_evidence: list[SpanOut]


class RelationOut(BaseModel):
    pair: list[str]
    sign: Sign
    weight: float
    evidence: list[EvidenceItem]


class TriadReadingOut(BaseModel):
    pair: list[str]
    third: str
    effect: Literal["together", "apart"]
    text: str


class TriadOut(BaseModel):
    actors: list[str]
    balanced: bool
    signs: list[Sign]
    reading: list[TriadReadingOut]


class ArticleInfoOut(BaseModel):
    id: str
    source: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    date_source: str | None
    input_format: str
    language: str | None
    input: str = Field(description="the text every span indexes")
    text: str
    removed: list[SpanOut]


class UnresolvedOut(BaseModel):
    start: int
    end: int
    text: str
    label: str | None


class AnalysisOut(BaseModel):
    """The JSON form of an analysis (as ``entente analyze --format json`` writes it)."""

    schema_version: str
    article: ArticleInfoOut
    actors: list[ActorOut]
    unresolved: list[UnresolvedOut]
    people: list[PersonOut]
    quotes: list[QuoteOut]
    events: list[EventOut]
    relations: list[RelationOut]
    triads: list[TriadOut]
    warnings: list[str]


class StoredOut(BaseModel):
    id: str
    status: str = Field(description="new, exists, replaced or duplicate")
    story_id: str


class AnalyzeOut(BaseModel):
    analysis: AnalysisOut
    stored: StoredOut | None = None


class AnalyzeIn(Strict):
    """One article: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(default=None, max_length=1_000_000)
    html: str | None = Field(default=None, max_length=1_000_000)
    url: str | None = Field(default=None, max_length=2048, description="http(s); public addresses only")
    published: date | None = Field(default=None, description="the publication date, where the input has none")
    title: str | None = Field(default=None, max_length=1000)
    store: bool = Field(default=False, description="store the analysis (needs the token)")

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeIn:
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


# ------------------------------------------------------------------------------ the network


class WindowOut(BaseModel):
    from_: str | None = Field(alias="from")
    to: str | None

    model_config = ConfigDict(populate_by_name=True)


class NodeOut(BaseModel):
    id: str
    name: str
    kind: str | None
    bloc: int
    degree: int


class EdgeOut(BaseModel):
    source: str
    target: str
    sign: Sign
    score: float
    low: float = Field(description="the score's 95% interval (Wilson)")
    high: float
    coop: float = Field(description="weighted cooperative evidence")
    conflict: float
    events: int
    quotes: int
    statements: int
    n: int = Field(description="pieces of evidence: events + quotes + statements")


class NetworkOut(BaseModel):
    window: WindowOut
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    blocs: list[list[str]]


class BlocMember(BaseModel):
    id: str
    name: str


class BlocOut(BaseModel):
    bloc: int
    members: list[BlocMember]
    positive_inside: int
    negative_inside: int


class BlocsOut(BaseModel):
    window: WindowOut
    method: str
    blocs: list[BlocOut]
    negative_across: int
    positive_across: int


class TriadsOut(BaseModel):
    window: WindowOut
    triads: list[TriadOut]


class ArticleLink(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


class RelationScore(BaseModel):
    coop: float
    conflict: float
    score: float
    low: float
    high: float


class TrendOut(BaseModel):
    direction: str
    p_value: float


class ThirdPartyOut(BaseModel):
    third: str
    name: str
    effect: Literal["together", "apart"]
    text: str
    sign_a: Sign
    sign_b: Sign
    strength: float = Field(description="the weaker of its two ties")
    balanced: bool | None


class ExplainEvidence(BaseModel):
    kind: str
    sign: Sign
    text: str
    detail: str
    day: str | None
    article: ArticleLink


class ExplainOut(BaseModel):
    pair: list[str]
    names: list[str]
    window: WindowOut
    relation: RelationScore
    trend: TrendOut
    together: list[ThirdPartyOut]
    apart: list[ThirdPartyOut]
    evidence: list[ExplainEvidence]
    quotes: list[ExplainEvidence]
    not_counted: list[ExplainEvidence]


class ScoreOut(BaseModel):
    coop: float
    conflict: float
    n: int
    score: float
    low: float
    high: float


class PeriodScore(BaseModel):
    start: str
    end: str
    coop: float
    conflict: float
    events: int
    quotes: int
    statements: int
    score: float
    low: float
    high: float


class Highlight(BaseModel):
    start: int
    end: int
    text: str


class ActorHighlight(Highlight):
    actor: str


class DyadEvidence(BaseModel):
    article: ArticleLink
    day: str | None
    kind: str
    detail: str
    sign: Sign
    sentence: str
    trigger: Highlight | None
    actors: list[ActorHighlight]


class PairQuote(BaseModel):
    article_id: str
    seq: int
    speaker_name: str | None
    speaker_actor: str | None
    kind: str
    text: str
    stance: dict[str, float]
    published: str | None
    title: str | None
    url: str | None


class DyadOut(BaseModel):
    pair: list[str]
    window: WindowOut
    period: Literal["day", "week", "month"]
    total: ScoreOut
    trend: TrendOut | None
    series: list[PeriodScore]
    evidence: list[DyadEvidence]
    quotes: list[PairQuote]
    articles: list[ArticleLink]


class ActorInfo(BaseModel):
    id: str
    name: str
    kind: str | None


class PartnerOut(BaseModel):
    id: str
    name: str
    total: ScoreOut
    series: list[PeriodScore]


class ActorRelationsOut(BaseModel):
    actor: ActorInfo
    window: WindowOut
    period: Literal["day", "week", "month"]
    partners: list[PartnerOut]


class MonthCount(BaseModel):
    month: str
    articles: int


class TimelineOut(BaseModel):
    first: str | None
    last: str | None
    months: list[MonthCount]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    writes: bool = Field(description="whether a token is set (write endpoints enabled)")
    counts: dict[str, int]
