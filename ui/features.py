"""Feature widgets: the compute device (cached) and the feature-set table."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from artexplore.store import Workspace


@st.cache_resource(show_spinner=False)
def device_description() -> str:
    """The device the extractors use here (``auto``), e.g. ``cpu (2 threads, fp32)``."""
    from artexplore.features import describe_device

    return describe_device("auto")


@st.cache_resource(show_spinner=False)
def device_choices() -> list[str]:
    """The devices offered in the app: ``auto`` and those torch can use on this machine."""
    from artexplore.features import available_devices

    return ["auto", *available_devices()]


def feature_sets_table(overview: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per feature set of :func:`~artexplore.features.overview.feature_sets_overview`:
    name, kind, dimensions, works covered, blocks and weights, and its status (for a fused
    set, how many works were placed on its fit since)."""
    rows = []
    for r in overview:
        blocks = r.get("blocks") or ({r["block"]: 1.0} if r.get("block") else {})
        rows.append({
            "feature set": r["name"], "kind": r["kind"],
            # A fused set has its width once fitted (its PCA keeps at most the rank).
            "dimensions": f"{r['dim']:,}" if r.get("dim") else "once fitted",
            "works": f"{r.get('works', 0)} / {r.get('of', 0)}",
            "blocks (weight)": ", ".join(f"{b} ({w:g})" for b, w in blocks.items()),
            "status": ("ready" if r.get("ready") else
                       "needs " + ", ".join(r.get("needs") or ["computing"]))
            + (f" · {r['placed_later']:,} works placed on its fit since it was made"
               if r.get("placed_later") else ""),
        })
    return pd.DataFrame(rows)


def fused_descriptions(overview: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(name, description) of the fused sets of an overview that have one: what each
    groups works by."""
    return [(r["name"], r["description"]) for r in overview
            if r["kind"] == "fused" and r.get("description")]


def pick_feature_set(ws: Workspace, label: str = "Feature set", *, key: str,
                     container: object = st, help: str | None = None) -> str | None:
    """A choice among the usable feature sets, most preferred first (the one policy of
    :func:`artexplore.features.sets.ranked`); None when no set is usable yet.

    The choice survives page switches under the plain session key ``key``.
    """
    from artexplore.features.sets import ranked

    options = ranked(ws)
    if not options:
        return None
    wanted = st.session_state.get(f"{key}_choice")
    if st.session_state.get(key) not in options:
        st.session_state[key] = wanted if wanted in options else options[0]
    name = container.selectbox(label, options, key=key, help=help)
    st.session_state[f"{key}_choice"] = name
    return name


def stage_banner(ws: Workspace, target: str, **kwargs: object) -> bool:
    """What must run before ``target`` can show its result, from the stage graph.

    Missing stages are shown as information with the command that computes them,
    stale ones as a warning. Returns whether nothing is missing (what is stored can
    be shown, stale or not).
    """
    from artexplore.pipeline import MISSING
    from ui.state import missing_stages

    gaps = missing_stages(ws, target, **kwargs)
    for gap in gaps:
        text = f"{gap.detail}. From a terminal: `{gap.command}`."
        (st.info if gap.status == MISSING else st.warning)(text)
    return not any(g.status == MISSING for g in gaps)
