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
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import occprofile as op
from occprofile._store import resources
from occprofile._store.layout import record_class
from occprofile._store.store import Store
from tests.helpers import index_bytes, index_members

DATA = Path(op.__file__).parent / "data"
OEWS = "oews.pack/43-6013"
ONET = "onet.pack/43-6013.00"
VALUES = "oews_values.json.gz"
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
        """Replace ``resource`` (a file, or a pack member's stored bytes); ``vouched``:
        record its new checksums too (a file's CRC-32 and sha256 in the manifest, a
        member's CRC-32 in its pack's index). A member is replaced inside a new copy of
        its pack, the members after it moved and the pack's index updated."""
        pack, slash, member = resource.partition("/")
        manifest = self.manifest()
        entries = {e["path"]: e for e in manifest["outputs"]}
        if slash:
            entry = entries[pack]
            members = self.members(pack)
            old = (self.root / pack).read_bytes()
            stored = {m: old[o : o + n] for m, (o, n, _) in members.items()}
            stored[member] = data
            zdict = self.dictionary(pack)  # kept first in the pack
            parts, offset = [zdict], len(zdict)
            for name in sorted(stored, key=lambda m: members[m][0]):
                crc = members[name][2]
                if name == member and vouched:
                    crc = zlib.crc32(data)
                members[name] = [offset, len(stored[name]), crc]
                parts.append(stored[name])
                offset += len(stored[name])
            whole = b"".join(parts)
            self._replace(pack, whole)
            entry["size"] = len(whole)
            _vouch(entry, whole)
            index = index_bytes(dict(sorted(members.items())))  # the index stays vouched for
            self._replace(entry["index"], index)
            _vouch(entries[entry["index"]], index)
        else:
            self._replace(resource, data)
            if not vouched:
                return
            _vouch(entries[resource], data)
        self.write_manifest(manifest)

    def stored(self, resource: str) -> bytes:
        """The bytes of a file, or of a pack member as stored (zlib-compressed)."""
        pack, slash, member = resource.partition("/")
        if not slash:
            return (self.root / resource).read_bytes()
        offset, length, _ = self.members(pack)[member]
        return (self.root / pack).read_bytes()[offset : offset + length]

    def members(self, pack: str) -> dict[str, list[Any]]:
        """A pack's index, from its index file: member -> [offset, length, crc32]."""
        (entry,) = (e for e in self.manifest()["outputs"] if e["path"] == pack)
        return index_members((self.root / entry["index"]).read_bytes())

    def write_index(
        self, pack: str, data: bytes, *, vouched: bool, rows: int | None = None
    ) -> None:
        """Replace ``pack``'s index file by ``data``; ``vouched``: record its checksums in
        the manifest (``rows``: and that many members for the pack and its index)."""
        manifest = self.manifest()
        entries = {e["path"]: e for e in manifest["outputs"]}
        index = entries[pack]["index"]
        self._replace(index, data)
        if vouched:
            _vouch(entries[index], data)
        if rows is not None:
            entries[pack]["rows"] = entries[index]["rows"] = rows
        self.write_manifest(manifest)

    def dictionary(self, pack: str) -> bytes:
        """A pack's preset dictionary (its first bytes; ``b""``: it has none)."""
        (entry,) = (e for e in self.manifest()["outputs"] if e["path"] == pack)
        if "dictionary" not in entry:
            return b""
        offset, length, _ = entry["dictionary"]
        return (self.root / pack).read_bytes()[offset : offset + length]

    def document(self, resource: str) -> Any:
        raw = self.stored(resource)
        if "/" in resource:
            zdict = self.dictionary(resource.partition("/")[0])
            return json.loads(zlib.decompressobj(zdict=zdict).decompress(raw))
        return json.loads(gzip.decompress(raw) if resource.endswith(".gz") else raw)

    def write_document(self, resource: str, document: Any, *, vouched: bool) -> None:
        data = json.dumps(document, separators=(",", ":")).encode()
        if "/" in resource:  # compressed as the build does: against the pack's dictionary
            deflater = zlib.compressobj(9, zdict=self.dictionary(resource.partition("/")[0]))
            data = deflater.compress(data) + deflater.flush()
        elif resource.endswith(".gz"):
            data = gzip.compress(data)
        self.write(resource, data, vouched=vouched)

    def block(self, resource: str) -> bytearray:
        """An OEWS member's column block, inflated (to damage and :meth:`write` back)."""
        return bytearray(zlib.decompress(self.stored(resource)))


