"""Argument checks shared by the public entry points.

Wrong type → ``TypeError``; right type, bad value → ``ValueError``.
"""

from __future__ import annotations

from .errors import ArgumentTypeError, InvalidArgumentError


def check_str(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what} must be a str, not {type(value).__name__}: {value!r}")


def check_n(n: object, what: str = "n") -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(f"{what} must be an int, not {type(n).__name__}: {n!r}")
    if n <= 0:
        raise InvalidArgumentError(f"{what} must be a positive number of results, got {n}")


def check_bool(value: object, what: str) -> None:
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{what} must be True or False, not {value!r}")
