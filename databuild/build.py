"""Run the whole build: read every source, shape the documents, write, verify.

All documents are made and encoded in memory before anything is written, so a
source problem stops the build without leaving half-updated files behind.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from databuild import (
    area_aliases,
    areas,
    certifications,
    history,
    library_check,
    manifest,
    occupations,
    oews,
    onet,
    packs,
    projections,
    projections_2024,
    sections,
    similarity,
    soc_changes,
    titles,
    verify,
    work_content,
)
from databuild.sources import InputFile, InputLog
from databuild.writer import (
    Json,
    crc32_bytes,
    encode,
    encode_json,
    rows_of,
    sha256_bytes,
    write_file,
)

#: Never deleted from the output folder: they are maintained by hand.
KEEP = ("__init__.py", "README.md")
GENERATED_SUFFIX = ".json.gz"
#: The per-occupation folders of schema version 1, replaced by the packs (removed if found).
OLD_FOLDERS = ("oews", "onet")

#: The collection whose size is a top-level file's manifest `rows`.
MAIN_COLLECTION = {
    "areas.json": "areas",
    "area_aliases.json": "aliases",
    "certifications.json": "certifications",
    "oes_2019.json.gz": "occupations",
    "onet_reference.json.gz": "dwas",
    "projections.json.gz": "projections",
    "projections_2024_34.json.gz": "projections",
    "similarity.json.gz": "domains",
    "soc_changes.json": "combined",
    "elements.json": "elements",
    "oews_reference.json": "datatypes",
    "oews_values.json.gz": "decimals",
    "occupations.json": "onet",
    "titles.json.gz": "titles",
}
#: The files whose tables are stored as columns (``writer.columnar``).
COLUMNAR = frozenset(
    {
        "areas.json",
        "elements.json",
        "occupations.json",
        "oes_2019.json.gz",
        "onet_reference.json.gz",
        "projections.json.gz",
        "projections_2024_34.json.gz",
    }
)


@dataclass(frozen=True)
class Documents:
    """Every output document (except the manifest) and what the manifest and checks need."""

    docs: dict[str, Json]
    releases: list[Json]
    inputs: list[InputFile]
    counts: dict[str, int]
    expectations: verify.Expectations
    wage_bases: Counter[str]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and the facts the summary and tests need."""

    out: Path
    files: dict[str, bytes]
    expectations: verify.Expectations
    samples: list[verify.Sample]
    wage_bases: Counter[str]
    seconds: float

    @property
    def total_bytes(self) -> int:
        """Size of all generated files."""
        return sum(len(data) for data in self.files.values())


