"""Benchmarks: `python -m bench.<name>`; figures go to docs/BENCHMARKS.md as ratios."""
