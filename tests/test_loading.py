"""How data is loaded: lazily, once, thread-safely, strictly, and from a zip."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import occprofile as op
from occprofile._store import converter as _converter
from occprofile._store import resources as _resources
from occprofile._store import schema as _records
from occprofile._store.store import SCHEMA_VERSION
from occprofile.models import Area, AreaKind, Measure, Occupation
from tests.helpers import index_bytes

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, **kwargs: Any) -> str:
    out: subprocess.CompletedProcess[str] = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, **kwargs
    )
    return out.stdout


def test_import_reads_no_data() -> None:
    """Importing loads neither the resource reader nor cattrs, let alone data."""
    out = _run(
        "import sys, occprofile\n"
        "print(sorted(m for m in ('cattrs', 'importlib_resources', 'gzip', 'occprofile.models')"
        " if m in sys.modules))"
    )
    assert out.strip() == "[]"


def _loaded_after(modules: tuple[str, ...], *steps: str) -> list[list[str]]:
    """Which of ``modules`` a fresh process has imported after each of ``steps``
    (lines of code run in turn, ``op`` being occprofile)."""
    check = f"print(sorted(m for m in {modules!r} if m in sys.modules))"
    code = "import sys, occprofile as op\n" + "".join(f"{step}\n{check}\n" for step in steps)
    return [ast.literal_eval(line) for line in _run(code).splitlines()]


def test_core_queries_do_not_load_the_career_modules() -> None:
    """top_metros and profile from a cold start skip the career-profile classes;
    a career query loads them."""
    career = (
        "occprofile.career",
        "occprofile._store.career_schema",
        "occprofile._answers.other_releases",
    )
    assert _loaded_after(
        career,
        "op.top_metros('43-6013', 3); op.profile('43-6013'); op.state('CA')",
        "op.outlook('43-6013')",
    ) == [[], sorted(career)]


def test_a_question_imports_no_hashing_library() -> None:
    """Each read is checked against its CRC-32 with zlib (which inflates the data
    anyway): no question imports hashlib and OpenSSL, about 11 M instructions; the
    manifest's sha256 are provenance, shown by ``Dataset.manifest`` but not recomputed."""
    hashing = ("_hashlib", "hashlib")
    steps = (
        "str(op.top_metros('43-6013', 10))",
        "str(op.estimate('43-6013', 'Los Angeles'))",
        "str(op.profile('43-6013'))",
        "str(op.report('43-6013'))",
        "op.default_dataset().manifest.outputs[0].sha256",
    )
    assert _loaded_after(hashing, *steps) == [[]] * len(steps)
    # each question on its own too, from a fresh process
    for step in steps[1:4]:
        assert _loaded_after(hashing, step) == [[]]


def test_an_answer_does_not_create_the_release_records() -> None:
    """Wage and profile answers hold no release: the provenance records are created
    by the first question that returns one (``releases()``, a report's sources)."""
    assert _loaded_after(
        ("occprofile._provenance_records",),
        "str(op.top_metros('43-6013', 3)); str(op.estimate('43-6013', 'Boston'))",
        "str(op.profile('43-6013'))",
        "op.releases()",
    ) == [[], [], ["occprofile._provenance_records"]]


def test_only_a_search_creates_the_search_records() -> None:
    """A question by code, title or area name returns no search hit: the search
    records are created by the first ``search()``."""
    assert _loaded_after(
        ("occprofile._search_records",),
        "str(op.top_metros('43-6013', 3)); str(op.estimate('43-6013', 'Boston'))\n"
        "str(op.profile('Registered Nurses'))",
        "op.search('nurse', 3)",
    ) == [[], ["occprofile._search_records"]]


def test_a_report_does_not_create_the_records_across_occupations() -> None:
    """A report creates the career records it holds, not those of the rankings,
    comparisons and matches of occupations; a question across occupations does."""
    assert _loaded_after(
        ("occprofile._across_records",),
        "str(op.report('43-6013')); op.outlook('43-6013'); op.education('43-6013')",
        "op.top_occupations('California', 3)",
    ) == [[], ["occprofile._across_records"]]


