"""The pure matching rules of _lookup: normalisation, code parsing, fuzzy index."""

from __future__ import annotations

import pytest

from occprofile._matching import text as _lookup


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Medical Secretaries & Administrative Assistants",
            "medical secretaries and administrative assistants",
        ),
        ("  Los Angeles-Long Beach-Anaheim, CA ", "los angeles long beach anaheim ca"),
        ("O*NET", "o net"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert _lookup.normalize(text) == expected


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("secretaries", "secretary"),
        ("assistants", "assistant"),
        ("nurses", "nurse"),
        ("business", "business"),
        ("boxes", "box"),
    ],
)
def test_stem_folds_plurals(word: str, stem: str) -> None:
    assert _lookup.stem(word) == stem


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("43-6013.00", ("43-6013", "43-6013.00")),
        ("43601300", ("43-6013", "43-6013.00")),
        ("11-1011.03", ("11-1011", "11-1011.03")),
        ("43-6013", ("43-6013", None)),
        ("436013", ("43-6013", None)),
        (" 43-6013 ", ("43-6013", None)),
    ],
)
def test_parse_occupation_code(text: str, parsed: tuple[str, str | None]) -> None:
    assert _lookup.parse_occupation_code(text) == parsed


@pytest.mark.parametrize("bad", ["43-601", "4360133", "43-6013.0", "43.6013", "1"])
def test_malformed_occupation_code(bad: str) -> None:
    with pytest.raises(ValueError, match="Malformed occupation code"):
        _lookup.parse_occupation_code(bad)


@pytest.mark.parametrize(
    ("text", "code"),
    [("0031080", "0031080"), ("31080", "0031080"), ("06", "0600000")],
)
def test_parse_area_code(text: str, code: str) -> None:
    assert _lookup.parse_area_code(text) == code


@pytest.mark.parametrize("bad", ["310800", "3108", "6", "abc"])
def test_malformed_area_code(bad: str) -> None:
    with pytest.raises(ValueError, match="Malformed area code"):
        _lookup.parse_area_code(bad)


def test_looks_like_code() -> None:
    assert _lookup.looks_like_code("43-6013")
    assert not _lookup.looks_like_code("nurse")
    assert not _lookup.looks_like_code("--")


def _index() -> _lookup.TitleIndex:
    return _lookup.TitleIndex(
        [
            ("A", "title", "Medical Secretaries and Administrative Assistants"),
            ("A", "alternate", "Medical Office Secretary"),
            ("B", "title", "Legal Secretaries and Administrative Assistants"),
            ("C", "title", "Registered Nurses"),
        ]
    )


def test_index_exact_title_scores_one() -> None:
    index = _index()
    score, i = index.scored("registered nurse")[0]
    assert index.entry(i)[0] == "C"
    assert score == 1.0


def test_index_tolerates_typos() -> None:
    index = _index()
    hits = index.scored("medicle secretery")
    assert hits, "a two-typo query should still match"
    assert index.entry(hits[0][1])[0] == "A"
    assert hits[0][0] < 1.0


def test_index_ranks_better_coverage_first() -> None:
    index = _index()
    codes = [index.entry(i)[0] for _, i in index.scored("legal secretary")]
    assert codes[0] == "B"


def test_index_no_match() -> None:
    assert _index().scored("astronaut") == []
    assert _index().scored("   ") == []


def test_close_matches_suggests_spelling() -> None:
    assert _lookup.close_matches("Califronia", ["California", "Colorado"]) == ["California"]


def test_normalize_all_is_normalize_of_each() -> None:
    import gzip
    import json
    from importlib import resources

    from occprofile._matching.text import normalize, normalize_all

    raw = resources.files("occprofile.data").joinpath("titles.json.gz").read_bytes()
    titles = json.loads(gzip.decompress(raw))["titles"].split("\n")
    odd = ["Winston\u2013Salem", "D.C. a.b.", "Caf\u00e9 & Bar*", "\uff14\uff13\u20136013", "", " "]
    odd += ["A.B.C", "\uff2d\uff41\uff49\uff44", "\u00e9.x.", ") (", "U.S.A."]
    odd += ["x.\n", "line\nbreak"]  # a line break: normalised one by one
    for texts in (titles, odd, odd[:-2], odd[:4]):
        assert normalize_all(texts) == [normalize(t) for t in texts]
