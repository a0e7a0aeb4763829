"""Imports every module that registers an extractor (add new extractor modules here)."""

from __future__ import annotations

from . import (
    color,  # noqa: F401
    csd,  # noqa: F401
    neural,  # noqa: F401
)

# The InfoVAE patch extractor (``infovae``) of the local-features work registers itself
# from its own module; import it here when it lands:  from . import infovae
