"""The ``artexplore`` command line: a thin table of library functions.

Each module of this package adds the commands of one pipeline stage to the one
typer application. Results go to standard output (machine-readable commands end
with one JSON line); progress bars and logs go to standard error.
"""

from __future__ import annotations

from . import clusters as _clusters  # noqa: F401  (registers commands)
from . import collection as _collection  # noqa: F401
from . import exhibition as _exhibition  # noqa: F401
from . import export as _export  # noqa: F401
from . import features as _features  # noqa: F401
from . import iiif as _iiif  # noqa: F401
from . import jobs as _jobs  # noqa: F401
from . import labels as _labels  # noqa: F401
from . import learn as _learn  # noqa: F401
from . import local as _local  # noqa: F401
from . import neighbours as _neighbours  # noqa: F401
from .common import app, main

__all__ = ["app", "main"]
