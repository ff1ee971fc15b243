"""Plausibility: figures that are possible but almost always a typing mistake."""
