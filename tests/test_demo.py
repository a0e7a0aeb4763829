"""The bundled demo, prepared the way `make demo` does it, end to end."""

from __future__ import annotations

import pytest

from artexplore.demo import DEMO_STAGES, prepare_demo
from artexplore.jobs import list_jobs
from artexplore.store import Workspace


@pytest.mark.slow
def test_make_demo_prepares_every_stage_and_uses_what_it_ships(tmp_path):
    ws = Workspace(tmp_path / "demo", create=True)
    said: list[str] = []
    lines = prepare_demo(ws, on_stage=said.append)
    n = len(DEMO_STAGES) + 1
    # One line per stage, as each ends, counted.
    assert said == lines and len(lines) == n
    assert [line.split(" · ")[0] for line in lines] == [f"stage {k} of {n}"
                                                       for k in range(1, n + 1)]
    jobs = list_jobs(ws)
    assert len(jobs) == n and all(j.status == "done" for j in jobs), \
        [(j.kind, j.status, j.error) for j in jobs if j.status != "done"]
    by_kind = {j.kind: j for j in jobs}
    # The shipped InfoVAE and maps fit the bundled collection: nothing is retrained.
    assert by_kind["train-local"].result["reused"] is True
    assert by_kind["map"].result["cached"] is True
    assert by_kind["probe"].result["n"] == 204