def _vouch(entry: dict[str, Any], data: bytes) -> None:
    """Record ``data``'s checksums in its manifest entry, as the build does: the CRC-32
    the library checks and the sha256 kept as provenance."""
    entry["crc32"] = zlib.crc32(data)
    entry["sha256"] = hashlib.sha256(data).hexdigest()


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
    return zlib.compress(b'{"code": "43-6013.00", "tasks": ["\xff\xfe"]}')


def _bad_json(_: bytes) -> bytes:
    return zlib.compress(b'{"code": "43-6013.00", "tasks": [')


def _json_nan(_: bytes) -> bytes:
    return zlib.compress(b'{"code": "43-6013.00", "tasks": [NaN]}')


def _two_streams(data: bytes) -> bytes:
    return data + data  # a whole stream, then more


@pytest.mark.parametrize(
    ("resource", "damage", "expected"),
    [
        *(
            (resource, damage, "not a whole zlib stream")
            for resource in (OEWS, ONET)
            for damage in (_truncated, _random_bytes, _two_streams)
        ),
        (ONET, _bad_utf8, "not valid UTF-8 JSON"),
        (ONET, _bad_json, "not valid UTF-8 JSON"),
        (ONET, _json_nan, "NaN is not a JSON number"),
    ],
)
def test_undecodable_bytes_name_the_file(
    copy: DataCopy, resource: str, damage: Callable[[bytes], bytes], expected: str
) -> None:
    copy.write(resource, damage(copy.stored(resource)), vouched=True)
    query = _first_query(resource)
    raises_for(resource, lambda: query(copy.dataset()), match=expected)


def test_a_wrong_type_names_the_file(copy: DataCopy) -> None:
    document = copy.document(VALUES)
    document["decimals"]["01"] = "0"  # text where a number of decimals belongs
    copy.write_document(VALUES, document, vouched=True)
    raises_for(VALUES, lambda: copy.dataset().top_metros("43-6013"), "does not match the schema")


def test_a_wrong_type_in_a_profile_names_the_file(copy: DataCopy) -> None:
    document = copy.document(ONET)
    document["job_zone"] = "3"  # text where a number belongs
    copy.write_document(ONET, document, vouched=True)
    raises_for(ONET, lambda: copy.dataset().profile("43-6013.00"), "does not match the schema")


def test_rating_columns_of_unequal_length_name_the_file(copy: DataCopy) -> None:
    document = copy.document(ONET)
    del document["ratings"]["skills"]["importance"]["upper_ci"][-1]  # one bound short
    copy.write_document(ONET, document, vouched=True)
    raises_for(ONET, lambda: copy.dataset().profile("43-6013.00"), "unequal length")


def test_a_rating_without_its_element_names_the_file(copy: DataCopy) -> None:
    document = copy.document(ONET)
    document["ratings"]["knowledge"]["element_ids"].pop()  # a measure of no element
    copy.write_document(ONET, document, vouched=True)
    raises_for(ONET, lambda: copy.dataset().profile("43-6013.00"), "measures for")


def _far_row(columns: dict[str, list[Any]], shown: str) -> int:
    """A row of a columnar table other than code ``shown``'s (the last)."""
    row = len(columns["code"]) - 1
    assert columns["code"][row] != shown
    return row


@pytest.mark.parametrize(
    ("resource", "table", "field", "wrong", "match"),
    [
        # A wrong value in a record the question never shows still fails it: columns
        # are checked whole when the file is read, not record by record when made.
        ("occupations.json", "onet", "wage_code", 7, r"Occupation\.wage_code"),
        ("occupations.json", "oews", "title", None, r"OewsOccupationRecord\.title"),
        # Every area's kind is read for a ranking; a kind no area can have must not
        # silently leave that area out of it.
        ("areas.json", "areas", "kind", "galaxy", r"Area\.kind"),
        ("areas.json", "areas", "states", "WY", r"Area\.states"),
    ],
)
def test_a_wrong_type_in_a_record_not_asked_for_names_the_file(
    copy: DataCopy, resource: str, *, table: str, field: str, wrong: object, match: str
) -> None:
    document = copy.document(resource)
    columns = document[table]
    columns[field][_far_row(columns, "43-6013")] = wrong
    copy.write_document(resource, document, vouched=True)
    raises_for(resource, lambda: copy.dataset().top_metros("43-6013", 10), match)


