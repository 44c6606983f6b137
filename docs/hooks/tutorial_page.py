"""MkDocs hook: execute docs/tutorial.ipynb and publish it as the site's tutorial page.

The notebook is committed without outputs. Each build runs it with nbclient
(the python3 kernel of ipykernel; a cell that raises fails the build) and
replaces it in the site by

- ``tutorial.md``, a page made from the executed notebook: Markdown cells as
  they are, code cells as ``python`` blocks, each output as the richest form
  it has (image, HTML, Markdown rendered to HTML, else plain text), so the
  page has the theme, the navigation and the search of every other page;
- ``tutorial.ipynb``, the executed notebook, for download.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import nbformat
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from nbclient import NotebookClient
from nbconvert.filters.markdown import markdown2html

NOTEBOOK = "tutorial.ipynb"
PAGE = "tutorial.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def execute(path: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """The notebook at ``path`` with every cell run in a fresh python3 kernel."""
    notebook: nbformat.NotebookNode = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        coalesce_streams=True,  # one block of printed text per cell, however it was flushed
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


def _text_block(text: str) -> str:
    return f'<div class="nb-output"><pre>{html.escape(ANSI.sub("", text).rstrip())}</pre></div>'


def _output(output: dict[str, Any]) -> str:
    kind = output["output_type"]
    if kind == "stream":
        return _text_block(output["text"])
    if kind == "error":
        return _text_block("\n".join(output["traceback"]))
    data = output.get("data", {})
    if "image/png" in data:
        body = f'<img alt="output" src="data:image/png;base64,{data["image/png"].strip()}">'
    elif "image/svg+xml" in data:
        body = data["image/svg+xml"]
    elif "text/html" in data:
        body = data["text/html"]
    elif "text/markdown" in data:
        body = markdown2html(data["text/markdown"])
    else:
        return _text_block(data.get("text/plain", ""))
    return f'<div class="nb-output nb-rich" markdown="0">\n{body}\n</div>'


def to_markdown(notebook: nbformat.NotebookNode, download: str) -> str:
    """The executed notebook as one Markdown page."""
    parts: list[str] = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        elif cell.cell_type == "code" and cell.source.strip():
            parts.append(f"```python\n{cell.source}\n```")
            parts.extend(_output(output) for output in cell.outputs)
    note = (
        f'<p class="nb-download">This page is the notebook <a href="{html.escape(download)}">'
        f"{html.escape(download)}</a>, run when the site was built.</p>"
    )
    first, _, rest = "\n\n".join(parts).partition("\n")
    return f"{first}\n\n{note}\n{rest}\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Swap the committed notebook for its executed page and download."""
    source = files.get_file_from_path(NOTEBOOK)
    if source is None:
        return files
    notebook = execute(Path(config.docs_dir) / NOTEBOOK)
    files.remove(source)
    files.append(File.generated(config, NOTEBOOK, content=nbformat.writes(notebook)))
    files.append(File.generated(config, PAGE, content=to_markdown(notebook, NOTEBOOK)))
    return files
