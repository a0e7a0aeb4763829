"""The README tells the truth about the tree: every command, every module, no outside paths."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import typer

from artexplore.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def _commands() -> list[str]:
    top = typer.main.get_command(app)
    out = []
    for name, sub in sorted(top.commands.items()):
        children = getattr(sub, "commands", None)
        if children:
            out += [f"{name} {child}" for child in sorted(children)]
        else:
            out.append(name)
    return out


def test_the_command_table_lists_every_command():
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"`artexplore ([a-z][a-z-]*(?: [a-z][a-z-]*)?)", section))
    missing = []
    for command in _commands():
        group = command.split(" ")[0]
        # A group row may list its commands as "artexplore jobs list|cancel|resume".
        alternatives = re.findall(rf"`artexplore {group} ([a-z][a-z|\\-]*)", section)
        spelled = {f"{group} {c.strip(chr(92))}" for alt in alternatives
                   for c in alt.split("|")}
        if command not in listed and command not in spelled:
            missing.append(command)
    assert not missing, f"README's command table lacks: {missing}"


def test_the_layout_section_matches_the_package_tree():
    block = README.split("## Layout", 1)[1].split("```", 2)[1]
    named = set(re.findall(r"^\s{2}([a-z_]+(?:/|\.py))", block, flags=re.M))
    actual = {p.name + ("/" if p.is_dir() else "")
              for p in (ROOT / "artexplore").iterdir()
              if (p.is_dir() and (p / "__init__.py").exists())
              or (p.suffix == ".py" and p.name not in ("__init__.py", "__main__.py"))}
    assert named == actual, (f"in README but not in the tree: {sorted(named - actual)}; "
                             f"in the tree but not in README: {sorted(actual - named)}")


def test_no_file_cites_a_path_of_a_machine():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    pattern = re.compile(r"(^|[^A-Za-z0-9_.~])/(work|root|home|Users)/[A-Za-z]")
    bad = []
    for name in files:
        path = ROOT / name
        if name.startswith("tests/") or path.suffix not in (".py", ".md", ".toml", ".txt", ""):
            continue
        if not path.is_file():
            continue
        text = path.read_text(errors="ignore")
        bad += [f"{name}:{i}" for i, line in enumerate(text.splitlines(), 1)
                if pattern.search(line)]
    assert not bad, f"absolute machine paths: {bad[:10]}"
