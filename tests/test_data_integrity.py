"""A damaged data package reaches the user as a DataIntegrityError naming the file.

Each test copies the packaged data into a package of its own under
``tmp_path`` (a name of its own, since an imported package stays in
``sys.modules``), damages one file of the copy and asks through
``op.Dataset(package=...)``. A damaged file whose checksum the copy's
manifest still vouches for tests the decoding and value checks; one the
manifest does not vouch for tests the checksum check.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import occprofile as op
from occprofile._store import resources
from occprofile._store.layout import record_class
from occprofile._store.store import Store

DATA = Path(op.__file__).parent / "data"
OEWS = "oews/43-6013.json.gz"
ONET = "onet/43-6013.00.json.gz"
#: Los Angeles-Long Beach-Anaheim: a metro with a released 43-6013 row.
METRO = "0031080"
EMPLOYMENT = 0  # the index of datatype 01 in a row's values


class DataCopy:
    """A copy of the packaged data, importable as package :attr:`name`.

    Its files and folders are symbolic links into ``pristine`` (a copy of
    the packaged data made once a session), so a copy costs no 22 MB;
    :meth:`write` replaces a link by a file of its own (and a linked folder
    by a folder of links), never writing through one.
    """

    def __init__(self, pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.name = "occdata_" + re.sub(r"\W", "_", tmp_path.name)
        self.root = tmp_path / self.name
        self.root.mkdir()
        for item in pristine.iterdir():
            (self.root / item.name).symlink_to(item)
        monkeypatch.syspath_prepend(str(tmp_path))

    def dataset(self) -> op.Dataset:
        return op.Dataset(package=self.name)

    def manifest(self) -> dict[str, Any]:
        found: dict[str, Any] = json.loads((self.root / resources.MANIFEST).read_bytes())
        return found

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        text = json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        self._replace(resources.MANIFEST, text.encode())

    def _replace(self, resource: str, data: bytes) -> None:
        path = self.root / resource
        folder = path.parent
        if folder.is_symlink():
            members = sorted(folder.resolve().iterdir())
            folder.unlink()
            folder.mkdir()
            for member in members:
                (folder / member.name).symlink_to(member)
        path.unlink()  # the link, not the pristine file it points to
        path.write_bytes(data)

    def write(self, resource: str, data: bytes, *, vouched: bool) -> None:
        """Replace ``resource``; ``vouched``: record its new sha256 in the manifest too."""
        self._replace(resource, data)
        if not vouched:
            return
        sha = hashlib.sha256(data).hexdigest()
        manifest = self.manifest()
        for entry in manifest["outputs"]:
            members = entry.get("checksums")
            if members is not None and resource.startswith(entry["path"]):
                members[resource[len(entry["path"]) :]] = sha
                joined = "".join(members[m] for m in sorted(members))
                entry["sha256"] = hashlib.sha256(joined.encode("ascii")).hexdigest()
            elif entry["path"] == resource:
                entry["sha256"] = sha
        self.write_manifest(manifest)

    def document(self, resource: str) -> Any:
        raw = (self.root / resource).read_bytes()
        return json.loads(gzip.decompress(raw) if resource.endswith(".gz") else raw)

    def write_document(self, resource: str, document: Any, *, vouched: bool) -> None:
        data = json.dumps(document, separators=(",", ":")).encode()
        self.write(
            resource, gzip.compress(data) if resource.endswith(".gz") else data, vouched=vouched
        )


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.fixture
def copy(pristine: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataCopy:
    return DataCopy(pristine, tmp_path, monkeypatch)


def raises_for(resource: str, query: Callable[[], object], match: str = "") -> str:
    """Run ``query``; it must fail with a DataIntegrityError blaming ``resource``."""
    with pytest.raises(op.DataIntegrityError, match=match) as caught:
        query()
    assert caught.value.resource == resource
    message = str(caught.value)
    assert repr(resource) in message
    return message


def _first_query(resource: str) -> Callable[[op.Dataset], object]:
    return (
        (lambda ds: ds.top_metros("43-6013"))
        if resource == OEWS
        else (lambda ds: ds.profile("43-6013"))
    )


# -- item 6: bytes that do not decode -------------------------------------------------


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _random_bytes(data: bytes) -> bytes:
    return random.Random(6).randbytes(len(data))


def _bad_utf8(_: bytes) -> bytes:
    return gzip.compress(b'{"code": "43-6013", "estimates": ["\xff\xfe"]}')


def _bad_json(_: bytes) -> bytes:
    return gzip.compress(b'{"code": "43-6013", "estimates": [')


def _json_nan(_: bytes) -> bytes:
    return gzip.compress(b'{"code": "43-6013", "estimates": [NaN]}')


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_truncated, "not a whole gzip file"),
        (_random_bytes, "not a whole gzip file"),
        (_bad_utf8, "not valid UTF-8 JSON"),
        (_bad_json, "not valid UTF-8 JSON"),
        (_json_nan, "NaN is not a JSON number"),
    ],
)
@pytest.mark.parametrize("resource", [OEWS, ONET])
def test_undecodable_bytes_name_the_file(
    copy: DataCopy, resource: str, damage: Callable[[bytes], bytes], expected: str
) -> None:
    copy.write(resource, damage((copy.root / resource).read_bytes()), vouched=True)
    query = _first_query(resource)
    raises_for(resource, lambda: query(copy.dataset()), match=expected)


def test_a_wrong_type_names_the_file(copy: DataCopy) -> None:
    document = copy.document(OEWS)
    document["estimates"][1][1][EMPLOYMENT] = 940  # a number where BLS text belongs
    copy.write_document(OEWS, document, vouched=True)
    raises_for(OEWS, lambda: copy.dataset().top_metros("43-6013"), "does not match the schema")


# -- item 6: values that are no published number ---------------------------------------

QUERIES: dict[str, Callable[[op.Dataset], object]] = {
    "top_metros": lambda ds: ds.top_metros("43-6013"),  # the ranking path (rank_key)
    "estimate": lambda ds: ds.estimate("43-6013", METRO),
    "compare_metros": lambda ds: ds.compare_metros("43-6013", METRO, "0035620"),
}


UNREADABLE = ["12x4", "nan", "-5", "inf", "1e5", " 940", "9,400"]


@pytest.mark.parametrize(
    ("query", "value"),
    [
        # the two paths that read a value: ranking (rank_key) and estimates (parse_figure)
        *(("top_metros", v) for v in UNREADABLE),
        *(("estimate", v) for v in UNREADABLE),
        ("compare_metros", "12x4"),
        ("compare_metros", "nan"),
    ],
)
def test_an_unreadable_oews_value_names_the_file(copy: DataCopy, query: str, value: str) -> None:
    document = copy.document(OEWS)
    (row,) = (r for r in document["estimates"] if r[0] == METRO)
    row[1][EMPLOYMENT] = value
    copy.write_document(OEWS, document, vouched=True)
    message = raises_for(OEWS, lambda: QUERIES[query](copy.dataset()), "unreadable OEWS value")
    assert repr(value) in message


# -- item 7: a file changed after the build ---------------------------------------------


def test_an_edited_oews_number_fails_its_checksum(copy: DataCopy) -> None:
    document = copy.document(OEWS)
    (row,) = (r for r in document["estimates"] if r[0] == METRO)
    row[1][EMPLOYMENT] = str(int(row[1][EMPLOYMENT]) + 1)  # still a valid value
    copy.write_document(OEWS, document, vouched=False)
    raises_for(OEWS, lambda: copy.dataset().top_metros("43-6013"), "changed after the build")


def test_an_edited_top_level_file_fails_its_checksum(copy: DataCopy) -> None:
    document = copy.document("areas.json")
    document["areas"][0]["name"] = "Nation"
    copy.write_document("areas.json", document, vouched=False)
    raises_for(
        "areas.json", lambda: copy.dataset().top_metros("43-6013"), "changed after the build"
    )


@pytest.mark.parametrize("resource", ["areas.json", OEWS])
def test_a_resource_missing_from_the_manifest(copy: DataCopy, resource: str) -> None:
    manifest = copy.manifest()
    kept = []
    for entry in manifest["outputs"]:
        if entry["path"] == resource:
            continue
        members = entry.get("checksums")
        if members is not None and resource.startswith(entry["path"]):
            del members[resource[len(entry["path"]) :]]
        kept.append(entry)
    manifest["outputs"] = kept
    copy.write_manifest(manifest)
    raises_for(resource, lambda: copy.dataset().top_metros("43-6013"), "not listed in manifest")


# -- no false positives ------------------------------------------------------------------


def test_every_shard_of_the_packaged_data_passes() -> None:
    """Every onet/ and oews/ resource is read (checked, decoded, structured) once."""
    started = time.perf_counter()
    ds = op.Dataset()
    profiles = [ds.profile(o.code) for o in ds.occupations()]
    national = [ds.national(w.code) for w in ds.wage_occupations()]
    assert (len(profiles), len(national)) == (1016, 1104)
    assert time.perf_counter() - started < 30  # about 6 s here


def test_every_top_level_resource_of_the_packaged_data_passes() -> None:
    store = Store()
    listed = [e.path for e in store.manifest().outputs if not e.path.endswith("/")]
    assert len(listed) == 13
    for name in listed:
        assert store.read(name, record_class(name)) is not None
