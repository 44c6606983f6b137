"""Matching: what people type (codes, titles, free text, area names) to records."""
