"""The writer (databuild.writer) is deterministic: its bytes depend only on the content."""

from __future__ import annotations

import gzip

import pytest

from databuild import writer
from databuild.writer import Json


def test_writer_output_depends_only_on_content() -> None:
    a: Json = {"b": [1, 4.12, None, True], "a": {"z": "O*NET\u00ae", "y": 3.62}}
    b: Json = {"a": {"y": 3.62, "z": "O*NET\u00ae"}, "b": [1, 4.12, None, True]}
    for path in ("x.json", "x.json.gz"):
        assert writer.encode(path, a) == writer.encode(path, a) == writer.encode(path, b)
        assert writer.decode(path, writer.encode(path, a)) == a
    text = writer.encode("x.json", a)
    assert text == '{"a":{"y":3.62,"z":"O*NET\u00ae"},"b":[1,4.12,null,true]}'.encode()
    packed = writer.encode("x.json.gz", a)
    assert packed[4:8] == b"\0\0\0\0"  # gzip mtime
    assert gzip.decompress(packed) == text
    with pytest.raises(ValueError, match="Out of range float"):
        writer.encode("x.json", float("nan"))