@pytest.mark.parametrize(
    ("resource", "table", "field", "wrong", "match", "query"),
    [
        # The releases and the DWA/IWA titles are columns too: a question reads one
        # record of them, but a wrong value in any other row still fails it.
        (
            "projections.json.gz",
            "projections",
            "openings",
            75.2,
            r"ProjectionRecord\.openings",
            lambda ds: ds.outlook("43-6013.00"),
        ),
        (
            "projections_2024_34.json.gz",
            "projections",
            "education_code",
            "7",
            r"Projection2024Record\.education_code",
            lambda ds: ds.outlook("43-6013.00"),
        ),
        (
            "oes_2019.json.gz",
            "occupations",
            "employment",
            604780,
            r"HistoryRecord\.employment",
            lambda ds: ds.national_change("43-6013.00"),
        ),
        (
            "onet_reference.json.gz",
            "dwas",
            "title",
            None,
            r"DwaReference\.title",
            lambda ds: ds.profile("43-6013.00"),
        ),
    ],
)
def test_a_wrong_value_in_a_release_row_not_shown_names_the_file(
    copy: DataCopy,
    resource: str,
    *,
    table: str,
    field: str,
    wrong: object,
    match: str,
    query: Callable[[op.Dataset], object],
) -> None:
    document = copy.document(resource)
    columns = document[table]
    columns[field][-1] = wrong  # the last row: not 43-6013's, nor a DWA it shows
    copy.write_document(resource, document, vouched=True)
    raises_for(resource, lambda: query(copy.dataset()), match)


@pytest.mark.parametrize(
    ("resource", "table"), [("occupations.json", "onet"), ("occupations.json", "oews")]
)
def test_occupation_columns_of_unequal_length_name_the_file(
    copy: DataCopy, resource: str, table: str
) -> None:
    document = copy.document(resource)
    document[table]["title"].pop()
    copy.write_document(resource, document, vouched=True)
    raises_for(resource, lambda: copy.dataset().wage_occupation("43-6013"), "differ in length")


def test_area_columns_of_unequal_length_name_the_file(copy: DataCopy) -> None:
    document = copy.document("areas.json")
    document["areas"]["name"].pop()
    copy.write_document("areas.json", document, vouched=True)
    raises_for("areas.json", lambda: copy.dataset().top_metros("43-6013"), "differ in length")


@pytest.mark.parametrize(
    ("resource", "table", "query"),
    [
        ("occupations.json", "onet", lambda ds: ds.occupation("43-6013.00")),
        ("occupations.json", "oews", lambda ds: ds.wage_occupation("43-6013")),
        ("areas.json", "areas", lambda ds: ds.top_metros("43-6013")),
        ("projections.json.gz", "projections", lambda ds: ds.outlook("43-6013.00")),
        ("projections_2024_34.json.gz", "projections", lambda ds: ds.outlook("43-6013.00")),
        ("oes_2019.json.gz", "occupations", lambda ds: ds.national_change("43-6013.00")),
        ("onet_reference.json.gz", "dwas", lambda ds: ds.profile("43-6013.00")),
        ("onet_reference.json.gz", "iwas", lambda ds: ds.profile("43-6013.00")),
        ("elements.json", "elements", lambda ds: ds.profile("43-6013.00")),
        ("elements.json", "elements", lambda ds: ds.element("2.A.1.a")),
        # an occupation the 2024-34 release has no row for reads only the titles
        ("projections_2024_34.json.gz", "projections", lambda ds: ds.outlook("55-1011.00")),
    ],
)
def test_a_code_listed_twice_names_the_file(
    copy: DataCopy, resource: str, table: str, query: Callable[[op.Dataset], object]
) -> None:
    """Two records of one code: which is meant cannot be told, whichever is asked for."""
    document = copy.document(resource)
    columns = document[table]
    for column in columns.values():
        column.append(column[0])  # the first record again, last
    copy.write_document(resource, document, vouched=True)
    raises_for(resource, lambda: query(copy.dataset()), "twice")


def test_a_key_missing_from_a_table_names_the_file(copy: DataCopy) -> None:
    document = copy.document("areas.json")
    del document["areas"]["state_fips"]
    document["areas"]["fips"] = []
    copy.write_document("areas.json", document, vouched=True)
    raises_for("areas.json", lambda: copy.dataset().top_metros("43-6013"), "extra keys in Area")


