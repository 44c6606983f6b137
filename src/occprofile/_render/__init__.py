"""Faces: how records read as text and Markdown (layout, and the content of each page)."""
