"""Filters on occupations beyond their SOC group: job zone, entry education, interest,
technology and a derived outlook; the per-occupation facts they read, built once.

A filter is a test of one O*NET occupation. Its facts come from the O*NET
resources (job zone, interests, technology) and the projections
(:mod:`.projected`: typical entry education, growth, openings); an
occupation without the fact fails the test. Every argument is checked here
before any data is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, get_args

from attrs import frozen

from .._matching.arguments import check_bool, check_choice, check_str
from .._matching.occupations import in_soc_group, major_group_code
from .._matching.text import looks_like_code, parse_occupation_code, title_key
from .._store import schema
from .._store.layout import onet_shard
from ..errors import ArgumentTypeError, DataIntegrityError, InvalidArgumentError
from ..models import RIASEC, Interest, RiasecInterest, TechnologySkill

if TYPE_CHECKING:
    from .._matching.occupations import OccupationIndex
    from ..models import Occupation, OccupationSelection
    from .projected import ProjectionTable
    from .sources import Sources

#: BLS typical entry-level education categories, exactly as the projections publish them.
EntryEducation = Literal[
    "Doctoral or professional degree",
    "Master's degree",
    "Bachelor's degree",
    "Associate's degree",
    "Postsecondary nondegree award",
    "Some college, no degree",
    "High school diploma or equivalent",
    "No formal educational credential",
]
ENTRY_EDUCATION: tuple[EntryEducation, ...] = get_args(EntryEducation)

#: O*NET job zones.
JOB_ZONES = (1, 2, 3, 4, 5)

#: The ``outlook=`` flags, each a rule on the projections (see :func:`outlook_rules`).
OutlookFlag = Literal[
    "growing",
    "declining",
    "faster_than_average",
    "much_faster_than_average",
    "many_openings",
    "bright",
]
OUTLOOK_FLAGS: tuple[OutlookFlag, ...] = get_args(OutlookFlag)
#: "much faster than average": at least this many times the all-occupations percent change.
GROWTH_MULTIPLE = 2.0
#: "many openings": at least this many thousand openings a year (annual average).
MANY_OPENINGS = 20.0

#: What tells occprofile's rule from O*NET's designation of the same name.
NOT_ONET = "occprofile's rule, not O*NET's Bright Outlook designation"


@frozen
class Criteria:
    """The checked filters of one question (``None``/``False``: not filtered on)."""

    group: str | None = None
    job_zone: int | None = None
    education: EntryEducation | None = None
    interest: RiasecInterest | None = None
    technology: str | None = None
    hot_technology: bool = False
    in_demand: bool = False
    outlook: OutlookFlag | None = None

    @property
    def on_facts(self) -> bool:
        """Whether any filter beyond the SOC group is set."""
        return self != Criteria(group=self.group)


def check_criteria(
    *,
    group: object = None,
    job_zone: object = None,
    education: object = None,
    interest: object = None,
    technology: object = None,
    hot_technology: object = False,
    in_demand: object = False,
    outlook: object = None,
) -> Criteria:
    """The filters checked and spelled canonically; nothing is read."""
    if group is not None:
        check_str(group, "group")
    zone = None
    if job_zone is not None:
        if isinstance(job_zone, bool) or not isinstance(job_zone, int):
            raise ArgumentTypeError(
                f"job_zone must be an int from 1 to 5, not {type(job_zone).__name__}: {job_zone!r}"
            )
        if job_zone not in JOB_ZONES:
            raise InvalidArgumentError(f"job_zone must be 1, 2, 3, 4 or 5, got {job_zone}")
        zone = job_zone
    entry = None if education is None else check_choice(education, ENTRY_EDUCATION, "education")
    riasec = None
    if interest is not None:
        check_str(interest, "interest")
        assert isinstance(interest, str)
        riasec = check_choice(interest.strip().capitalize(), RIASEC, "interest")
    tech = None
    if technology is not None:
        check_str(technology, "technology")
        assert isinstance(technology, str)
        if not tokens(technology):
            raise InvalidArgumentError(
                f"technology {technology!r} names nothing: pass a technology such as 'Python'."
            )
        tech = technology.strip()
    check_bool(hot_technology, "hot_technology")
    check_bool(in_demand, "in_demand")
    flag = None if outlook is None else check_choice(outlook, OUTLOOK_FLAGS, "outlook")
    return Criteria(
        group if isinstance(group, str) else None,
        zone,
        entry,
        riasec,
        tech,
        bool(hot_technology),
        bool(in_demand),
        flag,
    )


# -- the facts --------------------------------------------------------------


@frozen
class Facts:
    """What the filters and interest matching read of one occupation's O*NET record."""

    job_zone: int | None
    #: the First Interest High-Point (``None``: O*NET names none)
    high_point: RiasecInterest | None
    #: the six Occupational Interest scores (1-7) in RIASEC order; ``None`` when unrated
    interest_scores: tuple[float, ...] | None
    technology: tuple[TechnologySkill, ...]