def test_a_changed_pack_dictionary_is_refused(copy: DataCopy) -> None:
    whole = bytearray((copy.root / "onet.pack").read_bytes())
    whole[100] ^= 0xFF  # inside the dictionary, which every member is inflated against
    copy._replace("onet.pack", bytes(whole))
    with pytest.raises(op.DataIntegrityError, match=r"onet\.pack dictionary") as caught:
        copy.dataset().profile("43-6013.00")
    assert caught.value.resource == "onet.pack dictionary"


# -- a column block that does not fit its values ------------------------------------------


def _rows(block: bytearray) -> int:
    return int.from_bytes(block[:4], "little")


#: A block's header: its row count (4 bytes), then each datatype's bytes a cell.
HEAD = 4 + 17


def _column(block: bytearray, i: int) -> int:
    """Where datatype ``i``'s (0: 01) first byte plane starts."""
    n = _rows(block)
    return HEAD + 2 * n + n * sum(block[4 : 4 + i])


def _short(block: bytearray) -> bytearray:
    return block[:-1]


def _unknown_kind(block: bytearray) -> bytearray:
    block[-1] = 250  # the last cell's kind: no such kind
    return block


def _too_wide(block: bytearray) -> bytearray:
    block[4] = 5  # datatype 01's bytes a cell: more than a uint32
    return block


def _areas_out_of_order(block: bytearray) -> bytearray:
    n = _rows(block)
    block[HEAD], block[HEAD + 1] = block[HEAD + 1], block[HEAD]  # the first two areas' low bytes
    block[HEAD + n], block[HEAD + 1 + n] = block[HEAD + 1 + n], block[HEAD + n]
    return block


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_short, "bytes for"),
        (_unknown_kind, "cell kind of datatype 17 is out of range"),
        (_too_wide, "a column is 5 bytes a cell"),
        (_areas_out_of_order, "not ascending"),
    ],
)
@pytest.mark.parametrize("query", ["top_metros", "estimate", "table"])
def test_a_malformed_column_block_names_the_member(
    copy: DataCopy, damage: Callable[[bytearray], bytearray], expected: str, query: str
) -> None:
    copy.write(OEWS, zlib.compress(bytes(damage(copy.block(OEWS)))), vouched=True)
    queries = {**QUERIES, "table": _estimates_table}
    message = raises_for(OEWS, lambda: queries[query](copy.dataset()), "not an OEWS column block")
    assert expected in message


def _estimates_table(ds: op.Dataset) -> object:
    from occprofile._answers import bulk
    from occprofile._answers.sources import Sources

    src = Sources(ds._store)
    return bulk.estimates(src, [src.occupations().oews["43-6013"]], None)


# -- item 6: values that are no published number ---------------------------------------

QUERIES: dict[str, Callable[[op.Dataset], object]] = {
    "top_metros": lambda ds: ds.top_metros("43-6013"),  # the ranking path (marker_rank_key)
    "estimate": lambda ds: ds.estimate("43-6013", METRO),
    "compare_metros": lambda ds: ds.compare_metros("43-6013", METRO, "0035620"),
}


@pytest.mark.parametrize(
    ("decimals", "expected"),
    [
        ({"01": 7}, "decimals (0 to 6)"),
        ({"01": -1}, "decimals (0 to 6)"),
        ({"01": None}, "does not match the schema"),
        ({"01": True}, "does not match the schema"),
        ({"18": 0}, "lists datatypes"),
    ],
    ids=["7", "-1", "null", "true", "a datatype 18"],
)
@pytest.mark.parametrize("query", ["top_metros", "estimate", "compare_metros"])
def test_a_datatype_without_its_decimals_names_the_file(
    copy: DataCopy, decimals: dict[str, object], expected: str, query: str
) -> None:
    """A block holds integers: the decimals say what text each is, so they are checked."""
    document = copy.document(VALUES)
    document["decimals"].update(decimals)
    copy.write_document(VALUES, document, vouched=True)
    message = raises_for(VALUES, lambda: QUERIES[query](copy.dataset()), re.escape(expected))
    assert VALUES in message


# -- item 7: a file changed after the build ---------------------------------------------


