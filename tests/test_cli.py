"""``python -m occprofile``: the README's first command."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

import occprofile as op
from occprofile.__main__ import main


def test_default_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Medical Secretaries and Administrative Assistants (43-6013.00)")
    for heading in (
        "Top skills",
        "Top knowledge",
        "Top abilities",
        "Top work activities",
        "Top work styles",
        "Education and training",
        "Certifications",
        "Similar occupations",
        "Outlook",
        "Sources",
    ):
        assert f"\n{heading}" in out
    assert "   1  New York-Newark-Jersey City, NY-NJ" in out
    assert "52,640" in out
    assert "$51,870" in out
    assert "A: Los Angeles-Long Beach-Anaheim, CA (metro)" in out
    assert "This product includes information from the O*NET 29.3 Database" in out


def test_patchy_occupation_says_what_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registered nurses", "--metros", "3", "--compare", "Boston", "Chicago"]) == 0
    out = capsys.readouterr().out
    assert (
        "O*NET rates no work-activity importance for this occupation; its tasks involve these "
        "work activities" in " ".join(out.split())
    )
    assert "not rated" in out
    metros = out.split("Metro areas with the most jobs")[1].split("\n\n\n")[0]
    assert re.search(r"^  3  Boston|^  3  [A-Z]", metros, re.MULTILINE)
    assert not re.search(r"^ *4  [A-Z]", metros, re.MULTILINE)


def test_occupation_without_wages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["55-1011.00"]) == 0
    out = capsys.readouterr().out
    assert "OEWS May 2025 publishes no estimate for 55-1011." in out
    assert "Two areas compared" not in out


def test_failed_lookup_exits_1_with_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["43-6013", "--compare", "New York", "Boston"]) == 1
    err = capsys.readouterr().err
    assert "Ambiguous area 'New York'" in err


def test_module_runs_as_a_program() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "occprofile", "15-1252", "--metros", "2"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("Software Developers (15-1252.00)")


def test_occupation_without_metro_estimates(capsys: pytest.CaptureFixture[str]) -> None:
    # Farm labor contractors: OEWS publishes national and state figures only.
    assert main(["13-1074"]) == 0
    out = capsys.readouterr().out
    flat = " ".join(out.split())  # the text is wrapped at 78 columns
    assert "publishes no estimate for 13-1074 Farm Labor Contractors in any metro area" in flat
    assert "(no estimate)" in out


def test_large_differences_keep_every_digit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["Registered Nurses", "--compare", "US", "San Diego"]) == 0
    out = capsys.readouterr().out
    nat = int(
        next(line for line in out.splitlines() if line.startswith("  employment"))
        .split()[1]
        .replace(",", "")
    )
    assert "e+" not in out
    assert f"{nat - int(op.estimate('29-1141', 'San Diego').employment.text or 0):+,}" in out


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["43-6013", "--format", "markdown", "--no-compare"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Medical Secretaries and Administrative Assistants (43-6013.00)\n")
    assert "| Speaking | 4.00 | 3.62 |" in out
    assert "Two areas compared" not in out


def test_bad_count_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["43-6013", "--top", "0"]) == 2
    assert "top must be a positive number" in capsys.readouterr().err


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "occprofile", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


def test_subcommand_json_is_the_librarys_records() -> None:
    done = _run("top-metros", "29-1141", "-n", "4", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == op.top_metros("29-1141", 4).to_records()
    done = _run("search", "medical secretary", "-n", "3", "--json")
    assert json.loads(done.stdout) == op.search("medical secretary", 3).to_records()


def test_subcommand_csv_has_the_same_rows() -> None:
    done = _run("top-states", "43-6013", "-n", "3", "--by", "annual_mean", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    expected = op.top_states("43-6013", 3, by="annual_mean").to_records()
    assert [r["area_name"] for r in rows] == [e["area_name"] for e in expected]
    assert [float(r["annual_mean"]) for r in rows] == [e["annual_mean"] for e in expected]
    assert list(rows[0]) == list(expected[0])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("top-metros", "nursee"), 1, "Did you mean: 29-1141.00 Registered Nurses"),
        (("top-metros", "29-1141", "--by", "salary"), 2, "Unknown ranking 'salary'"),
        (("top-metros", "29-1141", "-n", "0"), 2, "n must be a positive number"),
        (("top-metros",), 2, "required: occupation"),
        (("top-metro", "29-1141"), 2, "did you mean 'top-metros'"),
        (("compare-areas", "43-6013", "New York", "Boston"), 1, "Ambiguous area 'New York'"),
        (("serach",), 1, "Did you mean the command 'search'"),
    ],
)
def test_exit_codes_and_messages(args: tuple[str, ...], code: int, message: str) -> None:
    done = _run(*args)
    assert done.returncode == code
    assert message in done.stderr
    assert done.stdout == ""


def test_help_reads_well() -> None:
    done = _run("--help")
    assert done.returncode == 0
    for command in ("report", "search", "top-metros", "compare-areas", "code", "releases"):
        assert command in done.stdout
    sub = _run("top-metros", "--help").stdout
    assert "--json" in sub
    assert "--csv" in sub
    assert "('" not in done.stdout + sub  # no Python tuples
    assert _run("--version").stdout.strip() == f"occprofile {op.__version__}"


def test_code_reads_titles_and_writes_csv() -> None:
    titles = "registered nurse\nmedical secretery\n43-6013\nxyzzy plugh\n\n"
    done = _run("code", stdin=titles)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["title"] for r in rows] == [
        "registered nurse",
        "medical secretery",
        "43-6013",
        "xyzzy plugh",
    ]
    by_title = {r["title"]: r for r in rows}
    assert by_title["registered nurse"]["code"] == "29-1141.00"
    assert by_title["registered nurse"]["matched"] == "exact title"
    assert by_title["medical secretery"]["code"] == "43-6013.00"
    assert by_title["medical secretery"]["matched"] == "search"
    assert by_title["43-6013"]["matched"] == "code"
    assert by_title["xyzzy plugh"]["code"] == ""
    assert by_title["xyzzy plugh"]["matched"] == "no match"


def test_top_occupations_json_is_the_librarys_records() -> None:
    done = _run("top-occupations", "Texas", "-n", "5", "--by", "annual_mean", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == op.top_occupations("Texas", 5, by="annual_mean").to_records()


def test_compare_occupations_prints_the_comparison() -> None:
    done = _run("compare-occupations", "43-6013", "29-2072")
    assert done.returncode == 0, done.stderr
    assert done.stdout == op.compare_occupations("43-6013", "29-2072").to_text()
    wrong = _run("top-occupations", "TX", "--education", "associates degree")
    assert wrong.returncode == 2
    assert 'Did you mean "Associate\'s degree"' in wrong.stderr