def test_a_wage_question_does_not_create_the_profile_records() -> None:
    """top_metros and estimate from a cold start create neither the O*NET profile
    records nor the comparison ones; a profile, and a comparison, create them."""
    later = (
        "occprofile._profile_records",
        "occprofile._store.onet_schema",
        "occprofile._comparison_records",
    )
    assert _loaded_after(
        later,
        "op.top_metros('43-6013', 3); op.estimate('43-6013', 'Boston')\n"
        "str(op.national('43-6013'))",
        "op.profile('43-6013')",
        "op.compare_metros('43-6013', 'Boston', 'Austin')",
    ) == [[], sorted(later[:2]), sorted(later)]


def test_a_question_by_code_compiles_no_text_pattern() -> None:
    """Codes are parsed by string checks: the normalising patterns are compiled, and
    the title index loaded, when a name is first looked up, not at import."""
    out = _run(
        "import sys, occprofile as op\n"
        "from occprofile._matching import text\n"
        "op.top_metros('43-6013', 3); op.profile('43-6013.00')\n"
        "index = 'occprofile._matching.title_index'\n"
        "print(text._regex.cache_info().currsize, index in sys.modules)\n"
        "op.search('registerd nurse')\n"
        "print(text._regex.cache_info().currsize > 0, text.TitleIndex.__module__)"
    )
    assert out.split() == ["0", "False", "True", "occprofile._matching.title_index"]


def test_a_question_by_code_makes_only_the_records_it_shows() -> None:
    """top_metros by code makes its OEWS occupation and the n areas it shows, and no
    lookup map by title or SOC code; a listing then makes every record at once, keeping
    (the same objects) those made before."""
    ds = op.Dataset()
    ranking = ds.top_metros("43-6013", 3)
    occupations, areas = ds._src.occupations(), ds._src.areas()
    assert list(occupations.oews._made) == ["43-6013"]
    assert not occupations.onet._made
    assert sorted(areas.by_code._made) == sorted(r.estimate.area.code for r in ranking)
    assert not {"_by_soc", "_by_wage_code", "_by_title", "_oews_by_title"} & set(vars(occupations))
    assert "_names" not in vars(areas)
    shown = areas.by_code[ranking[0].estimate.area.code]
    listed = {a.code: a for a in ds.areas()}
    assert len(listed) == 583
    assert listed[shown.code] is shown
    assert ds.wage_occupation("43-6013") is occupations.oews["43-6013"]
    assert len(ds.wage_occupations()) == 1104
    assert ds.wage_occupations()[0] is occupations.oews[ds.wage_occupations()[0].code]
    # An exact title: its maps are built from the title columns, not from records.
    ds = op.Dataset()
    assert ds.occupation("medical secretaries and administrative assistants").code == "43-6013.00"
    occupations = ds._src.occupations()
    assert list(occupations.onet._made) == ["43-6013.00"]
    assert "_by_title" in vars(occupations)
    assert not occupations.oews._made


def test_the_data_is_structured_by_cattrs() -> None:
    """cattrs turns the packaged data into records (with the package's own hooks,
    registered on its converter): a first question goes through it."""
    out = _run(
        "import sys, occprofile as op\n"
        "op.top_metros('43-6013', 3)\n"
        "from occprofile._store import converter\n"
        "import cattrs\n"
        "print('cattrs' in sys.modules, isinstance(converter.converter(), cattrs.Converter))"
    )
    assert out.strip() == "True True"


def test_records_served_on_first_use_are_the_same_classes_everywhere() -> None:
    from occprofile import _profile_records, models
    from occprofile._store import onet_schema

    for name in models._DEFERRED_NAMES:
        served = getattr(models, name)
        assert served.__module__ == models._DEFERRED_NAMES[name]
        if name in op.__all__:  # the package's name is the same class
            assert getattr(op, name) is served
        assert name in models.__all__
        assert name in dir(models)
    assert models.Profile is _profile_records.Profile
    assert _records.OnetShard is onet_schema.OnetShard
    with pytest.raises(AttributeError):
        _ = models.NoSuchRecord  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        _ = _records.NoSuchRecord  # type: ignore[attr-defined]
    from occprofile import _across_records, career

    for name in career._DEFERRED_NAMES:
        if name in op.__all__:
            assert getattr(op, name) is getattr(career, name)
        assert getattr(career, name) is getattr(_across_records, name)
        assert name in career.__all__
        assert name in dir(career)
    with pytest.raises(AttributeError):
        _ = career.NoSuchRecord  # type: ignore[attr-defined]


