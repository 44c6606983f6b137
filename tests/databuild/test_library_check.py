"""The build checks what it wrote through the library's own reading (databuild/library_check.py).

No upstream files needed: the build's inputs are replaced by the committed
documents (a few shards and every top-level file), and databuild's own
source checks, tested in the other databuild tests, are left out, so only
the library check can refuse what was written.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from databuild import build, library_check, verify, writer
from databuild.sources import InputFile
from occprofile._store.store import SCHEMA_VERSION
from tests.databuild.helpers import members, read_doc, write_index, write_member
from tests.helpers import REPO_ROOT, obj

COMMITTED = REPO_ROOT / "src" / "occprofile" / "data"
ONET = "onet.pack/43-6013.00"
OEWS = "oews.pack/43-6013"
#: For checks that must stop before the source counts (or whose callers skip them).
NO_EXPECTATIONS = verify.Expectations("", "", 0, 0, 0, 0, {}, {})


def committed_documents(*shards: str) -> build.Documents:
    """The committed top-level documents and ``shards``, as the build would make them."""
    manifest: dict[str, Any] = json.loads((COMMITTED / "manifest.json").read_bytes())
    docs = {name: read_doc(COMMITTED, name) for name in (*verify.TOP_LEVEL, *shards)}
    return build.Documents(
        docs=docs,
        releases=manifest["releases"],
        inputs=[InputFile(i["path"], i["sha256"], i["rows"]) for i in manifest["inputs"]],
        counts=manifest["counts"],
        expectations=NO_EXPECTATIONS,
        wage_bases=Counter(),
    )


@pytest.fixture
def build_from(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``build_from(documents, out)``: build.build with these documents as its sources."""
    calls: list[Path] = []
    real = library_check.check_with_library

    def checking(out: Path) -> int:
        calls.append(out)
        return real(out)

    monkeypatch.setattr(verify, "raw_samples", lambda source: [])
    monkeypatch.setattr(verify, "check_outputs", lambda out, expect, samples: {})
    monkeypatch.setattr(library_check, "check_with_library", checking)

    def run(documents: build.Documents, out: Path) -> build.BuildResult:
        monkeypatch.setattr(build, "make_documents", lambda source: documents)
        result = build.build(Path("unused"), out)
        assert calls == [out]
        return result

    return run


def test_a_clean_build_passes_the_library_check(build_from: Any, tmp_path: Path) -> None:
    result = build_from(committed_documents(ONET, OEWS), tmp_path / "out")
    # the manifest, the top-level files, two packs and their index files
    assert len(result.files) == 1 + 14 + 2 + 2
    assert library_check.check_with_library(tmp_path / "out") == 1 + 14 + 2 + 2 + 2


def test_a_file_the_library_cannot_structure_fails_the_build(
    build_from: Any, tmp_path: Path
) -> None:
    documents = committed_documents(ONET, OEWS)
    shard = documents.docs[ONET]
    assert isinstance(shard, dict)
    shard["salary"] = "unknown"  # a key the schema has no field for; its checksum matches
    with pytest.raises(verify.VerificationError) as caught:
        build_from(documents, tmp_path / "out")
    message = str(caught.value)
    assert "1 problems" in message
    assert f"packaged resource {ONET!r} does not match the schema" in message
    assert "salary" in message


def test_importance_values_the_library_cannot_decode_fail_the_build(
    build_from: Any, tmp_path: Path
) -> None:
    documents = committed_documents(ONET, OEWS)
    skills = obj(obj(obj(documents.docs["similarity.json.gz"])["domains"])["skills"])
    text = skills["importance"]
    assert isinstance(text, str)
    skills["importance"] = text[:-8]  # two values short; still JSON and base64
    with pytest.raises(verify.VerificationError) as caught:
        build_from(documents, tmp_path / "out")
    message = str(caught.value)
    assert "1 problems" in message
    assert "'similarity.json.gz': " in message
    assert "bytes of importance values for" in message


