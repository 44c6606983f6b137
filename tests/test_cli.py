"""``python -m occprofile``: the README's first command."""

from __future__ import annotations

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


def test_bad_input_exits_2_with_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["43-6013", "--compare", "New York", "Boston"]) == 2
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
