"""The title index the build ships (titles.json.gz) answers as the one built in-process.

``PackedTitleIndex`` reads the build's index lazily; every spelling, score,
exact and literal match must be what a :class:`TitleIndex` built from the
same titles gives, and a damaged index must fail as a DataIntegrityError
naming the file.
"""

from __future__ import annotations

import functools

import pytest

import occprofile as op
from occprofile._matching import text, title_index
from occprofile._matching.occupations import TitleData, titles_file

QUERIES = (
    "registerd nurse",
    "registered nurse",
    "medical secretery",
    "software developer",
    "truck driver",
    "uber driver",
    "doctor",
    "data scientist",
    "elementary school teacher",
    "the",
    "and or",
    "chief executive of the",
    "nurse nurse",
    "cok",
    "xqzv",
)


@functools.cache
def _built() -> text.TitleIndex:
    """The index built in this process from the packaged titles."""
    index = op.default_dataset()._src.titles().index
    return text.TitleIndex(list(index._entries))


def _packed() -> text.PackedTitleIndex:
    return op.default_dataset()._src.titles().index


def test_the_build_packs_what_the_index_builds() -> None:
    built = _built()
    assert text.PackedTitleIndex(built.packed(), "t").packed() == built.packed()
    # The shipped fields are the packing of the shipped titles (first official, then the rest).
    from occprofile._store.schema import TitlesFile

    shipped = op.default_dataset()._store.read("titles.json.gz", TitlesFile)
    assert built.packed() == {f: getattr(shipped, f) for f in built.packed()}


@pytest.mark.parametrize("query", QUERIES)
def test_packed_scores_are_the_built_ones(query: str) -> None:
    built, packed = _built(), _packed()
    assert packed.scored(query) == built.scored(query)
    assert packed.best_by_key(query) == built.best_by_key(query)
    for tok in text.tokens(query):
        assert packed._find_spellings(tok) == built._find_spellings(tok)


def test_exact_and_literal_are_those_of_every_title() -> None:
    built = _built()
    titles = op.default_dataset()._src.titles()
    first = len(op.occupations())
    exact: dict[str, dict[str, None]] = {}
    literal: dict[str, dict[str, None]] = {}
    for i in range(first, len(built)):
        code = built.entry(i)[0]
        exact.setdefault(built.key_of(i), {})[code] = None
        literal.setdefault(built.normalized_of(i), {})[code] = None
    for key in [*list(exact)[::97], "registered nurse", "the", "", "no such title at all"]:
        assert titles.exact(key) == tuple(exact.get(key, ())), key
    for norm in [*list(literal)[::97], "registered nurses", "dentist", "logging worker"]:
        assert titles.literal(norm) == tuple(literal.get(norm, ())), norm


def test_stopword_titles_are_found_by_key() -> None:
    entries = [("1", "title", "The"), ("2", "alternate", "Ands"), ("3", "alternate", "Or Ands")]
    entries += [("4", "alternate", "The Cooks"), ("5", "alternate", "and")]
    built = text.TitleIndex(entries)
    packed = text.PackedTitleIndex(built.packed(), "t")
    for key in ("the", "and", "or and", "the cook", "cook", "a"):
        expected = [i for i in range(len(built)) if built.key_of(i) == key]
        assert packed.with_key(key) == built.with_key(key) == expected, key


def _occupation() -> op.Occupation:
    return op.Occupation("43-6013.00", "Medical Secretaries", "43-6013", "detailed")


def _fields() -> dict[str, str]:
    import attrs

    record = titles_file([_occupation()], [("43-6013.00", "alternate", "Medical Secretary")])
    return attrs.asdict(record)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("word_counts", " 2"),
        ("distinct_counts", "2"),
        ("letters", "zz"),
        ("letters", "0"),
        ("kinds", "title 1\nalias 1"),
        ("codes", "43-6013.00 x"),
        ("codes", "43-6013.00 0\n43-6013.00 2"),
        ("postings", "0\n1\n0"),
        ("vocabulary", "secretary\nmedical"),
    ],
)
def test_a_damaged_index_names_the_file(field: str, value: str) -> None:
    from occprofile._store.schema import TitlesFile

    occ = _occupation()
    record = TitlesFile(**{**_fields(), field: value})
    with pytest.raises(op.DataIntegrityError, match=r"titles\.json\.gz") as raised:
        TitleData(record, {occ.code: occ}).index.scored("medical secretary")
    assert raised.value.resource == "titles.json.gz"


def test_postings_out_of_range_name_the_file() -> None:
    from occprofile._store.schema import TitlesFile

    occ = _occupation()
    fields = _fields()
    words = fields["vocabulary"].split("\n")
    record = TitlesFile(**{**fields, "postings": "\n".join(["0 5"] * len(words))})
    titles = TitleData(record, {occ.code: occ})
    with pytest.raises(op.DataIntegrityError, match=r"titles\.json\.gz"):
        titles.index.scored("medical")


def test_official_titles_must_lead_the_index() -> None:
    occ = _occupation()
    other = op.Occupation("43-6014.00", "Secretaries", "43-6014", "detailed")
    record = titles_file([other], [])
    with pytest.raises(op.DataIntegrityError, match="official titles"):
        TitleData(record, {occ.code: occ})


def test_a_first_misspelling_keys_no_title_it_need_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fresh typo path splits the fields; it normalises no title of the index it
    does not compare (one by one or in a batch, wherever the name is bound)."""
    calls = 0
    one, batch = text.normalize, text.normalize_all

    def counting(t: str) -> str:
        nonlocal calls
        calls += 1
        return one(t)

    def counting_all(texts: list[str]) -> list[str]:
        nonlocal calls
        calls += len(texts)
        return batch(texts)

    monkeypatch.setattr(text, "normalize", counting)
    monkeypatch.setattr(title_index, "normalize", counting)
    monkeypatch.setattr(title_index, "normalize_all", counting_all)
    assert op.Dataset().occupation("registerd nurse").code == "29-1141.00"
    assert calls < 100
