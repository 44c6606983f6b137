"""Page layout: sections of paragraphs, bullet lists and tables, as text or Markdown.

Both renderings come from one intermediate form, so they always say the
same thing; only the markup differs. This module knows nothing of
occprofile's records: ``content`` decides what a page says, this how it looks.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 78


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: ``l`` or ``r`` per column.
    align: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


Block = str | Table | Bullets


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


# -- text -------------------------------------------------------------------


def _text_table(table: Table) -> list[str]:
    """Columns padded to their widest cell; if that is wider than the page, the
    widest left-aligned column is narrowed and its cells wrapped."""
    widths = [
        max(len(cell) for cell in column) for column in zip(table.headers, *table.rows, strict=True)
    ]
    total = 2 + sum(widths) + 2 * (len(widths) - 1)
    if total > WIDTH:
        widest = max((i for i, a in enumerate(table.align) if a == "l"), key=widths.__getitem__)
        widths[widest] = max(12, widths[widest] - (total - WIDTH))

    def lines(cells: Sequence[str]) -> list[str]:
        wrapped = [
            textwrap.wrap(c, w, break_on_hyphens=False) or [""]
            for c, w in zip(cells, widths, strict=True)
        ]
        out = []
        for k in range(max(len(w) for w in wrapped)):
            padded = (
                (part[k] if k < len(part) else "").rjust(w)
                if a == "r"
                else (part[k] if k < len(part) else "").ljust(w)
                for part, w, a in zip(wrapped, widths, table.align, strict=True)
            )
            out.append(("  " + "  ".join(padded)).rstrip())
        return out

    rule = "  " + "  ".join("-" * w for w in widths)
    return [*lines(table.headers), rule, *(line for r in table.rows for line in lines(r))]


def _text_block(block: Block) -> list[str]:
    if isinstance(block, Table):
        return _text_table(block)
    if isinstance(block, Bullets):
        return [
            line
            for item in block.items
            for line in textwrap.wrap(
                item, WIDTH, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False
            )
        ]
    return textwrap.wrap(block, WIDTH, break_on_hyphens=False)


def text_document(title_text: str, parts: Sequence[Section]) -> str:
    title = textwrap.wrap(title_text, WIDTH, break_on_hyphens=False)
    lines = [*title, "=" * max(len(line) for line in title)]
    for section in parts:
        heading = textwrap.wrap(section.title, WIDTH, break_on_hyphens=False)
        lines.extend(["", *heading, "-" * max(len(line) for line in heading)])
        for i, block in enumerate(section.blocks):
            if i:
                lines.append("")
            lines.extend(_text_block(block))
    return "\n".join(lines) + "\n"


# -- markdown ---------------------------------------------------------------

#: Markdown's specials, and ``$``: Jupyter would pair dollar amounts as TeX.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#$"})


def md_escape(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Table):
        rule = ["---:" if a == "r" else "---" for a in block.align]
        return [
            "| " + " | ".join(md_escape(h) for h in block.headers) + " |",
            "| " + " | ".join(rule) + " |",
            *("| " + " | ".join(md_escape(c) for c in row) + " |" for row in block.rows),
        ]
    if isinstance(block, Bullets):
        return [f"- {md_escape(item)}" for item in block.items]
    return [md_escape(block)]


def markdown_document(title: str, parts: Sequence[Section]) -> str:
    lines = [f"# {md_escape(title)}"]
    for section in parts:
        lines.extend(["", f"## {md_escape(section.title)}"])
        for block in section.blocks:
            lines.append("")
            lines.extend(_md_block(block))
    return "\n".join(lines) + "\n"
