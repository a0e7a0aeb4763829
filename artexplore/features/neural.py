"""Neural extractors on timm backbones: pooled features, layer statistics, Gram matrices.

One class, :class:`BackboneExtractor`, runs a backbone once per image and input
size and collects any of

- the pooled pre-logits (``pooled=True``; for ViTs ``pool="cls"`` or ``"mean"``
  of the patch tokens instead of the model's own pooling),
- per-layer statistics of intermediate activations (``layers`` as timm
  ``out_indices`` or module names; ``statistics`` among ``mean``, ``std``,
  ``max``, ``gram``, ``cov``),

at one or several input sizes (``sizes``), optionally over the image and its
mirror (``flip``). Registered names:

- ``timm:<model>``: pooled features of any timm model (weights from ``--weights``).
- ``effnet-lite0`` / ``effnet-lite1`` / ``effnet-lite2``: pooled features of the
  offline ImageNet EfficientNet-Lite models.
- ``gram:<backbone>``: Gram matrices (Gatys et al.) of stages 1–3, upper
  triangles, signed square root then L2 per layer.
- ``stats:<backbone>``: channel means and standard deviations of stages 0–4.

``<backbone>`` is ``effnet-lite0`` (the default), ``effnet-lite1``/``2`` or a timm model name.
"""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..nn.backbones import EFFNET_NAMES, Backbone, load_backbone, timm_model_name
from ..nn.device import autocast, resolve_device, resolve_precision
from ..nn.weights import file_sha256, parse_weights
from .base import Extractor, register_extractor
from .preprocess import RESIZE_MODES, Preprocess

log = logging.getLogger(__name__)

STATISTICS = ("mean", "std", "max", "gram", "cov")
POOLS = ("default", "cls", "mean")


class _StopForward(Exception):
    """Raised by the last hooked layer when the rest of the network is not needed."""


def _as_channels_first(out: Any, n_prefix: int) -> Any:
    """A layer output as (batch, channels, positions), float32; ViT prefix tokens dropped."""
    if isinstance(out, (tuple, list)):
        out = out[0]
    if out.ndim == 4:  # (B, C, H, W)
        return out.float().flatten(2)
    if out.ndim == 3:  # (B, N, C) tokens
        return out[:, n_prefix:].float().transpose(1, 2)
    raise ConfigError(f"Cannot take statistics of a layer output of shape {tuple(out.shape)}")


def layer_statistics(F: Any, statistics: Sequence[str], *, matrix_power: float | None = None
                     ) -> list[Any]:
    """Statistics of activations.

    Parameters
    ----------
    F : torch.Tensor of shape (batch, channels, positions), float32
    statistics : sequence of {"mean", "std", "max", "gram", "cov"}
        ``gram`` is F Fᵀ / positions, ``cov`` the same after centring each
        channel; both as upper triangles with off-diagonal entries times √2, so
        that dot products of the vectors equal Frobenius products of the matrices.
    matrix_power : float, optional
        Raise Gram/covariance matrices to this power (eigendecomposition) first.

    Returns
    -------
    list of torch.Tensor of shape (batch, k)
    """
    import torch

    out = []
    n = F.shape[2]
    for stat in statistics:
        if stat == "mean":
            out.append(F.mean(2))
        elif stat == "std":
            out.append(F.std(2, unbiased=n > 1))
        elif stat == "max":
            out.append(F.amax(2))
        elif stat in ("gram", "cov"):
            G = F - F.mean(2, keepdim=True) if stat == "cov" else F
            M = (G @ G.transpose(1, 2)) / n
            if matrix_power is not None:
                w, V = torch.linalg.eigh(M.double())
                w = w.clamp_min(0).pow(matrix_power).unsqueeze(1)
                M = ((V * w) @ V.transpose(1, 2)).float()
            c = M.shape[1]
            iu = torch.triu_indices(c, c, device=M.device)
            scale = torch.where(iu[0] == iu[1], 1.0, math.sqrt(2.0)).to(M.device)
            out.append(M[:, iu[0], iu[1]] * scale)
        else:
            raise ConfigError(f"Unknown statistic {stat!r}; choose from: {', '.join(STATISTICS)}")
    return out


def normalize_part(x: Any, power: float | None, l2: bool) -> Any:
    """Signed power (``sign(x)·|x|^power``) then L2, row-wise."""
    if power is not None and power != 1:
        x = x.sign() * x.abs().pow(power)
    if l2:
        x = x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)
    return x


