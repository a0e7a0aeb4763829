"""Benchmarks: ``python -m bench.<name> [--quick]``; figures go to ``docs/BENCHMARKS.md``."""
