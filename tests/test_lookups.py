"""Resolving what people type into occupations and areas, and the errors when it fails."""

from __future__ import annotations

import pytest

import occprofile as op
from occprofile.models import AreaKind


@pytest.mark.parametrize(
    "query",
    [
        "43-6013.00",
        "43-6013",
        "436013",
        "43601300",
        "Medical Secretaries and Administrative Assistants",
        "medical secretaries & administrative assistants",
        "medical administrative assistant",
    ],
)
def test_occupation_spellings(query: str) -> None:
    assert op.occupation(query).code == "43-6013.00"


def test_onet_specific_code() -> None:
    assert op.occupation("11-1011.03").title == "Chief Sustainability Officers"


def test_search_ranked_and_typo_tolerant() -> None:
    hits = op.search("medical secretery", n=5)
    assert hits[0].occupation.code == "43-6013.00"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.occupation.code for h in hits}) == len(hits)
    assert op.search("REGISTERED NURSES!")[0].occupation.code == "29-1141.00"


def test_search_validation() -> None:
    with pytest.raises(ValueError, match="positive"):
        op.search("nurse", n=0)
    with pytest.raises(TypeError, match="text must be a str"):
        op.search(42)  # type: ignore[arg-type]
    assert op.search("zzzzqqqq") == ()


def test_unknown_occupation_suggests() -> None:
    with pytest.raises(op.UnknownOccupationError) as err:
        op.occupation("43-6019")
    assert err.value.suggestions
    assert isinstance(err.value, LookupError)
    assert "43-6019" in str(err.value)
    with pytest.raises(op.UnknownOccupationError) as err2:
        op.profile("xylophone wrangler supreme")
    assert "xylophone" in str(err2.value)


def test_malformed_and_wrong_type() -> None:
    with pytest.raises(ValueError, match="Malformed occupation code '43-60'"):
        op.profile("43-60")
    with pytest.raises(TypeError, match="occupation must be a str"):
        op.profile(436013)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Empty"):
        op.profile("!!!")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("31080", "0031080"),
        ("0031080", "0031080"),
        ("06", "0600000"),
        ("California", "0600000"),
        ("ca", "0600000"),
        ("San Diego", None),
        ("Los Angeles-Long Beach-Anaheim, CA", "0031080"),
        ("national", "0000000"),
    ],
)
def test_area_spellings(query: str, code: str | None) -> None:
    area = op.area(query)
    if code is None:
        assert area.kind is AreaKind.METRO
        assert area.short_name.startswith("San Diego")
    else:
        assert area.code == code


def test_ambiguous_area_lists_candidates() -> None:
    with pytest.raises(op.AmbiguousAreaError) as err:
        op.area("New York")
    kinds = " ".join(err.value.candidates)
    assert "[state" in kinds
    assert "[metro" in kinds
    assert "[nonmetro" in kinds
    assert isinstance(err.value, LookupError)


def test_unknown_area_suggests() -> None:
    with pytest.raises(op.UnknownAreaError) as err:
        op.area("Califronia")
    assert "California" in err.value.suggestions
    with pytest.raises(ValueError, match="Malformed area code"):
        op.area("123")
    with pytest.raises(op.UnknownAreaError):
        op.area("9999999")


def test_state_lookup() -> None:
    assert op.state("TX").name == "Texas"
    assert op.state("48").name == "Texas"
    with pytest.raises(op.UnknownAreaError):
        op.state("Los Angeles")


def test_errors_share_a_base() -> None:
    for exc in (op.UnknownAreaError, op.AmbiguousOccupationError, op.NoWageDataError):
        assert issubclass(exc, op.OccprofileError)


