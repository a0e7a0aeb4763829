"""Worker entry point: ``python -m artexplore.jobs run WORKSPACE JOB_ID``."""

from __future__ import annotations

import logging
import sys

from .core import run_job


def main(argv: list[str] | None = None) -> int:
    """Run one job and return the process exit status."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3 or args[0] != "run":
        print("usage: python -m artexplore.jobs run WORKSPACE JOB_ID", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    record = run_job(args[1], args[2])
    return 0 if record.status in ("done", "cancelled") else 1


if __name__ == "__main__":
    sys.exit(main())