def make_documents(source: Path) -> Documents:
    """Read every source and shape the output documents."""
    log = InputLog(source)
    tables = onet.read_tables(source, log)
    version, period = manifest.read_onet_release(source, log)
    codes = onet.occupation_codes(tables)
    rated = sections.read_sections(source, log, tables)
    importance = rated.importance_29_1
    data = oews.read_oews(source, log)

    docs: dict[str, Json] = {}
    docs["elements.json"] = onet.elements_document(tables)
    oews_codes = {oews.dashed(code) for code, _, _ in data.occupations}
    oews_levels = {oews.dashed(code): level for code, _, level in data.occupations}
    within = occupations.read_aggregates(codes, oews_levels, log)
    official = onet.occupation_index(tables)
    docs["occupations.json"], wage_bases = occupations.occupations_document(
        official, oews.occupations_list(data), oews_codes, within
    )
    docs["titles.json.gz"] = titles.title_index_document(official, onet.titles_document(tables))
    docs["areas.json"] = areas.areas_document(data.areas)
    aliases = area_aliases.read_aliases([a.code for a in data.areas], log)
    docs["area_aliases.json"] = area_aliases.aliases_document(aliases)
    docs["oews_reference.json"] = oews.reference_document(data)
    docs["onet_reference.json.gz"] = work_content.reference_document(
        tables, onet.element_names(tables)
    )
    content = work_content.occupation_sections(tables, onet.task_texts(tables))
    profiles = onet.profiles(tables, rated.lists, rated.work_activities)
    for code, profile in profiles.items():
        assert isinstance(profile, dict)
        docs[f"{packs.ONET_PACK}/{code}"] = {**profile, **content[code]}
    docs["similarity.json.gz"] = similarity.similarity_document(profiles)
    curated = certifications.read_certifications(codes, log)
    docs["certifications.json"] = certifications.certifications_document(curated)
    projected = projections.read_projections(source, log)
    national_2019 = history.read_national_2019(source, log)
    crosswalk = soc_changes.read_crosswalk(log)
    docs["projections.json.gz"] = projections.projections_document(projected)
    projected_2024 = projections_2024.read_projections_2024(
        source, log, projections_2024.category_codes(projected)
    )
    recoded = projections_2024.check_recoded(
        crosswalk, [str(row["code"]) for row in projected if isinstance(row, dict)], projected_2024
    )
    if recoded:
        raise projections_2024.Projections2024Error(
            f"{soc_changes.CURATED.name} as the 2020-30 -> 2024-34 code changes: "
            + "; ".join(recoded)
        )
    docs["projections_2024_34.json.gz"] = projections_2024.projections_document(projected_2024)
    docs["oes_2019.json.gz"] = history.history_document(national_2019)
    docs["soc_changes.json"] = soc_changes.changes_document(
        crosswalk,
        oews_levels,
        {str(row["code"]): str(row["title"]) for row in national_2019 if isinstance(row, dict)},
        {str(row["code"]) for row in projected if isinstance(row, dict)},
    )
    estimates = {
        f"{packs.OEWS_PACK}/{code}": oews.occupation_document(code, rows)
        for code, rows in data.estimates.items()
    }
    docs["oews_values.json.gz"] = packs.values_document(estimates)
    docs.update(estimates)

    expectations = verify.Expectations(
        onet_version=version,
        oews_release=data.release["code"],
        onet_occupations=len(codes),
        oews_occupations=len(data.occupations),
        areas=len(data.areas),
        oews_estimates=data.estimate_count,
        profile_lists=onet.expected_counts(tables),
        measures=rated.measures,
        work_activities_codes=sorted(rated.work_activities),
        projections=len(projected),
        oes_2019_occupations=len(national_2019),
        projections_2024=len(projected_2024.rows),
        content_lists=work_content.expected_counts(tables),
        averaged_socs=importance.averaged_socs if importance else [],
    )
    distribution = " and ".join(
        {".xlsx": "Excel", ".txt": "text"}[suffix] for suffix in sorted(tables.formats)
    )
    releases = [
        manifest.onet_release(
            version,
            period,
            distribution=distribution,
            tables=tables.names(),
            supplemented=rated.supplemented,
            activities_29_1=len(importance.section) if importance else 0,
        ),
        *(
            [
                manifest.activities_29_1_release(
                    len(importance.section), len(importance.averaged_socs)
                )
            ]
            if importance
            else []
        ),
        manifest.oews_release(data.release, data.flat_files),
        manifest.projections_2024_release(),
        manifest.projections_release(),
        manifest.oes_2019_release(),
    ]
    counts = {
        "onet_occupations": len(codes),
        "oews_occupations": len(data.occupations),
        "areas": len(data.areas),
        "oews_estimates": data.estimate_count,
        "projections": len(projected),
        "oes_2019_occupations": len(national_2019),
        "certifications": len(curated),
        "projections_2024_34": len(projected_2024.rows),
        "onet_29_1_work_activities": len(importance.section) if importance else 0,
        **work_content.occupation_counts(content),
    }
    return Documents(docs, releases, log.files(), counts, expectations, wage_bases)