def test_records_compare_and_hash_by_value() -> None:
    """Equality is attrs' (same class, equal fields), though not generated per class."""
    import attrs

    ds_a, ds_b = op.Dataset(), op.Dataset()
    for a, b in (
        (ds_a.profile("43-6013"), ds_b.profile("43-6013")),
        (ds_a.estimate("43-6013", "Boston"), ds_b.estimate("43-6013", "Boston")),
        (ds_a.outlook("43-6013"), ds_b.outlook("43-6013")),
    ):
        assert a is not b
        assert a == b
        assert hash(a) == hash(b)
        assert (a != b) is False
    area = op.area("Boston")
    renamed = attrs.evolve(area, name="Elsewhere")
    assert area != renamed
    assert attrs.evolve(renamed, name=area.name) == area
    assert len({area, attrs.evolve(area), renamed}) == 2
    occupation, wage = op.occupation("43-6013"), op.wage_occupation("43-6013")
    assert occupation != wage
    assert attrs.evolve(occupation) == occupation
    assert area != area.code


def test_first_load_is_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: dict[str, int] = {}
    real = _resources.read_json
    lock = threading.Lock()

    def counting(package: str, name: str, crc32: int | None) -> Any:
        with lock:
            reads[name] = reads.get(name, 0) + 1
        return real(package, name, crc32)

    monkeypatch.setattr(_resources, "read_json", counting)
    ds = op.Dataset()
    barrier = threading.Barrier(16)
    results: list[object] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            results.append(
                (
                    ds.profile("43-6013"),
                    ds.top_metros("43-6013", 5),
                    ds.area("Los Angeles"),  # the lazily built name indexes too
                    ds.occupation("medical secretary"),
                )
            )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 16
    first = results[0]
    assert all(r[0] is first[0] for r in results)  # type: ignore[index]
    assert all(r == first for r in results)
    assert reads
    assert all(count == 1 for count in reads.values()), reads


def test_cache_is_reused_and_clearable(monkeypatch: pytest.MonkeyPatch) -> None:
    ds = op.Dataset()
    p1 = ds.profile("43-6013")
    assert ds.profile("43-6013.00") is p1
    ds.clear_cache()
    p2 = ds.profile("43-6013")
    assert p2 == p1
    assert p2 is not p1


