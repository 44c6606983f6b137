"""Where the upstream files live, and a log of every file the build read.

The manifest must list each input with its checksum and data-row count, so
every reader goes through one `InputLog` instead of hashing files ad hoc.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

#: Folders inside the source directory (see ../shared/data/README.md).
ONET_DIR = "onet-29.3"
SUPPLEMENT_DIR = "onet-29.3-supplement"
OEWS_DIR = "oews-2025"
EP_DIR = "bls-ep-2020-30"
EP_2024_DIR = "bls-ep-2024-34"
ACTIVITIES_29_1_DIR = "onet-29.1-work-activities-importance"
OES_2019_DIR = "oes-2019-national"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks (the OEWS archive is 16 MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class InputFile:
    """One upstream file as listed in the manifest."""

    path: str
    sha256: str
    rows: int
    """Data rows, header excluded; 0 for files that are not tables (a readme, a manifest)."""


@dataclass
class InputLog:
    """Records the upstream files read, keyed by path relative to the source folder."""

    root: Path
    _files: dict[str, InputFile] = field(default_factory=dict)

    def relative(self, path: Path) -> str:
        """The manifest spelling of `path`: relative to the source folder, `/`-separated."""
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def record(self, path: Path, rows: int) -> str:
        """Log `path` with its data-row count (0 for non-tabular files); return its name."""
        name = self.relative(path)
        previous = self._files.get(name)
        if previous is not None and previous.rows != rows:
            raise ValueError(f"{name} recorded twice with {previous.rows} and {rows} rows")
        self._files[name] = InputFile(name, sha256_file(path), rows)
        return name

    def record_outside(self, path: Path, name: str, rows: int) -> str:
        """Log a curated file kept in this repository (not in the source folder) as `name`."""
        self._files[name] = InputFile(name, sha256_file(path), rows)
        return name

    def sha256(self, name: str) -> str:
        """The checksum recorded for `name`."""
        return self._files[name].sha256

    def files(self) -> list[InputFile]:
        """The logged files sorted by path."""
        return [self._files[name] for name in sorted(self._files)]