def test_an_edited_oews_number_fails_its_checksum(copy: DataCopy) -> None:
    block = copy.block(OEWS)
    block[_column(block, 0)] ^= 1  # another employment for the first area
    copy.write(OEWS, zlib.compress(bytes(block)), vouched=False)
    raises_for(OEWS, lambda: copy.dataset().top_metros("43-6013"), "changed after the build")


def test_an_edited_profile_fails_its_checksum(copy: DataCopy) -> None:
    document = copy.document(ONET)
    document["title"] += " (edited)"
    copy.write_document(ONET, document, vouched=False)
    raises_for(ONET, lambda: copy.dataset().profile("43-6013.00"), "changed after the build")


def test_an_edited_top_level_file_fails_its_checksum(copy: DataCopy) -> None:
    document = copy.document("areas.json")
    document["areas"]["name"][0] = "Nation"
    copy.write_document("areas.json", document, vouched=False)
    raises_for(
        "areas.json", lambda: copy.dataset().top_metros("43-6013"), "changed after the build"
    )


@pytest.mark.parametrize("resource", [OEWS, ONET, "areas.json", VALUES, "oews.index"])
@pytest.mark.parametrize("at", [0, -1, "middle"])
def test_one_flipped_byte_fails_the_crc(copy: DataCopy, resource: str, at: int | str) -> None:
    """One byte of a file or of a member's stored bytes flipped, nothing else changed:
    the CRC-32 check refuses it before anything is decoded, naming it and both values."""
    data = bytearray(copy.stored(resource))
    where = len(data) // 2 if at == "middle" else int(at)
    data[where] ^= 0x01
    copy.write(resource, bytes(data), vouched=False)
    query = _first_query(ONET if resource == ONET else OEWS)
    message = raises_for(resource, lambda: query(copy.dataset()), "changed after the build")
    pack, slash, member = resource.partition("/")
    if slash:  # the member's CRC-32 is its pack index's
        recorded, by = copy.members(pack)[member][2], f"the {pack} index"
    else:
        (entry,) = (e for e in copy.manifest()["outputs"] if e["path"] == resource)
        recorded, by = entry["crc32"], "manifest.json"
    assert f"its CRC-32 is {zlib.crc32(bytes(data)):08x}, {by} records {recorded:08x}" in message


@pytest.mark.parametrize("resource", ["areas.json", VALUES, "oews.index"])
def test_a_changed_crc_in_the_manifest_is_refused(copy: DataCopy, resource: str) -> None:
    """The file is intact, the CRC-32 its manifest entry records is not: refused too."""
    manifest = copy.manifest()
    (entry,) = (e for e in manifest["outputs"] if e["path"] == resource)
    entry["crc32"] ^= 1 << 31
    copy.write_manifest(manifest)
    raises_for(resource, lambda: copy.dataset().top_metros("43-6013"), "changed after the build")


@pytest.mark.parametrize(
    "wrong",
    [None, "1a2b3c4d", -1, 2**32, True, 1.0],
    ids=["null", "hex", "-1", "2^32", "true", "float"],
)
def test_a_crc_that_is_not_a_32_bit_int_names_the_manifest(copy: DataCopy, wrong: object) -> None:
    manifest = copy.manifest()
    (entry,) = (e for e in manifest["outputs"] if e["path"] == "areas.json")
    entry["crc32"] = wrong
    copy.write_manifest(manifest)
    message = raises_for(
        "manifest.json", lambda: copy.dataset().top_metros("43-6013"), "no well-formed outputs"
    )
    assert "'areas.json' has crc32" in message


def test_a_manifest_entry_without_its_crc_names_the_manifest(copy: DataCopy) -> None:
    manifest = copy.manifest()
    (entry,) = (e for e in manifest["outputs"] if e["path"] == "areas.json")
    del entry["crc32"]
    copy.write_manifest(manifest)
    raises_for("manifest.json", lambda: copy.dataset().top_metros("43-6013"), "KeyError")


def test_a_dictionary_crc_that_is_not_an_int_names_the_manifest(copy: DataCopy) -> None:
    manifest = copy.manifest()
    (entry,) = (e for e in manifest["outputs"] if e["path"] == "onet.pack")
    entry["dictionary"][2] = format(entry["dictionary"][2], "08x")  # hex text, not the int
    copy.write_manifest(manifest)
    raises_for("manifest.json", lambda: copy.dataset().profile("43-6013"), "dictionary")


