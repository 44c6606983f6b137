"""Command line: `python -m databuild [--source DIR] [--out DIR]`.

The defaults follow the repository layout (sources in ../shared/data next to
the repository, outputs in src/occprofile/data) so a plain run rebuilds the
committed files; `--source` lets anyone rebuild from a fresh download.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from databuild.build import build
from databuild.verify import VerificationError

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "src" / "occprofile" / "data"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the build; print a summary, or the error and exit status 1."""
    parser = argparse.ArgumentParser(
        prog="python -m databuild", description="Build occprofile's packaged data files."
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"upstream files (default {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)
    try:
        result = build(args.source, args.out)
    except (ValueError, VerificationError, OSError, sqlite3.Error) as error:
        print(f"databuild: error: {error}", file=sys.stderr)
        return 1
    bases = result.wage_bases
    print(
        f"databuild: wrote {len(result.files)} files ({result.total_bytes / 1e6:.2f} MB) to "
        f"{result.out} in {result.seconds:.1f} s; verified {len(result.samples)} sampled values.\n"
        f"wage links: {bases['detailed']} detailed, {bases['aggregate']} aggregate, "
        f"{bases['broad']} broad, {bases['none']} none"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
