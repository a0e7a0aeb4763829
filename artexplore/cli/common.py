"""Shared pieces of the CLI: the typer app, error handling, progress bars, JSON output."""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import typer
import typer.exceptions
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import ArtExploreError
from ..store.workspace import Workspace

app = typer.Typer(
    name="artexplore",
    help="Discover the stylistic structure of a collection of paintings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("artexplore.cli")

WorkspaceOption = typer.Option(..., "--workspace", "-w", help="The workspace folder.")


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log more.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True)


def command(name: str | None = None, *, group: typer.Typer | None = None,
            **kwargs: Any) -> Callable[[F], F]:
    """Register a command whose errors become one ``error:`` line and exit status 1.

    An :class:`ArtExploreError` prints its message. Any other exception is a fault
    of ArtExplore or of a library: it prints its type and message on one line; the
    traceback is logged, so it shows only with ``--verbose``.

    Parameters
    ----------
    name : str, optional
    group : typer.Typer, optional
        A command group (``artexplore exhibition …``); the root app by default.
    **kwargs
        Passed to ``typer.Typer.command``.
    """
    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kw: Any) -> Any:
            try:
                return fn(*args, **kw)
            except ArtExploreError as exc:
                typer.echo(f"error: {_one_line(str(exc))}", err=True)
                raise typer.Exit(1) from None
            except KeyboardInterrupt:
                typer.echo("interrupted: run the same command again to resume", err=True)
                raise typer.Exit(130) from None
            except (typer.Exit, typer.Abort, typer.exceptions.TyperException):
                raise
            except Exception as exc:
                log.info("traceback of the error below", exc_info=True)
                typer.echo(f"error: {type(exc).__name__}: {_one_line(str(exc))} "
                           "(unexpected; run with --verbose for the traceback)", err=True)
                raise typer.Exit(1) from None
        (group or app).command(name, **kwargs)(wrapper)
        return fn
    return decorate


def _one_line(text: str) -> str:
    """The message on one line (multi-line messages are joined)."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def open_workspace(path: Path, *, create: bool = False) -> Workspace:
    """Open the workspace named by ``--workspace``."""
    return Workspace(path, create=create)


def output_path(out: str, default_name: str) -> Path:
    """The file an ``--out`` option names: a folder (``DIR/`` or an existing one) gets
    ``default_name`` inside it.

    Parameters
    ----------
    out : str
        What the user typed.
    default_name : str
        The file name to use inside a folder.

    Returns
    -------
    pathlib.Path
    """
    path = Path(out).expanduser()
    if out.endswith(("/", os.sep)) or path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
        return path / re.sub(r"[^A-Za-z0-9._-]+", "_", default_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def print_json(obj: Any) -> None:
    """Print one JSON line on standard output (the machine-readable result)."""
    typer.echo(json.dumps(obj, ensure_ascii=False, default=str))


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int | None, str], None]]:
    """A progress bar on standard error; yields a progress callback."""
    columns = (TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[message]}"))
    with Progress(*columns, console=stderr, transient=False,
                  disable=not stderr.is_terminal) as bar:
        task = bar.add_task(description, total=None, message="")

        def update(done: int, total: int | None = None, message: str = "") -> None:
            bar.update(task, completed=done, total=total, message=message[:60])

        yield update


def main() -> None:
    """Entry point of the ``artexplore`` script."""
    app()
