"""areas.json: the OEWS areas with kind and state postal codes.

Users ask for wages "in Texas" or "in Austin"; the upstream table has only a
FIPS state code (one per metro, even for metros spanning states) and a name,
so the build derives the kind and the full list of states once, here.
"""

from __future__ import annotations

from databuild.oews import Area
from databuild.writer import Json, columnar

#: FIPS state code -> USPS abbreviation for every state/territory OEWS publishes.
FIPS_TO_POSTAL = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
}  # fmt: skip

KINDS = ("national", "state", "metro", "nonmetro")


class AreaError(ValueError):
    """An area row cannot be classified."""


def kind_of(area: Area) -> str:
    """`national`, `state`, `metro` or `nonmetro` (an `M` area named "...nonmetropolitan...")."""
    if area.type == "N":
        return "national"
    if area.type == "S":
        return "state"
    if area.type == "M":
        return "nonmetro" if "nonmetropolitan" in area.name.lower() else "metro"
    raise AreaError(f"area {area.code}: unknown area type {area.type!r}")


def states_of(area: Area, kind: str) -> list[str]:
    """Postal codes: a metro's from its name ("..., NY-NJ"), otherwise its FIPS state's."""
    if kind == "national":
        return []
    if kind == "metro":
        if "," not in area.name:
            raise AreaError(f"area {area.code}: metro name {area.name!r} has no state part")
        states = [s.strip() for s in area.name.rsplit(",", 1)[1].split("-")]
        known = set(FIPS_TO_POSTAL.values())
        if not states or any(s not in known for s in states):
            raise AreaError(f"area {area.code}: cannot read states from {area.name!r}")
        if FIPS_TO_POSTAL.get(area.state_code) not in states:
            raise AreaError(f"area {area.code}: FIPS {area.state_code} not among {states}")
        return states
    if area.state_code not in FIPS_TO_POSTAL:
        raise AreaError(f"area {area.code}: unknown FIPS state code {area.state_code!r}")
    return [FIPS_TO_POSTAL[area.state_code]]


def areas_document(areas: list[Area]) -> Json:
    """areas.json, sorted by area code."""
    entries: list[Json] = []
    for area in sorted(areas, key=lambda a: a.code):
        kind = kind_of(area)
        entries.append(
            {
                "code": area.code,
                "kind": kind,
                "name": area.name,
                "state_fips": area.state_code,
                "states": list(states_of(area, kind)),
            }
        )
    return {"areas": columnar(entries, FIELDS)}


#: The fields (columns) of areas.json's `areas` table.
FIELDS = ("code", "kind", "name", "state_fips", "states")
