"""Build occprofile's packaged data (src/occprofile/data) from the raw upstream files."""
