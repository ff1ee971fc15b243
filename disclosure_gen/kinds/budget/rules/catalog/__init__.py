"""Catalog rules: codes exist in the year's catalog, names match, kinds fit the codes."""
