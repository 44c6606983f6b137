"""Page layout: sections of paragraphs, bullet lists and tables, as text, Markdown or HTML.

All renderings come from one intermediate form, so they always say the
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
    #: ``l`` or ``r`` per column (``L`` in HTML only: left, not wrapped).
    align: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """Labelled values, as a card's key facts show them ("Job zone: Three")."""

    items: tuple[tuple[str, str], ...]


Block = str | Table | Bullets | Facts


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
    if isinstance(block, Facts):
        return _text_block(Bullets(tuple(f"{label}: {value}" for label, value in block.items)))
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
    if isinstance(block, Facts):
        return [f"- **{md_escape(label)}:** {md_escape(value)}" for label, value in block.items]
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


# -- html -------------------------------------------------------------------
#
# Inline styles only (a notebook page holds many fragments; a <style> block
# would restyle them all): text keeps the page's colour, rules are translucent
# grey, so a fragment reads on light and dark themes alike.

_STYLES = {
    "page": "line-height:1.45;max-width:64em",
    # A wide table scrolls inside its fragment instead of widening the page.
    "wide": "line-height:1.45;max-width:100%;overflow-x:auto",
    "card": "line-height:1.45;max-width:76em;padding:.5em 1em .7em;"
    "border:1px solid rgba(127,127,127,.45);border-radius:6px",
    "h": "margin:.2em 0 .5em;font-size:1.3em;font-weight:600;line-height:1.25",
    "h2": "margin:1em 0 .35em;font-size:1.08em;font-weight:600",
    "p": "margin:.35em 0;text-align:left",
    # A note under a tile's table wraps at the table's width instead of widening the tile.
    "tile-p": "margin:.35em 0;text-align:left;width:0;min-width:100%",
    "ul": "margin:.35em 0;padding-left:1.5em;text-align:left",
    "table": "border-collapse:collapse;margin:.35em 0;table-layout:auto;width:auto",
    # Rules on rows, not cells (a notebook's own CSS may clear cell borders).
    "head": "border-bottom:1px solid rgba(127,127,127,.7)",
    "row": "border-bottom:1px solid rgba(127,127,127,.3)",
    "th": "padding:.25em .75em;font-weight:600;vertical-align:bottom",
    "td": "padding:.25em .75em;vertical-align:top",
    "more": "margin:.2em 0 .5em;font-style:italic;opacity:.8",
    # A card's titled sections flow side by side where the page is wide enough.
    "tile": "display:inline-block;vertical-align:top;max-width:36em;margin-right:2em",
    "dt": "padding:.1em 1em .1em 0;font-weight:600;text-align:left;vertical-align:top;"
    "white-space:nowrap",
    "dd": "padding:.1em 0;text-align:left;vertical-align:top",
}
#: Right-aligned cells are figures: never broken inside; ``L`` is left-aligned text
#: that is not broken either (a data preview's cells, one line a row).
_ALIGN = {
    "l": ";text-align:left",
    "L": ";text-align:left;white-space:nowrap",
    "r": ";text-align:right;white-space:nowrap",
}


def _escape(text: str) -> str:
    # html (and its 2,000 entities) imported for HTML output only, not for text.
    from html import escape

    return escape(text)


def _tag(tag: str, style: str, text: str) -> str:
    return f'<{tag} style="{_STYLES[style]}">{text}</{tag}>'


def _html_table(table: Table, max_rows: int | None) -> list[str]:
    def row(cells: Sequence[str], kind: str, rule: str) -> str:
        return (
            f'<tr style="{_STYLES[rule]}">'
            + "".join(
                f'<{kind} style="{_STYLES[kind]}{_ALIGN[a]}">{_escape(c)}</{kind}>'
                for c, a in zip(cells, table.align, strict=True)
            )
            + "</tr>"
        )

    shown = table.rows if max_rows is None else table.rows[:max_rows]
    lines = [
        f'<table style="{_STYLES["table"]}">',
        f"<thead>{row(table.headers, 'th', 'head')}</thead>",
        "<tbody>",
        *(row(cells, "td", "row") for cells in shown),
        "</tbody>",
        "</table>",
    ]
    hidden = len(table.rows) - len(shown)
    if hidden:
        lines.append(_tag("p", "more", f"… {hidden:,} more row{'s' if hidden > 1 else ''}"))
    return lines


def _html_block(block: Block, max_rows: int | None, p: str = "p") -> list[str]:
    if isinstance(block, Table):
        return _html_table(block, max_rows)
    if isinstance(block, Facts):
        rows = (
            f"<tr>{_tag('th', 'dt', _escape(label))}{_tag('td', 'dd', _escape(value))}</tr>"
            for label, value in block.items
        )
        return [f'<table style="{_STYLES["table"]}">', "<tbody>", *rows, "</tbody>", "</table>"]
    if isinstance(block, Bullets):
        items = (f"<li>{_escape(item)}</li>" for item in block.items)
        return [f'<ul style="{_STYLES["ul"]}">', *items, "</ul>"]
    return [_tag("p", p, _escape(block))]


def html_document(
    title: str,
    parts: Sequence[Section],
    *,
    max_rows: int | None = None,
    card: bool = False,
    wide: bool = False,
) -> str:
    """One self-contained ``<div>``: the title, each section under its heading (none
    for an untitled section), tables cut after ``max_rows`` rows with a line saying
    how many more there are. A ``card`` has a frame, and its titled sections sit side
    by side where they fit; a ``wide`` fragment takes the page's width and scrolls
    sideways where its tables are wider."""
    box = "card" if card else "wide" if wide else "page"
    lines = [f'<div style="{_STYLES[box]}">', _tag("h3", "h", _escape(title))]
    for section in parts:
        tile = card and bool(section.title)
        if tile:
            lines.append(f'<div style="{_STYLES["tile"]}">')
        if section.title:
            lines.append(_tag("h4", "h2", _escape(section.title)))
        p = "tile-p" if tile and any(isinstance(b, Table) for b in section.blocks) else "p"
        for block in section.blocks:
            lines.extend(_html_block(block, max_rows, p))
        if tile:
            lines.append("</div>")
    lines.append("</div>")
    return "\n".join(lines) + "\n"