def _columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Records as occupations.json and areas.json store them: one list per field."""
    return {name: [r[name] for r in rows] for name in rows[0]}


def test_unknown_keys_fail_loudly() -> None:
    national = {
        "code": "0000000",
        "kind": "national",
        "name": "National",
        "state_fips": "00",
        "states": [],
    }
    good = {"areas": _columns([national])}
    made = _converter.structure(good, _records.AreasFile, "areas.json")
    assert made.areas.record(0).name == "National"
    bad = json.loads(json.dumps(good))
    bad["areas"]["population"] = [1]
    with pytest.raises(op.DataIntegrityError, match=r"areas\.json.*population"):
        _converter.structure(bad, _records.AreasFile, "areas.json")
    wrong_type = json.loads(json.dumps(good))
    wrong_type["areas"]["kind"] = ["galaxy"]
    with pytest.raises(op.DataIntegrityError, match=r"areas\.json.*Area\.kind"):
        _converter.structure(wrong_type, _records.AreasFile, "areas.json")


def test_a_table_of_columns_is_checked_as_strictly_as_one_record() -> None:
    """Records stored as columns are checked a column at a time, every value when the
    file is read (not when a record is first made): one bad value among good ones
    fails with the message the record hook gives, naming the class and field."""
    rows: list[dict[str, Any]] = [
        {"code": f"11-10{i}1.00", "title": f"T{i}", "wage_code": None, "wage_basis": None}
        for i in range(3)
    ]
    good = {
        "onet": _columns(rows),
        "oews": _columns([{"code": "11-1011", "title": "C", "level": 3}]),
    }
    made = _converter.structure(good, _records.OccupationsFile, "occupations.json")
    assert made.onet.records() == tuple(Occupation(**r) for r in rows)
    assert made.onet.record(1) == Occupation(**rows[1])
    assert made.oews.record(0).level == 3
    damages: list[tuple[Callable[[dict[str, Any]], object], str]] = [
        (lambda t: t["wage_code"].__setitem__(1, 7), r"Occupation\.wage_code: expected a string"),
        (lambda t: t.update(extra=[1, 2, 3]), "extra keys in Occupation: extra"),
        (lambda t: t.pop("title"), "Occupation lacks title"),
        (lambda t: t["title"].pop(), "Occupation columns differ in length"),
        (lambda t: t.update(title="T"), r"Occupation\.title: a column is a list"),
    ]
    for damage, message in damages:
        bad = json.loads(json.dumps(good))
        damage(bad["onet"])
        with pytest.raises(op.DataIntegrityError, match=message):
            _converter.structure(bad, _records.OccupationsFile, "occupations.json")
    level_as_text = json.loads(json.dumps(good))
    level_as_text["oews"]["level"] = ["3"]
    with pytest.raises(op.DataIntegrityError, match="expected an integer"):
        _converter.structure(level_as_text, _records.OccupationsFile, "occupations.json")
    level_as_bool = json.loads(json.dumps(good))
    level_as_bool["oews"]["level"] = [True]
    with pytest.raises(op.DataIntegrityError, match="expected an integer"):
        _converter.structure(level_as_bool, _records.OccupationsFile, "occupations.json")
    with pytest.raises(op.DataIntegrityError, match="Occupation columns are read from an object"):
        _converter.structure({**good, "onet": rows}, _records.OccupationsFile, "occupations.json")


def test_numbers_are_not_coerced_from_text() -> None:
    raw = {
        "value": "4.0",
        "n": None,
        "standard_error": None,
        "lower_ci": None,
        "upper_ci": None,
        "recommend_suppress": None,
        "not_relevant": None,
        "date": None,
        "domain_source": None,
        "source": "x",
    }
    with pytest.raises(op.DataIntegrityError):
        _converter.structure(raw, Measure, "x")


def _fake_package(tmp_path: Path, manifest: dict[str, Any]) -> str:
    # A name of its own per test: an imported package stays in sys.modules.
    pkg = tmp_path / f"fake_occdata_{tmp_path.name.replace('-', '_')}"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "manifest.json").write_text(json.dumps(manifest))
    return pkg.name


def test_schema_version_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = _fake_package(tmp_path, {"schema_version": 99})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(op.DataIntegrityError, match="schema version 99"):
        op.Dataset(package=name).releases()


def test_missing_resource_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = {"path": "occupations.json", "sha256": "0" * 64, "crc32": 0, "rows": 1}
    name = _fake_package(tmp_path, {"schema_version": SCHEMA_VERSION, "outputs": [listed]})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(op.DataIntegrityError, match=r"'occupations\.json' is missing"):
        op.Dataset(package=name).occupations()


floats = st.floats(allow_nan=False, allow_infinity=False, width=32)
opt_floats = st.none() | floats
text = st.text(max_size=20)


@given(
    st.builds(
        Measure,
        value=floats,
        n=st.none() | st.integers(0, 10_000),
        standard_error=opt_floats,
        lower_ci=opt_floats,
        upper_ci=opt_floats,
        recommend_suppress=st.none() | st.booleans(),
        not_relevant=st.none() | st.booleans(),
        date=st.none() | text,
        domain_source=st.none() | text,
        source=text,
    )
)
def test_measure_round_trip(m: Measure) -> None:
    conv = _converter.converter()
    assert _converter.structure(conv.unstructure(m), Measure, "x") == m


@given(
    st.builds(
        Area,
        code=st.from_regex(r"\d{7}", fullmatch=True),
        kind=st.sampled_from(AreaKind),
        name=text,
        state_fips=st.from_regex(r"\d{2}", fullmatch=True),
        states=st.lists(st.from_regex(r"[A-Z]{2}", fullmatch=True), max_size=4).map(tuple),
    ),
    st.builds(
        Occupation,
        code=text,
        title=text,
        wage_code=st.none() | text,
        wage_basis=st.sampled_from([None, "detailed", "aggregate", "broad"]),
    ),
)
def test_area_and_occupation_round_trip(area: Area, occ: Occupation) -> None:
    conv = _converter.converter()
    assert _converter.structure(conv.unstructure(area), Area, "x") == area
    assert _converter.structure(conv.unstructure(occ), Occupation, "x") == occ


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
    )
    (found,) = out.glob("occprofile-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "occprofile/py.typed" in names
    assert "occprofile/data/manifest.json" in names
    assert {"occprofile/data/onet.pack", "occprofile/data/oews.pack"} <= set(names)
    data = [n for n in names if n.startswith("occprofile/data/") and not n.endswith(".py")]
    assert len(data) <= 50  # the packs, not one file an occupation
    assert not any(n.startswith(("tests/", "databuild/")) for n in names)


def test_runs_from_zipped_wheel(wheel: Path, tmp_path: Path) -> None:
    """Import the package straight from the wheel (a zip), with src/ out of the way."""
    # Only the checkout's own paths: a CI virtualenv may live inside the repository.
    hidden = ["", str(ROOT), str(ROOT / "src"), str(tmp_path)]
    code = (
        "import sys\n"
        f"sys.path = [p for p in sys.path if p not in {hidden!r}]\n"
        f"sys.path.insert(0, {str(wheel)!r})\n"
        "import occprofile as op\n"
        f"assert op.__file__.startswith({str(wheel)!r}), op.__file__\n"
        "print(op.top_metros('43-6013', 1)[0].estimate.employment.text)\n"
        "print(op.profile('29-1141').title)\n"
        "print(op.search('nurse')[0].occupation.code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = _run(code, cwd=tmp_path, env=env).split()
    assert out[0] == "52640"
    assert out[1:3] == ["Registered", "Nurses"]


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda a: a.update(states="CA"), r"Area\.states"),  # a string is not a list
        (lambda a: a.update(states=["CA", 6]), r"Area\.states"),
        (lambda a: a.update(code=7), r"Area\.code"),
        (lambda a: a.update(kind=True), r"Area\.kind"),
        (lambda a: a.update(kind=1), r"Area\.kind"),
        (lambda a: a.pop("name"), r"Area lacks name"),
        (lambda a: a.update(extra=None), r"extra keys in Area: extra"),
    ],
)
def test_a_schema_mismatch_names_the_class_and_field(
    damage: Callable[[dict[str, Any]], object], named: str
) -> None:
    """The converter's own hooks are as strict as cattrs' and say where the data differs,
    whichever record of the columns holds the wrong value."""
    good = {"code": "0000000", "kind": "national", "name": "N", "state_fips": "00", "states": []}
    area = dict(good)
    damage(area)
    for rows in ([area], [good, area], [area, good]):
        columns = {name: [r.get(name) for r in rows] for name in area}
        with pytest.raises(op.DataIntegrityError, match=rf"areas\.json.*{named}"):
            _converter.structure({"areas": columns}, _records.AreasFile, "areas.json")


def test_optional_fields_and_dicts_are_checked_too() -> None:
    from occprofile._store.onet_schema import ElementsFile

    element = {"id": ["2.A.1.a"], "name": ["Reading"], "description": ["d"], "domain": [None]}
    scale = {"name": "Importance", "minimum": 1, "maximum": 5}
    good = {"elements": element, "scales": {"IM": scale}, "job_zones": {}}
    good["education_categories"] = {}
    file = _converter.structure(good, ElementsFile, "e")
    assert file.elements.record(0).domain is None
    assert file.scales["IM"].maximum == 5
    for bad_domain in (3, False, ["skills"]):
        bad = json.loads(json.dumps(good))
        bad["elements"]["domain"] = [bad_domain]
        with pytest.raises(op.DataIntegrityError, match=r"Element\.domain"):
            _converter.structure(bad, ElementsFile, "e")
    for bad_maximum in ("5", None, [5]):
        bad = json.loads(json.dumps(good))
        bad["scales"]["IM"]["maximum"] = bad_maximum
        with pytest.raises(op.DataIntegrityError, match=r"ScaleRecord\.maximum"):
            _converter.structure(bad, ElementsFile, "e")
    with pytest.raises(op.DataIntegrityError, match=r"ElementsFile\.scales"):
        _converter.structure({**good, "scales": [scale]}, ElementsFile, "e")


@pytest.mark.parametrize("field", ["codes", "titles", "postings", "word_counts"])
@pytest.mark.parametrize("wrong", [["a", "b"], 3, None, {"a": "b"}])
def test_a_title_index_field_is_a_string(field: str, wrong: object) -> None:
    import attrs

    from occprofile._matching.occupations import titles_file

    occ = Occupation("43-6013.00", "Medical Secretaries", "43-6013", "detailed")
    good = attrs.asdict(titles_file([occ], []))
    assert _converter.structure(good, _records.TitlesFile, "t").titles == "Medical Secretaries"
    with pytest.raises(op.DataIntegrityError, match=rf"TitlesFile\.{field}|{field}"):
        _converter.structure({**good, field: wrong}, _records.TitlesFile, "t")
    with pytest.raises(op.DataIntegrityError, match="extra keys"):
        _converter.structure({**good, "more": ""}, _records.TitlesFile, "t")


_X, _Y, _Z = 0xABABABAB, 0xCDCDCDCD, 0xEFEFEFEF  # CRC-32s


def _pack_index(members: dict[str, list[Any]], data: bytes | None = None, **entry: Any) -> Any:
    from occprofile._store.packs import PackEntry, PackIndex

    where = {
        "pack": "oews.pack",
        "index_file": "oews.index",
        "size": 8,
        "rows": 2,
        "dictionary": None,
    }
    return PackIndex(
        PackEntry(**{**where, **entry}), index_bytes(members) if data is None else data
    )


def test_a_pack_index_is_read_from_its_index_file() -> None:
    from occprofile._store.packs import Member, pack_entry

    manifest = {
        "outputs": [
            {"path": "oews.index", "sha256": "0" * 64, "crc32": 0, "rows": 2},
            {"path": "oews.pack", "crc32": 1, "rows": 2, "size": 8, "index": "oews.index"},
        ]
    }
    entry = pack_entry(manifest, "oews.pack")
    assert entry is not None
    assert (entry.index_file, entry.size, entry.rows, entry.dictionary) == (
        "oews.index",
        8,
        2,
        None,
    )
    assert pack_entry(manifest, "onet.pack") is None  # a pack the manifest does not list
    index = _pack_index({"a": [0, 5, _X], "b": [5, 3, _Y]})
    assert (index.get("a"), index.get("b")) == (
        Member("oews.pack", 0, 5, _X),
        Member("oews.pack", 5, 3, _Y),
    )
    assert (index.get("c"), index.get(""), len(index)) == (None, None, 2)
    assert set(index.members()) == {"oews.pack/a", "oews.pack/b"}
    # after a preset dictionary of 4 bytes, the first member starts at 4
    zdict = (0, 4, _Z)
    after = _pack_index({"a": [4, 5, _X]}, size=9, rows=1, dictionary=zdict)
    assert after.get("a") == Member("oews.pack", 4, 5, _X, zdict)
    with pytest.raises(
        op.DataIntegrityError, match=r"no well-formed entry for oews\.pack"
    ) as caught:
        pack_entry({"outputs": [{"path": "oews.pack", "rows": 2, "size": 8}]}, "oews.pack")
    assert caught.value.resource == "manifest.json"


@pytest.mark.parametrize(
    ("members", "data", "entry", "message"),
    [
        ({"b": [0, 5, _X], "a": [5, 3, _Y]}, None, {}, "not distinct, non-empty and in name order"),
        ({"a": [0, 5, _X], "a ": [5, 3, _Y]}, None, {"rows": 2}, None),  # well formed
        ({"a": [0, 5, _X], "b": [6, 2, _Y]}, None, {}, r"member 'b' at 6\+2, the one before"),
        ({"a": [0, 5, _X], "b": [5, 0, _Y]}, None, {"size": 5}, "member 'b' is empty"),
        (
            {"a": [0, 5, _X], "b": [5, 3, _Y]},
            None,
            {"size": 9},
            "members end at 8, oews.pack has 9",
        ),
        ({"a": [0, 5, _X], "b": [5, 3, _Y]}, None, {"rows": 3}, "2 members, the manifest says 3"),
        ({"a": [0, 5, _X], "b": [5, 3, _Y]}, b"OPIX", {}, "unpack_from requires"),
        ({"a": [0, 5, _X]}, b"XPIX" + index_bytes({"a": [0, 5, _X]})[4:], {"rows": 1}, "header"),
        (  # an index of format 1 (raw sha256 digests) is not read as CRC-32s
            {"a": [0, 5, _X]},
            index_bytes({"a": [0, 5, _X]})[:4] + b"\1\0\0\0" + index_bytes({"a": [0, 5, _X]})[8:],
            {"rows": 1},
            r"version 1, not b'OPIX' 2",
        ),
    ],
)
def test_a_malformed_pack_index_names_its_file(
    members: dict[str, list[Any]], data: bytes | None, entry: dict[str, Any], message: str | None
) -> None:
    if message is None:  # the control: names need only be ascending
        _pack_index(members, data, **entry)
        return
    with pytest.raises(op.DataIntegrityError, match=message) as caught:
        _pack_index(members, data, **entry)
    assert caught.value.resource == "oews.index"
    assert "'oews.index' is not a well-formed index of oews.pack" in str(caught.value)


def test_a_truncated_or_padded_pack_index_names_its_file() -> None:
    whole = index_bytes({"a": [0, 5, _X], "b": [5, 3, _Y]})
    for data in (whole[:-1], whole + b"\0", index_bytes({"a": [0, 5, _X]}, count=2)):
        with pytest.raises(op.DataIntegrityError, match="bytes, its header says") as caught:
            _pack_index({}, data)
        assert caught.value.resource == "oews.index"


def test_printing_an_estimate_or_a_ranking_builds_no_report_layout() -> None:
    """A record's one-line str needs the phrases only; a report needs the layouts."""
    out = _run(
        "import sys, occprofile as op\n"
        "print(op.top_metros('43-6013', 3), op.estimate('43-6013', 'Boston'))\n"
        "print(sorted(m for m in ('occprofile._render.layout', 'occprofile._render.content',"
        " 'html', 'importlib.resources', 'gzip') if m in sys.modules))\n"
        "str(op.report('43-6013'))\n"
        "print('occprofile._render.layout' in sys.modules)"
    )
    *_, modules, layout = out.strip().splitlines()
    assert modules == "[]"
    assert layout == "True"