@pytest.mark.parametrize("resource", ["areas.json", VALUES])
def test_a_resource_missing_from_the_manifest(copy: DataCopy, resource: str) -> None:
    manifest = copy.manifest()
    manifest["outputs"] = [e for e in manifest["outputs"] if e["path"] != resource]
    copy.write_manifest(manifest)
    raises_for(resource, lambda: copy.dataset().top_metros("43-6013"), "not listed in manifest")


def test_a_member_missing_from_its_pack_index(copy: DataCopy) -> None:
    """The index must account for every byte of its pack: a member left out is a gap,
    even where the manifest vouches for the index and its count."""
    members = copy.members("oews.pack")
    del members["43-6013"]
    copy.write_index("oews.pack", index_bytes(members), vouched=True, rows=len(members))
    message = raises_for(
        "oews.index", lambda: copy.dataset().top_metros("43-6013"), "not a well-formed index"
    )
    assert "member '43-6014' at " in message  # the one after the gap


@pytest.mark.parametrize("resource", ["oews.pack", "onet.pack"])
def test_a_truncated_pack_names_the_member_cut_short(copy: DataCopy, resource: str) -> None:
    whole = copy.stored(resource)
    copy._replace(resource, whole[: len(whole) - 10])  # the manifest still says its size
    last = max(copy.members(resource).items(), key=lambda item: item[1][0])[0]
    name = f"{resource}/{last}"
    query = (
        (lambda: copy.dataset().national(last))
        if resource == "oews.pack"
        else (lambda: copy.dataset().profile(last))
    )
    raises_for(name, query, "cut short")


# -- the packs' index files ---------------------------------------------------------------


def _swapped(members: dict[str, list[Any]]) -> bytes:
    """The index with its first two entries swapped (names, offsets, lengths, CRC-32s)."""
    items = list(members.items())
    return index_bytes(dict([items[1], items[0], *items[2:]]))


def _moved(members: dict[str, list[Any]]) -> bytes:
    """The index in name order, the second member's offset one byte on."""
    second = list(members)[1]
    members[second] = [members[second][0] + 1, *members[second][1:]]
    return index_bytes(members)


@pytest.mark.parametrize(
    ("damage", "match"),
    [
        (lambda m: index_bytes(m)[:-7], "bytes, its header says"),
        (lambda m: b"", "unpack_from requires"),
        (lambda m: b"XPIX" + index_bytes(m)[4:], "header"),
        (_swapped, "not distinct, non-empty and in name order"),
        (_moved, "the one before it ends at"),
        (lambda m: index_bytes(m, count=len(m) + 1), "bytes, its header says"),
        (lambda m: index_bytes(m)[:20] + b"\xff" + index_bytes(m)[21:], "can't decode byte"),
    ],
    ids=["truncated", "empty", "magic", "reordered", "gap", "count", "not-ascii"],
)
@pytest.mark.parametrize("pack", ["oews.pack", "onet.pack"])
def test_a_malformed_vouched_index_names_the_index(
    copy: DataCopy, pack: str, damage: Callable[[dict[str, list[Any]]], bytes], match: str
) -> None:
    """An index file the manifest vouches for (a build bug, not a changed file) is still
    checked whole: a malformed one is a DataIntegrityError naming the index file."""
    copy.write_index(pack, damage(copy.members(pack)), vouched=True)
    index = pack.replace(".pack", ".index")
    query = _first_query(OEWS if pack == "oews.pack" else ONET)
    message = raises_for(index, lambda: query(copy.dataset()), match)
    assert f"is not a well-formed index of {pack}" in message


@pytest.mark.parametrize("pack", ["oews.pack", "onet.pack"])
def test_an_index_changed_after_the_build_fails_its_checksum(copy: DataCopy, pack: str) -> None:
    """The manifest vouches for the index, the index for each member: a member's CRC-32
    changed in its index (so the member would pass) fails at the index."""
    members = copy.members(pack)
    code = "43-6013" if pack == "oews.pack" else "43-6013.00"
    members[code] = [*members[code][:2], zlib.crc32(b"other")]
    copy.write_index(pack, index_bytes(members), vouched=False)
    index = pack.replace(".pack", ".index")
    query = _first_query(OEWS if pack == "oews.pack" else ONET)
    raises_for(index, lambda: query(copy.dataset()), "changed after the build")


