"""``python -m occprofile``: print an occupation's career profile report.

python -m occprofile                                 # Medical Secretaries (43-6013)
python -m occprofile "registered nurses" --compare Boston Chicago
python -m occprofile 15-1252 --format markdown > software-developers.md
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import Dataset, OccprofileError

DEFAULT_COMPARE = ("Los Angeles", "San Diego")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="occprofile",
        description="Print an occupation's career profile: description, education, "
        "certifications, top ratings, metro areas, similar occupations, outlook and sources.",
    )
    parser.add_argument("occupation", nargs="?", default="43-6013", help="code, title or words")
    parser.add_argument(
        "--format", choices=("text", "markdown"), default="text", help="output format"
    )
    parser.add_argument("--top", type=int, default=5, help="ratings shown per section")
    parser.add_argument("--metros", type=int, default=10, help="how many metro areas to list")
    parser.add_argument("--similar", type=int, default=10, help="how many similar occupations")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("AREA_A", "AREA_B"),
        default=DEFAULT_COMPARE,
        help="two areas to compare (codes or names; default: %(default)s)",
    )
    parser.add_argument("--no-compare", action="store_true", help="leave the comparison out")
    args = parser.parse_args(argv)
    compare = None if args.no_compare else (args.compare[0], args.compare[1])
    try:
        report = Dataset().report(
            args.occupation,
            top=args.top,
            metros=args.metros,
            similar=args.similar,
            compare=compare,
        )
        print(report.to_markdown() if args.format == "markdown" else report.to_text(), end="")
    except OccprofileError as exc:
        print(f"occprofile: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m occprofile | head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
