"""Generated data files, built by `python -m databuild` (see README.md here)."""
