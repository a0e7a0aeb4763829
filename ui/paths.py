"""Server paths typed in the app: kept inside the folders the app may read."""

from __future__ import annotations

from pathlib import Path

from artexplore.roots import check_path, configured_roots

from .state import workspace_from_args


def allowed_path(text: str) -> Path:
    """Resolve a typed server path and check it against the app's roots.

    The roots are :func:`artexplore.roots.configured_roots` plus the workspace the
    app was started with (where fine-tuned checkpoints are written).

    Parameters
    ----------
    text : str
        What the user typed.

    Returns
    -------
    pathlib.Path
        The resolved path.

    Raises
    ------
    ArtExploreError
        If the path is empty or outside every root.
    """
    return check_path(text, roots=configured_roots(extra=[workspace_from_args()]))


WEIGHT_KEYWORDS = ("hub", "random")  # weights values that name no file


def weights_value(text: str) -> str | None:
    """A typed weights field: None when empty, ``hub``/``random`` as they are, else a
    checked file path (see :func:`allowed_path`).

    Raises
    ------
    ArtExploreError
        If a path is outside every root.
    """
    text = text.strip()
    if not text:
        return None
    if text in WEIGHT_KEYWORDS:
        return text
    return str(allowed_path(text))
