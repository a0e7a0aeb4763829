"""What a fused set is: blocks of components of stored features, with their steps and
weights (:class:`FusionSpec`, JSON); and the built-in ``default``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from ...config import fingerprint
from ...errors import ConfigError
from .steps import parse_post, parse_step

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$")


# -- specification --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Component:
    """Stored features entering a block.

    Parameters
    ----------
    source : str
        Extractor name (``stats:effnet-lite0``…); computed with ``options``.
    options : dict
        Extractor options; they define the stored set used (by fingerprint).
    parts : tuple of str, optional
        Glob patterns of the extractor's part names to keep (``*/blocks.4/*``);
        all parts when None.
    per_part : bool, default=False
        Fit and apply ``steps`` to each selected part separately (then each part
        counts equally), instead of to their concatenation.
    steps : tuple of str
        See :data:`STEP_HELP`.
    weight : float, default=1.0
    """

    source: str
    options: Mapping[str, Any] = field(default_factory=dict)
    parts: tuple[str, ...] | None = None
    per_part: bool = False
    steps: tuple[str, ...] = ("center", "l2")
    weight: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", dict(self.options))
        object.__setattr__(self, "steps", tuple(self.steps))
        if self.parts is not None:
            object.__setattr__(self, "parts", tuple(self.parts))
        for step in self.steps:
            parse_step(step)
        if not np.isfinite(self.weight) or self.weight < 0:
            raise ConfigError(f"Component weight must be >= 0, got {self.weight}")


@dataclass(frozen=True)
class Block:
    """A named block of a fused set: weighted components, then ``steps``, times ``weight``.

    Components are centred and L2-normalised by default (their own ``steps``), so
    the block's default ``steps`` only L2-normalise their weighted concatenation.
    """

    name: str
    components: tuple[Component, ...]
    weight: float = 1.0
    steps: tuple[str, ...] = ("l2",)

    def __post_init__(self) -> None:
        comps = tuple(c if isinstance(c, Component) else Component(**c) for c in self.components)
        object.__setattr__(self, "components", comps)
        object.__setattr__(self, "steps", tuple(self.steps))
        if not comps:
            raise ConfigError(f"Block {self.name!r} has no component")
        for step in self.steps:
            parse_step(step)
        if not np.isfinite(self.weight) or self.weight < 0:
            raise ConfigError(f"Weight of block {self.name!r} must be >= 0, got {self.weight}")


@dataclass(frozen=True)
class FusionSpec:
    """A fused feature set: blocks, each centred and L2-normalised, weighted, concatenated.

    Parameters
    ----------
    name : str
    blocks : tuple of Block
    post : tuple of str
        Collection-level post-processing of the weighted rows (see :data:`POST_HELP`).
    description : str
    """

    name: str
    blocks: tuple[Block, ...]
    post: tuple[str, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        blocks = tuple(b if isinstance(b, Block) else Block(**b) for b in self.blocks)
        object.__setattr__(self, "blocks", blocks)
        object.__setattr__(self, "post", tuple(self.post))
        for text in self.post:
            parse_post(text)
        if not _NAME.match(self.name) or ":" in self.name:
            raise ConfigError(f"Invalid fused set name {self.name!r}: use letters, digits, "
                              "'_', '-', '.', '+' (no ':' which marks extractor names)")
        if not blocks:
            raise ConfigError(f"Fused set {self.name!r} has no block")
        names = [b.name for b in blocks]
        if len(set(names)) != len(names):
            raise ConfigError(f"Block names must be unique in {self.name!r}, got {names}")

    @property
    def weights(self) -> dict[str, float]:
        """Block name → weight."""
        return {b.name: b.weight for b in self.blocks}

    def with_weights(self, weights: Mapping[str, float]) -> FusionSpec:
        """A copy with some block weights changed.

        Raises
        ------
        ConfigError
            If a name is not a block of this set (the message lists the blocks).
        """
        unknown = set(weights) - {b.name for b in self.blocks}
        if unknown:
            raise ConfigError(f"{self.name!r} has no block {sorted(unknown)[0]!r}; "
                              f"blocks: {', '.join(b.name for b in self.blocks)}")
        return replace(self, blocks=tuple(
            replace(b, weight=float(weights.get(b.name, b.weight))) for b in self.blocks))

    def sources(self) -> list[tuple[str, dict[str, Any]]]:
        """Distinct (extractor, options) pairs the set needs, in order of first use."""
        seen: dict[str, tuple[str, dict[str, Any]]] = {}
        for block in self.blocks:
            for c in block.components:
                key = json.dumps([c.source, c.options], sort_keys=True, default=str)
                seen.setdefault(key, (c.source, dict(c.options)))
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form (round-trips through :meth:`from_dict`)."""
        return json.loads(json.dumps(asdict(self), default=list))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FusionSpec:
        """Build from :meth:`to_dict` output (or hand-written JSON)."""
        data = dict(data)
        blocks = []
        for b in data.pop("blocks", []):
            b = dict(b)
            comps = [Component(**{**c, "parts": tuple(c["parts"]) if c.get("parts") else None})
                     for c in b.pop("components", [])]
            blocks.append(Block(components=tuple(comps), **b))
        data["post"] = tuple(data.get("post") or ())
        return cls(blocks=tuple(blocks), **data)

    def structure_key(self) -> str:
        """Fingerprint of what is fitted: all but block weights and post-processing
        (both are applied when the set is loaded)."""
        d = self.to_dict()
        d.pop("description", None)
        d.pop("post", None)
        for b in d["blocks"]:
            b.pop("weight", None)
        return fingerprint(d)


# -- the built-in default -------------------------------------------------------------------------
def builtin_fusions() -> dict[str, FusionSpec]:
    """Fused sets every workspace has unless it redefines them (``default``, ``style+color``,
    ``technique``)."""
    from ..recipes import DEFAULT_RECIPE, STYLE_COLOR_RECIPE, TECHNIQUE_RECIPE

    return {r["name"]: FusionSpec.from_dict(r)
            for r in (DEFAULT_RECIPE, STYLE_COLOR_RECIPE, TECHNIQUE_RECIPE)}


