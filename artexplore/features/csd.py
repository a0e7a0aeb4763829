"""CSD: the Contrastive Style Descriptor (Somepalli et al. 2024) from a user's checkpoint.

CSD is OpenAI CLIP's ViT-L/14 image encoder, fine-tuned for style, with a
linear style projection (1024 → 768); the style embedding is the projection of
the final class-token features, L2-normalised. Its checkpoints (``checkpoint.pth``
of the original training code, ``pytorch_model.bin`` of the released model) hold::

    {"model_state_dict": {"module.backbone.conv1.weight": …,   # CLIP VisionTransformer
                          "module.backbone.transformer.resblocks.0.attn.in_proj_weight": …,
                          …,
                          "module.last_layer_style": (1024, 768),
                          "module.last_layer_content": (1024, 768)},
     "args": Namespace(…), "iter": …, "opt_bb": …, …}

The original code loads this with ``strict=False``, which would silently keep
random weights for any misnamed layer; here every key is mapped onto timm's
``vit_large_patch14_clip_224`` (QuickGELU, as in OpenAI CLIP) and the projection,
and missing or unexpected keys are an error.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import ConfigError
from ..nn.device import autocast
from ..nn.weights import WeightsError, check_keys, file_sha256, parse_weights, read_state_dict
from .base import register_extractor
from .neural import TorchExtractor
from .preprocess import Preprocess

log = logging.getLogger(__name__)

CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)
TIMM_ARCH = "vit_large_patch14_clip_224"
EMBEDDINGS = ("style", "content", "backbone")

# Names of OpenAI CLIP's VisionTransformer → timm VisionTransformer.
_BLOCK_RENAMES = {
    "ln_1": "norm1", "ln_2": "norm2",
    "attn.in_proj_weight": "attn.qkv.weight", "attn.in_proj_bias": "attn.qkv.bias",
    "attn.out_proj.weight": "attn.proj.weight", "attn.out_proj.bias": "attn.proj.bias",
    "mlp.c_fc": "mlp.fc1", "mlp.c_proj": "mlp.fc2",
}
_BLOCK_KEY = re.compile(r"^transformer\.resblocks\.(\d+)\.(.+)$")
_HEADS = ("last_layer_style", "last_layer_content")


def _rename_block(rest: str) -> str | None:
    for old, new in _BLOCK_RENAMES.items():
        if rest == old or rest.startswith(old + "."):
            return new + rest[len(old):]
    return None


def map_csd_state_dict(state: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any],
                                                         list[str]]:
    """Rename a CSD state dict onto timm's ViT and the projection heads.

    Parameters
    ----------
    state : mapping of str to torch.Tensor
        ``model_state_dict`` of a CSD checkpoint (``module.`` prefixes allowed).

    Returns
    -------
    backbone : dict
        timm ``VisionTransformer`` state dict.
    heads : dict
        ``last_layer_style`` and ``last_layer_content``, shape (width, 768).
    unexpected : list of str
        Keys that have no place in the model (CLIP's own ``proj`` is reported
        here too: CSD does not use it).
    """
    backbone: dict[str, Any] = {}
    heads: dict[str, Any] = {}
    unexpected: list[str] = []
    for key, value in state.items():
        k = key[len("module."):] if key.startswith("module.") else key
        if k in _HEADS:
            heads[k] = value
            continue
        if k.startswith("last_layer_content."):
            # The "custom" content head of the original code (an MLP): not a style
            # descriptor, kept out of the model.
            heads[k] = value
            continue
        if not k.startswith("backbone."):
            unexpected.append(key)
            continue
        k = k[len("backbone."):]
        if k == "conv1.weight":
            backbone["patch_embed.proj.weight"] = value
        elif k == "class_embedding":
            backbone["cls_token"] = value.reshape(1, 1, -1)
        elif k == "positional_embedding":
            backbone["pos_embed"] = value.unsqueeze(0)
        elif k.startswith("ln_pre."):
            backbone["norm_pre." + k[len("ln_pre."):]] = value
        elif k.startswith("ln_post."):
            backbone["norm." + k[len("ln_post."):]] = value
        elif (m := _BLOCK_KEY.match(k)) and (renamed := _rename_block(m.group(2))):
            backbone[f"blocks.{m.group(1)}.{renamed}"] = value
        else:
            unexpected.append(key)
    return backbone, heads, unexpected


def original_name(timm_key: str) -> str:
    """The CSD checkpoint key that maps onto a timm key (for error messages)."""
    fixed = {"patch_embed.proj.weight": "conv1.weight", "cls_token": "class_embedding",
             "pos_embed": "positional_embedding"}
    if timm_key in fixed:
        return "module.backbone." + fixed[timm_key]
    for old, new in (("norm_pre.", "ln_pre."), ("norm.", "ln_post.")):
        if timm_key.startswith(old):
            return "module.backbone." + new + timm_key[len(old):]
    parts = timm_key.split(".", 2)
    if parts[0] == "blocks" and len(parts) == 3:
        for old, new in _BLOCK_RENAMES.items():
            if parts[2] == new or parts[2].startswith(new + "."):
                return (f"module.backbone.transformer.resblocks.{parts[1]}."
                        + old + parts[2][len(new):])
    return timm_key


def _architecture(backbone: Mapping[str, Any]) -> dict[str, Any]:
    """timm ViT arguments read from the shapes of a mapped CLIP state dict."""
    try:
        width, _, patch, _ = backbone["patch_embed.proj.weight"].shape
        n_tokens = backbone["pos_embed"].shape[1]
        depth = 1 + max(int(k.split(".")[1]) for k in backbone if k.startswith("blocks."))
        hidden = backbone["blocks.0.mlp.fc1.weight"].shape[0]
    except (KeyError, ValueError) as exc:
        raise WeightsError(f"The checkpoint is not a CSD/CLIP ViT: {exc!r} is missing") from exc
    grid = math.isqrt(n_tokens - 1)
    if grid * grid != n_tokens - 1:
        raise WeightsError(f"positional_embedding has {n_tokens} tokens, not 1 + a square grid")
    # OpenAI CLIP uses 64-dimensional attention heads.
    return {"embed_dim": int(width), "depth": int(depth), "num_heads": max(1, int(width) // 64),
            "patch_size": int(patch), "img_size": int(grid * patch),
            "mlp_ratio": float(hidden) / float(width)}


def build_csd(state: Mapping[str, Any]) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """A timm ViT and projection heads loaded from a CSD state dict, every key checked.

    Returns
    -------
    model : timm VisionTransformer (``num_classes=0``, QuickGELU), eval mode
    heads : dict of str to torch.Tensor
    arch : dict
        The architecture read from the checkpoint.

    Raises
    ------
    WeightsError
        Unexpected keys, missing keys or shape mismatches, all listed.
    """
    import timm

    backbone, heads, unexpected = map_csd_state_dict(state)
    arch = _architecture(backbone)
    model = timm.create_model(TIMM_ARCH, pretrained=False, num_classes=0,
                              act_layer="quick_gelu", **arch)
    own = model.state_dict()
    # Keys the mapping produced that the model lacks came from misnamed checkpoint keys.
    unexpected += [original_name(k) for k in backbone if k not in own]
    missing = [f"{k} (CSD key {original_name(k)})" for k in own if k not in backbone]
    missing += [f"module.{h}" for h in _HEADS[:1] if h not in heads]
    problems = []
    for label, items in (("missing", missing), ("unexpected", sorted(unexpected))):
        if items:
            more = f" … and {len(items) - 8} more" if len(items) > 8 else ""
            problems.append(f"{len(items)} {label}: {', '.join(items[:8])}{more}")
    if problems:
        raise WeightsError(f"The weights do not fit CSD ({TIMM_ARCH}): " + "; ".join(problems))
    check_keys(own, backbone, what=f"CSD ({TIMM_ARCH})")  # shapes
    for name, head in heads.items():
        if name not in _HEADS:
            continue
        if tuple(head.shape[:1]) != (arch["embed_dim"],) or head.ndim != 2:
            raise WeightsError(f"{name} has shape {tuple(head.shape)}; expected "
                               f"({arch['embed_dim']}, projection dim)")
    model.load_state_dict(backbone, strict=True)
    return model.eval(), dict(heads), arch


class CSDExtractor(TorchExtractor):
    """CSD style embeddings (768-d, L2-normalised) from a local checkpoint.

    Parameters
    ----------
    weights : str
        The CSD checkpoint (``checkpoint.pth`` or ``pytorch_model.bin``; read
        with ``weights_only=True``).
    embedding : {"style", "content", "backbone"}, default="style"
        The style projection (CSD's descriptor), the content projection, or the
        1024-d backbone features.
    device, precision, batch_size
        See :class:`~artexplore.features.neural.TorchExtractor`.
    """

    block = "global"

    def __init__(self, weights: str | None = None, *, embedding: str = "style",
                 device: str = "auto", precision: str = "auto", batch_size: int = 32) -> None:
        super().__init__(device=device, precision=precision, batch_size=batch_size)
        if not weights or weights in ("hub", "random"):
            raise ConfigError(
                "csd needs the CSD checkpoint as a local file: --weights FILE (e.g. the "
                "released pytorch_model.bin of CSD-ViT-L, downloaded elsewhere); nothing is "
                "downloaded")
        self.weights = parse_weights(weights)
        if embedding not in EMBEDDINGS:
            raise ConfigError(f"Unknown CSD embedding {embedding!r}; "
                              f"choose one of: {', '.join(EMBEDDINGS)}")
        self.embedding = embedding
        self.name = "csd"
        self.options = {"weights": self.weights, "embedding": self.embedding}

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "embedding": self.embedding,
                "weights": f"file:{file_sha256(self.weights)}"}

    def _load(self) -> dict[str, Any]:
        state = read_state_dict(self.weights)
        model, heads, arch = build_csd(state)
        size = arch["img_size"]
        return {"model": model.to(self.device),
                "heads": {k: v.float().to(self.device) for k, v in heads.items()},
                "arch": arch,
                # CSD's own evaluation transform: Resize(224, bicubic), CenterCrop(224).
                "preprocess": Preprocess(sizes=(size,), mode="crop", crop_pct=1.0,
                                         interpolation="bicubic")}

    def _features(self, xs: list[Any]) -> Any:
        import torch

        state = self.loaded
        with autocast(self.device, self.precision):
            feats = state["model"](xs[0]).float()
        if self.embedding == "backbone":
            return feats
        head = state["heads"].get("last_layer_" + self.embedding)
        if head is None:
            raise ConfigError(f"This CSD checkpoint has no linear {self.embedding} projection "
                              "(it uses the MLP content head); use embedding='style'")
        return torch.nn.functional.normalize(feats @ head, dim=1)

    def _mean_std(self) -> tuple[Sequence[float], Sequence[float]]:
        return CLIP_MEAN, CLIP_STD

    def preparer(self) -> Preprocess:
        return self.loaded["preprocess"]

    def decode_options(self) -> dict[str, Any]:
        return self.preparer().decode_options()

    @property
    def input_size(self) -> int | None:  # type: ignore[override]
        return None

    @property
    def dim(self) -> int:
        state = self.loaded
        if self.embedding == "backbone":
            return int(state["arch"]["embed_dim"])
        return int(state["heads"]["last_layer_" + self.embedding].shape[1])


@register_extractor("csd")
def _csd(arg: str | None = None, **options: Any) -> CSDExtractor:
    """``csd``: CSD style embeddings from a local checkpoint (``--weights FILE``)."""
    return CSDExtractor(**options)


__all__ = ["CLIP_MEAN", "CLIP_STD", "CSDExtractor", "build_csd", "map_csd_state_dict"]