@contextlib.contextmanager
def _capture(model: Any, names: Sequence[str], store: dict[str, Any], *,
             stop: bool) -> Iterator[None]:
    modules = dict(model.named_modules())
    handles = []
    pending = set(names)

    def hook_for(name: str) -> Callable[..., None]:
        def hook(_module: Any, _inputs: Any, output: Any) -> None:
            store[name] = output
            pending.discard(name)
            if stop and not pending:
                raise _StopForward
        return hook

    for name in names:
        handles.append(modules[name].register_forward_hook(hook_for(name)))
    try:
        yield
    finally:
        for h in handles:
            h.remove()


class TorchExtractor(Extractor):
    """Base of the extractors that run a torch model: device, precision, batching.

    Subclasses implement :meth:`_load` (the model, built on first use) and
    :meth:`_features` (a batch of normalised inputs → feature tensors).

    Parameters
    ----------
    device : str, default="auto"
        ``auto`` (CUDA, then MPS, then CPU), ``cpu``, ``cuda``, ``mps``.
    precision : {"auto", "fp32", "bf16"}, default="auto"
        ``auto`` is bf16 autocast on a GPU, float32 on the CPU.
    batch_size : int, default=32
    """

    def __init__(self, *, device: str = "auto", precision: str = "auto",
                 batch_size: int = 32) -> None:
        self.device_option = device
        self.precision_option = precision
        self.batch_size = int(batch_size)
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {batch_size}")
        self._device: Any = None
        self._state: Any = None

    @property
    def device(self) -> Any:
        """The resolved ``torch.device``."""
        if self._device is None:
            self._device = resolve_device(self.device_option)
        return self._device

    @property
    def device_name(self) -> str:
        return str(self.device)

    @property
    def precision(self) -> str:
        """``bf16`` or ``fp32`` as used on the resolved device."""
        return resolve_precision(self.precision_option, self.device)

    @property
    def loaded(self) -> Any:
        """The model state (built and moved to the device on first use)."""
        if self._state is None:
            self._state = self._load()
        return self._state

    # subclass API ------------------------------------------------------------------------------
    def _load(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _features(self, xs: list[Any]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _mean_std(self) -> tuple[Sequence[float], Sequence[float]]:  # pragma: no cover
        raise NotImplementedError

    # pipeline -----------------------------------------------------------------------------------
    def transform(self, images: Sequence[np.ndarray]) -> np.ndarray:
        prepare = self.preparer()
        return self.transform_prepared([prepare(np.asarray(img, dtype=np.uint8)) for img in images])

    def transform_prepared(self, items: Sequence[Any]) -> np.ndarray:
        """Run the model on prepared inputs, grouping same-shaped ones into batches."""
        import torch

        if not len(items):
            return np.zeros((0, self.dim), dtype=np.float32)
        self.loaded  # noqa: B018  (build the model before timing-sensitive loops)
        out: list[Any] = [None] * len(items)
        groups: dict[tuple, list[int]] = {}
        for i, item in enumerate(items):
            groups.setdefault(tuple(tuple(t.shape) for t in item), []).append(i)
        mean, std = self._mean_std()
        mean_t = torch.tensor(mean, device=self.device).view(1, 3, 1, 1)
        std_t = torch.tensor(std, device=self.device).view(1, 3, 1, 1)
        with torch.inference_mode():
            for rows in groups.values():
                # Items of several images each (a work's windows) count as that many images;
                # on a CPU each such item is its own batch (8 windows of 128 px: 4 works per
                # batch took 1.4x as long as one, the activations falling out of the caches).
                per_item = max(int(t.shape[0]) if t.ndim == 4 else 1 for t in items[rows[0]])
                step = self.batch_size if per_item == 1 else (
                    1 if str(self.device) == "cpu" else max(1, self.batch_size // per_item))
                for start in range(0, len(rows), step):
                    chunk = rows[start:start + step]
                    xs = []
                    for k in range(len(items[chunk[0]])):
                        x = torch.stack([items[i][k] for i in chunk])
                        x = x.to(self.device, non_blocking=True)
                        xs.append((x.float() / 255.0 - mean_t) / std_t)
                    feats = self._features(xs).float().cpu().numpy()
                    for j, i in enumerate(chunk):
                        out[i] = feats[j]
        return np.stack(out).astype(np.float32, copy=False)


class BackboneExtractor(TorchExtractor):
    """Pooled features and layer statistics of a backbone (see the module docstring).

    Parameters
    ----------
    backbone : str, default="effnet-lite0"
        ``effnet-lite0/1/2`` or a timm model name (``hf-hub:…`` for hub models).
    weights : str, optional
        Local weights file, ``hub`` or ``random`` (see :func:`load_backbone`).
    pooled : bool, default=True
        Include the pooled pre-logits.
    pool : {"default", "cls", "mean"}, default="default"
        ``default``: the model's own pooling; for ViTs ``cls`` (class token) or
        ``mean`` (mean of the patch tokens).
    layers : sequence of int or str, default=()
        Layers whose activations give statistics: ints are timm ``out_indices``
        (the model's feature stages), strings are module names (``blocks.3``) or
        glob patterns over them (``blocks.*.*.bn2``: every depthwise activation).
    statistics : sequence of str, default=("mean", "std")
        Per layer: ``mean``, ``std``, ``max``, ``gram``, ``cov``.
    sizes : sequence of int, optional
        Input sizes (several: multi-scale); the model's own by default.
    resize : {"crop", "full", "squash", "windows"}, optional
        See :func:`artexplore.features.preprocess.resize_for_model`; ``crop`` (the
        model's own evaluation transform) by default. ``windows``: the model sees
        the work's ``windows`` highest-gradient windows (the patch method's, at
        its working resolution; ``sizes`` are their sides) and each statistic is
        averaged over them: the local branch.
    windows : int, optional
        Windows per work, with ``resize="windows"``.
    max_aspect : float, default=2.0
        Longest over shorter side kept by ``resize="full"``.
    flip : bool, default=False
        Statistics over the image and its mirror (pooled features averaged).
    power : float, optional
        Signed power applied to each part (0.5: signed square root).
    l2 : bool, default=False
        L2-normalise each part (after ``power``).
    matrix_power : float, optional
        Power of the Gram/covariance matrices (eigendecomposition), before ``power``.
    gram_dims : int, optional
        Reduce each Gram/covariance part to this many dimensions by a fixed
        random projection (seeded by ``random_state``).
    random_state : int, default=0
        Seed of the ``gram_dims`` projections.
    name : str, optional
        Registry name (set by the factories).
    device, precision, batch_size
        See :class:`TorchExtractor`.
    """

    def __init__(self, backbone: str = "effnet-lite0", *, weights: str | None = None,
                 pooled: bool = True, pool: str = "default",
                 layers: Sequence[int | str] = (), statistics: Sequence[str] = ("mean", "std"),
                 sizes: Sequence[int] | int | None = None, resize: str | None = None,
                 max_aspect: float = 2.0, flip: bool = False, power: float | None = None,
                 l2: bool = False, matrix_power: float | None = None,
                 gram_dims: int | None = None, random_state: int = 0,
                 windows: int | None = None, block: str = "global", name: str | None = None,
                 device: str = "auto", precision: str = "auto", batch_size: int = 32) -> None:
        super().__init__(device=device, precision=precision, batch_size=batch_size)
        self.backbone = backbone if backbone in EFFNET_NAMES else timm_model_name(backbone)
        self.weights = parse_weights(weights)
        self.pooled = bool(pooled)
        self.pool = pool
        self.layers = tuple(int(x) if isinstance(x, (int, np.integer)) or str(x).isdigit()
                            else str(x) for x in layers)
        self.statistics = tuple(statistics)
        if isinstance(sizes, (int, np.integer)):
            sizes = (int(sizes),)
        self.sizes = tuple(int(s) for s in sizes) if sizes else None
        self.resize = resize
        self.max_aspect = float(max_aspect)
        self.flip = bool(flip)
        self.power = None if power is None else float(power)
        self.l2 = bool(l2)
        self.matrix_power = None if matrix_power is None else float(matrix_power)
        self.gram_dims = None if gram_dims is None else int(gram_dims)
        self.random_state = int(random_state)
        self.windows = None if windows is None else int(windows)
        self.block = block
        self.name = name or (self.backbone if self.backbone in EFFNET_NAMES
                             else f"timm:{self.backbone}")
        self._validate()
        self.options = {
            "backbone": self.backbone, "weights": self.weights, "pooled": self.pooled,
            "pool": self.pool, "layers": list(self.layers), "statistics": list(self.statistics),
            "sizes": list(self.sizes) if self.sizes else None, "resize": self.resize,
            "max_aspect": self.max_aspect, "flip": self.flip, "power": self.power, "l2": self.l2,
            "matrix_power": self.matrix_power, "gram_dims": self.gram_dims,
            "random_state": self.random_state, "block": self.block,
        }
        if self.windows is not None:  # only then: the stored sets of whole images keep their ids
            self.options["windows"] = self.windows

    def _validate(self) -> None:
        if self.pool not in POOLS:
            raise ConfigError(f"Unknown pool {self.pool!r}; choose one of: {', '.join(POOLS)}")
        bad = [s for s in self.statistics if s not in STATISTICS]
        if bad:
            raise ConfigError(f"Unknown statistic {bad[0]!r}; choose from: {', '.join(STATISTICS)}")
        if not self.pooled and not self.layers:
            raise ConfigError("The extractor would compute nothing: set pooled=True or give layers")
        if self.layers and not self.statistics:
            raise ConfigError("layers were given without statistics")
        if self.resize is not None and self.resize not in RESIZE_MODES:
            raise ConfigError(f"Unknown resize mode {self.resize!r}; "
                              f"choose one of: {', '.join(RESIZE_MODES)}")
        if self.sizes and min(self.sizes) < 16:
            raise ConfigError(f"Input sizes must be >= 16 pixels, got {list(self.sizes)}")
        if self.gram_dims is not None and self.gram_dims < 1:
            raise ConfigError(f"gram_dims must be >= 1, got {self.gram_dims}")
        if (self.resize == "windows") != (self.windows is not None):
            raise ConfigError("resize='windows' and a number of windows go together "
                              f"(got resize={self.resize!r}, windows={self.windows})")
        if self.windows is not None and (self.windows < 1 or not self.sizes
                                         or any(s % 2 for s in self.sizes)):
            raise ConfigError(f"windows needs a count >= 1 and even window sizes, got "
                              f"windows={self.windows}, sizes={list(self.sizes or [])}")

    # -- identity ---------------------------------------------------------------------------
    def _weights_identity(self) -> str | None:
        if self.weights in (None, "random", "hub"):
            return self.weights
        return f"file:{file_sha256(self.weights)}"

    def get_config(self) -> dict[str, Any]:
        config = {"name": self.name, **self.options, "weights": self._weights_identity()}
        if self.weights is None and self.backbone in EFFNET_NAMES:
            config["weights"] = "package"
        return config

    # -- model ------------------------------------------------------------------------------
    def _load(self) -> dict[str, Any]:
        import torch

        bb: Backbone = load_backbone(self.backbone, self.weights)
        model = bb.model.to(self.device).eval()
        cfg = bb.data_config
        native = int(cfg["input_size"][-1])
        sizes = self.sizes or (native,)
        resize = self.resize or "crop"
        if bb.fixed_input_size and (resize in ("full", "windows")
                                    or any(s != native for s in sizes)):
            raise ConfigError(f"{self.backbone} takes only {native}×{native} inputs: use "
                              f"resize='crop' or 'squash' and sizes=[{native}]")
        if self.pool != "default" and not hasattr(model, "num_prefix_tokens"):
            raise ConfigError(f"pool={self.pool!r} needs a ViT-like model with tokens; "
                              f"{self.backbone} has none (use pool='default')")
        layer_names = self._layer_names(model)
        state = {"model": model, "data_config": cfg, "weights_id": bb.weights_id,
                 "preprocess": Preprocess(sizes=tuple(sizes), mode=resize,
                                          crop_pct=float(cfg.get("crop_pct", 1.0)),
                                          interpolation=str(cfg.get("interpolation", "bicubic")),
                                          max_aspect=self.max_aspect,
                                          windows=self.windows or 0),
                 "layer_names": layer_names,
                 "n_prefix": int(getattr(model, "num_prefix_tokens", 0)),
                 "projections": {}}
        self._state = state
        # Widths of the parts: one small forward pass.
        probe = min(max(sizes), 64 if not bb.fixed_input_size else native)
        with torch.inference_mode():
            x = torch.zeros(1, 3, probe, probe, device=self.device)
            if bb.fixed_input_size:
                x = torch.zeros(1, 3, native, native, device=self.device)
            widths = [int(t.shape[1]) for t in self._raw_parts(x, project=False)]
        names = self._part_names(sizes, layer_names)
        per_size = len(names) // len(sizes)
        state["parts"] = [(n, w) for n, w in zip(names, widths * len(sizes), strict=True)]
        if self.gram_dims:
            gen = torch.Generator().manual_seed(self.random_state)
            for i, (n, w) in enumerate(state["parts"][:per_size]):
                if n.rsplit("/", 1)[-1] in ("gram", "cov") and w > self.gram_dims:
                    R = torch.randn(w, self.gram_dims, generator=gen) / math.sqrt(self.gram_dims)
                    state["projections"][i] = R.to(self.device)
            state["parts"] = [(n, self.gram_dims if (i % per_size) in state["projections"] else w)
                              for i, (n, w) in enumerate(state["parts"])]
        return state

    def _layer_names(self, model: Any) -> list[str]:
        info = list(getattr(model, "feature_info", []) or [])
        modules = dict(model.named_modules())
        names = []
        for layer in self.layers:
            if isinstance(layer, int):
                if not 0 <= layer < len(info):
                    raise ConfigError(f"out_index {layer} is out of range for {self.backbone} "
                                      f"(0 to {len(info) - 1}: "
                                      f"{', '.join(str(f.get('module')) for f in info)})")
                names.append(str(info[layer]["module"]))
            elif layer in modules:
                names.append(layer)
            elif any(ch in layer for ch in "*?["):
                matched = [n for n in modules if n and fnmatch.fnmatchcase(n, layer)]
                if not matched:
                    raise ConfigError(f"No layer of {self.backbone} matches {layer!r}")
                names += [n for n in matched if n not in names]
            else:
                stages = ", ".join(str(f.get("module")) for f in info)
                raise ConfigError(
                    f"{self.backbone} has no layer {layer!r}; its stages are: {stages}")
        return names

    def _part_names(self, sizes: Sequence[int], layer_names: Sequence[str]) -> list[str]:
        names = []
        for size in sizes:
            for layer in layer_names:
                names += [f"{size}/{layer}/{stat}" for stat in self.statistics]
            if self.pooled:
                names.append(f"{size}/pooled" if self.pool == "default" else f"{size}/{self.pool}")
        return names

    def _pool_tokens(self, model: Any, feats: Any) -> Any:
        if self.pool == "cls":
            return feats[:, 0]
        if self.pool == "mean":
            return feats[:, int(getattr(model, "num_prefix_tokens", 0)):].mean(1)
        return model.forward_head(feats, pre_logits=True)

    def _run(self, x: Any) -> tuple[dict[str, Any], Any]:
        state = self._state
        model = state["model"]
        captured: dict[str, Any] = {}
        pooled = None
        with _capture(model, state["layer_names"], captured, stop=not self.pooled):
            with autocast(self.device, self.precision):
                try:
                    feats = model.forward_features(x)
                    if self.pooled:
                        pooled = self._pool_tokens(model, feats).float()
                except _StopForward:
                    pass
        return captured, pooled

    def _raw_parts(self, x: Any, *, project: bool = True) -> list[Any]:
        """Parts of one input size, normalised, in :meth:`_part_names` order."""
        import torch

        state = self._state
        captured, pooled = self._run(x)
        if self.flip:
            captured_f, pooled_f = self._run(torch.flip(x, dims=[3]))
        parts = []
        for name in state["layer_names"]:
            F = _as_channels_first(captured[name], state["n_prefix"])
            if self.flip:
                F = torch.cat([F, _as_channels_first(captured_f[name], state["n_prefix"])], 2)
            parts += layer_statistics(F, self.statistics, matrix_power=self.matrix_power)
        if self.pooled:
            parts.append((pooled + pooled_f) / 2 if self.flip else pooled)
        out = []
        for i, part in enumerate(parts):
            part = normalize_part(part.float(), self.power, self.l2)
            if project and i in state["projections"]:
                part = part @ state["projections"][i]
            out.append(part)
        return out

    def _features(self, xs: list[Any]) -> Any:
        import torch

        parts = []
        for x in xs:
            if x.ndim == 5:  # (works, windows, 3, s, s): each statistic averaged over the windows
                b, n = x.shape[:2]
                parts += [p.reshape(b, n, -1).mean(1)
                          for p in self._raw_parts(x.reshape(b * n, *x.shape[2:]))]
            else:
                parts += self._raw_parts(x)
        return torch.cat(parts, 1)

    def _mean_std(self) -> tuple[Sequence[float], Sequence[float]]:
        cfg = self.loaded["data_config"]
        return tuple(cfg["mean"]), tuple(cfg["std"])

    # -- contract ---------------------------------------------------------------------------
    def preparer(self) -> Preprocess:
        return self.loaded["preprocess"]

    def decode_options(self) -> dict[str, Any]:
        return self.preparer().decode_options()

    @property
    def input_size(self) -> int | None:  # type: ignore[override]
        return None

    @property
    def parts(self) -> list[tuple[str, int]]:
        return list(self.loaded["parts"])

    @property
    def dim(self) -> int:
        return sum(w for _, w in self.parts)


# -- registered names -----------------------------------------------------------------------------
def _backbone_arg(arg: str | None) -> str:
    return "effnet-lite0" if not arg else arg


@register_extractor("timm")
def _timm(arg: str | None = None, **options: Any) -> BackboneExtractor:
    """``timm:<model>``: pooled pre-logits (or CLS / mean tokens) of any timm model."""
    if not arg:
        raise ConfigError("Name the timm model: timm:<model>, e.g. timm:vit_small_patch16_224 "
                          "(with --weights FILE)")
    options.pop("backbone", None)  # the name decides (stored options repeat it)
    options.setdefault("pooled", True)
    options.setdefault("layers", ())
    return BackboneExtractor(timm_model_name(arg), name=f"timm:{timm_model_name(arg)}",
                             **options)


def _effnet_factory(variant_name: str) -> Callable[..., BackboneExtractor]:
    def factory(arg: str | None = None, **options: Any) -> BackboneExtractor:
        options.pop("backbone", None)
        options.setdefault("pooled", True)
        options.setdefault("layers", ())
        return BackboneExtractor(variant_name, name=variant_name, **options)
    factory.__doc__ = f"``{variant_name}``: pooled features of the offline ImageNet model."
    return factory


for _variant in EFFNET_NAMES:
    register_extractor(_variant)(_effnet_factory(_variant))


@register_extractor("gram")
def _gram(arg: str | None = None, **options: Any) -> BackboneExtractor:
    """``gram:<backbone>``: Gram matrices of stages 1–3, signed sqrt and L2 per layer."""
    backbone = _backbone_arg(arg)
    options.pop("backbone", None)
    if "out_indices" in options:
        options["layers"] = options.pop("out_indices")
    options.setdefault("layers", (1, 2, 3))
    options.setdefault("statistics", ("gram",))
    options.setdefault("pooled", False)
    # The model's own 224 crop measured better than the whole painting here (docs/BENCHMARKS.md).
    options.setdefault("resize", "crop")
    options.setdefault("power", 0.5)
    options.setdefault("l2", True)
    options.setdefault("block", "gram")
    return BackboneExtractor(backbone, name=f"gram:{backbone}", **options)


@register_extractor("windows")
def _windows(arg: str | None = None, **options: Any) -> BackboneExtractor:
    """``windows:<backbone>``: channel means of blocks 3–6 over a work's 8 highest-gradient
    128-px windows (the patch method's), averaged: the local branch of ``default``."""
    backbone = _backbone_arg(arg)
    options.pop("backbone", None)
    options.setdefault("layers", ("blocks.3", "blocks.4", "blocks.5", "blocks.6"))
    options.setdefault("statistics", ("mean",))
    options.setdefault("pooled", False)
    options.setdefault("resize", "windows")
    options.setdefault("windows", 8)
    options.setdefault("sizes", (128,))
    options.setdefault("l2", False)
    options.setdefault("block", "local")
    return BackboneExtractor(backbone, name=f"windows:{backbone}", **options)


@register_extractor("stats")
def _stats(arg: str | None = None, **options: Any) -> BackboneExtractor:
    """``stats:<backbone>``: channel mean and std of stages 0–4 (style statistics)."""
    backbone = _backbone_arg(arg)
    options.pop("backbone", None)
    if "out_indices" in options:
        options["layers"] = options.pop("out_indices")
    options.setdefault("layers", (0, 1, 2, 3, 4))
    options.setdefault("statistics", ("mean", "std"))
    options.setdefault("pooled", False)
    options.setdefault("resize", "full" if backbone in EFFNET_NAMES else None)
    options.setdefault("l2", True)
    options.setdefault("block", "gram")
    return BackboneExtractor(backbone, name=f"stats:{backbone}", **options)
