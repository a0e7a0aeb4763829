"""One home per concept: the torch stack, device resolution and row normalisation exist once.

The tree (library, widgets, pages, benchmarks) is parsed, not run: a second
``resolve_device``, a second weights reader or another hand-written L2 row
normalisation makes this test name the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREES = ("artexplore", "ui", "pages", "bench")

# name of a function or class → the one file allowed to define it
ONE_HOME = {
    "resolve_device": "artexplore/nn/device.py",
    "available_devices": "artexplore/nn/device.py",
    "resolve_precision": "artexplore/nn/device.py",
    "autocast": "artexplore/nn/device.py",
    "torch_threads": "artexplore/nn/device.py",
    "WeightsError": "artexplore/nn/weights.py",
    "read_state_dict": "artexplore/nn/weights.py",
    "unwrap_state_dict": "artexplore/nn/weights.py",
    "load_into": "artexplore/nn/weights.py",
    "check_keys": "artexplore/nn/weights.py",
    "file_sha256": "artexplore/nn/weights.py",
    "effnet_lite_state_dict": "artexplore/nn/weights.py",
    "Backbone": "artexplore/nn/backbones.py",
    "load_backbone": "artexplore/nn/backbones.py",
    "save_backbone": "artexplore/nn/backbones.py",
    "normalise": "artexplore/linalg.py",
}


def _sources() -> list[tuple[str, ast.Module]]:
    files = [p for tree in TREES for p in sorted((ROOT / tree).rglob("*.py"))]
    files += [ROOT / "app.py"] if (ROOT / "app.py").exists() else []
    return [(p.relative_to(ROOT).as_posix(), ast.parse(p.read_text(encoding="utf-8")))
            for p in files]


SOURCES = _sources()


def _is_row_norm(node: ast.AST) -> bool:
    """``np.linalg.norm(X, axis=1 or -1, keepdims=True)``: a norm per row, kept to divide by."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "norm"):
        return False
    owner = node.func.value
    if not (isinstance(owner, ast.Attribute) and owner.attr == "linalg"):
        return False
    kw = {k.arg: k.value for k in node.keywords}
    axis, keep = kw.get("axis"), kw.get("keepdims")
    row_axis = isinstance(axis, ast.Constant) and axis.value in (1, -1) or (
        isinstance(axis, ast.UnaryOp) and isinstance(axis.op, ast.USub)
        and isinstance(axis.operand, ast.Constant) and axis.operand.value == 1)
    return bool(row_axis and isinstance(keep, ast.Constant) and keep.value is True)


def _is_division_by_a_norm(node: ast.AST) -> bool:
    """``v / max(np.linalg.norm(v), eps)`` or ``v /= …norm…``: normalising written inline."""
    if isinstance(node, ast.BinOp | ast.AugAssign) and isinstance(node.op, ast.Div):
        divisor = node.right if isinstance(node, ast.BinOp) else node.value
        return any(isinstance(n, ast.Attribute) and n.attr == "norm"
                   and isinstance(n.value, ast.Attribute) and n.value.attr == "linalg"
                   for n in ast.walk(divisor))
    return False


def test_the_tree_was_found():
    names = {path for path, _ in SOURCES}
    assert set(ONE_HOME.values()) <= names
    assert len(SOURCES) > 50


@pytest.mark.parametrize("name", sorted(ONE_HOME))
def test_defined_once_in_its_home(name):
    where = [f"{path}:{node.lineno}" for path, tree in SOURCES for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
             and node.name == name]
    assert len(where) == 1 and where[0].startswith(ONE_HOME[name] + ":"), (
        f"{name} must be defined once, in {ONE_HOME[name]}; found: {where}")


def test_rows_are_normalised_only_by_linalg_normalise():
    found = [f"{path}:{node.lineno}" for path, tree in SOURCES for node in ast.walk(tree)
             if (_is_row_norm(node) or _is_division_by_a_norm(node))
             and path != ONE_HOME["normalise"]]
    assert not found, ("L2 row normalisation written again (use artexplore.linalg.normalise): "
                       + ", ".join(found))


def test_the_check_sees_a_copy():
    copy = ast.parse("X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)")
    assert any(_is_row_norm(n) for n in ast.walk(copy))
    inline = ast.parse("v /= max(float(np.linalg.norm(v)), 1e-12)")
    assert any(_is_division_by_a_norm(n) for n in ast.walk(inline))
    vector = ast.parse("d = np.linalg.norm(x) * np.linalg.norm(y, axis=0)")
    assert not any(_is_row_norm(n) or _is_division_by_a_norm(n) for n in ast.walk(vector))
