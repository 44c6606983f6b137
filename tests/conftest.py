"""Shared fixtures: where the raw upstream files are, for the tests that re-read them."""

from __future__ import annotations

import gzip
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = REPO_ROOT.parent / "shared" / "data"


def require_upstream() -> Path:
    """The upstream folder; skip without it, but fail under CI, which always has it."""
    if (UPSTREAM / "onet-29.3").is_dir():
        return UPSTREAM
    reason = f"upstream data not found at {UPSTREAM}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def upstream() -> Path:
    return require_upstream()


@pytest.fixture(scope="session")
def oews_db(
    upstream: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[sqlite3.Connection]:
    """The upstream OEWS SQLite, decompressed once per test session."""
    target = tmp_path_factory.mktemp("oews") / "oews.sqlite"
    with gzip.open(upstream / "oews-2025" / "oews-2025.sqlite.gz") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    conn = sqlite3.connect(target)
    yield conn
    conn.close()


def obj(value: object) -> dict[str, Any]:
    """A decoded JSON object, checked (for tests that walk generated documents)."""
    assert isinstance(value, dict)
    return value


def lst(value: object) -> list[Any]:
    """A decoded JSON array, checked."""
    assert isinstance(value, list)
    return value


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current renderer instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--update-golden"))
