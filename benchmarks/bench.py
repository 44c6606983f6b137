"""``python benchmarks/bench.py``: the benchmark as a script, the same as ``python -m benchmarks``.

Run as a script, Python puts benchmarks/ itself on ``sys.path``, not the
repository root the package is imported from, so the root is put first.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.__main__ import main

    sys.exit(main())
