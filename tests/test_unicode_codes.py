"""Codes typed with typographic dashes or non-ASCII digits read as their ASCII forms."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import occprofile as op

#: digit zero of some scripts; the nine after each are its 1..9
_ZEROS = {
    "fullwidth": "\uff10",
    "arabic-indic": "\u0660",
    "extended arabic-indic": "\u06f0",
    "devanagari": "\u0966",
    "bengali": "\u09e6",
    "thai": "\u0e50",
    "mathematical bold": "\U0001d7ce",
}
_DASHES = {
    "en dash": "\u2013",
    "em dash": "\u2014",
    "minus sign": "\u2212",
    "hyphen": "\u2010",
    "fullwidth hyphen-minus": "\uff0d",
}


def _digits(text: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in text)


def _spellings(code: str) -> dict[str, str]:
    """``code`` as people paste it from documents, keyed by how it was written."""
    found = {name: code.replace("-", dash) for name, dash in _DASHES.items() if "-" in code}
    found.update({name: _digits(code, zero) for name, zero in _ZEROS.items()})
    found["fullwidth everything"] = _digits(code, _ZEROS["fullwidth"]).translate(
        {ord("-"): "\uff0d", ord("."): "\uff0e"}
    )
    found["ideographic spaces"] = f"\u3000{code}\u3000"
    return found


def _answer(lookup: Callable[[str], object], text: str) -> object:
    """What a lookup gives, or the type and the suggestions or candidates of its error."""
    try:
        return lookup(text)
    except op.OccprofileError as err:
        return type(err), getattr(err, "suggestions", None), getattr(err, "candidates", None)


LOOKUPS: dict[str, Callable[[str], object]] = {
    "occupation": op.occupation,
    "profile": lambda q: op.profile(q).code,
    "wage_occupation": op.wage_occupation,
    "search": op.search,
    "occupations": op.occupations,
    "area": op.area,
    "state": op.state,
    "areas(state=)": lambda q: op.areas(state=q),
}
OCCUPATION_CODES = ["43-6013", "43-6013.00", "436013", "29", "29-1020", "29-0000", "15-1252.00"]
AREA_CODES = ["0031080", "31080", "06", "0600000", "6", "0000000"]
CASES = [
    (lookup, code)
    for lookup in LOOKUPS
    for code in (AREA_CODES if lookup.startswith(("area", "state")) else OCCUPATION_CODES)
]


@pytest.mark.parametrize(("lookup", "code"), CASES)
def test_codes_read_as_ascii(lookup: str, code: str) -> None:
    """Each spelling gives what the ASCII code gives: the same answer, or the same error."""
    call = LOOKUPS[lookup]
    expected = _answer(call, code)
    for how, typed in _spellings(code).items():
        assert _answer(call, typed) == expected, how


def test_the_reported_spellings() -> None:
    for typed in ("43\u20136013", "43\u20146013", "\uff14\uff13-\uff16\uff10\uff11\uff13"):
        assert op.profile(typed).code == "43-6013.00"
    assert op.area("\uff10\uff10\uff13\uff11\uff10\uff18\uff10").code == "0031080"
    assert op.state("\uff10\uff16").name == "California"


@pytest.mark.parametrize("typed", ["\u00b2\u2079", "43-6013\u00b2", "\u2460", "\u00b2"])
def test_superscripts_and_circled_digits_are_no_code(typed: str) -> None:
    """``str.isdigit()`` is True for these, but no code is written with them."""
    with pytest.raises(op.UnknownOccupationError):
        op.occupation(typed)
    with pytest.raises(op.UnknownAreaError):
        op.area(typed)


@pytest.mark.parametrize(
    ("typed", "ascii"),
    [
        ("Nurse\u2013Practitioners", "Nurse-Practitioners"),
        ("Medical Secretary\u2014Assistant", "Medical Secretary-Assistant"),
        ("\u0669\u0661\u0661 Dispatcher", "911 Dispatcher"),
        ("\uff19\uff11\uff11 dispatcher", "911 dispatcher"),
    ],
)
def test_words_with_such_characters_still_search_words(typed: str, ascii: str) -> None:
    hits = op.search(typed, 5)
    assert hits
    assert all(h.matched_kind != "code" for h in hits)
    assert [h.occupation.code for h in hits] == [h.occupation.code for h in op.search(ascii, 5)]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(OCCUPATION_CODES), st.sampled_from(sorted(_ZEROS.values())))
def test_any_script_reads_like_ascii_in_search(code: str, zero: str) -> None:
    assert op.search(_digits(code, zero)) == op.search(code)


#: The code shapes as patterns: what the string checks of ``parse_occupation_code``
#: and ``looks_like_code`` must agree with.
_ONET_PATTERN = r"^(\d{2})-?(\d{4})\.?(\d{2})$"
_SOC_PATTERN = r"^(\d{2})-?(\d{4})$"
_CODE_CHARS_PATTERN = r"^[\d\s.\-]+$"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789-. \n\u2013\uff10\u0663\u00b2\u3000\uff0ea", max_size=12))
def test_code_shapes_are_read_as_the_patterns_read_them(text: str) -> None:
    import re

    from occprofile._matching.text import fold_code, looks_like_code, parse_occupation_code

    compact = fold_code(text).strip().replace(" ", "")
    onet, soc = re.match(_ONET_PATTERN, compact), re.match(_SOC_PATTERN, compact)
    expected: object
    if onet:
        expected = (f"{onet[1]}-{onet[2]}", f"{onet[1]}-{onet[2]}.{onet[3]}")
    elif soc:
        expected = (f"{soc[1]}-{soc[2]}", None)
    else:
        expected = op.InvalidArgumentError
    try:
        found: object = parse_occupation_code(text)
    except op.InvalidArgumentError:
        found = op.InvalidArgumentError
    assert found == expected
    folded = fold_code(text)
    shaped = bool(re.match(_CODE_CHARS_PATTERN, folded)) and any(c.isdigit() for c in folded)
    assert looks_like_code(text) == shaped
