"""The data-frame alternative: the same estimates as a Parquet file, read with pandas + pyarrow.

The file is written once per run from the upstream SQLite (every
cross-industry estimate, the 17 values as numbers, employment as nullable
integers, the area's type and name alongside), as a pandas user would
prepare it; the timed fresh process reads the columns it needs with a
pushed-down filter on the occupation and the area type and ranks the metros
as the SQL does. pandas and pyarrow come from the interpreter running the
benchmark when it has both, else from a venv of their own (see
:mod:`benchmarks.venvs`), which also gets attrs and cattrs so that the bulk
tables family can run occprofile there (:func:`frames_script`).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from benchmarks.harness import Script, progress, run_python
from benchmarks.subject import OCCUPATION, TOP_N
from benchmarks.venvs import python_of

PACKAGES = ("pandas", "pyarrow", "attrs", "cattrs", "importlib-resources")

_WRITE = """
import sqlite3, sys
import pandas as pd
uri, target = sys.argv[1:]
con = sqlite3.connect(uri, uri=True)
frame = pd.read_sql(
    "SELECT substr(c.key, 18, 6) AS occupation_code, a.area_code, a.areatype_code, a.area_name, "
    + ", ".join(f"c.v{i:02d}" for i in range(1, 18))
    + " FROM cell AS c JOIN area AS a ON a.area_code = substr(c.key, 5, 7)"
    " WHERE substr(c.key, 12, 6) = '000000'",
    con,
)
values = [f"v{i:02d}" for i in range(1, 18)]
frame[values] = frame[values].apply(pd.to_numeric, errors="coerce")
frame["v01"] = frame["v01"].astype("Int64")
frame = frame.rename(columns={"v01": "employment"})
frame.to_parquet(target, index=False)
print(len(frame))
"""

_TOP = """
import pandas as pd
frame = pd.read_parquet(
    PATH,
    columns=["area_code", "area_name", "employment"],
    filters=[("occupation_code", "==", OCC), ("areatype_code", "==", "M")],
)
frame = frame[frame["employment"].notna() & ~frame["area_name"].str.contains("nonmetropolitan")]
top = frame.sort_values(["employment", "area_name"], ascending=[False, True]).head(N)
for code, name, employment in zip(top["area_code"], top["area_name"], top["employment"]):
    print(code, name, employment, sep="\\t")
"""


def has_frames() -> bool:
    """Whether this interpreter has pandas and pyarrow (then no venv is needed)."""
    return all(importlib.util.find_spec(name) is not None for name in ("pandas", "pyarrow"))


def frames_python(install: bool) -> Path | str:
    return Path(sys.executable) if has_frames() else python_of("pandas", PACKAGES, install)


def frames_script(python: Path, code: str) -> Script:
    """``code`` run by ``python``; another venv's python is given this occprofile on its path."""
    if python == Path(sys.executable):
        return Script(code)
    import occprofile

    return Script(
        code, python=str(python), env={"PYTHONPATH": str(Path(occprofile.__file__).parent.parent)}
    )


def write_parquet(python: Path, sqlite_uri: str, target: Path) -> int:
    """Writes every estimate to ``target``; returns the number of rows."""
    progress(f"writing the estimates as Parquet: {target}")
    out = run_python(Script(_WRITE, python=str(python)), target.parent, sqlite_uri, str(target))
    return int(out)


def top_script(python: Path, parquet: Path) -> Script:
    constants = f"PATH = {str(parquet)!r}\nOCC = {OCCUPATION.replace('-', '')!r}\nN = {TOP_N}\n"
    return Script(constants + _TOP, python=str(python))
