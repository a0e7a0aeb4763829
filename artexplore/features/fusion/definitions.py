"""Fused-set definitions stored in a workspace (the ``feature_fusions`` table)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ...errors import ArtExploreError, ConfigError
from ...store.catalog import now
from ...store.workspace import Workspace
from .spec import FusionSpec, builtin_fusions

# -- definitions stored in a workspace ------------------------------------------------------------
_DDL = """
CREATE TABLE IF NOT EXISTS feature_fusions (
    name TEXT PRIMARY KEY,
    spec TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
"""


def _ensure(ws: Workspace) -> None:
    ws.catalog.ensure_schema("feature_fusions", _DDL)


def save_fusion(ws: Workspace, spec: FusionSpec) -> None:
    """Store (or replace) a fused set definition in the workspace."""
    from ..base import available_extractors, split_name

    if spec.name in available_extractors() or split_name(spec.name)[0] in available_extractors():
        raise ConfigError(f"{spec.name!r} is an extractor name; choose another name")
    _ensure(ws)
    with ws.catalog.connect() as conn:
        conn.execute("INSERT INTO feature_fusions(name, spec, updated_at) VALUES (?, ?, ?) "
                     "ON CONFLICT(name) DO UPDATE SET spec=excluded.spec, "
                     "updated_at=excluded.updated_at",
                     (spec.name, json.dumps(spec.to_dict(), sort_keys=True), now()))


def delete_fusion(ws: Workspace, name: str) -> None:
    """Remove a stored definition (``default`` then returns to the built-in recipe)."""
    _ensure(ws)
    with ws.catalog.connect() as conn:
        conn.execute("DELETE FROM feature_fusions WHERE name=?", (name,))


def stored_fusions(ws: Workspace) -> dict[str, FusionSpec]:
    """Definitions stored in the workspace."""
    if not ws.catalog.table_exists("feature_fusions"):
        return {}
    rows = ws.catalog.query("SELECT name, spec FROM feature_fusions ORDER BY name")
    return {r["name"]: FusionSpec.from_dict(json.loads(r["spec"])) for r in rows}


def fusion_names(ws: Workspace) -> list[str]:
    """Every fused set name known in the workspace (built-in and stored), sorted."""
    return sorted(set(builtin_fusions()) | set(stored_fusions(ws)))


def get_fusion(ws: Workspace, name: str) -> FusionSpec | None:
    """The definition of a fused set (the workspace's, else the built-in one), or None."""
    stored = stored_fusions(ws)
    if name in stored:
        return stored[name]
    return builtin_fusions().get(name)


def set_block_weights(ws: Workspace, name: str, weights: Mapping[str, float]) -> FusionSpec:
    """Change block weights of a fused set and store the result in the workspace.

    Raises
    ------
    ArtExploreError
        If no fused set has that name.
    """
    spec = get_fusion(ws, name)
    if spec is None:
        raise ArtExploreError(f"No fused feature set {name!r}; known: "
                              f"{', '.join(fusion_names(ws))}")
    spec = spec.with_weights(weights)
    save_fusion(ws, spec)
    return spec


