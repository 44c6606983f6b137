"""HTML for Jupyter: every record and table as a small, self-contained fragment.

Text from the data goes through ``html.escape``; styles are inline, there
are no scripts and no external assets.
"""

from __future__ import annotations

import html


def render_html(obj: object) -> str:
    """The HTML display of a record or table (for now: its text, escaped)."""
    return f"<pre>{html.escape(str(obj))}</pre>"
