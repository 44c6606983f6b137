"""The full build: a rebuild from ../shared/data gives the committed files byte for
byte, verification notices damaged outputs, and the command's smaller duties.

Tests marked `upstream` need the raw upstream files in ../shared/data; the full
build runs once per module (about a minute) and the other upstream tests reuse it.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from databuild import build, verify, writer
from databuild.__main__ import main
from databuild.writer import Json
from tests.databuild.helpers import (
    COMMITTED,
    generated_files,
    members,
    read_doc,
    write_index,
    write_member,
)
from tests.helpers import lst, obj, require_upstream


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> build.BuildResult:
    """One full build into a temporary folder, shared by the module's upstream tests."""
    source = require_upstream()
    return build.build(source, tmp_path_factory.mktemp("databuild-out"))


# -- the committed files are exactly what the sources give ---------------------------


@pytest.mark.upstream
def test_rebuild_is_byte_identical_to_committed_data(built: build.BuildResult) -> None:
    fresh = generated_files(built.out)
    committed = generated_files(COMMITTED)
    missing = sorted(set(fresh) - set(committed))
    extra = sorted(set(committed) - set(fresh))
    differing = sorted(p for p in set(fresh) & set(committed) if fresh[p] != committed[p])
    stale = {"missing": missing[:20], "not generated": extra[:20], "differing": differing[:20]}
    assert stale == {"missing": [], "not generated": [], "differing": []}, (
        "src/occprofile/data is out of date; rerun `python -m databuild`"
    )
    # the manifest, the top-level files, the packs and their index files
    assert len(fresh) == len(built.files) == 1 + 14 + 2 + 2


@pytest.mark.upstream
def test_build_summary(built: build.BuildResult) -> None:
    assert built.wage_bases == Counter({"detailed": 961, "aggregate": 14, "broad": 20, "none": 21})
    assert 850 <= len(built.samples) <= 950
    assert built.total_bytes < 16_000_000


# -- verification notices damaged outputs --------------------------------------------


@pytest.fixture
def copy_of_build(built: build.BuildResult, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(built.out, target)
    return target


def refresh_manifest(out: Path) -> None:
    """Recompute the manifest's checksums (files, packs and pack members) so only the
    content checks can notice a change."""
    doc = obj(read_doc(out, "manifest.json"))
    for entry in lst(doc["outputs"]):  # the members' checksums first: their index files
        if "index" in obj(entry):
            pack = str(obj(entry)["path"])
            data = (out / pack).read_bytes()
            index = members(out, pack)
            for where in index.values():
                where[2] = writer.crc32_bytes(data[where[0] : where[0] + where[1]])
            write_index(out, pack, index)
    files = generated_files(out)
    entries: list[Json] = []
    for entry in lst(doc["outputs"]):
        item = dict(obj(entry))
        path = str(item["path"])
        item["sha256"] = writer.sha256_bytes(files[path])
        item["crc32"] = writer.crc32_bytes(files[path])
        if "index" in item:
            item["size"] = len(files[path])
        entries.append(item)
    doc["outputs"] = entries
    (out / "manifest.json").write_bytes(writer.encode("manifest.json", doc))


def rewrite(out: Path, path: str, document: Json) -> None:
    if "/" in path:
        write_member(out, path, document)
    else:
        (out / path).write_bytes(writer.encode(path, document))


@pytest.mark.upstream
def test_verification_passes_on_an_intact_copy(
    built: build.BuildResult, copy_of_build: Path
) -> None:
    verify.check_outputs(copy_of_build, built.expectations, built.samples)


@pytest.mark.upstream
@pytest.mark.parametrize(
    "prefix",
    [
        "onet.pack/",
        "oews.pack/",
        "projections.json.gz",
        "oes_2019.json.gz",
        "projections_2024_34.json.gz",
        "onet_reference.json.gz",
    ],
)
def test_verification_catches_a_changed_sampled_value(
    built: build.BuildResult, copy_of_build: Path, prefix: str
) -> None:
    sample = next(s for s in built.samples if s.file.startswith(prefix))
    document = read_doc(copy_of_build, sample.file)
    target = verify.locate(document, sample.path[:-1])
    if prefix == "onet.pack/":  # a rating slot: change the measure's value
        measure = obj(obj(target)[str(sample.path[-1])])
        measure["value"] = float(str(measure["value"])) + 0.01
    elif prefix == "oews.pack/":  # an OEWS estimate: another employment
        entry = lst(verify.locate(document, sample.path))
        employment = str(lst(entry[1])[0])
        lst(entry[1])[0] = str(int(employment) + 10) if employment.isdigit() else "940"
    else:  # a projections, May 2019 or DWA value (published text), in its column
        assert sample.file in build.COLUMNAR
        table = obj(verify.locate(document, sample.path[:1]))
        step = sample.path[1]
        assert isinstance(step, tuple)
        key, wanted = step
        row = lst(table[str(key)]).index(wanted)
        lst(table[str(sample.path[-1])])[row] = "0.5"
    rewrite(copy_of_build, sample.file, document)
    refresh_manifest(copy_of_build)
    with pytest.raises(verify.VerificationError, match=re.escape(sample.origin)):
        verify.check_outputs(copy_of_build, built.expectations, built.samples)


@pytest.mark.upstream
def test_verification_catches_a_dropped_row(built: build.BuildResult, copy_of_build: Path) -> None:
    path = "onet.pack/11-1011.00"
    document = obj(read_doc(copy_of_build, path))
    lst(document["tasks"]).pop()
    rewrite(copy_of_build, path, document)
    refresh_manifest(copy_of_build)
    with pytest.raises(verify.VerificationError, match="tasks entries"):
        verify.check_outputs(copy_of_build, built.expectations, built.samples)


@pytest.mark.upstream
def test_verification_catches_unlisted_and_missing_files(
    built: build.BuildResult, copy_of_build: Path
) -> None:
    (copy_of_build / "oews.pack").unlink()
    (copy_of_build / "areas.json").write_bytes(b"{}")
    whole = (copy_of_build / "onet.pack").read_bytes()
    (copy_of_build / "onet.pack").write_bytes(whole[:-1])
    with pytest.raises(verify.VerificationError) as caught:
        verify.check_outputs(copy_of_build, built.expectations, built.samples)
    assert "areas.json: sha256 differs" in str(caught.value)
    assert "oews.pack is missing" in str(caught.value)
    assert f"onet.pack: manifest says {len(whole)} bytes, found {len(whole) - 1}" in str(
        caught.value
    )


# -- cleaning the output folder, and the command line ---------------------------------


def test_clean_keeps_hand_written_files(tmp_path: Path) -> None:
    for name in ("onet/old.json.gz", "oews/old.json.gz", "__init__.py", "README.md"):  # v1 folders
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    build.clean(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "README.md",
        "__init__.py",
    ]


def test_cli_reports_a_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--source", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert status == 1
    assert "databuild: error:" in capsys.readouterr().err
    assert not (tmp_path / "out" / "manifest.json").exists()
