"""Exhibitions: curated, ordered, sectioned lists of works, sequenced and exported.

``model`` holds the in-memory exhibition and its edits, ``store`` its tables in
the workspace, ``sources`` where works come from (clusters, selections,
neighbours), ``paths`` and ``sequence`` the visual ordering and the proposed
sections, ``export`` the CSV, JSON, IIIF and HTML outputs.
"""

from __future__ import annotations

from .export import EXPORT_FORMATS, ExportOptions, export_exhibition, render_export
from .model import Exhibition, Item, Section
from .paths import (
    cosine_distances,
    exact_path,
    gradient_path,
    heuristic_path,
    nearest_neighbour_path,
    or_opt,
    path_length,
    shortest_path,
    two_opt,
)
from .persistence import (
    create_exhibition,
    delete_exhibition,
    list_exhibitions,
    load_exhibition,
    save_exhibition,
    slugify,
)
from .sequence import (
    ORDER_METHODS,
    OrderReport,
    order_exhibition,
    propose_sections,
    section_title,
    walk_length,
)
from .sources import (
    GROW_METHODS,
    Candidate,
    grow,
    more_like,
    works_of_cluster,
    works_of_paths,
    works_of_selection,
)

__all__ = [
    "EXPORT_FORMATS",
    "GROW_METHODS",
    "ORDER_METHODS",
    "Candidate",
    "Exhibition",
    "ExportOptions",
    "Item",
    "OrderReport",
    "Section",
    "cosine_distances",
    "create_exhibition",
    "delete_exhibition",
    "exact_path",
    "export_exhibition",
    "gradient_path",
    "grow",
    "heuristic_path",
    "list_exhibitions",
    "load_exhibition",
    "more_like",
    "nearest_neighbour_path",
    "or_opt",
    "order_exhibition",
    "path_length",
    "propose_sections",
    "render_export",
    "save_exhibition",
    "section_title",
    "shortest_path",
    "slugify",
    "two_opt",
    "walk_length",
    "works_of_cluster",
    "works_of_paths",
    "works_of_selection",
]
