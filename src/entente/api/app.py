"""The FastAPI application of ``entente serve``: the store's lists, the alignment network, the
analyse endpoint, the OpenAPI schema and the dashboard's static files, in one process."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from entente.api import errors, lists, models, network
from entente.api.analyzer import Analyzer
from entente.api.errors import ApiError
from entente.api.security import Guard, check_token
from entente.api.settings import DEFAULT_LIMIT, MAX_ALL, MAX_LIMIT, Settings
from entente.api.stored import load_analysis
from entente.report.jsonout import to_dict

WEB = Path(str(resources.files("entente") / "web"))
STATIC = WEB / "static"
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": models.ErrorOut, "description": "bad request (a bad cursor, a refused URL)"},
    404: {"model": models.ErrorOut, "description": "not found"},
    422: {"model": models.ErrorOut, "description": "invalid parameters"},
}
CSV_DOC: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "the page, or CSV"}
}

ActorId = Annotated[str, PathParam(min_length=1, max_length=64, description="an actor id, e.g. RUS")]
Period = Literal["day", "week", "month"]


# ------------------------------------------------------------------------------ common parameters

#: a day in a query string: YYYY-MM-DD only (pydantic's lax dates would take "0" as 1970-01-01)
DAY: dict[str, Any] = {"pattern": r"^\d{4}-\d{2}-\d{2}$", "json_schema_extra": {"format": "date"}}


def day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(422, "validation_error", f"query.{name}: not a day (YYYY-MM-DD): {value!r}") from exc


def list_filters(
    actor: Annotated[str | None, Query(max_length=64, description="actor id (RUS)")] = None,
    type: Annotated[str | None, Query(max_length=32, description="PLOVER type (events)")] = None,
    status: Annotated[
        Literal["asserted", "attributed", "hypothetical", "negated"] | None, Query(description="events")
    ] = None,
    date_from: Annotated[str | None, Query(alias="from", description="on or after", **DAY)] = None,
    date_to: Annotated[str | None, Query(alias="to", description="on or before", **DAY)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    unique: Annotated[bool, Query(description="one article per story")] = False,
    q: Annotated[str | None, Query(max_length=200, description="a piece of a name or title")] = None,
    about: Annotated[str | None, Query(max_length=64, description="quotes that name this actor")] = None,
    sign: Annotated[Literal["+", "-"] | None, Query(description="relations of this sign")] = None,
    kind: Annotated[str | None, Query(max_length=32, description="actor kind (state, ...)")] = None,
) -> lists.Filters:
    return lists.Filters(
        actor, type, status, day(date_from, "from"), day(date_to, "to"), outlet, unique, q, about, sign, kind
    )


def window_params(
    date_from: Annotated[str | None, Query(alias="from", description="window start", **DAY)] = None,
    date_to: Annotated[str | None, Query(alias="to", description="window end", **DAY)] = None,
    kind: Annotated[
        Literal["event", "quote", "statement"] | None, Query(description="only this kind of evidence")
    ] = None,
) -> network.Window:
    return network.Window(day(date_from, "from"), day(date_to, "to"), kind)


Cursor = Annotated[str | None, Query(max_length=2000, description="from the previous page's `next`")]
Limit = Annotated[
    int, Query(ge=0, le=MAX_LIMIT, description="rows per page; 0: every row (CSV/JSON download)")
]
Format = Annotated[Literal["json", "csv"], Query(description="csv: a download of the list")]
MinN = Annotated[int, Query(ge=1, le=1000, description="pairs with at least this much evidence")]


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def _csv(
    columns: tuple[str, ...], rows: Iterator[dict[str, Any]], name: str, next_cursor: str | None
) -> Response:
    def body() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
            if buf.tell() > 65536:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    headers = {"Content-Disposition": f'attachment; filename="{name}.csv"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    return StreamingResponse(body(), media_type="text/csv; charset=utf-8", headers=headers)


# ------------------------------------------------------------------------------ the app


def create_app(settings: Settings) -> FastAPI:
    """The application over the store at ``settings.db`` (opened, and upgraded, here)."""
    from entente import __version__
    from entente.store import open_store

    store = open_store(settings.db)
    engine = store.engine
    analyzer = Analyzer(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="entente",
        version=__version__,
        description=(
            "Read the store of analysed news: articles, actors, people, quotes, events, relations, "
            "and the signed alignment network (a window's graph, a dyad's series with its evidence, "
            "blocs, triads, explain). Lists page with an opaque `cursor` and download as CSV with "
            '`format=csv`. Errors are JSON: `{"error": {"code", "message"}}`.'
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        responses=ERRORS,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.analyzer = analyzer
    errors.install(app)
    app.add_middleware(Guard, max_body=settings.max_body)

    def listing(name: str, model: type[Any], summary: str) -> Callable[..., Any]:
        spec, fetch = lists.LISTS[name]

        def endpoint(
            f: Annotated[lists.Filters, Depends(list_filters)],
            cursor: Cursor = None,
            limit: Limit = DEFAULT_LIMIT,
            format: Format = "json",
        ) -> Any:
            if limit == 0:
                rows = lists.all_rows(engine, name, f, MAX_ALL)
                if format == "csv":
                    return _csv(spec.columns, rows, name, None)
                return {"items": list(rows), "next": None}
            page = fetch(engine, f, cursor, limit)
            if format == "csv":
                return _csv(spec.columns, iter(page.items), name, page.next)
            return {"items": page.items, "next": page.next}

        endpoint.__name__ = f"list_{name}"
        app.get(f"/api/{name}", response_model=model, summary=summary, tags=["lists"], responses=CSV_DOC)(
            endpoint
        )
        return endpoint

    listing("articles", models.ArticlePage, "Articles (filters: actor, outlet, from, to, unique, q)")
    listing("events", models.EventPage, "Events (filters: actor, type, status, from, to, outlet)")
    listing("quotes", models.QuotePage, "Quotes (actor: the speaker's; about: an actor named)")
    listing("people", models.PersonPage, "People (actor: the one they speak for; q: a name)")
    listing("relations", models.RelationPage, "Relations found in articles (actor, sign, dates)")
    listing("actors", models.ActorPage, "Actors, most mentioned first (kind, q, dates)")

    @app.get("/api/articles/{article_id}", response_model=models.AnalysisOut, tags=["articles"])
    def article(
        article_id: Annotated[str, PathParam(min_length=1, max_length=64)],
    ) -> Any:
        """One article with its text and everything found in it (the JSON of `entente analyze`)."""
        found = load_analysis(engine, article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article {article_id!r} in the store")
        return to_dict(found)

    @app.get("/api/actors/{actor}/relations", response_model=models.ActorRelationsOut, tags=["network"])
    def actor_relations(
        actor: ActorId,
        w: Annotated[network.Window, Depends(window_params)],
        period: Period = "month",
    ) -> Any:
        """An actor's score with each partner, per period."""
        return network.actor_relations(store, actor, w, period)

    @app.get("/api/graph", response_model=models.NetworkOut, tags=["network"])
    def graph(
        w: Annotated[network.Window, Depends(window_params)],
        min_n: MinN = 1,
        actor: Annotated[str | None, Query(max_length=64, description="this actor and its partners")] = None,
    ) -> Any:
        """The signed network of a window: nodes with their bloc, edges with score and interval."""
        return network.network(store, w, min_n=min_n, actor=actor)

    @app.get("/api/dyads/{a}/{b}", response_model=models.DyadOut, tags=["network"])
    def dyad(
        a: ActorId,
        b: ActorId,
        w: Annotated[network.Window, Depends(window_params)],
        period: Period = "month",
        limit: Annotated[int, Query(ge=1, le=1000, description="evidence items, newest first")] = 100,
    ) -> Any:
        """A pair's score per period with its evidence: sentences, quotes, articles."""
        return network.dyad(store, (a, b), w, period, limit)

    @app.get("/api/explain/{a}/{b}", response_model=models.ExplainOut, tags=["network"])
    def explain(
        a: ActorId,
        b: ActorId,
        w: Annotated[network.Window, Depends(window_params)],
        period: Period = "month",
        limit: Annotated[int, Query(ge=1, le=100, description="evidence items of each kind")] = 5,
    ) -> Any:
        """Why the pair stands where it does in the window (`entente.graph.explain`): the relation,
        its trend, the evidence, and the third actors that push it together or hold it apart."""
        return network.explain(store, (a, b), w, period, limit)

    @app.get("/api/blocs", response_model=models.BlocsOut, tags=["network"])
    def blocs(w: Annotated[network.Window, Depends(window_params)], min_n: MinN = 1) -> Any:
        """Signed blocs of the window's network."""
        return network.blocs(store, w, min_n)

    @app.get("/api/triads", response_model=models.TriadsOut, tags=["network"])
    def triads(
        w: Annotated[network.Window, Depends(window_params)],
        actor: Annotated[str | None, Query(max_length=64)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 200,
        min_n: MinN = 1,
    ) -> Any:
        """Triads of the window's network, balanced or not, with what the third actor does to each pair."""
        return network.triad_list(store, w, actor, limit, min_n)

    @app.get("/api/timeline", response_model=models.TimelineOut, tags=["network"])
    def timeline() -> Any:
        """The store's dates and articles per month (the dashboard's time slider)."""
        return network.timeline(engine)

    @app.get("/api/health", response_model=models.HealthOut, tags=["service"])
    def health() -> Any:
        return {
            "status": "ok",
            "version": __version__,
            "writes": settings.token is not None,
            "counts": store.counts(),
        }

    @app.post(
        "/api/analyze",
        response_model=models.AnalyzeOut,
        tags=["analyze"],
        responses={
            401: {"model": models.ErrorOut, "description": "store: true without a valid token"},
            403: {"model": models.ErrorOut, "description": "store: true on a server without a token"},
            413: {"model": models.ErrorOut, "description": "the body or the fetched page is too large"},
        },
    )
    async def analyze(
        body: models.AnalyzeIn,
        authorization: Annotated[str | None, Header(description="Bearer <token>, to store")] = None,
    ) -> Any:
        """Analyse one article (text, HTML or a public URL); with `store: true` (and the token) store it."""
        if body.store:
            check_token(settings.token, authorization)
        document = await run_in_threadpool(
            analyzer.document,
            text=body.text,
            html=body.html,
            url=body.url,
            published=body.published,
            title=body.title,
        )
        analysis = await run_in_threadpool(analyzer.analyze, document)
        out: dict[str, Any] = {"analysis": to_dict(analysis), "stored": None}
        if body.store:
            result = await run_in_threadpool(store.write, analysis, input_name=analysis.article.source)
            out["stored"] = {"id": result.article_id, "status": result.outcome, "story_id": result.story_id}
        return out

    # ------------------------------------------------------------------ the dashboard

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(WEB / "docs.html", media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/api", include_in_schema=False)
    def api_root() -> JSONResponse:
        return JSONResponse({"openapi": "/api/openapi.json", "docs": "/docs"})

    return app
