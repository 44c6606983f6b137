"""Fail unless the installed distributions are exactly those pinned in a constraints file."""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path


def main(path: str) -> int:
    pins = {}
    for raw in Path(path).read_text().splitlines():
        pin = raw.split("#")[0].strip()
        if pin:
            name, _, wanted = pin.partition("==")
            pins[name] = wanted
    wrong = {name: version(name) for name, wanted in pins.items() if version(name) != wanted}
    print("installed:", ", ".join(f"{name}=={version(name)}" for name in pins))
    if wrong:
        print(f"not the pinned versions: {wrong}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
