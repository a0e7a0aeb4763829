"""Fitting a fused set on the collection's rows, and applying it to outside images."""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...errors import ConfigError
from .spec import FusionSpec
from .steps import Step, _apply_steps, _fit_steps, parse_step


# -- fitting and applying -------------------------------------------------------------------------
@dataclass
class FittedFusion:
    """A fused set fitted on a collection.

    Attributes
    ----------
    spec : FusionSpec
    steps : dict
        ``(block, component, part) → fitted component steps`` and ``(block,) → block steps``.
    part_columns : dict
        ``(block, component) → list of column index arrays`` into the source matrix.
    block_slices : dict of str to slice
        Columns of each block in the fused matrix.
    """

    spec: FusionSpec
    steps: dict[tuple, list[Step]]
    part_columns: dict[tuple[int, int], list[np.ndarray]]
    block_slices: dict[str, slice]

    def transform(self, sources: Mapping[str, np.ndarray], *, weighted: bool = True
                  ) -> np.ndarray:
        """Fused rows from source matrices (keyed by :func:`source_key`)."""
        blocks = []
        for bi, block in enumerate(self.spec.blocks):
            comps = []
            for ci, comp in enumerate(block.components):
                X = sources[source_key(comp.source, comp.options)]
                cols = self.part_columns[(bi, ci)]
                pieces = [_apply_steps(self.steps[(bi, ci, pi)], _own_columns(X, c), owned=True)
                          for pi, c in enumerate(cols)]
                comps.append(_weighted_concat(pieces, comp.weight))
                del pieces
            B = _apply_steps(self.steps[(bi,)], _joined(comps), owned=True)
            del comps
            if weighted and block.weight != 1.0:
                B *= block.weight
            blocks.append(B.astype(np.float32))
            del B
        return np.concatenate(blocks, axis=1)

    def state(self) -> dict[str, np.ndarray]:
        """All fitted arrays, flat (for ``np.savez``)."""
        out = {f"__width__/{bi}": np.asarray(self.block_slices[block.name].stop
                                             - self.block_slices[block.name].start)
               for bi, block in enumerate(self.spec.blocks)}
        for key, steps in self.steps.items():
            for si, step in enumerate(steps):
                for name, arr in step.state().items():
                    out["/".join(map(str, key)) + f"/{si}/{name}"] = arr
        return out


def source_key(source: str, options: Mapping[str, Any]) -> str:
    """A stable key of an (extractor, options) pair."""
    return json.dumps([source, dict(options)], sort_keys=True, default=str)


def select_columns(parts: Sequence[tuple[str, int]], patterns: Sequence[str] | None,
                   per_part: bool, *, what: str) -> list[np.ndarray]:
    """Column indices of the selected parts (one array per part, or one for all)."""
    starts = np.cumsum([0] + [w for _, w in parts])
    chosen = [i for i, (name, _) in enumerate(parts)
              if patterns is None or any(fnmatch.fnmatchcase(name, p) for p in patterns)]
    if not chosen:
        names = ", ".join(n for n, _ in parts)
        raise ConfigError(f"No part of {what} matches {list(patterns or [])}; parts: {names}")
    cols = [np.arange(starts[i], starts[i + 1]) for i in chosen]
    return cols if per_part else [np.concatenate(cols)]


