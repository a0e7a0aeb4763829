"""Session state and cached resources of the app: which workspace is open."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

import streamlit as st

from artexplore.errors import ArtExploreError
from artexplore.store import Workspace

log = logging.getLogger(__name__)
APP_DIR = Path(__file__).resolve().parents[1]
DEFAULT_WORKSPACE = APP_DIR / ".workspace" / "demo"


def workspace_from_args(argv: list[str] | None = None) -> Path:
    """The workspace named by ``streamlit run app.py -- --workspace WS``.

    Falls back to ``ARTEXPLORE_WORKSPACE``, then to the demo workspace.
    """
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--workspace", "-w", default=None)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    chosen = args.workspace or os.environ.get("ARTEXPLORE_WORKSPACE")
    return Path(chosen).expanduser().resolve() if chosen else DEFAULT_WORKSPACE


def require_app(page_file: str) -> None:
    """Make a page opened by its URL run inside the app's navigation.

    On a freshly started server, Streamlit serves a URL such as ``/labels`` by running
    ``pages/labels.py`` alone (its legacy ``pages/`` folder mode) until ``app.py`` has
    called ``st.navigation`` once. A page calls this first: when the app did not run in
    this session yet, it remembers the wanted page and hands over to ``app.py``, which
    sets the app up and comes back to it.

    Parameters
    ----------
    page_file : str
        The page's ``__file__``.
    """
    if st.session_state.get("_app_ran"):
        return
    st.session_state["_wanted_page"] = f"pages/{Path(page_file).name}"
    st.switch_page("app.py")


def go_to_wanted_page() -> None:
    """Called by ``app.py`` after ``st.navigation``: finish a hand-over of :func:`require_app`."""
    st.session_state["_app_ran"] = True
    wanted = st.session_state.pop("_wanted_page", None)
    if wanted:
        st.switch_page(wanted)


def _workspace_from_url() -> str | None:
    """The workspace named by the URL (``?workspace=…``), when it is one the app may open."""
    from artexplore.roots import check_path, configured_roots
    from artexplore.workspaces import is_workspace

    wanted = st.query_params.get("workspace")
    if not wanted:
        return None
    started = workspace_from_args()
    try:
        path = check_path(wanted, roots=configured_roots(extra=[started.parent]))
    except ArtExploreError as exc:
        log.warning("ignoring the workspace in the URL: %s", exc)
        return None
    return str(path) if is_workspace(path) else None


def init_session() -> None:
    """Set the session defaults once per browser session.

    The workspace in use comes from the URL's ``workspace`` query parameter (so a
    reload keeps it), else from the command line; the URL is kept in step.
    """
    if "workspace" not in st.session_state:
        st.session_state["workspace"] = _workspace_from_url() or str(workspace_from_args())
    if st.query_params.get("workspace") != st.session_state["workspace"]:
        st.query_params["workspace"] = st.session_state["workspace"]
    st.session_state.setdefault("known_workspaces", [])
    st.session_state.setdefault("work_id", None)
    st.session_state.setdefault("selection", [])
    st.session_state.setdefault("selection_name", "")


@st.cache_resource(show_spinner=False)
def _open(path: str) -> Workspace:
    return Workspace(path)


def current_workspace() -> Workspace:
    """The open workspace; stops the page with a message when there is none."""
    path = st.session_state.get("workspace") or str(workspace_from_args())
    try:
        return _open(path)
    except ArtExploreError as exc:
        st.error(str(exc))
        st.info("Prepare the demo with `make demo`, or ingest a collection with "
                "`artexplore ingest FOLDER --workspace WS` and open that workspace "
                "from the sidebar.")
        st.stop()
        raise  # unreachable: st.stop() raises


def switch_workspace(path: Path | str) -> None:
    """Make another workspace the one in use (remembered, and named in the URL); reruns.

    Raises
    ------
    ArtExploreError
        When the folder holds no workspace.
    """
    ws = _open(str(Path(path).expanduser().resolve()))
    current = st.session_state.get("workspace")
    known = st.session_state.setdefault("known_workspaces", [])
    for item in (current, str(ws.root)):
        if item and item not in known:
            known.append(item)
    st.session_state["workspace"] = str(ws.root)
    st.session_state["work_id"] = None
    st.session_state["_workspace_switched"] = True  # the sidebar's field follows
    st.query_params["workspace"] = str(ws.root)
    st.rerun()


def open_work(work_id: str, page: str | None = None) -> None:
    """Make a work the current one (other pages show it), optionally switching page."""
    st.session_state["work_id"] = work_id
    if page:
        st.switch_page(page)


def restore_widget(key: str, default: Any, *, force: bool = False) -> None:
    """Give a widget back the value it had when it was last drawn.

    Streamlit forgets a widget's value after a run that did not draw it (another page,
    a detail view). Call this before drawing the widget (created without a default of
    its own) and :func:`keep_widget` after: the value lives on under a plain key.

    Parameters
    ----------
    key : str
        The widget's key.
    default : object
        Its value the first time.
    force : bool, default=False
        Set the kept value even though the key is still there: after a run that did
        not draw the widget, the browser draws it anew with its default unless the
        value is set again here.
    """
    if force or key not in st.session_state:
        st.session_state[key] = st.session_state.get(f"_kept_{key}", default)


def keep_widget(key: str) -> None:
    """Copy a widget's value under a plain key that survives (see :func:`restore_widget`)."""
    if key in st.session_state:
        st.session_state[f"_kept_{key}"] = st.session_state[key]


# -- what pages derive from the whole workspace, recomputed only after a change -----------------
@st.cache_data(max_entries=64, show_spinner=False)
def _missing(root: str, token: str, target: str, kwargs: tuple[tuple[str, Any], ...]) -> list:
    from artexplore.pipeline import missing

    return missing(Workspace(root), target, **dict(kwargs))


@st.cache_data(max_entries=64, show_spinner=False)
def _map_status(root: str, token: str, features: str) -> dict[str, Any]:
    from artexplore.reduce import map_status

    return map_status(Workspace(root), features)


@st.cache_data(max_entries=16, show_spinner=False)
def _fields(root: str, token: str) -> list[str]:
    return Workspace(root).metadata_fields()


def missing_stages(ws: Workspace, target: str, **kwargs: Any) -> list:
    """:func:`artexplore.pipeline.missing`, cached until the workspace changes."""
    return _missing(str(ws.root), ws.state_token(), target, tuple(sorted(kwargs.items())))


def map_state(ws: Workspace, features: str) -> dict[str, Any]:
    """:func:`artexplore.reduce.map_status`, cached until the workspace changes."""
    return _map_status(str(ws.root), ws.state_token(), features)


def metadata_fields(ws: Workspace) -> list[str]:
    """The workspace's metadata fields, cached until the workspace changes."""
    return _fields(str(ws.root), ws.state_token())
