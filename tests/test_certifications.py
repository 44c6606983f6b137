"""Certifications (``op.certifications``, ``op.all_certifications``): the curated
entries, found by any spelling of their occupations."""

from __future__ import annotations

import pytest

import occprofile as op


def test_certifications_medical_secretaries() -> None:
    certs = op.certifications("43-6013")
    assert [c.abbreviation for c in certs] == ["CPS", "CAP", None]
    cps, cap, amspar = certs
    assert cps.exam is not None
    assert cps.exam.parts == 3 == len(cps.exam.topics)
    assert cap.exam is not None
    assert cap.exam.parts == 4 == len(cap.exam.topics)
    assert "Advanced organizational management" in cap.exam.topics
    assert set(cps.exam.topics) < set(cap.exam.topics)  # CAP is the advanced step
    assert amspar.name == "Level 3 Certificate in Medical Terminology"
    assert "AMSPAR" in amspar.issuer
    assert amspar.exam is None
    for cert in certs:
        assert cert.sources, cert.id
        assert str(cert).startswith(cert.name)


def test_certifications_by_any_spelling_of_the_occupation() -> None:
    expected = op.certifications("43-6013")
    assert op.certifications("43-6013.00") == expected
    assert op.certifications("Medical Secretaries and Administrative Assistants") == expected
    assert op.Dataset().certifications("43-6013") == expected


def test_no_curated_certifications_is_empty() -> None:
    assert op.certifications("15-1252") == ()
    assert op.certifications("55-1011") == ()


def test_certifications_unknown_occupation() -> None:
    with pytest.raises(op.UnknownOccupationError):
        op.certifications("99-9999")
    with pytest.raises(LookupError):
        op.certifications("99-9999")


def test_all_certifications_are_reachable_from_their_occupations() -> None:
    every = op.all_certifications()
    assert len({c.id for c in every}) == len(every) >= 3
    reached: set[str] = set()
    for occ in op.occupations():
        found = op.certifications(occ.code)
        assert set(found) <= set(every)
        for cert in found:
            assert occ.soc_code in cert.occupations or occ.code in cert.occupations
        reached |= {c.id for c in found}
    assert reached == {c.id for c in every}
    for cert in every:
        for code in cert.occupations:
            assert cert in op.certifications(code)