def encode_all(documents: Documents) -> dict[str, bytes]:
    """Encode every document, pack the per-occupation ones (each pack with its index
    file), and add manifest.json, which lists the files' checksums."""
    docs = documents.docs
    files = {
        path: encode(path, doc)
        for path, doc in sorted(docs.items())
        if not path.startswith(verify.FOLDERS)
    }
    outputs: list[Json] = []
    for path, data in files.items():
        document = docs[path]
        assert isinstance(document, dict)
        collection = document[MAIN_COLLECTION[path]]
        if isinstance(collection, str):  # lines (titles.json.gz's titles): a row each
            rows = collection.count("\n") + 1 if collection else 0
        elif path in COLUMNAR:  # records as columns: a column's length
            rows = len(rows_of(collection, f"{path} {MAIN_COLLECTION[path]}"))
        else:
            assert isinstance(collection, (dict, list))
            rows = len(collection)
        outputs.append(checksums(path, data, rows=rows))
    areas_doc = docs["areas.json"]
    assert isinstance(areas_doc, dict)
    area_codes = [str(a["code"]) for a in rows_of(areas_doc["areas"], "areas.json areas")]
    blocks = packs.BlockEncoder(docs[packs.VALUES], area_codes)
    profiles = {
        path.partition("/")[2]: onet.stored_profile(doc)
        for path, doc in docs.items()
        if path.startswith(packs.ONET_PACK + "/")
    }
    dictionaries = {packs.ONET_PACK: onet.profile_dictionary(profiles.values())}
    members = {
        packs.ONET_PACK: {code: encode_json(doc) for code, doc in profiles.items()},
        packs.OEWS_PACK: {
            path.partition("/")[2]: blocks.block(doc)
            for path, doc in docs.items()
            if path.startswith(packs.OEWS_PACK + "/")
        },
    }
    for name in packs.PACKS:
        packed = packs.pack(members[name], dictionaries.get(name, b""))
        files[name] = packed.data
        index = packs.index_name(name)
        files[index] = packs.encode_index(packed.members)
        entry = checksums(name, packed.data, rows=len(packed.members))
        entry.update(size=len(packed.data), index=index)
        if packed.dictionary is not None:
            entry["dictionary"] = list(packed.dictionary)
        outputs.append(entry)
        outputs.append(checksums(index, files[index], rows=len(packed.members)))
    outputs.sort(key=lambda e: str(e["path"]) if isinstance(e, dict) else "")
    document = manifest.manifest_document(
        documents.releases, documents.inputs, outputs, documents.counts
    )
    files["manifest.json"] = encode("manifest.json", document)
    return dict(sorted(files.items()))


def checksums(path: str, data: bytes, *, rows: int) -> dict[str, Json]:
    """A file's manifest entry: its sha256 (provenance: what `sha256sum` shows), its
    CRC-32 (what the library checks each read against) and its `rows`."""
    return {"path": path, "sha256": sha256_bytes(data), "crc32": crc32_bytes(data), "rows": rows}


def clean(out: Path) -> None:
    """Remove the per-occupation folders of schema version 1 (the packs replace them)."""
    for folder in OLD_FOLDERS:
        for path in sorted((out / folder).glob("*" + GENERATED_SUFFIX)):
            if path.name not in KEEP:
                path.unlink()
        if (out / folder).is_dir() and not any((out / folder).iterdir()):
            (out / folder).rmdir()


def build(source: Path, out: Path) -> BuildResult:
    """Build into `out` from `source`, verify the written files (with databuild's checks,
    then through the library's own reading), and return a summary."""
    started = time.perf_counter()
    documents = make_documents(source)
    files = encode_all(documents)
    out.mkdir(parents=True, exist_ok=True)
    clean(out)
    for path, data in files.items():
        write_file(out, path, data)
    samples = verify.raw_samples(source)
    verify.check_outputs(out, documents.expectations, samples)
    library_check.check_with_library(out)
    return BuildResult(
        out=out,
        files=files,
        expectations=documents.expectations,
        samples=samples,
        wage_bases=documents.wage_bases,
        seconds=time.perf_counter() - started,
    )