def test_missing_extra_error_names_any_extra() -> None:
    """The error of an optional extra that is not installed: an ImportError naming it."""
    assert issubclass(op.MissingExtraError, op.OccprofileError)
    assert issubclass(op.MissingExtraError, ImportError)
    error = op.MissingExtraError.for_extra("pandas", "pandas", feature="Report.to_pandas()")
    assert str(error) == (
        "Report.to_pandas() needs pandas, which is not installed. "
        "Install it with: pip install 'occprofile[pandas]'"
    )
    assert (error.extra, error.package, error.name) == ("pandas", "pandas", "pandas")
    assert op.errors.MissingExtraError is op.MissingExtraError
    assert "occprofile[arrow] needs pyarrow" in str(
        op.MissingExtraError.for_extra("arrow", "pyarrow")
    )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Seattle, WA", "Seattle-Tacoma-Bellevue, WA"),
        ("Austin TX", "Austin-Round Rock-San Marcos, TX"),
        ("Portland, OR", "Portland-Vancouver-Hillsboro, OR-WA"),
        ("Portland, ME", "Portland-South Portland, ME"),
        ("Washington, DC", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("Kansas City, KS", "Kansas City, MO-KS"),
        ("New York, NY", "New York-Newark-Jersey City, NY-NJ"),
        ("Salem, OR", "Salem, OR"),
        ("Salem", "Salem, OR"),  # Winston-Salem is one city, not Winston and Salem
        ("Winston-Salem", "Winston-Salem, NC"),
        ("Wilkes-Barre", "Scranton--Wilkes-Barre, PA"),
        ("Nashville", "Nashville-Davidson--Murfreesboro--Franklin, TN"),
        ("Murfreesboro", "Nashville-Davidson--Murfreesboro--Franklin, TN"),
        ("Charleston, SC", "Charleston-North Charleston, SC"),
        ("Charleston WV", "Charleston, WV"),
        ("Greenville, SC", "Greenville-Anderson-Greer, SC"),
        ("Wilmington, NC", "Wilmington, NC"),
        ("Wilmington, DE", "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD"),
        ("IN", "Indiana"),
        ("OR", "Oregon"),
        ("ME", "Maine"),
    ],
)
def test_area_with_state_and_postal_codes(query: str, name: str) -> None:
    assert op.area(query).name == name


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Portland", {"Portland-South Portland, ME", "Portland-Vancouver-Hillsboro, OR-WA"}),
        ("Columbus", {"Columbus, GA-AL", "Columbus, IN", "Columbus, OH"}),
        ("Washington", {"Washington", "Washington-Arlington-Alexandria, DC-VA-MD-WV"}),
        ("Springfield", {"Springfield, IL", "Springfield, MA", "Springfield, MO"}),
        # A metro of exactly that name, and another whose principal cities include it.
        ("Charleston", {"Charleston, WV", "Charleston-North Charleston, SC"}),
        ("Greenville", {"Greenville, NC", "Greenville-Anderson-Greer, SC"}),
        ("Alexandria", {"Alexandria, LA", "Washington-Arlington-Alexandria, DC-VA-MD-WV"}),
    ],
)
def test_ambiguous_places(query: str, expected: set[str]) -> None:
    with pytest.raises(op.AmbiguousAreaError) as err:
        op.area(query)
    named = {c.split(" [")[0] for c in err.value.candidates}
    assert expected <= named


@pytest.mark.parametrize(("typo", "meant"), [("Bostn", "Boston"), ("Sna Diego", "San Diego")])
def test_area_typos_get_suggestions(typo: str, meant: str) -> None:
    with pytest.raises(op.UnknownAreaError) as err:
        op.area(typo)
    assert any(s.startswith(meant) for s in err.value.suggestions)


@pytest.mark.parametrize(
    ("title", "cities"),
    [
        ("San Diego-Chula Vista-Carlsbad", ["San Diego", "Chula Vista", "Carlsbad"]),
        ("Winston-Salem", ["Winston-Salem"]),
        ("Scranton--Wilkes-Barre", ["Scranton", "Wilkes-Barre", "Wilkes", "Barre"]),
        (
            "Nashville-Davidson--Murfreesboro--Franklin",
            ["Nashville-Davidson", "Murfreesboro", "Franklin", "Nashville", "Davidson"],
        ),
    ],
)
def test_principal_cities(title: str, cities: list[str]) -> None:
    from occprofile._matching.areas import principal_cities

    assert principal_cities(title) == cities


def test_typographic_dashes_read_as_hyphens() -> None:
    assert op.area("Winston\u2013Salem").name == "Winston-Salem, NC"
    assert op.area("Scranton\u2014Wilkes-Barre").name == "Scranton--Wilkes-Barre, PA"


def test_state_query_naming_areas_says_what_they_are() -> None:
    with pytest.raises(op.UnknownAreaError, match="a metro area, not a state"):
        op.state("San Diego")
    with pytest.raises(op.UnknownAreaError, match="not a state; it names several areas") as err:
        op.state("Charleston")
    assert "Charleston-North Charleston, SC" in str(err.value)
    assert "Charleston, WV" in str(err.value)


