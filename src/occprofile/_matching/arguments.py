"""Argument checks shared by the public entry points.

Wrong type → ``TypeError``; right type, bad value → ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ..errors import ArgumentTypeError, InvalidArgumentError
from .text import MAX_QUERY_LENGTH, close_matches

C = TypeVar("C", bound=str)


def check_str(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what} must be a str, not {type(value).__name__}: {value!r}")


def check_query(value: object, what: str) -> None:
    """A str no longer than :data:`MAX_QUERY_LENGTH`: what lookups by name or code accept."""
    check_str(value, what)
    if isinstance(value, str) and len(value) > MAX_QUERY_LENGTH:
        raise InvalidArgumentError(
            f"{what} is {len(value):,} characters; the limit is {MAX_QUERY_LENGTH}."
        )


def check_n(n: object, what: str = "n") -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(f"{what} must be an int, not {type(n).__name__}: {n!r}")
    if n <= 0:
        raise InvalidArgumentError(f"{what} must be a positive number of results, got {n}")


def check_bool(value: object, what: str) -> None:
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{what} must be True or False, not {value!r}")


def check_choice(value: object, choices: Sequence[C], what: str) -> C:
    """``value`` if it is one of ``choices`` (exactly), else a typed error suggesting one."""
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{what} must be a str, one of {list(choices)}; not {type(value).__name__}: {value!r}"
        )
    for choice in choices:
        if value == choice:
            return choice
    hint = close_matches(value, choices, n=1)
    did = f" Did you mean {hint[0]!r}?" if hint else ""
    raise InvalidArgumentError(f"Unknown {what} {value!r}: choose one of {list(choices)}.{did}")


def check_pair(value: object, what: str) -> tuple[str, str] | None:
    """``None``, or a pair (tuple or list) of two strings, as a tuple."""
    if value is None:
        return None
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise ArgumentTypeError(f"{what} must be a pair of areas, not {value!r}")
    first, second = value
    check_str(first, f"{what}[0]")
    check_str(second, f"{what}[1]")
    return (first, second)
