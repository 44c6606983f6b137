"""The store: packaged resources read, checked and structured into schema records."""
