"""The obvious alternative: the same question asked of the upstream OEWS SQLite file.

Holds the file's preparation (``--sqlite`` takes the file or its gzip, which
is decompressed once into a temporary directory), the fastest SQL we found,
the scripts that ask it from a fresh process, and the check that occprofile
and SQLite printed the same answer, so the two sides measure the same work.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

from benchmarks.harness import REPO_ROOT, progress
from benchmarks.subject import AREA_CODE, ESTIMATE_FIGURES, OCCUPATION, TOP_N

#: The upstream file as ../shared/data ships it, next to the repository.
DEFAULT_SQLITE = REPO_ROOT.parent / "shared" / "data" / "oews-2025" / "oews-2025.sqlite.gz"

#: "Top 10 metros by employment" on the upstream schema, the fastest SQL we found:
#: one primary-key lookup of the occupation's cross-industry row per metro area
#: (a range scan over the metro keys filtered on the occupation is about 30x
#: slower), BLS nonmetropolitan areas left out (as top_metros does by default),
#: unreleased employment ('-') left out.
TOP_METROS_SQL = """
SELECT a.area_code, a.area_name, c.v01
FROM area AS a
JOIN cell AS c ON c.key = 'OEUM' || a.area_code || ?
WHERE a.areatype_code = 'M'
  AND a.area_name NOT LIKE '%nonmetropolitan%'
  AND c.v01 <> '-'
ORDER BY CAST(c.v01 AS INTEGER) DESC, a.area_name
LIMIT ?
""".strip()
SQL_PARAMS = ("000000" + OCCUPATION.replace("-", ""), TOP_N)

#: One estimate (the occupation in the subject's metro): its cell, by primary key.
ESTIMATE_SQL = (
    "SELECT "
    + ", ".join(f"v{datatype}" for _, datatype in ESTIMATE_FIGURES)
    + " FROM cell WHERE key = ?"
)
ESTIMATE_PARAMS = ("OEUM" + AREA_CODE + "000000" + OCCUPATION.replace("-", ""),)

#: Every metro area (not the BLS nonmetropolitan areas) the upstream file lists.
METRO_CODES_SQL = (
    "SELECT area_code FROM area WHERE areatype_code = 'M'"
    " AND area_name NOT LIKE '%nonmetropolitan%' ORDER BY area_code"
)

#: Every detailed occupation with a national cross-industry estimate.
NATIONAL_OCCUPATIONS_SQL = (
    "SELECT o.occupation_code FROM occupation AS o"
    " JOIN cell AS c ON c.key = 'OEUN0000000000000' || o.occupation_code"
    " WHERE o.display_level = 3 ORDER BY o.occupation_code"
)


def prepare_sqlite(path: Path, workdir: Path) -> Path:
    """``path`` itself, or a ``.gz`` decompressed into ``workdir``."""
    if path.suffix != ".gz":
        return path
    target = workdir / path.stem
    progress(f"decompressing {path} -> {target}")
    with gzip.open(path, "rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return target


def read_only_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


def sqlite_script(uri: str) -> str:
    """A fresh process's answer from the decompressed file."""
    return (
        "import sqlite3\n"
        f"con = sqlite3.connect({uri!r}, uri=True)\n"
        f"for row in con.execute({TOP_METROS_SQL!r}, {SQL_PARAMS!r}):\n"
        "    print(*row, sep='\\t')\n"
    )


def sqlite_estimate_script(uri: str) -> str:
    """A fresh process's estimate, printed as :mod:`benchmarks.crosscheck` reads it."""
    fields = tuple(field for field, _ in ESTIMATE_FIGURES)
    return (
        "import sqlite3\n"
        f"con = sqlite3.connect({uri!r}, uri=True)\n"
        f"row = con.execute({ESTIMATE_SQL!r}, {ESTIMATE_PARAMS!r}).fetchone()\n"
        f"for field, value in zip({fields!r}, row):\n"
        "    print(field, value, sep='\\t')\n"
    )


def query_column(uri: str, sql: str) -> list[str]:
    """The first column of ``sql``'s rows, on the upstream file."""
    con = sqlite3.connect(uri, uri=True)
    try:
        return [row[0] for row in con.execute(sql)]
    finally:
        con.close()


def shipped_sqlite_script(gz_path: Path) -> str:
    """The same question from the file as ../shared/data ships it: gunzip, then query."""
    return (
        "import gzip, shutil, sqlite3, tempfile, os\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    db = os.path.join(tmp, 'oews.sqlite')\n"
        f"    with gzip.open({str(gz_path)!r}) as src, open(db, 'wb') as dst:\n"
        "        shutil.copyfileobj(src, dst, 1 << 20)\n"
        "    con = sqlite3.connect(db)\n"
        f"    for row in con.execute({TOP_METROS_SQL!r}, {SQL_PARAMS!r}):\n"
        "        print(*row, sep='\\t')\n"
        "    con.close()\n"
    )
