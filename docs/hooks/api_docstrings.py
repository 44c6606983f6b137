"""A griffe extension for the API reference (mkdocs.yml loads it for mkdocstrings).

Two things griffe cannot see by reading the source:

- The module functions (``occprofile.profile``, ...) are the bound methods of
  the shared ``Dataset`` (``profile = _default.profile``), so griffe takes them
  for attributes. Each becomes a copy of its ``Dataset`` method without
  ``self``: its signature, annotations and docstring.
- The docstrings are written for ``help()`` and Sphinx-style readers:
  ``:class:`Dataset``` roles become code spans, ``>>>`` examples become
  fenced ``pycon`` blocks (Markdown would read ``>>>`` as nested quotes), and
  the ``*`` of ``O*NET`` outside code is escaped, not the start of emphasis.
- A record's fields have no docstrings of their own: each class lists its
  annotated fields (name and type) in an Attributes section, so the
  reference shows what a record holds without a heading per field.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?[a-z]+:`(~?)([^`]+)`")
CODE_SPAN = re.compile(r"(`+[^`]*`+)")


def _role_to_code(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def _escape_stars(line: str) -> str:
    """``O*NET`` outside code spans, where Markdown would start emphasis at its ``*``."""
    parts = CODE_SPAN.split(line)
    return "".join(p if i % 2 else p.replace("O*NET", "O\\*NET") for i, p in enumerate(parts))


def markdown_docstring(text: str) -> str:
    """A docstring with Sphinx roles as code spans and doctest examples fenced."""
    out: list[str] = []
    in_example = False
    for line in ROLE.sub(_role_to_code, text).splitlines():
        if line.startswith(">>>") and not in_example:
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line if in_example else _escape_stars(line))
    if in_example:
        out.append("```")
    return "\n".join(out)


def _bound_method_copy(
    module: griffe.Module, name: str, method: griffe.Function
) -> griffe.Function:
    parameters = list(method.parameters)
    if parameters and parameters[0].name == "self":
        parameters = parameters[1:]
    docstring = method.docstring
    function = griffe.Function(
        name,
        lineno=method.lineno,
        endlineno=method.endlineno,
        parameters=griffe.Parameters(*parameters),
        returns=method.returns,
        docstring=None if docstring is None else griffe.Docstring(docstring.value),
    )
    function.parent = module
    if function.docstring is not None:
        function.docstring.parent = function
    return function


def _fields_section(cls: griffe.Class) -> str:
    """A Google-style Attributes section of the class's undocumented annotated fields."""
    lines = [
        f"    {name} ({member.annotation}):"
        for name, member in cls.members.items()
        if isinstance(member, griffe.Attribute)
        and not member.is_alias
        and not name.startswith("_")
        and member.annotation is not None
        and member.docstring is None
        and "property" not in member.labels
    ]
    return "\n\nAttributes:\n" + "\n".join(lines) if lines else ""


def _walk(obj: griffe.Object) -> list[griffe.Object]:
    found = [obj]
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            found.extend(_walk(member))
    return found


class OccprofileDocs(griffe.Extension):
    """Module functions as functions; Markdown-friendly docstrings."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """The whole package is loaded: rewrite it (griffe 2)."""
        if pkg.name != "occprofile":
            return
        dataset = pkg["_dataset.Dataset"]
        for name, member in list(pkg.members.items()):
            if (
                not member.is_alias
                and isinstance(member, griffe.Attribute)
                and str(member.value) == f"_default.{name}"
                and name in dataset.members
            ):
                method = dataset.members[name]
                assert isinstance(method, griffe.Function), name
                pkg.set_member(name, _bound_method_copy(pkg, name, method))
        for obj in _walk(pkg):
            if obj.docstring is not None:
                obj.docstring.value = markdown_docstring(obj.docstring.value)
            if isinstance(obj, griffe.Class) and obj.docstring is not None:
                obj.docstring.value += _fields_section(obj)

    def on_package_loaded(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """The same hook under its griffe 1 name."""
        self.on_package(pkg=pkg, **kwargs)