def test_the_library_and_build_readers_of_importance_must_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A library reader giving other values than the build's (here: one column
    shifted by a hundredth) fails the library check, naming similarity.json.gz."""
    from occprofile._store import importance

    real = importance.decode

    def shifted(domain: Any, name: str) -> importance.Stored:
        stored = real(domain, name)
        stored.columns[0] = [h + 1 for h in stored.columns[0]]
        return stored

    monkeypatch.setattr(importance, "decode", shifted)
    with pytest.raises(verify.VerificationError, match=r"similarity\.json\.gz.*other importance"):
        library_check.check_with_library(COMMITTED)


def test_the_committed_data_passes() -> None:
    assert library_check.check_with_library(COMMITTED) == 1 + 14 + 2 + 2 + 1016 + 1104


# -- a copy of the committed data, damaged after its manifest was written ----------------


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(COMMITTED, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def manifest_of(out: Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((out / "manifest.json").read_bytes())
    return found


def pack_entry(manifest: dict[str, Any], pack: str) -> dict[str, Any]:
    (entry,) = (e for e in manifest["outputs"] if e["path"] == pack)
    assert isinstance(entry, dict)
    return entry


def vouch_for(out: Path, manifest: dict[str, Any], *files: str) -> None:
    """Record the checksums (sha256 and CRC-32) of ``files`` as they are now in ``manifest``."""
    for name in files:
        data = (out / name).read_bytes()
        entry = pack_entry(manifest, name)
        entry["sha256"], entry["crc32"] = writer.sha256_bytes(data), writer.crc32_bytes(data)


def rewrite_manifest(out: Path, manifest: dict[str, Any]) -> None:
    (out / "manifest.json").write_bytes(writer.encode("manifest.json", manifest))


def test_a_member_changed_after_the_manifest_fails(copy: Path) -> None:
    document = read_doc(copy, ONET)
    assert isinstance(document, dict)
    document["title"] = "Medical Secretary"
    write_member(copy, ONET, document)  # the members after it moved in the index file
    manifest = manifest_of(copy)
    vouch_for(copy, manifest, "onet.index")  # which records the member's old CRC-32
    rewrite_manifest(copy, manifest)
    with pytest.raises(verify.VerificationError, match=f"'{ONET}' was changed after the build"):
        library_check.check_with_library(copy)


def test_a_member_the_index_does_not_list_fails(copy: Path) -> None:
    index = members(copy, "oews.pack")
    del index["43-6013"]
    write_index(copy, "oews.pack", index)
    manifest = manifest_of(copy)
    vouch_for(copy, manifest, "oews.index")
    pack_entry(manifest, "oews.pack")["rows"] = pack_entry(manifest, "oews.index")["rows"] = 1103
    rewrite_manifest(copy, manifest)
    with pytest.raises(verify.VerificationError, match=r"'oews\.index' is not a well-formed index"):
        library_check.check_with_library(copy)


def test_an_index_changed_after_the_manifest_fails(copy: Path) -> None:
    index = members(copy, "onet.pack")
    index["43-6013.00"][2] ^= 1
    write_index(copy, "onet.pack", index)
    with pytest.raises(
        verify.VerificationError, match=r"'onet\.index' was changed after the build"
    ):
        library_check.check_with_library(copy)


def test_a_newer_schema_version_fails(copy: Path) -> None:
    manifest = manifest_of(copy)
    newer = SCHEMA_VERSION + 1
    manifest["schema_version"] = newer
    rewrite_manifest(copy, manifest)
    expected = f"schema version {newer}, occprofile reads {SCHEMA_VERSION}"
    with pytest.raises(verify.VerificationError, match=expected):
        library_check.check_with_library(copy)


# -- verify checks each pack member's checksum and place, not only the pack's ----------


def test_verify_notices_a_wrong_member_checksum_and_a_gap(copy: Path) -> None:
    """A member's recorded CRC-32 is wrong, another starts past its predecessor's end,
    while the pack's and the index files' own checksums agree: only the index checks can
    notice (verify stops at the manifest problems, before the expectations, which are
    left empty here)."""
    onet, oews = members(copy, "onet.pack"), members(copy, "oews.pack")
    onet["43-6013.00"][2] ^= 1
    oews["43-6013"][0] += 1
    write_index(copy, "onet.pack", onet)
    write_index(copy, "oews.pack", oews)
    manifest = manifest_of(copy)
    vouch_for(copy, manifest, "onet.index", "oews.index")  # the index files' checksums agree
    rewrite_manifest(copy, manifest)
    with pytest.raises(verify.VerificationError) as caught:
        verify.check_outputs(copy, NO_EXPECTATIONS, [])
    problems = str(caught.value).splitlines()[1:]
    assert f"  {ONET}: CRC-32 differs from onet.index" in problems
    assert any(p.startswith(f"  {OEWS}: at ") for p in problems), problems


# -- the build checks both of a file's checksums: the sha256 the library does not read -----


@pytest.mark.parametrize("name", ["areas.json", "onet.pack", "oews.index"])
@pytest.mark.parametrize("field", ["sha256", "crc32"])
def test_a_wrong_sha256_or_crc_in_the_manifest_fails_both_checks(
    copy: Path, name: str, field: str
) -> None:
    """The file is intact and one of its checksums in the manifest is wrong: verify
    refuses either; the library check refuses a wrong CRC-32 as the library would, and a
    wrong sha256, which the library never reads, with databuild's own hashing."""
    manifest = manifest_of(copy)
    entry = pack_entry(manifest, name)
    entry[field] = "0" * 64 if field == "sha256" else entry[field] ^ 1
    rewrite_manifest(copy, manifest)
    what = {"sha256": "sha256", "crc32": "CRC-32"}[field]
    with pytest.raises(verify.VerificationError) as caught:
        verify.check_outputs(copy, NO_EXPECTATIONS, [])
    assert f"  {name}: {what} differs from the manifest" in str(caught.value).splitlines()
    expected = (
        f"{name}: sha256 differs from the manifest"
        if field == "sha256"
        else f"{name!r} was changed after the build: its CRC-32 is"
    )
    with pytest.raises(verify.VerificationError, match=re.escape(expected)):
        library_check.check_with_library(copy)
