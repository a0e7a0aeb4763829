"""The feature-set catalogue: which sets exist, which one to use, and which version each is.

Every part of ArtExplore that needs "a feature set" asks here:

- :func:`names` — the sets usable in a workspace: stored sets (what an extractor
  computed) and fused sets whose sources are all computed (``default``…);
- :func:`choose` — the one policy for picking a set when a user named none, or
  named one that is not there: ``default``, then other fused sets, then stored sets
  with more blocks, learned before the colour baseline, more works first;
- :func:`version` — the one version token of a set, stored or fused. Its
  ``fingerprint`` changes with *what* the features are (extractor options; for a
  fused set its recipe, block weights and sources, and each time it is fitted anew
  on the collection, which changes every row; works placed on its stored fit change
  none), its ``stamp`` whenever rows would change (rows added to a source, works
  leaving the collection). Every
  cache key and every stored result derived from a set (maps, cluster runs,
  indexes, the pages' caches) is keyed by it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..errors import ArtExploreError
from ..store.workspace import Workspace

log = logging.getLogger(__name__)

KIND = "features"
DEFAULT = "default"
BASELINE = "color"


@dataclass(frozen=True)
class SetVersion:
    """The version of a feature set.

    Attributes
    ----------
    name : str
        The feature set.
    fingerprint : str
        Changes with what the features are (a recomputation is needed).
    stamp : str
        Changes whenever rows would change (works added or leaving).
    fused : bool
        Whether the set is fused from other sets.
    """

    name: str
    fingerprint: str
    stamp: str
    fused: bool = False

    @property
    def token(self) -> str:
        """``fingerprint:stamp``: one string for cache keys."""
        return f"{self.fingerprint}:{self.stamp}"


def stored_names(ws: Workspace) -> list[str]:
    """Names of the sets computed by extractors, sorted."""
    return ws.arrays.names(KIND)


def names(ws: Workspace) -> list[str]:
    """Names usable everywhere a feature set is: stored sets and fused sets whose
    sources are computed (``default`` once ``artexplore embed`` ran), sorted."""
    from .compute import fused_ready
    from .fusion import fusion_names

    stored = stored_names(ws)
    ready = [name for name in fusion_names(ws) if fused_ready(ws, name)]
    return sorted(set(stored) | set(ready))


def ranked(ws: Workspace) -> list[str]:
    """The usable sets, most preferred first (the order :func:`choose` picks in).

    ``default`` first, then other fused sets, then stored sets with more blocks,
    learned before the colour-histogram baseline, more works before fewer.
    """
    available = names(ws)
    stored = set(stored_names(ws))
    counts = {r["name"]: int(r["n_rows"] or 0) for r in ws.catalog.query(
        "SELECT name, n_rows FROM arrays WHERE kind=? AND current=1", (KIND,))}

    def rank(name: str) -> tuple:
        if name == DEFAULT:
            return (0, 0, False, 0, name)
        if name not in stored:  # fused: several blocks, fitted on the collection
            return (1, 0, False, 0, name)
        params = ws.arrays.params(KIND, name)
        n_blocks = len(params.get("blocks") or {}) or 1
        baseline = params.get("name", name) == BASELINE
        return (2, -n_blocks, baseline, -counts.get(name, 0), name)

    return sorted(available, key=rank)


def choose(ws: Workspace, wanted: str | None = None, *,
           fallback: bool = True) -> tuple[str, str | None]:
    """The feature set to use for ``wanted``, and a note when another one stands in.

    Parameters
    ----------
    ws : Workspace
    wanted : str, optional
        The set the user asked for; None lets the policy choose (no note then).
    fallback : bool, default=True
        When ``wanted`` is not usable, take the most preferred usable set
        (see :func:`ranked`) and say so; when False, raise instead.

    Returns
    -------
    name : str
    note : str or None
        Which set stood in for which (also logged); None when ``wanted`` is used.

    Raises
    ------
    ArtExploreError
        When nothing is usable, or ``wanted`` is not and ``fallback`` is False
        (the message lists the usable sets and says how to compute one).
    """
    order = ranked(ws)
    if wanted is not None and wanted in order:
        return wanted, None
    if wanted is None and order:
        return order[0], None
    if not order:
        raise ArtExploreError(
            f"No feature set is stored yet in {ws.root}: compute one first with "
            "`artexplore embed --workspace WS` (or the embed job)")
    if fallback:
        note = f"feature set {wanted!r} is not stored; used {order[0]!r} instead"
        log.warning(note)
        return order[0], note
    raise missing_error(ws, wanted or DEFAULT, order)


def missing_error(ws: Workspace, name: str, available: list[str] | None = None
                  ) -> ArtExploreError:
    """The error for a feature set that is not usable, saying how to compute it."""
    available = names(ws) if available is None else available
    known = ", ".join(sorted(available)) or "none yet"
    how = "`artexplore embed --workspace WS`" if name == DEFAULT else \
        f"`artexplore embed --workspace WS --extractor {name}`"
    return ArtExploreError(f"No feature set {name!r} in {ws.root} (available: {known}); "
                           f"compute it with {how}")


def version(ws: Workspace, name: str) -> SetVersion:
    """The version of a feature set, stored or fused.

    Raises
    ------
    ArtExploreError
        If the set is neither stored nor a fused set whose sources are computed.
    """
    from ..config import fingerprint as hash_config
    from .compute import _sources, fit_generation
    from .fusion import get_fusion

    fp = ws.arrays.current(KIND, name)
    if fp is not None:
        return SetVersion(name, fp, _updated_at(ws, name, fp))
    spec = get_fusion(ws, name)
    sources = _sources(ws, spec) if spec is not None else []
    if spec is None or not sources or any(s.count == 0 for s in sources):
        raise missing_error(ws, name)
    stamps = [_updated_at(ws, src.extractor, src.fingerprint) for src in sources]
    n_ok = ws.counts().get("ok", 0)
    what = {"fusion": spec.to_dict(), "sources": [src.fingerprint for src in sources]}
    generation = fit_generation(ws, spec, sources)
    if generation:  # fitted anew since its first fit: every row changed
        what["fit"] = generation
    fp = hash_config(what)
    return SetVersion(name, fp, f"{max(stamps)}|{n_ok}", fused=True)


def _updated_at(ws: Workspace, extractor: str, fp: str) -> str:
    return ws.arrays.updated_at(KIND, extractor, fp)


def row_ids(ws: Workspace, name: str) -> set[str]:
    """Ids of the works (status ok) that have a row in a feature set.

    For a fused set, the works that every source covers. Nothing is fitted.

    Raises
    ------
    ArtExploreError
        If the set is not usable.
    """
    from .compute import _sources
    from .fusion import get_fusion

    ok = set(ws.work_ids())
    fp = ws.arrays.current(KIND, name)
    if fp is not None:
        return ok & ws.arrays.done_ids(KIND, name, fp)
    spec = get_fusion(ws, name)
    if spec is None:
        raise missing_error(ws, name)
    for src in _sources(ws, spec):
        ok &= ws.arrays.done_ids(KIND, src.extractor, src.fingerprint)
    return ok
