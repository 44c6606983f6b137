"""The curated certifications (databuild.certifications): each entry checked field by
field, the file read in order, and the committed file valid and packaged unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from databuild import certifications
from databuild.sources import InputLog, sha256_file
from databuild.writer import Json, rows_of
from tests.databuild.helpers import committed, problems_of
from tests.helpers import REPO_ROOT, lst, obj

CURATED = REPO_ROOT / "databuild" / "curated"


ONET_CODES = {"43-6013.00", "43-6014.00", "15-1252.00", "15-1252.01"}


def cert(**changes: Json) -> dict[str, Json]:
    """A valid entry with some fields changed."""
    entry: dict[str, Json] = {
        "id": "cps",
        "name": "Certified Professional Secretary",
        "abbreviation": "CPS",
        "issuer": "IAAP",
        "level": "professional",
        "summary": "A general credential for secretaries.",
        "exam": {"parts": 3, "topics": ["Office systems and technology", "Management"]},
        "occupations": ["43-6013"],
        "sources": [
            {"title": "Seed page", "url": None},
            {"title": "Issuer", "url": "https://www.iaap-hq.org/"},
        ],
        "note": None,
    }
    entry.update(changes)
    return entry


@pytest.mark.parametrize(
    "entry",
    [
        cert(),
        cert(abbreviation=None),
        cert(note="Check with the issuer whether it is still offered."),
        cert(exam=None),
        cert(exam={"parts": None, "topics": []}),
        cert(occupations=["43-6013.00", "15-1252", "15-1252.01"]),
        cert(sources=[{"title": "Issuer", "url": None}]),
        cert(id="cap-2-advanced"),
    ],
    ids=[
        "full",
        "no-abbreviation",
        "with-note",
        "no-exam",
        "exam-without-parts",
        "codes",
        "url-null",
        "id",
    ],
)
def test_check_entry_accepts_a_valid_entry(entry: dict[str, Json]) -> None:
    assert certifications.check_entry(entry, ONET_CODES) == []


def _without(key: str) -> dict[str, Json]:
    entry = cert()
    del entry[key]
    return entry


CERT_PROBLEMS: list[tuple[str, object, list[str]]] = [
    ("not-an-object", ["cps"], ["an entry is not an object"]),
    ("unknown-field", cert(website="x"), ["cps: unknown field 'website'"]),
    ("missing-name", _without("name"), ["cps: missing field 'name'"]),
    ("missing-abbreviation", _without("abbreviation"), ["cps: missing field 'abbreviation'"]),
    ("missing-exam", _without("exam"), ["cps: missing field 'exam'"]),
    (
        "missing-id",
        _without("id"),
        ["?: missing field 'id'"],
    ),
    ("empty-name", cert(name=""), ["cps: name must be non-empty text without outer spaces"]),
    (
        "padded-issuer",
        cert(issuer="IAAP "),
        ["cps: issuer must be non-empty text without outer spaces"],
    ),
    (
        "padded-summary",
        cert(summary="\nA credential."),
        ["cps: summary must be non-empty text without outer spaces"],
    ),
    ("level-not-text", cert(level=3), ["cps: level must be non-empty text without outer spaces"]),
    ("empty-abbreviation", cert(abbreviation=""), ["cps: abbreviation must be text or null"]),
    ("padded-abbreviation", cert(abbreviation=" CPS"), ["cps: abbreviation must be text or null"]),
    ("upper-case-id", cert(id="CPS"), ["CPS: id must be lower-case words joined by '-'"]),
    ("underscore-id", cert(id="c_p"), ["c_p: id must be lower-case words joined by '-'"]),
    ("double-dash-id", cert(id="c--p"), ["c--p: id must be lower-case words joined by '-'"]),
    ("trailing-dash-id", cert(id="cps-"), ["cps-: id must be lower-case words joined by '-'"]),
    (
        "padded-id",
        cert(id="cps\n"),
        ["cps\n: id must be non-empty text without outer spaces"],
    ),
    (
        "exam-missing-topics",
        cert(exam={"parts": 3}),
        ["cps: exam must be null or have exactly ['parts', 'topics']"],
    ),
    (
        "exam-extra-field",
        cert(exam={"parts": 3, "topics": [], "hours": 2}),
        ["cps: exam must be null or have exactly ['parts', 'topics']"],
    ),
    ("exam-a-list", cert(exam=[3]), ["cps: exam must be null or have exactly ['parts', 'topics']"]),
    (
        "exam-topics-text",
        cert(exam={"parts": 3, "topics": "Management"}),
        ["cps: exam.topics must be a list of text"],
    ),
    (
        "exam-topic-padded",
        cert(exam={"parts": 3, "topics": ["Management "]}),
        ["cps: exam.topics must be a list of text"],
    ),
    *[
        (
            f"exam-parts-{parts!r}",
            cert(exam={"parts": parts, "topics": []}),
            ["cps: exam.parts must be a positive integer or null"],
        )
        for parts in (0, -1, True, 2.0, "3")
    ],
    ("no-occupations", cert(occupations=[]), ["cps: occupations must list at least one code"]),
    (
        "occupations-text",
        cert(occupations="43-6013"),
        ["cps: occupations must list at least one code"],
    ),
    *[
        (
            f"bad-code-{code!r}",
            cert(occupations=[code]),
            [f"cps: {code!r} is not an SOC or O*NET-SOC code"],
        )
        for code in (
            "436013",
            "43-601",
            "43-601300",
            "43-6013.0",
            "43-6013.00.1",
            436013,
            "43_6013",
        )
    ],
    *[
        (
            f"unknown-code-{code}",
            cert(occupations=["43-6013", code]),
            [f"cps: O*NET has no occupation {code}"],
        )
        for code in ("43-6099", "43-6013.01", "43-6014.01", "15-1252.02", "15-1253")
    ],
    ("no-sources", cert(sources=[]), ["cps: sources must list where the facts come from"]),
    ("sources-null", cert(sources=None), ["cps: sources must list where the facts come from"]),
    (
        "source-without-url",
        cert(sources=[{"title": "Issuer"}]),
        ["cps: a source must have exactly title and url"],
    ),
    (
        "source-a-string",
        cert(sources=["https://www.iaap-hq.org/"]),
        ["cps: a source must have exactly title and url"],
    ),
    *[
        (
            f"source-url-{url}",
            cert(sources=[{"title": "Issuer", "url": url}]),
            ["cps: a source needs a title and an https url or null"],
        )
        for url in ("http://www.iaap-hq.org/", "www.iaap-hq.org", "", "HTTPS://x.org/")
    ],
    (
        "source-empty-title",
        cert(sources=[{"title": "", "url": None}]),
        ["cps: a source needs a title and an https url or null"],
    ),
]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [(entry, expected) for _, entry, expected in CERT_PROBLEMS],
    ids=[name for name, _, _ in CERT_PROBLEMS],
)
def test_check_entry_reports_each_problem(entry: object, expected: list[str]) -> None:
    assert certifications.check_entry(entry, ONET_CODES) == expected


def test_check_entry_reports_every_problem_of_an_entry() -> None:
    entry = cert(id="Bad Id", name=" ", exam={"parts": 0, "topics": []}, occupations=["99-9999"])
    entry["extra"] = 1
    del entry["sources"]
    assert certifications.check_entry(entry, ONET_CODES) == [
        "Bad Id: unknown field 'extra'",
        "Bad Id: missing field 'sources'",
        "Bad Id: name must be non-empty text without outer spaces",
        "Bad Id: id must be lower-case words joined by '-'",
        "Bad Id: exam.parts must be a positive integer or null",
        "Bad Id: O*NET has no occupation 99-9999",
        "Bad Id: sources must list where the facts come from",
    ]


def write_certifications(path: Path, entries: object, **extra: Json) -> Path:
    path.write_text(
        json.dumps({"about": "test", "certifications": entries, **extra}), encoding="utf-8"
    )
    return path


def test_read_certifications_keeps_file_order_and_logs_the_file(tmp_path: Path) -> None:
    entries = [cert(id="zeta"), cert(id="alpha", occupations=["43-6014.00"])]
    path = write_certifications(tmp_path / "certs.json", entries)
    log = InputLog(tmp_path)
    result = certifications.read_certifications(sorted(ONET_CODES), log, path)
    assert result == entries
    assert [(f.path, f.rows, f.sha256) for f in log.files()] == [
        ("curated/certs.json", 2, sha256_file(path))
    ]
    assert certifications.certifications_document(result) == {"certifications": entries}


def test_read_certifications_rejects_a_duplicate_id(tmp_path: Path) -> None:
    path = write_certifications(tmp_path / "certs.json", [cert(), cert(id="cap"), cert()])
    log = InputLog(tmp_path)
    with pytest.raises(certifications.CertificationError) as caught:
        certifications.read_certifications(ONET_CODES, log, path)
    assert problems_of(caught.value, "certs.json") == ["cps: duplicate id"]
    assert log.files() == []


def test_read_certifications_reports_all_problems_together(tmp_path: Path) -> None:
    entries = [
        cert(occupations=["43-6099"]),
        cert(id="cap", sources=[{"title": "Issuer", "url": "http://x.org/"}]),
        "not an entry",
        cert(name=""),
        cert(id="ok"),
    ]
    path = write_certifications(tmp_path / "certs.json", entries)
    log = InputLog(tmp_path)
    with pytest.raises(certifications.CertificationError) as caught:
        certifications.read_certifications(ONET_CODES, log, path)
    assert problems_of(caught.value, "certs.json") == [
        "cps: O*NET has no occupation 43-6099",
        "cap: a source needs a title and an https url or null",
        "an entry is not an object",
        "cps: name must be non-empty text without outer spaces",
        "cps: duplicate id",
    ]
    assert log.files() == []


@pytest.mark.parametrize(
    "document",
    [
        {"certifications": []},
        {"about": "a", "certifications": [], "version": 1},
        [{"about": "a", "certifications": []}],
    ],
    ids=["missing-about", "extra-key", "not-an-object"],
)
def test_read_certifications_rejects_a_malformed_file(tmp_path: Path, document: object) -> None:
    path = tmp_path / "certs.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(certifications.CertificationError) as caught:
        certifications.read_certifications(ONET_CODES, InputLog(tmp_path), path)
    assert str(caught.value) == "certs.json: expected keys about, certifications"


@pytest.mark.parametrize("bad_id", [["cps"], {"id": "cps"}])
def test_read_certifications_reports_an_unhashable_id(tmp_path: Path, bad_id: Json) -> None:
    path = write_certifications(tmp_path / "certs.json", [cert(id=bad_id)])
    with pytest.raises(certifications.CertificationError, match="id must be non-empty text"):
        certifications.read_certifications(ONET_CODES, InputLog(tmp_path), path)


def onet_codes() -> list[str]:
    return [str(e["code"]) for e in rows_of(obj(committed("occupations.json"))["onet"], "onet")]


def test_committed_certifications_are_valid_and_packaged_unchanged(tmp_path: Path) -> None:
    codes = onet_codes()
    assert len(codes) == 1016
    log = InputLog(tmp_path)
    entries = certifications.read_certifications(codes, log, CURATED / "certifications.json")
    assert len(entries) > 0
    assert [(f.path, f.rows) for f in log.files()] == [
        ("curated/certifications.json", len(entries))
    ]
    packaged = obj(committed("certifications.json"))
    assert list(packaged) == ["certifications"]
    assert lst(packaged["certifications"]) == entries
    assert certifications.certifications_document(entries) == packaged