def test_unknown_state() -> None:
    with pytest.raises(op.UnknownAreaError, match="'ZZ'"):
        op.state("ZZ")
    with pytest.raises(op.UnknownAreaError) as err:
        op.top_metros("43-6013", state="Texsa")
    assert err.value.suggestions == ("Texas",)


def test_plural_and_accents() -> None:
    with pytest.raises(op.AmbiguousOccupationError, match="Registered Nurses"):
        op.occupation("nurses")
    assert op.search("café operator", n=1)[0].matched_title == "Cafe Operator"


def test_no_profile_and_ambiguous_messages() -> None:
    with pytest.raises(op.NoProfileError) as err:
        op.profile("43-6010")
    assert "no O*NET profile" in str(err.value)
    assert any("43-6013.00" in s for s in err.value.suggestions)
    # In O*NET 29.3 every SOC code with specialties also has its ".00" occupation.
    assert op.occupation("15-1299").code == "15-1299.00"


def test_soc_code_with_specialties_only() -> None:
    """A future release may drop a ".00": one child resolves, several are ambiguous."""
    from occprofile._matching.occupations import OccupationIndex
    from occprofile._store.columnar import RecordColumns
    from occprofile._store.schema import OccupationsFile, OewsOccupationRecord

    def occ(code: str) -> op.Occupation:
        return op.Occupation(code, f"Title {code}", code[:7], "detailed")

    rec = OccupationsFile(
        onet=RecordColumns.of(
            op.Occupation, (occ("99-1111.01"), occ("99-1111.02"), occ("99-2222.01"))
        ),
        oews=RecordColumns.of(OewsOccupationRecord, (OewsOccupationRecord("99-1111", "Group", 3),)),
    )
    index = OccupationIndex(rec, titles=lambda: pytest.fail("titles not needed"))
    assert index.find("99-2222").code == "99-2222.01"
    with pytest.raises(op.AmbiguousOccupationError) as amb:
        index.find("99-1111")
    assert [c.split()[0] for c in amb.value.candidates] == ["99-1111.01", "99-1111.02"]


def test_search_prefers_official_titles_on_ties() -> None:
    hits = op.search("truck driver", n=5)
    assert hits[0].score == hits[1].score == 1.0
    assert "Truck Drivers" in hits[0].occupation.title
    with pytest.raises(op.InvalidArgumentError, match="Empty search"):
        op.search("  ")
    assert op.search("&") == ()  # only a stopword


def test_every_error_is_an_occprofile_error() -> None:
    for call in (
        lambda: op.occupation("43-601"),
        lambda: op.occupation(43),  # type: ignore[arg-type]
        lambda: op.top_metros("43-6013", n=0),
        lambda: op.top_metros("43-6013", include_nonmetro="yes"),  # type: ignore[arg-type]
        lambda: op.wage_occupations(3),  # type: ignore[arg-type]
        lambda: op.wage_occupations("tiny"),  # type: ignore[arg-type]
        lambda: op.area(""),
    ):
        with pytest.raises(op.OccprofileError):
            call()
    assert issubclass(op.InvalidArgumentError, ValueError)
    assert issubclass(op.ArgumentTypeError, TypeError)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Washington, D.C.", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("Washington DC", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("Portland, Oregon", "Portland-Vancouver-Hillsboro, OR-WA"),
        ("U.S.", "National"),
    ],
)
def test_initials_and_state_names_after_a_comma(query: str, name: str) -> None:
    assert op.area(query).name == name


def test_state_lookup_explains_other_areas() -> None:
    with pytest.raises(op.UnknownAreaError, match="a metro area, not a state") as err:
        op.state("31080")
    assert err.value.suggestions == ("California",)
    assert op.areas(kind="METRO") == op.areas(kind="metro")


def test_work_styles_have_no_level_scale() -> None:
    style = op.work_styles_by_importance("43-6013", n=1)[0]
    assert style.level is None
    assert style.level_status == "no level scale"
    assert op.__version__ == "0.2.0"


