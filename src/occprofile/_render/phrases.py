"""The short phrases a record's ``str`` and ``repr`` say ("52,640 jobs, annual mean
wage $51,870"), kept apart from ``content`` so printing an estimate or a
ranking does not build the report layouts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Figure


def plural(noun: str, n: int) -> str:
    """``noun`` as ``n`` of it reads: "hit", "hits", "matches"."""
    if n == 1:
        return noun
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


def hourly_instead(annual: Figure, hourly: Figure) -> bool:
    return annual.value is None and annual.lower_bound is None and hourly.value is not None


def mean_wage(annual: Figure, hourly: Figure) -> str:
    """A table cell: the annual mean or, where only an hourly one is published, that
    ("$58.29/hour")."""
    if hourly_instead(annual, hourly):
        return f"{hourly.format(money=True)}/hour"
    return annual.format(money=True)


def jobs_and_wage(employment: Figure, annual: Figure, hourly: Figure) -> str:
    """The one "N jobs, mean wage" phrase of records and reports:
    "52,640 jobs, annual mean wage $51,870" (or the hourly mean where only it is published)."""
    return f"{employment.format()} jobs, {mean_wage_phrase(annual, hourly)}"


def mean_wage_phrase(annual: Figure, hourly: Figure) -> str:
    """The same in a sentence: "annual mean wage $46,800" or "mean wage $58.29 an hour"."""
    if hourly_instead(annual, hourly):
        return f"mean wage {hourly.format(money=True)} an hour ({annual.status})"
    return f"annual mean wage {annual.format(money=True)}"
