"""``rasd serve``: the API and the web app on one server (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from rasd.cli.store import DbOption
from rasd.errors import RasdError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``rasd`` app."""
    app.command("serve")(serve_command)


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    private: Annotated[bool, typer.Option("--private", help="Every page and read needs a login (viewer or above).")] = False,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark the session cookie Secure (behind HTTPS).")] = False,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Worker processes.")] = 1,
    max_body: Annotated[int, typer.Option(min=1024, help="Largest request body in bytes; bigger ones get 413 before they are read.")] = 1 << 20,
) -> None:
    """Serve the API (/api/v1, docs at /api/docs) and the web app (map, timeline, table, review).

    Examples:

        rasd serve --db events.db                 # http://127.0.0.1:8000/
        rasd serve --host 0.0.0.0 --port 8080 --private --secure-cookies
    """
    try:
        import uvicorn

        from rasd.api import create_app
    except ModuleNotFoundError as exc:
        typer.echo(f"error: rasd serve needs the web extra ({exc.name} is missing): pip install 'rasd[web]'", err=True)
        raise typer.Exit(1) from None
    try:
        if workers > 1:
            import os

            if db:
                os.environ["RASD_DB"] = db
            os.environ["RASD_PRIVATE"] = "1" if private else ""
            os.environ["RASD_SECURE_COOKIES"] = "1" if secure_cookies else ""
            os.environ["RASD_MAX_BODY_BYTES"] = str(max_body)
            uvicorn.run("rasd.api.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")
            return
        application = create_app(db, public_read=not private, secure_cookies=secure_cookies, max_body=max_body)
    except RasdError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Rasd on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
