"""The build's last check: every written file read back through the library's own code.

`verify` re-reads the outputs with databuild's code. This reads each one as
occprofile does when it answers a question: its CRC-32 against the manifest
just written (a pack member's against its pack's index file), gunzip and
strict UTF-8 JSON decoding (`occprofile._store.resources.load_json`), then the
package's strict converter into the schema record that
`occprofile._store.layout.record_class` names for it, the map `Store.read`
checks too. So the build cannot write a file the library refuses. The library
does not read the files' sha256 (provenance, not checked on a read): this
checks those too, with databuild's own hashing.

The dependency runs one way: databuild imports these parts of occprofile's
store; the library never imports databuild.
"""

from __future__ import annotations

from pathlib import Path

from databuild.verify import INDEXES, PACKS, TOP_LEVEL, Problems, fail
from databuild.writer import sha256_bytes
from occprofile._store import packs, resources
from occprofile._store.converter import structure
from occprofile._store.layout import RECORDS, record_class
from occprofile._store.oews_columns import Block, Values
from occprofile._store.schema import AreasFile, Manifest, OewsValuesFile
from occprofile._store.store import SCHEMA_VERSION
from occprofile.errors import DataIntegrityError


def written_names(out: Path, listed: set[str]) -> list[str]:
    """Every file name to read: the files the library or the build know of, and every
    name the manifest lists (the packs' members are read by :func:`check_with_library`)."""
    files = {n for n in RECORDS if not n.endswith("/")} | set(TOP_LEVEL) | set(PACKS)
    files |= set(INDEXES.values())
    return sorted((files | listed) - {resources.MANIFEST})


def check_with_library(out: Path) -> int:
    """Load every resource in `out` as the library would; return how many were loaded.

    A pack member is read as ``Store.read_document`` reads it (its slice checked
    against its pack's index file, itself checked against the manifest, then
    inflated); an O*NET profile structured into its record, an OEWS block decoded
    with the library's own column reader.
    Raises VerificationError listing every file the library refuses, each with the
    library's own DataIntegrityError message.
    """
    p = Problems()
    try:
        raw = resources.load_json(
            resources.MANIFEST, (out / resources.MANIFEST).read_bytes(), crc32=None
        )
        manifest = structure(raw, Manifest, resources.MANIFEST)
        checksums = resources.manifest_checksums(raw)
        sha256s = {output.path: output.sha256 for output in manifest.outputs}
        entries = [packs.pack_entry(raw, pack) for pack in PACKS]
    except (OSError, DataIntegrityError) as error:
        p.check(False, f"library check: {error}")
        fail(p)
    p.check(
        manifest.schema_version == SCHEMA_VERSION,
        f"library check: manifest.json has schema version {manifest.schema_version}, "
        f"occprofile reads {SCHEMA_VERSION}",
    )
    names = written_names(out, set(checksums))
    loaded: dict[str, object] = {}
    contents: dict[str, bytes] = {}
    for name in names:
        try:
            data = (out / name).read_bytes()
        except OSError as error:
            p.check(False, f"library check: {name} cannot be read ({type(error).__name__})")
            continue
        contents[name] = data
        p.check(
            sha256s.get(name) == sha256_bytes(data),
            f"library check: {name}: sha256 differs from the manifest",
        )
        if name in INDEXES.values():
            continue  # read with its pack's entry below, as the library reads it
        if name in PACKS:
            crc32 = checksums.get(name)  # unlisted: the sha256 check above says so
            try:  # the library reads a pack's slices only, each checked on its own
                if crc32 is not None:
                    resources.verify(name, data, crc32)
            except DataIntegrityError as error:
                p.check(False, f"library check: {error}")
            continue
        try:
            loaded[name] = structure(
                resources.load_json(name, data, checksums.get(name)), record_class(name), name
            )
        except DataIntegrityError as error:
            p.check(False, f"library check: {error}")
    for name, record in loaded.items():
        try:
            _make_tables(name, record)
            _decode_importance(name, record)
        except DataIntegrityError as error:
            p.check(False, f"library check: {error}")
    areas, values = loaded.get("areas.json"), loaded.get("oews_values.json.gz")
    try:
        decoded = (
            Values(values, "oews_values.json.gz") if isinstance(values, OewsValuesFile) else None
        )
    except DataIntegrityError as error:
        p.check(False, f"library check: {error}")
        decoded = None
    area_codes = areas.areas.column("code") if isinstance(areas, AreasFile) else []
    members: dict[str, packs.Member] = {}
    for entry in entries:
        if entry is None:
            continue  # a pack the manifest does not list: verify reports it
        try:  # as Store.member reads it: the index file checked, then decoded
            index = resources.decode(
                entry.index_file,
                contents.get(entry.index_file, b""),
                checksums.get(entry.index_file),
            )
            members.update(packs.PackIndex(entry, index).members())
        except DataIntegrityError as error:
            p.check(False, f"library check: {error}")
    for name, member in sorted(members.items()):
        stored = contents.get(member.pack, b"")[member.offset : member.offset + member.length]
        try:
            resources.verify(name, stored, member.crc32, by=f"the {member.pack} index")
            zdict, where = b"", member.zdict()
            if where is not None:
                zdict = contents.get(member.pack, b"")[where.offset : where.offset + where.length]
                resources.verify(f"{member.pack} dictionary", zdict, where.crc32)
            document = packs.inflate(name, stored, zdict)
            if member.pack == "oews.pack":
                if decoded is not None:
                    Block(name, document, len(area_codes), decoded).rows(area_codes, decoded)
            else:
                structure(resources.decode_json(name, document), record_class(name), name)
        except DataIntegrityError as error:
            p.check(False, f"library check: {error}")
    if p.items:
        fail(p)
    return len(names) + len(members) + 1


def _make_tables(name: str, record: object) -> None:
    """Make every record of each columnar table of ``record`` (occupations.json, areas.json,
    the releases, the DWAs and IWAs) by code or id, as the library's indexes do: a key
    listed twice is refused."""
    import attrs

    from occprofile._store.columnar import RecordColumns

    cls = type(record)
    if not attrs.has(cls):
        return
    for name_ in attrs.fields_dict(cls):
        table = getattr(record, name_)
        if isinstance(table, RecordColumns):
            key = "code" if "code" in table.names else "id"
            table.keyed(key, name, key).values()


def _decode_importance(name: str, record: object) -> None:
    """Decode every domain's importance values of similarity.json.gz with the library's
    own reader, as the first similarity question does (a wrong length is refused), and
    compare them with the build's reader (checked against the profiles' values when
    written): the two readers must agree value for value."""
    from databuild.similarity import decode_values
    from occprofile._store.career_schema import SimilarityFile
    from occprofile._store.importance import decode, floats

    if isinstance(record, SimilarityFile):
        for domain_name, domain in record.domains.items():
            read = [floats(c) for c in decode(domain, name).columns]
            built = decode_values(domain.importance, len(domain.codes), len(domain.elements))
            if read != built:
                raise DataIntegrityError(
                    f"packaged resource {name!r}: the library reads other importance "
                    f"values of {domain_name} than the build wrote",
                    resource=name,
                )
