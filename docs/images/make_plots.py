"""Draw the images of docs/plots.md: ``python docs/images/make_plots.py [FOLDER]``.

Deterministic: the Agg backend, each plot's own fixed size, 100 dpi, and no
software version in the PNG metadata. Writes next to this script by default.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure

matplotlib.use("Agg")

import occprofile as op
from occprofile import plots

#: Each image of docs/plots.md and the call that draws it (the page shows the same code).
IMAGES: dict[str, Callable[[], Figure]] = {
    "plot-ratings.png": lambda: plots.ratings("43-6013", "skills", n=8),
    "plot-ratings-no-levels.png": lambda: plots.ratings("29-1211", "abilities", n=6),
    "plot-top-metros.png": lambda: plots.top_metros("43-6013", n=8),
    "plot-top-metros-missing.png": lambda: plots.top_metros("29-1023", n=6),
    "plot-comparison.png": lambda: plots.comparison(
        op.compare_metros("43-6013", "Los Angeles", "San Diego")
    ),
    "plot-comparison-missing.png": lambda: plots.comparison(
        op.compare_metros("29-1211", "Boston", "Orlando")
    ),
}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, draw in IMAGES.items():
        draw().savefig(folder / name, dpi=100, metadata={"Software": None})
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
