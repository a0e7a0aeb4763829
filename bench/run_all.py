"""Run every benchmark in turn (``make bench``); each updates its section of docs/BENCHMARKS.md.

``python -m bench.run_all`` runs the quick version of each (minutes each, small draws);
``--full`` runs the full versions (hours on 2 cores); ``--only NAME …`` picks some.
A benchmark that fails is reported and the others still run; the exit status is 1
when any failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

BENCHMARKS = ("ingest", "patches", "features_throughput", "features_quality", "local_embedding",
              "clusters", "neighbours", "labels")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="Full sizes (hours), not --quick.")
    parser.add_argument("--only", nargs="*", choices=BENCHMARKS, default=None)
    args = parser.parse_args(argv)
    failed = []
    for name in args.only or BENCHMARKS:
        command = [sys.executable, "-m", f"bench.{name}", *([] if args.full else ["--quick"])]
        print(f"== {' '.join(command[1:])}", flush=True)
        start = time.monotonic()
        code = subprocess.call(command)
        print(f"== bench.{name}: exit {code} after {time.monotonic() - start:.0f} s", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