FIRST_HIGH_POINT = "First Interest High-Point"


def occupation_facts(src: Sources) -> Mapping[str, Facts]:
    """Every O*NET occupation's facts, read once per store.

    Each occupation's resource is read and dropped (not kept as a profile):
    the facts of all 1,016 are small, their profiles are not.
    """

    def build() -> Mapping[str, Facts]:
        elements = src.elements()
        found = {}
        for code in src.occupations().onet:
            name = onet_shard(code)
            shard = src.store.read(name, schema.OnetShard)
            if shard.code != code:
                raise DataIntegrityError(f"{name} holds {shard.code}, not {code}", resource=name)
            scores = {
                elements[i.element_id].name: i.value for i in shard.interests if i.scale == "OI"
            }
            first = [
                Interest(elements[i.element_id], i.scale, i.value).high_point
                for i in shard.interests
                if i.scale == "IH" and elements[i.element_id].name == FIRST_HIGH_POINT
            ]
            found[code] = Facts(
                shard.job_zone,
                first[0] if first else None,
                tuple(scores[r] for r in RIASEC) if set(scores) == set(RIASEC) else None,
                shard.technology_skills,
            )
        return MappingProxyType(found)

    return src.store.once("occupation_facts", build)


# -- technology names -------------------------------------------------------

#: A word of a technology name: letters, digits, + and # (C++, C#), dots inside (Node.js).
_WORD = re.compile(r"[0-9a-z+#]+(?:\.[0-9a-z+#]+)*")


def tokens(text: str) -> tuple[str, ...]:
    """The words of a technology name, case-folded."""
    return tuple(_WORD.findall(text.casefold()))


def names_technology(wanted: tuple[str, ...], name: str | None) -> bool:
    """Whether the words ``wanted`` stand, in order and whole, in ``name``:
    "Excel" names "Microsoft Excel", "Python" names "Python" but not "Jython",
    "C" names neither "C++" nor "C#"."""
    if name is None:
        return False
    words = tokens(name)
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))


def uses_technology(criteria: Criteria, technology: tuple[TechnologySkill, ...]) -> bool:
    """Whether one technology entry satisfies every technology filter at once."""
    wanted = tokens(criteria.technology) if criteria.technology is not None else None
    return any(
        (not criteria.hot_technology or t.hot is True)
        and (not criteria.in_demand or t.in_demand is True)
        and (
            wanted is None
            or names_technology(wanted, t.example)
            or names_technology(wanted, t.commodity_title)
        )
        for t in technology
    )


# -- the tests ----------------------------------------------------------------


def outlook_rules(table: ProjectionTable) -> Mapping[OutlookFlag, str]:
    """Each ``outlook=`` flag's rule, with the thresholds this release gives it."""
    average = table.all_occupations_percent_change
    period = f"BLS Employment Projections {table.period}"
    return MappingProxyType(
        {
            "growing": f"projected employment change above 0% ({period})",
            "declining": f"projected employment change below 0% ({period})",
            "faster_than_average": (
                f"projected employment change above the all-occupations {average:.2f}% ({period})"
            ),
            "much_faster_than_average": (
                f"projected employment change of at least {GROWTH_MULTIPLE * average:.2f}% "
                f"({GROWTH_MULTIPLE:g} x the all-occupations {average:.2f}%; {period})"
            ),
            "many_openings": (
                f"at least {MANY_OPENINGS:,.1f} thousand projected openings a year ({period})"
            ),
            "bright": (
                f"projected employment change of at least {GROWTH_MULTIPLE * average:.2f}% "
                f"({GROWTH_MULTIPLE:g} x the all-occupations {average:.2f}%) or at least "
                f"{MANY_OPENINGS:,.1f} thousand projected openings a year ({period}); {NOT_ONET}"
            ),
        }
    )


