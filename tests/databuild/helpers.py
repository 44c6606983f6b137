"""Plain helpers shared by the build tool's tests: the committed data files, read
back, and the problems listed in a build error."""

from __future__ import annotations

from pathlib import Path

import pytest

from databuild import writer
from databuild.writer import Json
from tests.helpers import REPO_ROOT

COMMITTED = REPO_ROOT / "src" / "occprofile" / "data"
HAND_WRITTEN = ("__init__.py", "README.md")


def generated_files(folder: Path) -> dict[str, bytes]:
    """Every generated file under `folder` by relative path (hand-written files excluded)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and path.name not in HAND_WRITTEN and "__pycache__" not in relative:
            found[relative] = path.read_bytes()
    return found


def read_doc(folder: Path, path: str) -> Json:
    return writer.decode(path, (folder / path).read_bytes())


def committed(path: str) -> Json:
    if not (COMMITTED / path).is_file():
        pytest.fail(f"{COMMITTED / path} is missing; run `python -m databuild`")
    return read_doc(COMMITTED, path)


def problems_of(error: BaseException, prefix: str) -> list[str]:
    """The `; `-joined problems of an error message that starts with `prefix: `."""
    message = str(error)
    assert message.startswith(prefix + ": "), message
    return message.removeprefix(prefix + ": ").split("; ")