def test_releases_are_structured_strictly_on_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """releases() (a report's sources) structures the manifest's releases alone, as
    strictly as the whole manifest: a malformed one names manifest.json."""
    from occprofile._store.store import SCHEMA_VERSION

    good = op.Dataset().manifest.releases[0]
    release = {f: getattr(good, f) for f in ("key", "name", "version", "period", "publisher")}
    release.update(license=good.license, url=good.url, credit=good.credit, changes=good.changes)
    name = _fake_package(
        tmp_path, {"schema_version": SCHEMA_VERSION, "outputs": [], "releases": [release]}
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert op.Dataset(package=name).releases()[0] == good
    other = tmp_path / "other"  # a second package needs a directory (and a name) of its own
    other.mkdir()
    bad = _fake_package(
        other, {"schema_version": SCHEMA_VERSION, "outputs": [], "releases": [{**release, "x": 1}]}
    )
    monkeypatch.syspath_prepend(str(other))
    with pytest.raises(op.DataIntegrityError, match=r"manifest\.json.*extra keys"):
        op.Dataset(package=bad).releases()


def test_a_profile_does_not_keep_its_occupations_oews_block() -> None:
    """A profile's national estimate is read without keeping the block (every profile
    has one); a later question about the occupation reads the block and keeps it, and
    both give the one remembered national estimate."""
    ds = op.Dataset()
    national = ds.profile("43-6013").national
    assert national is not None
    assert ds._store.cached(("oews", "43-6013")) is None
    assert ds.estimate("43-6013", "Boston").area.name.startswith("Boston")
    assert ds._store.cached(("oews", "43-6013")) is not None
    assert ds.national("43-6013") is national
    assert ds.profile("29-1141").national == op.Dataset().national("29-1141")
