"""``occprofile`` / ``python -m occprofile``: the library's questions from a terminal.

Each subcommand is one question of the public API; ``--json`` and ``--csv``
print what ``to_records()`` holds. Exit codes: 0 answered, 1 the lookup
failed (unknown, ambiguous or no data), 2 the command was used wrongly.
``occprofile`` with no subcommand prints the Medical Secretaries report,
and ``occprofile OCCUPATION [options]`` a report, as before subcommands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__
from ..errors import ArgumentTypeError, InvalidArgumentError, OccprofileError
from .output import Format, write

DEFAULT_OCCUPATION = "43-6013"
DEFAULT_COMPARE = ("Los Angeles", "San Diego")
EXIT_LOOKUP, EXIT_USAGE = 1, 2

Handler = Callable[[argparse.Namespace], tuple[object, str | None]]


def _report(args: argparse.Namespace) -> tuple[object, str | None]:
    import occprofile as op

    compare = None if args.no_compare else (args.compare[0], args.compare[1])
    report = op.report(
        args.occupation, top=args.top, metros=args.metros, similar=args.similar, compare=compare
    )
    text = report.to_markdown() if args.format == "markdown" else report.to_text()
    return report, text


def _profile(args: argparse.Namespace) -> tuple[object, str | None]:
    import occprofile as op

    p = op.profile(args.occupation)
    lines = [f"{p.title} ({p.code})", "", p.description, ""]
    if p.job_zone is not None:
        lines.append(f"Job zone {p.job_zone.zone}: {p.job_zone.name}")
    for top in (
        op.skills_by_importance(p.code, 5),
        op.knowledge_by_importance(p.code, 5),
        op.abilities_by_importance(p.code, 5),
    ):
        if top.ratings:
            lines.append(f"Top {top.domain}: " + "; ".join(r.name for r in top))
    return p, "\n".join(lines)


def _ratings(args: argparse.Namespace) -> tuple[object, str | None]:
    import occprofile as op

    return op.default_dataset().ratings_by_importance(args.occupation, args.domain, args.n), None


def _simple(call: Callable[[argparse.Namespace], object]) -> Handler:
    return lambda args: (call(args), None)


def _code(args: argparse.Namespace) -> tuple[object, str | None]:
    from .coding import CodedTitles, code_title

    rows = CodedTitles(code_title(line.strip()) for line in sys.stdin if line.strip())
    if not (args.json or args.csv):
        args.csv = True  # CSV is what a column of coded titles is for
    return rows, None


def _op() -> Any:
    import occprofile

    return occprofile


COMMANDS: dict[str, tuple[str, Handler]] = {
    "report": ("the whole career profile of an occupation", _report),
    "search": (
        "occupations whose titles match some words",
        _simple(lambda a: _op().search(a.text, a.n)),
    ),
    "profile": ("an occupation's description, job zone and top ratings", _profile),
    "ratings": ("one rating section by importance (skills, knowledge, ...)", _ratings),
    "skills": ("an occupation's skills by importance", _ratings),
    "top-metros": (
        "metro areas ranked for an occupation",
        _simple(
            lambda a: _op().top_metros(
                a.occupation, a.n, by=a.by, state=a.state, include_nonmetro=a.include_nonmetro
            )
        ),
    ),
    "top-states": (
        "states ranked for an occupation",
        _simple(lambda a: _op().top_states(a.occupation, a.n, by=a.by)),
    ),
    "top-occupations": (
        "occupations of an area ranked by employment, wages or outlook",
        _simple(
            lambda a: _op().top_occupations(
                a.area,
                a.n,
                by=a.by,
                group=a.group,
                job_zone=a.job_zone,
                education=a.education,
                interest=a.interest,
            )
        ),
    ),
    "compare-occupations": (
        "two occupations side by side, and what the second needs more of",
        _simple(lambda a: _op().compare_occupations(a.occupation_a, a.occupation_b, area=a.area)),
    ),
    "compare-areas": (
        "two areas side by side for one occupation",
        _simple(lambda a: _op().compare_metros(a.occupation, a.area_a, a.area_b)),
    ),
    "areas": (
        "OEWS areas, optionally of one kind or state",
        _simple(lambda a: _op().areas(a.kind, a.state)),
    ),
    "releases": (
        "the bundled data releases and their credits",
        _simple(lambda a: _op().releases()),
    ),
    "code": ("code job titles read from standard input, one per line (CSV)", _code),
}


def build_parser() -> argparse.ArgumentParser:
    """The parser: one subparser per question, each with --json and --csv."""
    parser = argparse.ArgumentParser(
        prog="occprofile",
        description="U.S. occupation profiles, offline: O*NET 29.3 and BLS OEWS May 2025. "
        "Run 'occprofile COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"occprofile {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, (summary, _) in COMMANDS.items():
        sub = commands.add_parser(
            name, help=summary, description=summary[:1].upper() + summary[1:] + "."
        )
        _arguments(name, sub)
        formats = sub.add_mutually_exclusive_group()
        formats.add_argument("--json", action="store_true", help="print JSON (the table's records)")
        formats.add_argument("--csv", action="store_true", help="print CSV (the table's records)")
    return parser


def _arguments(name: str, sub: argparse.ArgumentParser) -> None:
    needs_occupation = name not in (
        "search",
        "areas",
        "releases",
        "code",
        "top-occupations",
        "compare-occupations",
    )
    if needs_occupation:
        default = DEFAULT_OCCUPATION if name == "report" else None
        sub.add_argument(
            "occupation",
            nargs="?" if default else None,
            default=default,
            help="a code (43-6013), title or words",
        )
    if name == "search":
        sub.add_argument("text", help="words to look for in titles")
    if name == "top-occupations":
        sub.add_argument("area", help="the nation ('US'), a state, a metro or nonmetro area")
        sub.add_argument("--group", help="only this SOC group (code or title)")
        sub.add_argument("--job-zone", type=int, help="only this O*NET job zone (1-5)")
        sub.add_argument("--education", help="only this BLS typical entry-level education")
        sub.add_argument("--interest", help="only this first RIASEC interest ('Social', ...)")
    if name == "compare-occupations":
        sub.add_argument("occupation_a", help="the first occupation")
        sub.add_argument("occupation_b", help="the second occupation (the gap: what it needs more)")
        sub.add_argument("--area", help="compare wages in this area (default: the nation)")
    if name in ("search", "ratings", "skills", "top-metros", "top-states", "top-occupations"):
        sub.add_argument("-n", type=int, default=10, help="how many results (default: 10)")
    if name == "ratings":
        sub.add_argument(
            "--domain",
            default="skills",
            choices=("skills", "knowledge", "abilities", "work_activities", "work_styles"),
            help="which ratings (default: skills)",
        )
    if name == "skills":
        sub.set_defaults(domain="skills")
    if name in ("top-metros", "top-states", "top-occupations"):
        sub.add_argument(
            "--by", default="employment", help="employment, annual_mean, ... (default: employment)"
        )
    if name in ("top-metros", "areas"):
        sub.add_argument("--state", help="only areas in this state")
    if name == "top-metros":
        sub.add_argument("--include-nonmetro", action="store_true", help="add nonmetro areas")
    if name == "areas":
        sub.add_argument(
            "--kind", choices=("national", "state", "metro", "nonmetro"), help="one kind of area"
        )
    if name == "compare-areas":
        sub.add_argument("area_a", help="the first area (code or name)")
        sub.add_argument("area_b", help="the second area")
    if name == "report":
        sub.add_argument(
            "--format", choices=("text", "markdown"), default="text", help="text or Markdown"
        )
        sub.add_argument(
            "--top", type=int, default=5, help="ratings shown per section (default: 5)"
        )
        sub.add_argument("--metros", type=int, default=10, help="metro areas listed (default: 10)")
        sub.add_argument(
            "--similar", type=int, default=10, help="similar occupations (default: 10)"
        )
        sub.add_argument(
            "--compare",
            nargs=2,
            metavar=("AREA_A", "AREA_B"),
            default=DEFAULT_COMPARE,
            help="two areas to compare (default: Los Angeles, San Diego)",
        )
        sub.add_argument("--no-compare", action="store_true", help="leave the comparison out")


def _with_command(argv: Sequence[str]) -> tuple[list[str], bool]:
    """``occprofile`` and ``occprofile OCCUPATION ...`` (the old form) mean ``report``;
    the flag says the command was implied."""
    args = list(argv)
    if not args or (args[0] not in COMMANDS and not args[0].startswith("-")):
        return ["report", *args], bool(args)
    return args, False


def _close_command(word: str) -> str | None:
    """The command a mistyped first word may have meant ("top-metro": "top-metros")."""
    import difflib

    close = difflib.get_close_matches(word, list(COMMANDS), n=1, cutoff=0.75)
    return close[0] if close else None


def _command_hint(word: str) -> str:
    """For an implied report that failed: the command the first word may have meant."""
    meant = _close_command(word)
    if meant:
        return f" Did you mean the command {meant!r}? See 'occprofile --help'."
    return " (Read as an occupation; 'occprofile --help' lists the commands.)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    words, implied = _with_command(sys.argv[1:] if argv is None else argv)
    if implied and (meant := _close_command(words[1])) and len(words) > 2:
        print(f"occprofile: unknown command {words[1]!r}; did you mean {meant!r}?", file=sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # --help, --version, or a usage error argparse reported
        return int(exc.code or 0)
    try:
        answer, text = COMMANDS[args.command][1](args)
        fmt: Format = "json" if args.json else "csv" if args.csv else "text"
        write(answer, fmt, sys.stdout, text)
    except (InvalidArgumentError, ArgumentTypeError) as exc:
        print(f"occprofile {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OccprofileError as exc:
        hint = _command_hint(words[1]) if implied and isinstance(exc, LookupError) else ""
        print(f"occprofile {args.command}: {exc}{hint}", file=sys.stderr)
        return EXIT_LOOKUP
    except BrokenPipeError:  # `occprofile report | head`
        sys.stderr.close()
    return 0
