"""``python -m occprofile``: the command line (see ``occprofile --help``).

python -m occprofile                                 # Medical Secretaries (43-6013) report
python -m occprofile "registered nurses" --compare Boston Chicago
python -m occprofile top-metros 29-1141 -n 5 --csv
occprofile code < titles.txt > coded.csv
"""

from __future__ import annotations

import sys

from ._cli.main import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