def test_an_index_the_manifest_does_not_list_is_refused(copy: DataCopy) -> None:
    manifest = copy.manifest()
    manifest["outputs"] = [e for e in manifest["outputs"] if e["path"] != "onet.index"]
    copy.write_manifest(manifest)
    raises_for("onet.index", lambda: copy.dataset().profile("43-6013"), "not listed in manifest")


def test_a_question_reads_only_the_index_of_its_pack(copy: DataCopy) -> None:
    """onet.index is damaged: a ranking (oews.pack only) is still answered, a profile
    is refused; nothing reads an index before its pack is first used."""
    copy.write_index("onet.pack", b"damaged", vouched=False)
    ds = copy.dataset()
    assert ds.top_metros("43-6013", 3)
    assert ds._store.cached(("members", "onet.pack")) is None
    assert ds._store.cached(("members", "oews.pack")) is not None
    raises_for("onet.index", lambda: ds.profile("43-6013"), "changed after the build")


def test_a_pack_entry_without_its_index_names_the_manifest(copy: DataCopy) -> None:
    manifest = copy.manifest()
    (entry,) = (e for e in manifest["outputs"] if e["path"] == "oews.pack")
    del entry["index"]
    copy.write_manifest(manifest)
    raises_for(
        "manifest.json", lambda: copy.dataset().top_metros("43-6013"), "no well-formed entry"
    )


def test_an_unlisted_member_is_refused() -> None:
    store = Store()
    with pytest.raises(op.DataIntegrityError, match="not listed in manifest") as caught:
        store.read_document("onet.pack/99-9999.00")
    assert caught.value.resource == "onet.pack/99-9999.00"


# -- no false positives ------------------------------------------------------------------


def test_every_shard_of_the_packaged_data_passes() -> None:
    """Every member of both packs is read (checked, decoded, structured) once."""
    started = time.perf_counter()
    ds = op.Dataset()
    profiles = [ds.profile(o.code) for o in ds.occupations()]
    national = [ds.national(w.code) for w in ds.wage_occupations()]
    assert (len(profiles), len(national)) == (1016, 1104)
    assert time.perf_counter() - started < 30  # about 6 s here


def test_every_top_level_resource_of_the_packaged_data_passes() -> None:
    store = Store()
    outputs = store.manifest().outputs
    packs = [e.path for e in outputs if e.index is not None]
    indexes = [e.index for e in outputs if e.index is not None]
    listed = [e.path for e in outputs if e.path not in {*packs, *indexes}]
    assert (len(listed), packs, indexes) == (
        14,
        ["oews.pack", "onet.pack"],
        ["oews.index", "onet.index"],
    )
    for pack in packs:
        assert len(store._pack_index(pack) or ()) == {"oews.pack": 1104, "onet.pack": 1016}[pack]
    for name in listed:
        assert store.read(name, record_class(name)) is not None


# -- the importance values of similarity.json.gz ------------------------------------------

SIMILARITY = "similarity.json.gz"


def _fewer_values(table: dict[str, Any]) -> None:
    table["importance"] = table["importance"][:-8]  # two values fewer (base64 of 6 bytes)


def _not_base64(table: dict[str, Any]) -> None:
    table["importance"] = "*" + table["importance"][1:]


def _stray_character(table: dict[str, Any]) -> None:
    table["importance"] = table["importance"][:40] + "\n" + table["importance"][40:]


def _code_twice(table: dict[str, Any]) -> None:
    table["codes"][1] = table["codes"][0]


def _old_rows(table: dict[str, Any]) -> None:
    table["rows"] = {}


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (_fewer_values, "bytes of importance values for"),
        (_not_base64, "not plain base64|not base64"),
        (_stray_character, "not plain base64"),
        (_code_twice, "lists a code twice"),
        (_old_rows, "does not match the schema"),
    ],
)
def test_damaged_importance_values_name_the_file(
    copy: DataCopy, damage: Callable[[dict[str, Any]], None], expected: str
) -> None:
    document = copy.document(SIMILARITY)
    damage(document["domains"]["knowledge"])
    copy.write_document(SIMILARITY, document, vouched=True)
    raises_for(SIMILARITY, lambda: copy.dataset().similar_by_ratings("43-6013"), expected)
    only: list[op.RatingDomain] = ["knowledge"]
    raises_for(
        SIMILARITY, lambda: copy.dataset().similar_by_ratings("43-6013", domains=only), expected
    )