def _meets_outlook(flag: OutlookFlag, table: ProjectionTable, code: str) -> bool:
    projected = table.by_occupation.get(code)
    if projected is None or projected.percent_change.value is None:
        return False
    change = projected.percent_change.value
    openings = projected.openings.value or 0.0
    fast = change >= GROWTH_MULTIPLE * table.all_occupations_percent_change
    if flag == "growing":
        return change > 0
    if flag == "declining":
        return change < 0
    if flag == "faster_than_average":
        return change > table.all_occupations_percent_change
    if flag == "much_faster_than_average":
        return fast
    if flag == "many_openings":
        return openings >= MANY_OPENINGS
    return fast or openings >= MANY_OPENINGS


def _projections(src: Sources) -> ProjectionTable:
    """The projections table, importing the career modules only when a filter needs it."""
    from .projected import projection_table

    return projection_table(src)


def predicate(src: Sources, criteria: Criteria) -> Callable[[Occupation], bool]:
    """The test of the filters beyond the SOC group; it reads only the facts it needs."""
    tests: list[Callable[[Occupation], bool]] = []
    if (
        criteria.job_zone is not None
        or criteria.interest is not None
        or criteria.technology is not None
        or criteria.hot_technology
        or criteria.in_demand
    ):
        facts = occupation_facts(src)
        if criteria.job_zone is not None:
            zone = criteria.job_zone
            tests.append(lambda o: facts[o.code].job_zone == zone)
        if criteria.interest is not None:
            interest = criteria.interest
            tests.append(lambda o: facts[o.code].high_point == interest)
        if criteria.technology is not None or criteria.hot_technology or criteria.in_demand:
            tests.append(lambda o: uses_technology(criteria, facts[o.code].technology))
    if criteria.education is not None or criteria.outlook is not None:
        table = _projections(src)
        if criteria.education is not None:
            education = criteria.education
            tests.append(
                lambda o: (
                    (p := table.by_occupation.get(o.code)) is not None and p.education == education
                )
            )
        if criteria.outlook is not None:
            flag = criteria.outlook
            tests.append(lambda o: _meets_outlook(flag, table, o.code))
    return lambda occ: all(test(occ) for test in tests)


def describe(src: Sources, criteria: Criteria, group: str | None) -> tuple[str, ...]:
    """One line per filter set, saying the rule applied (``group``: the resolved code)."""
    lines = []
    if group is not None:
        lines.append(f"SOC group {group} ({criteria.group})")
    if criteria.job_zone is not None:
        lines.append(f"O*NET job zone {criteria.job_zone}")
    if criteria.education is not None:
        period = _projections(src).period
        lines.append(
            f"typical entry-level education {criteria.education!r} "
            f"(BLS Employment Projections {period})"
        )
    if criteria.interest is not None:
        lines.append(f"first interest high point {criteria.interest} (O*NET)")
    if criteria.technology is not None or criteria.hot_technology or criteria.in_demand:
        kinds = [
            k
            for k, on in (("hot", criteria.hot_technology), ("in demand", criteria.in_demand))
            if on
        ]
        named = (
            f" named {criteria.technology!r} (its words, whole and in order, in an example "
            "or its commodity title; any case)"
            if criteria.technology is not None
            else ""
        )
        flagged = f", flagged {' and '.join(kinds)} by O*NET" if kinds else ""
        lines.append(f"a technology{named}{flagged}")
    if criteria.outlook is not None:
        rule = outlook_rules(_projections(src))[criteria.outlook]
        lines.append(f"outlook {criteria.outlook!r}: {rule}")
    return tuple(lines)


def resolve_group(index: OccupationIndex, group: str) -> tuple[str, tuple[Occupation, ...]]:
    """The SOC code of a group named as ``occupations(group=)`` takes it, and its
    O*NET occupations.

    ``index.within`` checks the group (and raises its typed errors); the code
    is then read off what was typed: a code as parsed, a title as the OEWS
    code of that title.
    """
    members = index.within(group)
    text = major_group_code(group)
    if looks_like_code(text):
        code = parse_occupation_code(text)[0]
    else:
        key = title_key(text)
        code = next(w.code for w in index.oews.values() if title_key(w.title) == key)
    assert all(in_soc_group(o.soc_code, code) for o in members)
    return code, members


def select(src: Sources, criteria: Criteria) -> OccupationSelection:
    """The O*NET occupations that pass ``criteria``, by code."""
    from ..models import OccupationSelection

    index = src.occupations()
    code = None
    members: Iterable[Occupation] = index.onet.values()
    if criteria.group is not None:
        code, members = resolve_group(index, criteria.group)
    test = predicate(src, criteria)
    return OccupationSelection(
        (o for o in members if test(o)), criteria=describe(src, criteria, code)
    )