def fit_fusion(spec: FusionSpec, sources: Mapping[str, np.ndarray],
               parts: Mapping[str, Sequence[tuple[str, int]]]) -> tuple[FittedFusion, np.ndarray]:
    """Fit the steps of a fused set on a collection and return its (unweighted) rows.

    Parameters
    ----------
    spec : FusionSpec
    sources : mapping of str to ndarray of shape (n_works, n_source_features)
        Rows aligned across sources, keyed by :func:`source_key`.
    parts : mapping of str to list of (str, int)
        The part names and widths of each source.

    Returns
    -------
    fitted : FittedFusion
    X : ndarray of shape (n_works, n_features), float32
        Fused rows with every block weight 1 (apply weights per block slice).
    """
    steps: dict[tuple, list[Step]] = {}
    part_columns: dict[tuple[int, int], list[np.ndarray]] = {}
    blocks, slices, start = [], {}, 0
    for bi, block in enumerate(spec.blocks):
        comps = []
        for ci, comp in enumerate(block.components):
            key = source_key(comp.source, comp.options)
            X = sources[key]  # in float64 a part at a time: never the whole source
            cols = select_columns(parts[key], comp.parts, comp.per_part, what=comp.source)
            part_columns[(bi, ci)] = cols
            pieces = []
            for pi, c in enumerate(cols):
                fitted, Y = _fit_steps(comp.steps, _own_columns(X, c), owned=True)
                steps[(bi, ci, pi)] = fitted
                pieces.append(Y)
            comps.append(_weighted_concat(pieces, comp.weight))
            del pieces
        fitted, B = _fit_steps(block.steps, _joined(comps), owned=True)
        del comps
        steps[(bi,)] = fitted
        blocks.append(B.astype(np.float32))  # float32 at once: the float64 rows go
        slices[block.name] = slice(start, start + B.shape[1])
        start += B.shape[1]
        del B
    fitted = FittedFusion(spec, steps, part_columns, slices)
    return fitted, np.concatenate(blocks, axis=1)


# The steps of a fused set change the rows they are given in place (they are the fit's
# own copies), so a step over a collection costs one matrix of its size, not two or three.
def _own_columns(X: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """A float64 copy of some columns of ``X``, the fit's own (C-contiguous)."""
    return np.array(np.asarray(X)[:, cols], dtype=np.float64, order="C")


def _joined(mats: list[np.ndarray]) -> np.ndarray:
    """Matrices side by side: the one itself when there is one (it is already owned)."""
    return mats[0] if len(mats) == 1 else np.concatenate(mats, axis=1)


def _weighted_concat(pieces: list[np.ndarray], weight: float) -> np.ndarray:
    """The pieces side by side, times ``weight`` (in place)."""
    out = _joined(pieces)
    if weight != 1.0:
        out *= weight
    return out


def stored_block_slices(spec: FusionSpec, arrays: Mapping[str, np.ndarray]) -> dict[str, slice]:
    """Columns of each block in the fused matrix, from :meth:`FittedFusion.state` arrays.

    Reads only the ``__width__`` entries: with a lazily read ``.npz`` the fitted
    steps (the diffusion's rows and eigenvectors, gigabytes at a million works) stay
    on disk.
    """
    slices, start = {}, 0
    for bi, block in enumerate(spec.blocks):
        key = f"__width__/{bi}"
        width = int(arrays[key]) if key in arrays else 0
        slices[block.name] = slice(start, start + width)
        start += width
    return slices


def restore_fusion(spec: FusionSpec, arrays: Mapping[str, np.ndarray],
                   parts: Mapping[str, Sequence[tuple[str, int]]]) -> FittedFusion:
    """Rebuild a :class:`FittedFusion` from :meth:`FittedFusion.state` arrays."""
    steps: dict[tuple, list[Step]] = {}
    part_columns: dict[tuple[int, int], list[np.ndarray]] = {}

    def restored(key: tuple, texts: Sequence[str]) -> list[Step]:
        prefix = "/".join(map(str, key))
        out = []
        for si, text in enumerate(texts):
            mine = {k.rsplit("/", 1)[1]: v for k, v in arrays.items()
                    if k.rsplit("/", 1)[0] == f"{prefix}/{si}"}
            out.append(parse_step(text).load(mine) if mine else parse_step(text))
        return out

    for bi, block in enumerate(spec.blocks):
        for ci, comp in enumerate(block.components):
            key = source_key(comp.source, comp.options)
            cols = select_columns(parts[key], comp.parts, comp.per_part, what=comp.source)
            part_columns[(bi, ci)] = cols
            for pi in range(len(cols)):
                steps[(bi, ci, pi)] = restored((bi, ci, pi), comp.steps)
        steps[(bi,)] = restored((bi,), block.steps)
    return FittedFusion(spec, steps, part_columns, stored_block_slices(spec, arrays))