def test_alternate_title_spelled_as_typed_beats_plural_oews_title() -> None:
    """An exact alternate title naming one occupation of a broad group beats the plural group.

    "Dentist" is an alternate title of 29-1021.00 only; "Dentists" is the
    OEWS broad group 29-1020, which has no O*NET profile.
    """
    assert op.occupation("Dentist").code == "29-1021.00"
    assert op.wage_occupation("Dentist").code == "29-1021"
    with pytest.raises(op.NoProfileError):
        op.occupation("Dentists")
    assert op.wage_occupation("Dentists").code == "29-1020"
    # Shared by several occupations, an alternate title does not displace the group.
    for typed, group in (
        ("Physician", "29-1210"),
        ("cook", "35-2010"),
        ("Engineer", "17-2000"),
        ("Psychologist", "19-3030"),
    ):
        titled = {c for c, _, t in _alternates() if t.lower() == typed.lower()}
        assert len(titled) > 1, typed
        assert op.wage_occupation(typed).code == group
        with pytest.raises(op.NoProfileError):
            op.occupation(typed)
    # Nor does one naming the group's "All Other" remainder, or a member of a minor group.
    assert {c for c, _, t in _alternates() if t == "Logging Worker"} == {"45-4029.00"}
    assert op.wage_occupation("Logging Worker").code == "45-4020"
    assert op.wage_occupation("Agricultural Worker").code == "45-2000"
    # Two OEWS codes titled "Cashiers": the detailed one, as for occupation().
    assert op.wage_occupation("Cashiers").code == op.occupation("Cashiers").wage_code == "41-2011"


def test_alternate_title_outside_the_group_does_not_displace_it() -> None:
    from occprofile._matching.occupations import OccupationIndex, TitleData, titles_file
    from occprofile._store.columnar import RecordColumns
    from occprofile._store.schema import OccupationsFile, OewsOccupationRecord

    onet = {
        c: op.Occupation(c, t, c[:7], "detailed")
        for c, t in (("99-1011.00", "Widget Makers"), ("88-1011.00", "Gadget Makers"))
    }
    rec = OccupationsFile(
        onet=RecordColumns.of(op.Occupation, onet.values()),
        oews=RecordColumns.of(
            OewsOccupationRecord,
            (
                OewsOccupationRecord("99-1010", "Foos", 3),
                OewsOccupationRecord("99-1011", "Widget Makers", 4),
                OewsOccupationRecord("88-1011", "Gadget Makers", 4),
            ),
        ),
    )
    titles = TitleData(titles_file(onet.values(), [("99-1011.00", "alternate", "Foo")]), onet)
    index = OccupationIndex(rec, titles=lambda: titles)
    assert index.find_wage("Foo").code == "99-1011"  # inside the broad group 99-1010
    titles = TitleData(titles_file(onet.values(), [("88-1011.00", "alternate", "Foo")]), onet)
    index = OccupationIndex(rec, titles=lambda: titles)
    assert index.find_wage("Foo").code == "99-1010"  # outside it: the group stays


def _alternates() -> list[tuple[str, str, str]]:
    """(code, kind, title) of every alternate and reported title, from the packaged data."""
    return list(op.default_dataset()._src.titles().index._entries)


def test_search_finds_pasted_codes() -> None:
    """A code typed into search finds its occupation(s), scored 1, kind "code"."""
    for text in ("43-6013", "436013", "43-6013.00", " 43-6013.00 "):
        hits = op.search(text)
        assert [h.occupation.code for h in hits] == ["43-6013.00"]
        assert hits[0].matched_kind == "code"
        assert hits[0].score == 1.0
    specialties = op.search("15-1299", n=50)
    assert [h.occupation.code for h in specialties] == [
        o.code for o in op.occupations() if o.soc_code == "15-1299"
    ]
    assert len(specialties) > 1
    assert [h.occupation for h in op.search("43-6010", n=50)] == list(op.occupations("43-6010"))
    assert len(op.search("15-1299", n=2)) == 2
    assert [h.occupation for h in op.search("29", n=200)] == list(op.occupations("29"))
    # A well-formed code nobody has finds nothing; digits that are no code are
    # searched as words instead of raising: "911" finds 911 dispatchers.
    assert op.search("99-9999") == ()
    assert op.search("43-6013.07") == ()
    assert all(h.matched_kind != "code" for h in op.search("1"))
    dispatch = op.search("911")
    assert dispatch
    assert all("911" in h.matched_title for h in dispatch)
    assert {h.matched_kind for h in dispatch} != {"code"}
