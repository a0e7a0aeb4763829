"""Feature widgets: the compute device (cached) and the feature-set table."""

from __future__ import annotations

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


def feature_sets_table(ws: Workspace) -> pd.DataFrame:
    """One row per feature set: name, kind, dimensions, works covered, blocks and weights."""
    from artexplore.features.overview import feature_sets_overview

    rows = []
    for r in feature_sets_overview(ws):
        blocks = r.get("blocks") or ({r["block"]: 1.0} if r.get("block") else {})
        rows.append({
            "feature set": r["name"], "kind": r["kind"],
            "dimensions": r.get("dim"),
            "works": f"{r.get('works', 0)} / {r.get('of', 0)}",
            "blocks (weight)": ", ".join(f"{b} ({w:g})" for b, w in blocks.items()),
            "status": "ready" if r.get("ready") else
                      "needs " + ", ".join(r.get("needs") or ["computing"]),
        })
    return pd.DataFrame(rows)
