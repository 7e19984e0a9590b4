"""``entente serve``: the REST API and the dashboard over a store."""

from __future__ import annotations

import os

import click

from entente.cli.base import main
from entente.cli.store import DB_HELP, DEFAULT_DB, _open_existing


@main.command("serve")
@click.option("--db", default=DEFAULT_DB, show_default=True, envvar="ENTENTE_DB", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--token",
    envvar="ENTENTE_TOKEN",
    help="Token for write endpoints (POST /api/analyze with store: true), sent as "
    "'Authorization: Bearer TOKEN' (env ENTENTE_TOKEN). Without one nothing can be stored.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let the analyse endpoint fetch URLs on loopback, private and link-local addresses "
    "(refused by default: the server would otherwise reach into its own network).",
)
@click.option("--max-body", default=2_000_000, show_default=True, help="Largest request body, in bytes.")
def serve_command(
    db: str, host: str, port: int, token: str | None, allow_private: bool, max_body: int
) -> None:
    """Serve the REST API (OpenAPI docs at /docs) and the dashboard (at /) over a store.

    Lists page with ?cursor= and download with ?format=csv; the network, a dyad's
    evidence, blocs, triads and explain read the store's relations.

    \b
    Example:
      entente serve --db sqlite:///entente.db --port 8000
    """
    import uvicorn

    from entente.api import Settings, create_app

    _open_existing(db).close()  # one clear line (E020) for a store that is not there
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        click.echo("note: serving beyond this machine without --token; nothing can be stored.", err=True)
    settings = Settings(db=db, token=token or None, allow_private=allow_private, max_body=max_body)
    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"entente: dashboard at http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops it", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("ENTENTE_LOG", "warning"))
